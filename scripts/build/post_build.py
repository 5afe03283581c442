#!/usr/bin/env python3
"""Trunk post_build hook.

1. Trunk writes an inline <script type="module"> that loads the wasm. A CSP
   without 'unsafe-inline' must name its exact sha256, which changes with
   every build and public URL, so it is computed here, never pasted.
2. The router's base path comes from the public URL (a <base> element would
   be blocked by base-uri 'none').
3. The stylesheets, kept as one file per area in style/, are served as one
   file: a browser opens at most six connections to a host, so six
   render-blocking stylesheets made the script and the wasm wait for one.
4. Trunk puts an integrity hash on its preload of the wasm. Chromium ignores
   integrity on a fetch preload (and says so in the console on every load),
   and the loader's own fetch of the wasm carries none, so it checks nothing:
   it is dropped.
5. 404.html is a copy of index.html, so hosts without rewrite rules still
   serve the app on a deep link or a reload.
"""
import base64
import hashlib
import html
import os
import re
import sys

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
FETCH_PRELOAD = re.compile(r'<link\b[^>]*\brel="preload"[^>]*\bas="fetch"[^>]*>')
INTEGRITY = re.compile(r'\s+integrity="[^"]*"')
STYLESHEET = re.compile(r'[ \t]*<link rel="stylesheet" href="([^"]+\.css)"[^>]*>\n?')


def inline_script_hashes(page: str) -> list[str]:
    hashes = []
    for attrs, body in SCRIPT.findall(page):
        if re.search(r"\bsrc\s*=", attrs):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-%s'" % base64.b64encode(digest).decode("ascii"))
    return hashes


def drop_fetch_preload_integrity(page: str) -> str:
    return FETCH_PRELOAD.sub(lambda m: INTEGRITY.sub("", m.group(0)), page)


def bundle_stylesheets(staging: str, page: str, public_url: str) -> str:
    """Joins the stylesheets Trunk linked, in their order, into one file
    named by its content's hash, and links that one in the first's place."""
    links = list(STYLESHEET.finditer(page))
    if len(links) < 2:
        return page
    parts = []
    for link in links:
        path = os.path.join(staging, os.path.basename(link.group(1)))
        with open(path, encoding="utf-8") as f:
            parts.append(f.read())
        os.remove(path)
    css = "\n".join(parts).encode("utf-8")
    name = "app-%s.css" % hashlib.sha256(css).hexdigest()[:16]
    with open(os.path.join(staging, name), "wb") as f:
        f.write(css)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(css).digest()).decode("ascii")
    prefix = public_url if public_url.endswith("/") else public_url + "/"
    tag = '    <link rel="stylesheet" href="%s%s" integrity="%s"/>\n' % (
        html.escape(prefix, quote=True), name, integrity)
    first, last = links[0], links[-1]
    between = page[first.end():last.start()]
    return page[:first.start()] + tag + STYLESHEET.sub("", between) + page[last.end():]


def main() -> int:
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        print("post_build.py: TRUNK_STAGING_DIR is not set; run me from Trunk", file=sys.stderr)
        return 1
    public_url = os.environ.get("TRUNK_PUBLIC_URL", "/")
    index = os.path.join(staging, "index.html")
    with open(index, encoding="utf-8") as f:
        page = f.read()
    for token in ("__INLINE_SCRIPT_HASHES__", "__APP_BASE__"):
        if token not in page:
            print(f"post_build.py: {token} missing from index.html", file=sys.stderr)
            return 1
    hashes = inline_script_hashes(page)
    if not hashes:
        print("post_build.py: no inline script found; the CSP would name none", file=sys.stderr)
        return 1
    page = page.replace("__INLINE_SCRIPT_HASHES__", " ".join(hashes))
    page = page.replace("__APP_BASE__", html.escape(public_url.rstrip("/"), quote=True))
    page = bundle_stylesheets(staging, page, public_url)
    page = drop_fetch_preload_integrity(page)
    for name in ("index.html", "404.html"):
        with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
            f.write(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
