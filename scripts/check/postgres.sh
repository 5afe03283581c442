#!/usr/bin/env bash
# The backend on PostgreSQL, inside a throwaway cluster (Debian's
# pg_virtualenv: made in seconds, dropped after): the storage suite's
# PostgreSQL cases (several stores on one database, as several processes
# have), the fault soak on PostgreSQL, and two real backend processes on
# one database (scripts/check/processes.py).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != "--inside" ]; then
  # The cluster logs every connection a kill -9 cuts; those lines are
  # expected here and would bury the checks' own.
  exec pg_virtualenv -t -- "$0" --inside 2> >(grep --line-buffered -v ' LOG: \| DETAIL: ' >&2)
fi
. scripts/env.sh
export PARTNER_CONSOLE_TEST_POSTGRES="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"
# A missing server fails the suite here instead of skipping it.
export PARTNER_CONSOLE_REQUIRE_POSTGRES=1

echo "storage suite on PostgreSQL (and SQLite): one interface, both engines"
cargo test -q -p backend --test storage

echo "fault soak on PostgreSQL: 1,000 operations with 20 % faults, nothing lost or doubled"
psql -qc "CREATE DATABASE soak"
cargo run -q -p backend --example soak -- --ops 1000 --fault-rate 0.2 \
  --database-url "postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/soak"

echo "several backend processes on one database, over HTTP"
cargo build -q -p backend
tools/schemathesis/bin/python scripts/check/processes.py
