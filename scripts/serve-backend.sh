#!/usr/bin/env bash
# Installs what is missing, builds the app if it changed, then starts the
# optional backend on http://127.0.0.1:8090/ serving it: the console then
# keeps its data on the server (SQLite, partner-console.sqlite3).
# Extra flags go to the backend, e.g. --fault-error-rate 0.2 or --reset.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
if [ ! -f dist/index.html ] || [ -n "$(find src crates/domain/src style public index.html -newer dist/index.html -print -quit)" ]; then
  trunk build --release --offline
fi
exec cargo run --release -p backend -- --addr 127.0.0.1:8090 --dist dist "$@"
