#!/usr/bin/env bash
# The API against its own contract: starts the development identity
# provider and this build of the backend (target/debug/backend, from
# `cargo build -p backend`) in token mode on a fresh database with the demo
# data, and runs schemathesis (scripts/install.sh --test puts it in
# tools/schemathesis) with every check against the generated /openapi.json,
# as a signed-in client: Adatum's automation client, with its bearer token. Settings (the
# statuses a check accepts, the demo ids to use) are in
# crates/backend/tests/schemathesis.toml. Fails on any failure it finds.
#   SCHEMATHESIS_EXAMPLES (default 100) examples per operation;
#   SCHEMATHESIS_SEED (default 1): the same seed, the same requests.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
st="$root/tools/schemathesis/bin/st"
backend="$root/target/debug/backend"
[ -x "$st" ] || { echo "no schemathesis: run scripts/install.sh --test" >&2; exit 1; }
[ -x "$backend" ] || { echo "no backend build: run cargo build -p backend" >&2; exit 1; }

work="$(mktemp -d)"
pid=""
idp=""
cleanup() {
  for p in $pid $idp; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# The backend serves an app folder; the API is what is tested here.
printf '<!doctype html><title>app</title>\n' > "$work/index.html"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
idp_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
issuer="http://127.0.0.1:$idp_port"
node "$root/idp/server.mjs" --port "$idp_port" > "$work/idp.log" 2>&1 &
idp=$!
for _ in $(seq 100); do grep -q '^ready' "$work/idp.log" && break; sleep 0.1; done
grep -q '^ready' "$work/idp.log" || { cat "$work/idp.log" >&2; exit 1; }
# An hour's token: longer than the run.
SCHEMATHESIS_TOKEN="$(curl -sf -u adatum-automation:demo-secret -d grant_type=client_credentials \
  -d resource=api://partner-console "$issuer/token" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
export SCHEMATHESIS_TOKEN
"$backend" --addr "127.0.0.1:$port" --dist "$work" --db "$work/demo.sqlite3" \
  --oidc-issuer "$issuer" --demo-data > "$work/backend.log" 2>&1 &
pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/health" > /dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/backend.log" >&2; exit 1; }
  sleep 0.1
done

# Run from the scratch folder so hypothesis keeps no files in the repo.
cd "$work"
"$st" --config-file "$root/crates/backend/tests/schemathesis.toml" run \
  "http://127.0.0.1:$port/openapi.json" \
  --checks all \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-100}" \
  --seed "${SCHEMATHESIS_SEED:-1}" \
  --generation-database none \
  --no-color
