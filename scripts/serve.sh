#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080/
# with its state in this browser (no backend needed).
# Under a sub-path: scripts/serve.sh --public-url /console/
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
. scripts/build/wasm-toolchain.sh
exec trunk serve --release --offline "$@"
