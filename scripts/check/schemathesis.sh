#!/usr/bin/env bash
# The API against its own contract: starts this build of the backend
# (target/debug/backend, from `cargo build -p backend`) on a fresh database
# with the demo data, and runs schemathesis (scripts/install.sh --test puts
# it in tools/schemathesis) with every check against the generated
# /openapi.json, acting as the demo Global Administrator. Settings (the
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
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
# The backend serves an app folder; the API is what is tested here.
printf '<!doctype html><title>app</title>\n' > "$work/index.html"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$backend" --addr "127.0.0.1:$port" --dist "$work" --db "$work/demo.sqlite3" > "$work/backend.log" 2>&1 &
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
  -H "X-Persona: global-admin" \
  --checks all \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-100}" \
  --seed "${SCHEMATHESIS_SEED:-1}" \
  --generation-database none \
  --no-color
