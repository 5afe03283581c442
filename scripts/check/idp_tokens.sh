#!/usr/bin/env bash
# The development provider's real tokens pass the server's token checks
# (crates/identity) and name who they should; a tampered one does not.
set -euo pipefail
cd "$(dirname "$0")/../.."

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
node idp/server.mjs --port "$port" >"$work/idp.log" 2>&1 &
idp=$!
trap 'kill $idp 2>/dev/null; rm -rf "$work"' EXIT
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
