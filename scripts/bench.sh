#!/usr/bin/env bash
# The benchmark: builds the release app if needed, then prints its figures
# as `name: value` lines.
set -euo pipefail
cd "$(dirname "$0")/.."
# The browser benchmarks need Chromium and the npm packages too.
scripts/install.sh --test
. scripts/env.sh
if [ ! -f dist/index.html ] || [ -n "$(find src crates/domain/src style index.html Trunk.toml scripts/build -newer dist/index.html -print -quit)" ]; then
  scripts/build-release.sh >&2
fi
# Sizes, brotli as a host sends them, against issue 21's budgets: first
# visit to any route at most 220 KB, the whole app under 400 KB.
node bench/sizes.mjs dist
# First load as Lighthouse judges it (issue 21, point 2): six routes and a
# plain HTML page, mobile preset, the build served with brotli. Lighthouse
# is installed here only (110 MB), not by the README's two commands.
if [ ! -d bench/lighthouse/node_modules/lighthouse ]; then
  (cd bench/lighthouse && npm ci --no-audit --no-fund) >&2
fi
node bench/lighthouse/run.mjs dist
cargo run --release --quiet -p domain --example relationships_bench
# The directory in headless Chromium (issue 4, point 6): per-keystroke search
# time at 10,000 and 100,000 partners against a plain-JS String.includes
# anchor in the same run, keystroke-to-paint, and the index build time.
node bench/directory.mjs dist
# The whole product (issue 8, point 5): navigation to interactive of Home
# and Find a partner against plain HTML/JS anchor pages showing the same
# content (median of 21 cold loads each, ratio goal <= 1.2), and memory
# (wasm + JS heap) at 100,000 partners (goal <= 40 MB) and its growth over
# 20 filter cycles (goal <= 1 MB).
node bench/product.mjs dist
# The optional backend: a seeded soak of 1,000 operations with 20 % faults
# (0 lost inputs, 0 duplicated effects), then 50 connections for 30 s on
# loopback against the read endpoints.
cargo run --release --quiet -p backend --example soak -- --ops 1000 --fault-rate 0.2
cargo run --release --quiet -p backend --example load -- --connections 50 --seconds 30
# The storage engines side by side (issue 19, point 7): 50 admins across 20
# organizations writing, then 50 connections reading, on SQLite with one
# process and on PostgreSQL (a throwaway cluster) with one and with two.
cargo build --release --quiet -p backend --example engines
pg_virtualenv -t -- target/release/examples/engines --seconds 10 2> >(grep --line-buffered -v ' LOG: ' >&2)
