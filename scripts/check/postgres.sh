#!/usr/bin/env bash
# The backend on PostgreSQL, inside a throwaway cluster (Debian's
# pg_virtualenv: made in seconds, dropped after): the storage suite's
# PostgreSQL cases, which open several stores on one database as several
# processes would.
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${1:-}" != "--inside" ]; then
  exec pg_virtualenv -t -- "$0" --inside
fi
. scripts/env.sh
export PARTNER_CONSOLE_TEST_POSTGRES="postgres://$PGUSER:$PGPASSWORD@$PGHOST:$PGPORT/$PGDATABASE"
# A missing server fails the suite here instead of skipping it.
export PARTNER_CONSOLE_REQUIRE_POSTGRES=1

echo "storage suite on PostgreSQL (and SQLite): one interface, both engines"
cargo test -q -p backend --test storage
