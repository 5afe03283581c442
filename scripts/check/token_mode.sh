#!/usr/bin/env bash
# Token mode end to end with the development provider's real tokens: they
# pass the server's token checks (crates/identity) and name who they should;
# the backend started with --oidc-issuer answers a good token, and refuses
# no token, X-Persona alone, another organization's token and a tampered one.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node idp/server.mjs --port "$port" >"$work/idp.log" 2>&1 &
idp=$!
backend=
trap 'kill $idp $backend 2>/dev/null; rm -rf "$work"' EXIT
issuer="http://127.0.0.1:$port"
for _ in $(seq 50); do grep -q '^ready' "$work/idp.log" && break; sleep 0.1; done
grep -q '^ready' "$work/idp.log" || { cat "$work/idp.log"; exit 1; }

curl -sf "$issuer/jwks" -o "$work/jwks.json"
token_for() {
  curl -sf -u "$1:demo-secret" -d grant_type=client_credentials -d resource=api://partner-console "$issuer/token" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
cargo build -q -p identity --example identify
identify() { target/debug/examples/identify "$issuer" api://partner-console "$work/jwks.json"; }

expect() {
  local got; got=$(identify <<<"$2" || true)
  grep -q -- "$3" <<<"$got" || { echo "$1: expected “$3”, got “$got”"; exit 1; }
  echo "ok: $1: $got"
}
adatum=$(token_for adatum-automation)
expect "adatum-automation" "$adatum" 'organization=6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c .*persona=global-admin'
expect "contoso-automation" "$(token_for contoso-automation)" 'organization=3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94 .*persona=global-admin'
# The same token with its signature's last characters changed.
expect "a tampered signature" "${adatum%????}AAAA" 'refused: The token.s signature does not match'

# The backend in token mode, on a throwaway database and a stand-in app.
mkdir -p "$work/dist"
echo '<!doctype html><title>app</title>' >"$work/dist/index.html"
cargo build -q -p backend
api_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
target/debug/backend --addr "127.0.0.1:$api_port" --dist "$work/dist" --db "$work/db.sqlite3" \
  --oidc-issuer "$issuer" --organization 6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c >"$work/backend.log" 2>&1 &
backend=$!
api="http://127.0.0.1:$api_port/api/relationships"
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$api_port/health" && break; sleep 0.1; done
status() { curl -s -o /dev/null -w '%{http_code}' "$@" "$api"; }
answer() {
  local got; got=$(status "${@:3}")
  [ "$got" = "$2" ] || { echo "$1: expected $2, got $got"; cat "$work/backend.log"; exit 1; }
  echo "ok: $1: $got"
}
answer "Adatum's automation token" 200 -H "Authorization: Bearer $adatum"
answer "no token" 401
answer "X-Persona alone" 401 -H "X-Persona: global-admin"
answer "Contoso's token on Adatum's server" 401 -H "Authorization: Bearer $(token_for contoso-automation)"
answer "a tampered token" 401 -H "Authorization: Bearer ${adatum%????}AAAA"
