#!/usr/bin/env python3
"""Fails if any Rust source hands the browser HTML that is not a constant.

Leptos escapes every text node and attribute it renders; the only ways
around that are `inner_html` (the view attribute or web-sys's setter),
`outer_html` and `insert_adjacent_html`. Each use must take a string
literal, so nothing from storage, the network, the URL or the user can
ever become markup. web-sys's setters are also denied by clippy
(clippy.toml); this check covers the `inner_html=` view attribute, which
clippy cannot see through the macro.

Usage: raw_html.py [root ...]   (default: src crates)
       raw_html.py --self-test
"""
import pathlib
import re
import sys

SINK = re.compile(r"\b(set_inner_html|inner_html|set_outer_html|outer_html|insert_adjacent_html)\b")
# After the sink: `=` or `(` (and for insert_adjacent_html a position
# argument), then a plain string literal.
CONSTANT = re.compile(
    r"""\b(?:set_inner_html|inner_html|set_outer_html|outer_html)\s*(?:=|\()\s*"[^"\\{]*"\s*[)>\s/]"""
    r"""|\binsert_adjacent_html\s*\(\s*"[a-z]+"\s*,\s*"[^"\\{]*"\s*\)"""
)


def violations(text: str, name: str):
    found = []
    for number, line in enumerate(text.splitlines(), 1):
        code = line.split("//", 1)[0]
        if SINK.search(code) and not CONSTANT.search(code + " "):
            found.append(f"{name}:{number}: HTML from a non-constant value: {line.strip()}")
    return found


def scan(roots):
    found = []
    for root in roots:
        for path in sorted(pathlib.Path(root).rglob("*.rs")):
            if "target" in path.parts:
                continue
            found += violations(path.read_text(encoding="utf-8"), str(path))
    return found


def self_test():
    bad = [
        'view! { <div inner_html=note /> }',
        'el.set_inner_html(&format!("<b>{name}</b>"));',
        'el.set_outer_html(text);',
        'el.insert_adjacent_html("beforeend", &row)?;',
        'view! { <p inner_html=move || html.get()></p> }',
    ]
    good = [
        'view! { <span inner_html="&nbsp;" /> }',
        'el.set_inner_html("");',
        '// inner_html is never used with data',
        'let text = "no sinks here";',
    ]
    for line in bad:
        assert violations(line, "t"), f"missed: {line}"
    for line in good:
        assert not violations(line, "t"), f"false alarm: {line}"
    print("raw_html.py self-test: ok")


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        sys.exit(0)
    problems = scan(sys.argv[1:] or ["src", "crates"])
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        sys.exit(1)
    print("raw_html.py: no HTML from non-constant values")
