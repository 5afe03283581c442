#!/usr/bin/env bash
# The benchmark: builds the release app if needed, then prints its figures
# as `name: value` lines.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
if [ ! -f dist/index.html ] || [ -n "$(find src crates/domain/src style index.html -newer dist/index.html -print -quit)" ]; then
  trunk build --release --offline >&2
fi
node bench/sizes.mjs dist 100
