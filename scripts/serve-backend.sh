#!/usr/bin/env bash
# Server mode as an organization runs it, on this machine: installs what is
# missing, builds the app if it changed, starts the development identity
# provider on http://127.0.0.1:8091/ and the backend on
# http://127.0.0.1:8090/, where people sign in (demo accounts in the
# README, password "demo"). The data lives in partner-console.sqlite3; the
# demo organization (Adatum Corporation) starts with the demo data.
#
# --postgres: the same on PostgreSQL, as a service that outgrows one
# machine runs: a throwaway database (Debian's pg_virtualenv; gone when
# this stops) and two backend processes on it, on http://127.0.0.1:8090/
# and http://127.0.0.1:8092/, serving as one.
#
# Extra flags go to the backend(s), e.g. --reset or --fault-error-rate 0.2.
set -euo pipefail
cd "$(dirname "$0")/.."

postgres=false
if [ "${1:-}" = "--postgres" ]; then
  postgres=true
  shift
fi
if $postgres && [ -z "${PARTNER_CONSOLE_INSIDE_PG:-}" ]; then
  scripts/install.sh --postgres
  PARTNER_CONSOLE_INSIDE_PG=1 exec pg_virtualenv -- "$0" --postgres "$@"
fi
$postgres || scripts/install.sh --server
. scripts/env.sh
if [ ! -f dist/index.html ] || [ -n "$(find src crates/domain/src style public index.html Trunk.toml -newer dist/index.html -print -quit)" ]; then
  scripts/build-release.sh
fi
cargo build --release -p backend

ports=(8090)
$postgres && ports=(8090 8092)
consoles=()
for port in "${ports[@]}"; do consoles+=(--console "http://127.0.0.1:$port"); done

mkdir -p target/logs
node idp/server.mjs --port 8091 "${consoles[@]}" > target/logs/idp.log 2>&1 &
pids=($!)
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
for _ in $(seq 100); do grep -q '^ready' target/logs/idp.log && break; sleep 0.1; done
grep -q '^ready' target/logs/idp.log || { cat target/logs/idp.log >&2; exit 1; }
echo "identity provider on http://127.0.0.1:8091 (log: target/logs/idp.log)"

# The development client's secret; a real deployment reads its own from a
# file (--oidc-client-secret-file) or its secret store.
export PARTNER_CONSOLE_OIDC_CLIENT_SECRET=demo-console-secret
# Run in the background as `(backend …) &`, its pid is the server's own.
backend() {
  exec target/release/backend --addr "127.0.0.1:$1" --dist dist \
    --oidc-issuer http://127.0.0.1:8091 --oidc-client-id partner-console \
    --demo-data "${@:2}"
}
if ! $postgres; then
  (backend 8090 "$@") &
  pids+=($!)
  wait -n
  exit
fi

# pg_virtualenv gave this shell a new, empty cluster and its PG* settings.
export DATABASE_URL="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"
echo "PostgreSQL $PGVERSION on $PGHOST:$PGPORT (throwaway: dropped when this stops)"
for port in "${ports[@]}"; do
  # Each process's lines carry its port.
  backend "$port" "$@" > >(sed -u "s/^/[$port] /") 2>&1 &
  pids+=($!)
done
echo "two backend processes on one database: http://127.0.0.1:8090/ and http://127.0.0.1:8092/ (Ctrl+C stops all)"
wait -n
