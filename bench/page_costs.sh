#!/usr/bin/env bash
# Where the wasm's bytes go, page by page. For each routed page, builds the
# release wasm with that page's route pointing at the not-found page (so the
# linker drops the page's code), runs it through wasm-bindgen and wasm-opt
# as Trunk does, and prints its brotli size and what the page costs.
# Last, every page at once: what the shell, the store, the domain engine and
# the runtime weigh with no page at all.
#
# Works on a copy of HEAD in a temporary worktree with its own target
# directory, so it never touches dist/ or target/. About 1 minute a build
# once the dependencies are built (the first build takes a few minutes).
#
# Usage: bench/page_costs.sh        (prints `name: value` lines, bytes)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
. "$root/scripts/env.sh"
work="${PAGE_COSTS_DIR:-/tmp/partner-console-page-costs}"
tree="$work/tree"
target="$work/target"
out="$work/out"

rm -rf "$tree"
git -C "$root" worktree prune
git -C "$root" worktree add --detach --force "$tree" HEAD >/dev/null 2>&1
trap 'git -C "$root" worktree remove --force "$tree" >/dev/null 2>&1 || true' EXIT
cd "$tree"

# Brotli (quality 11, as bench/sizes.mjs) of the wasm that the current tree
# builds to.
wasm_brotli() {
  cargo build --release --target wasm32-unknown-unknown --bin partner-console \
    --target-dir "$target" --quiet >&2
  rm -rf "$out" && mkdir -p "$out"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$target/wasm32-unknown-unknown/release/partner-console.wasm"
  # As index.html asks Trunk: -Os, then data-wasm-opt-params.
  wasm-opt -Os --flatten --rereloop -Os --strip-producers --strip-target-features --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types \
    "$out/partner-console_bg.wasm" -o "$out/opt.wasm"
  node -e '
    const zlib = require("node:zlib");
    const bytes = require("node:fs").readFileSync(process.argv[1]);
    const q = { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } };
    console.log(zlib.brotliCompressSync(bytes, q).length);
  ' "$out/opt.wasm"
}

stub='view=pages::not_found::NotFound'
base=$(wasm_brotli)
echo "wasm_brotli_bytes: $base"
# Each page component named in a route, once (billing has two routes; some
# routes name a wrapper such as SimulatorOrOff rather than a *Page).
pages=$(grep -o 'view=pages::[a-z_]*::[A-Za-z]*' src/app.rs | sort -u | sed 's/^view=//')
for page in $pages; do
  git checkout --quiet -- src/app.rs
  sed -i "s/view=$page\\b/$stub/g" src/app.rs
  without=$(wasm_brotli)
  name=$(echo "$page" | cut -d: -f3)
  echo "page_${name}_brotli_bytes: $((base - without))"
done
git checkout --quiet -- src/app.rs
sed -i -E "s/view=pages::[a-z_]+::[A-Za-z]+\\b/$stub/g" src/app.rs
none=$(wasm_brotli)
git checkout --quiet -- src/app.rs
echo "all_pages_brotli_bytes: $((base - none))"
echo "no_pages_wasm_brotli_bytes: $none"
