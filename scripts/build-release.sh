#!/usr/bin/env bash
# The release build of the app into dist/ (extra arguments go to Trunk, e.g.
# --public-url /console/ --dist target/dist-console), compiled for size as
# scripts/build/wasm-toolchain.sh says.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
. scripts/build/wasm-toolchain.sh
exec trunk build --release --offline "$@"
