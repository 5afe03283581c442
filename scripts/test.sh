#!/usr/bin/env bash
# Installs what is missing, then runs every check and test: formatting,
# clippy (native and wasm32), native tests, the API against its OpenAPI
# document (schemathesis), wasm tests in headless Chromium,
# the release build, and the end-to-end tests against it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh --test
. scripts/env.sh
# The test command builds once from a clean clone: incremental caches would
# only take disk (2.5 GB of a 15 GB target when they were on).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "no HTML from non-constant values (inner_html and friends)"
python3 scripts/check/raw_html.py --self-test
python3 scripts/check/raw_html.py

step "clippy (native)"
cargo clippy --workspace --all-targets -- -D warnings

step "clippy (wasm32)"
cargo clippy -p partner-console --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test --workspace
# The end-to-end tests start this build of the server for the HTTP mode.
cargo build -p backend

step "fault soak: 1,000 operations with 20 % faults, nothing lost or doubled"
# Past 1,000 operations the activity log has trimmed its oldest entries, so
# this also guards that the verdict reads the state, not the log.
cargo run -q -p backend --example soak -- --ops 1000 --fault-rate 0.2

step "kill -9 on SQLite: one process killed again and again during 300 writes, none lost or applied twice"
tools/schemathesis/bin/python scripts/check/processes.py --sqlite

step "PostgreSQL, in a throwaway cluster: the storage suite on both engines, the fault soak, two backend processes on one database (kill -9, the database going away)"
scripts/check/postgres.sh

step "development identity provider and token mode: Entra-shaped tokens, PKCE, the sign-in page, the API on bearer tokens"
node --test idp/test/
scripts/check/token_mode.sh

step "sign-in over HTTP: code + PKCE through the provider's form, sessions, refused callbacks, cross-site writes, sign-out"
tools/schemathesis/bin/python scripts/check/sign_in.py

step "API contract: schemathesis, every check, against the generated /openapi.json"
scripts/check/schemathesis.sh

step "wasm tests in headless Chromium"
cargo test -p partner-console --target wasm32-unknown-unknown

step "release build (and a copy under a sub-path)"
scripts/build-release.sh
# The whole app stays under its 400 KB brotli budget (README, "Sizes, as measured").
node bench/sizes.mjs --check dist
scripts/build-release.sh --public-url /console/ --dist target/dist-console

step "end-to-end tests (Playwright + axe-core, headless Chromium)"
(cd tests/e2e && npm test)
