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
   it is dropped. (The wasm's preload itself is dropped since 7.)
5. 404.html is a copy of index.html, so hosts without rewrite rules still
   serve the app on a deep link or a reload.
6. Release builds: the wasm-bindgen glue script is minified with terser
   (Trunk's own JS minifier cannot parse it: it warns and ships it as is),
   and the page's integrity hash of it is updated.
7. The frame: the header, the navigation and, for the pages whose first
   screen is the same for everyone, the breadcrumbs, heading and lead, as
   the app renders them and in its words (domain::console, printed by the
   domain's `shell_words` example), so the first paint is the page, not a
   blank one, while the wasm downloads. One file serves every route: an
   inline script keeps the heading of the route asked for (and marks its
   navigation link) before the first paint, so any host's rewrite rule and
   404.html work as before. The app removes the frame and mounts its own
   in one task (src/prerendered.rs).
   The wasm is asked for once that frame has painted (the loader waits for
   a frame and a task; at most a second, so a hidden tab still starts), not
   preloaded from <head>: its 350 KB then no longer compete with the
   render-blocking stylesheet on a slow link, and the page's largest
   paint is the frame's, with nothing of the wasm before it (Lighthouse
   counts every request that ended before that paint).
   The loader hands the glue the wasm's bytes, not its response, so the
   module is compiled with WebAssembly.instantiate, not instantiateStreaming:
   Chromium decodes a streamed module on the main thread as its bytes
   arrive, one 12-35 ms task (50-140 ms at Lighthouse's 4x CPU), and a
   whole one on a background thread. With V8 compiling each function on its
   first call, streaming had nothing left to overlap with the download.
8. Release builds: every text and wasm file gets `.br` and `.gz` siblings
   (scripts/build/precompress.mjs), which the backend and static hosts send
   instead of compressing on each request.

In release builds Trunk has already minified index.html (Trunk.toml's
`minify = "on_release"`) when this runs: attributes may be unquoted and in
any order, so tags are read attribute by attribute, never matched as text;
and the inline script is hashed exactly as it is shipped, minified.
"""
import base64
import hashlib
import html
import json
import os
import re
import subprocess
import sys

SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
# A <link> tag, with the indentation before it and the line break after it
# (present in an unminified page), so a removed tag leaves no blank line.
LINK = re.compile(r"[ \t]*<link\b([^>]*)>\n?", re.I)
# One attribute: name, then a double-quoted, single-quoted or unquoted value.
ATTR = re.compile(r"""([^\s"'=<>/`]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")
# The base-path token as a whole attribute value, quoted or not (a minified
# page has `content=__APP_BASE__`): it is written back quoted, since the
# filled value may be empty.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
APP_BASE = re.compile(r"""=(["']?)__APP_BASE__([^"'\s>]*)\1""")


def attributes(text: str) -> dict[str, str]:
    """A tag's attributes (the text between its name and `>`), names in
    lower case, values as written (entities left as they are)."""
    found = {}
    for m in ATTR.finditer(text):
        value = next((v for v in m.group(2, 3, 4) if v is not None), "")
        found.setdefault(m.group(1).lower(), value)
    return found


def link_tag(attrs: dict[str, str]) -> str:
    def one(name: str, value: str) -> str:
        quote = "'" if '"' in value else '"'
        return "%s=%s%s%s" % (name, quote, value, quote)
    return "<link %s>" % " ".join(one(k, v) for k, v in attrs.items())


def inline_script_hashes(page: str) -> list[str]:
    hashes = []
    for attrs, body in SCRIPT.findall(page):
        if "src" in attributes(attrs):
            continue
        digest = hashlib.sha256(body.encode("utf-8")).digest()
        hashes.append("'sha256-%s'" % base64.b64encode(digest).decode("ascii"))
    return hashes


def drop_fetch_preload_integrity(page: str) -> str:
    def drop(m: re.Match) -> str:
        attrs = attributes(m.group(1))
        if attrs.get("rel", "").lower() != "preload" or attrs.get("as", "").lower() != "fetch":
            return m.group(0)
        if "integrity" not in attrs:
            return m.group(0)
        del attrs["integrity"]
        return m.group(0).replace("<link" + m.group(1) + ">", link_tag(attrs))
    return LINK.sub(drop, page)


def fill_app_base(page: str, public_url: str) -> str:
    base = html.escape(public_url.rstrip("/"), quote=True)
    return APP_BASE.sub(lambda m: '="%s%s"' % (base, m.group(2)), page)


def stylesheet_href(m: re.Match) -> str | None:
    attrs = attributes(m.group(1))
    href = attrs.get("href", "")
    if attrs.get("rel", "").lower() == "stylesheet" and href.endswith(".css"):
        return href
    return None


def bundle_stylesheets(staging: str, page: str, public_url: str) -> str:
    """Joins the stylesheets Trunk linked, in their order, into one file
    named by its content's hash, and links that one in the first's place."""
    links = [m for m in LINK.finditer(page) if stylesheet_href(m)]
    if len(links) < 2:
        return page
    parts = []
    for link in links:
        path = os.path.join(staging, os.path.basename(stylesheet_href(link)))
        with open(path, encoding="utf-8") as f:
            parts.append(f.read())
        os.remove(path)
    css = "\n".join(parts).encode("utf-8")
    name = "app-%s.css" % hashlib.sha256(css).hexdigest()[:16]
    with open(os.path.join(staging, name), "wb") as f:
        f.write(css)
    integrity = "sha384-" + base64.b64encode(hashlib.sha384(css).digest()).decode("ascii")
    prefix = public_url if public_url.endswith("/") else public_url + "/"
    tag = link_tag({
        "rel": "stylesheet",
        "href": html.escape(prefix, quote=True) + name,
        "integrity": integrity,
    })
    out, at = [], 0
    for i, link in enumerate(links):
        out.append(page[at:link.start()])
        if i == 0:
            # Keep the first tag's indentation and line break.
            text = link.group(0)
            out.append(text.replace("<link" + link.group(1) + ">", tag))
        at = link.end()
    out.append(page[at:])
    return "".join(out)


def minify_scripts(staging: str, page: str) -> str:
    """Minifies each script file Trunk wrote (an ES module) in place, and
    puts its new sha384 on the page's links to it (the modulepreload)."""
    terser = os.path.join(ROOT, "tools", "node_modules", ".bin", "terser")
    if not os.path.exists(terser):
        raise SystemExit("post_build.py: %s is missing: run scripts/install.sh" % terser)
    for name in sorted(os.listdir(staging)):
        if not name.endswith(".js"):
            continue
        path = os.path.join(staging, name)
        subprocess.run(
            [terser, path, "--module", "--compress", "--mangle", "--output", path],
            check=True,
        )
        with open(path, "rb") as f:
            digest = base64.b64encode(hashlib.sha384(f.read()).digest()).decode("ascii")

        def rehash(m: re.Match) -> str:
            attrs = attributes(m.group(1))
            if not attrs.get("href", "").endswith("/" + name) or "integrity" not in attrs:
                return m.group(0)
            attrs["integrity"] = "sha384-" + digest
            return m.group(0).replace("<link" + m.group(1) + ">", link_tag(attrs))
        page = LINK.sub(rehash, page)
    return page


# Chooses the route's page head before the first paint (an exact route, or a
# prefix and one more segment); textContent only, never the URL's words.
# It then removes itself: once it has run, the page holds no inline script
# outside <head> (the injection tests treat one as injected markup).
# It also shows the recovery panel when the wasm traps: the size-optimized
# release build panics by trapping at once, so the Rust panic hook
# (src/panic.rs) never runs there.
FRAME_SCRIPT = """{const d=document,b=d.querySelector('meta[name=app-base]').content,
t=e=>{const x=d.getElementById('panic-panel');if(e instanceof WebAssembly.RuntimeError&&x&&x.hidden){x.hidden=!1;x.focus()}};
addEventListener('error',e=>t(e.error));addEventListener('unhandledrejection',e=>t(e.reason));
q=location.pathname,p=(q.startsWith(b)?q.slice(b.length):q).replace(/(.)\\/$/,'$1')||'/';
for(const e of d.querySelectorAll('[data-route]'))e.dataset.route===p?e.hidden=!1:e.remove();
for(const e of d.querySelectorAll('[data-prefix]')){const x=e.dataset.prefix,r=p.slice(x.length);
p.startsWith(x)&&r&&!r.includes('/')?e.hidden=!1:e.remove()}
for(const a of d.querySelectorAll('a[data-path]')){const t=a.dataset.path;
if(t===p||(t!=='/'&&p.startsWith(t+'/')))a.setAttribute('aria-current','page')}
const h=d.querySelector('h1[data-route]');if(h)d.title=h.textContent+' \u00b7 '+%s;
d.currentScript.remove()}"""


def shell_words() -> dict:
    # Native, with the stable toolchain and its cached build: not the
    # nightly settings the release wasm is built with (wasm-toolchain.sh).
    env = {k: v for k, v in os.environ.items()
           if k != "RUSTUP_TOOLCHAIN" and not k.startswith("CARGO_UNSTABLE_")}
    out = subprocess.run(
        ["cargo", "run", "-q", "-p", "domain", "--example", "shell_words"],
        cwd=ROOT, check=True, capture_output=True, text=True, env=env,
    )
    return json.loads(out.stdout)


def frame_html(words: dict, public_url: str) -> str:
    """The app's frame (src/components/shell.rs, src/components/page.rs:
    the same elements and classes), marked `data-prerendered`."""
    e = lambda s: html.escape(s, quote=True)
    base = public_url.rstrip("/")
    href = lambda path: e(base + path) if base else e(path)
    nav, previous = [], None
    for item in words["nav"]:
        group = item["group"]
        heading = ""
        if group and group != previous:
            heading = '<span class="app-nav__group" aria-hidden="true">%s</span>' % e(group)
        hidden = '<span class="visually-hidden">%s: </span>' % e(group) if group else ""
        nav.append('<li>%s<a href="%s" class="app-nav__link" data-path="%s">%s%s</a></li>'
                   % (heading, href(item["path"]), e(item["path"]), hidden, e(item["label"])))
        previous = group
    def crumbs_to(trail: list) -> list:
        """Home and the trail's links, before the page's own crumb."""
        crumbs = ['<li><a href="%s">%s</a></li>' % (href("/"), e(words["home"]))]
        for c in trail:
            crumbs.append('<li><a href="%s">%s</a></li>' % (href(c["path"]), e(c["label"]))
                          if c["path"] else "<li><span>%s</span></li>" % e(c["label"]))
        return crumbs

    def lead_html(lead: list) -> str:
        return "".join("<strong>%s</strong>" % e(w["text"]) if w.get("strong") else e(w["text"])
                       for w in lead)

    heads = []
    for page in words["pages"]:
        route = e(page["path"])
        if page["path"] != "/":
            crumbs = crumbs_to(page["trail"])
            crumbs.append('<li><span aria-current="page">%s</span></li>' % e(page["title"]))
            heads.append('<nav class="breadcrumbs" aria-label="%s" data-route="%s" hidden><ol>%s</ol></nav>'
                         % (e(words["breadcrumbLabel"]), route, "".join(crumbs)))
        heads.append('<h1 class="page-title" tabindex="-1" data-route="%s" hidden>%s</h1>' % (route, e(page["title"])))
        heads.append('<p class="lead" data-route="%s" hidden>%s</p>' % (route, lead_html(page["lead"])))
    # Pages whose heading is their data: the trail and the lead, and the
    # heading's room, unseen (the frame cannot know the heading).
    for page in words["dataPages"]:
        prefix = e(page["prefix"])
        crumbs = crumbs_to(page["trail"])
        crumbs.append('<li data-reserve aria-hidden="true"><span>%s</span></li>' % e(page["headingRoom"]))
        heads.append('<nav class="breadcrumbs" aria-label="%s" data-prefix="%s" hidden><ol>%s</ol></nav>'
                     % (e(words["breadcrumbLabel"]), prefix, "".join(crumbs)))
        heads.append('<div class="page-title" data-reserve aria-hidden="true" data-prefix="%s" hidden>%s</div>'
                     % (prefix, e(page["headingRoom"])))
        heads.append('<p class="lead" data-prefix="%s" hidden>%s</p>' % (prefix, lead_html(page["lead"])))
    return (
        '<a class="skip-link" href="#main" data-prerendered>%s</a>' % e(words["skipLink"])
        + '<header class="app-header" data-prerendered><div class="app-header__brand">'
        + '<button type="button" class="app-header__menu" aria-controls="app-nav" aria-expanded="false">'
        + '<span class="app-header__menu-icon" aria-hidden="true"></span>%s</button>' % e(words["menu"])
        + '<span class="app-header__logo" aria-hidden="true"></span><span class="app-header__names">'
        + '<span class="app-header__product">%s</span>' % e(words["product"])
        # The organization is the demo's or the signed-in session's: the
        # app writes it; the space keeps the line's height.
        + '<span class="app-header__tenant">&nbsp;</span></span></div>'
        # The demo clock and the persona picker as the app lays them out,
        # invisible (style/shell.css `[data-reserve]`): on a narrow screen
        # they wrap onto rows of their own, and without their room the page
        # would jump down when the app arrives. Only their size matters.
        + '<div class="demo-clock" data-reserve><span class="demo-clock__label">Demo date <time>0000-00-00</time></span>'
        + "".join('<button type="button" class="demo-clock__step" tabindex="-1">%s</button>' % step
                  for step in ("+1 day", "+7 days", "+30 days"))
        + '</div><div class="persona" data-reserve><span class="persona__avatar">GA</span>'
        + '<div class="persona__text"><span class="persona__caption">Signed in as</span>'
        + '<span class="persona__name">%s</span></div>' % e(words["firstPersona"])
        + '<span class="persona__label">Switch persona</span>'
        + '<select class="persona__select" tabindex="-1"><option>%s</option></select></div></header>' % e(words["widestPersona"])
        + '<div class="app-body" data-prerendered><nav id="app-nav" class="app-nav" aria-label="%s"><ul>%s</ul></nav>'
        % (e(words["navLabel"]), "".join(nav))
        + '<main id="main" class="app-main" tabindex="-1">%s</main></div>' % "".join(heads)
        + "<script>%s</script>" % (FRAME_SCRIPT % json.dumps(words["product"]))
    )


# Trunk's loader starts with the import of the glue, then fetches the wasm.
LOADER_INIT = "const wasm = await init("
AFTER_FIRST_PAINT = "await new Promise(r=>{requestAnimationFrame(()=>setTimeout(r));setTimeout(r,1000)});\n"


# Its argument: the wasm's address, which the glue would stream.
LOADER_MODULE = re.compile(r"init\(\{ module_or_path: ('[^'\\]+') \}\)")


def wasm_after_first_paint(page: str) -> str:
    if page.count(LOADER_INIT) != 1:
        raise SystemExit("post_build.py: Trunk's loader changed: %r not found once" % LOADER_INIT)
    page = page.replace(LOADER_INIT, AFTER_FIRST_PAINT + LOADER_INIT)
    page, found = LOADER_MODULE.subn(r"init({ module_or_path: fetch(\1).then(r => r.arrayBuffer()) })", page)
    if found != 1:
        raise SystemExit("post_build.py: Trunk's loader changed: init({ module_or_path: '…' }) not found once")

    def drop(m: re.Match) -> str:
        attrs = attributes(m.group(1))
        wasm = attrs.get("rel", "").lower() == "preload" and attrs.get("href", "").endswith(".wasm")
        return "" if wasm else m.group(0)
    return LINK.sub(drop, page)


def insert_frame(page: str, frame: str) -> str:
    at = page.rfind("</body>")
    return page[:at] + frame + page[at:] if at >= 0 else page + frame


def precompress(staging: str) -> None:
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), "precompress.mjs")
    subprocess.run(["node", script, staging], check=True)


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
    page = insert_frame(page, frame_html(shell_words(), public_url))
    page = wasm_after_first_paint(page)
    hashes = inline_script_hashes(page)
    if not hashes:
        print("post_build.py: no inline script found; the CSP would name none", file=sys.stderr)
        return 1
    page = page.replace("__INLINE_SCRIPT_HASHES__", " ".join(hashes))
    page = fill_app_base(page, public_url)
    if "__APP_BASE__" in page:
        print("post_build.py: __APP_BASE__ left where it is not an attribute value", file=sys.stderr)
        return 1
    page = bundle_stylesheets(staging, page, public_url)
    page = drop_fetch_preload_integrity(page)
    release = os.environ.get("TRUNK_PROFILE") == "release"
    if release:
        page = minify_scripts(staging, page)
    for name in ("index.html", "404.html"):
        with open(os.path.join(staging, name), "w", encoding="utf-8") as f:
            f.write(page)
    # Only release builds: brotli 11 on a debug wasm would take minutes.
    if release:
        precompress(staging)
    return 0


if __name__ == "__main__":
    sys.exit(main())
