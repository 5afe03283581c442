#!/usr/bin/env bash
# Server mode as an organization runs it, on this machine: installs what is
# missing, builds the app if it changed, starts the development identity
# provider on http://127.0.0.1:8091/ and the backend on
# http://127.0.0.1:8090/, where people sign in (demo accounts in the
# README, password "demo"). The data lives in partner-console.sqlite3; the
# demo organization (Adatum Corporation) starts with the demo data.
# Extra flags go to the backend, e.g. --reset or --fault-error-rate 0.2.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
. scripts/env.sh
if [ ! -f dist/index.html ] || [ -n "$(find src crates/domain/src style public index.html Trunk.toml -newer dist/index.html -print -quit)" ]; then
  trunk build --release --offline
fi
cargo build --release -p backend

mkdir -p target/logs
node idp/server.mjs --port 8091 --console http://127.0.0.1:8090 > target/logs/idp.log 2>&1 &
idp=$!
trap 'kill $idp 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q '^ready' target/logs/idp.log && break; sleep 0.1; done
grep -q '^ready' target/logs/idp.log || { cat target/logs/idp.log >&2; exit 1; }
echo "identity provider on http://127.0.0.1:8091 (log: target/logs/idp.log)"

# The development client's secret; a real deployment reads its own from a
# file (--oidc-client-secret-file) or its secret store.
PARTNER_CONSOLE_OIDC_CLIENT_SECRET=demo-console-secret target/release/backend \
  --addr 127.0.0.1:8090 --dist dist \
  --oidc-issuer http://127.0.0.1:8091 --oidc-client-id partner-console \
  --demo-data "$@"
