#!/usr/bin/env bash
# Installs what this project needs and is missing; skips what is there, so
# a second run costs seconds. `--server` adds the development identity
# provider, `--postgres` that and PostgreSQL, and `--test` everything the
# tests need (those, Chromium, chromedriver, the end-to-end npm packages,
# schemathesis in a Python venv under tools/).
# Versions are pinned: see TOOLCHAIN notes in the README.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen in Cargo.lock
SCHEMATHESIS_VERSION=4.32.5    # PyPI; tests the API against its OpenAPI document
# --server: also the development identity provider (server mode);
# --postgres: that and PostgreSQL; --test: everything the tests need.
want_test=false want_idp=false want_postgres=false
case "${1:-}" in
  --test) want_test=true want_idp=true want_postgres=true ;;
  --postgres) want_idp=true want_postgres=true ;;
  --server) want_idp=true ;;
esac

step() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm is built with the image's nightly toolchain, the standard
# library rebuilt for size (scripts/build/wasm-toolchain.sh): it needs the
# library's source, the wasm32 target and the library's own dependencies.
if rustup run nightly rustc --version >/dev/null 2>&1; then
  nightly_sysroot="$(rustup run nightly rustc --print sysroot)"
  if [ ! -d "$nightly_sysroot/lib/rustlib/src/rust/library" ] || [ ! -d "$nightly_sysroot/lib/rustlib/wasm32-unknown-unknown" ]; then
    step "adding rust-src and the wasm32 target to the nightly toolchain"
    rustup component add rust-src --toolchain nightly
    rustup target add wasm32-unknown-unknown --toolchain nightly
  fi
  if [ ! -f target/.std-deps-fetched ]; then
    step "fetching the standard library's dependencies (crates.io)"
    rustup run nightly cargo fetch --manifest-path "$nightly_sysroot/lib/rustlib/src/rust/library/Cargo.toml"
    mkdir -p target && touch target/.std-deps-fetched
  fi
fi

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  step "installing trunk $TRUNK_VERSION (about 7 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION"; then
  step "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 4 minutes)"
  # Not --locked: its lock file names a crate version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# wasm-opt from npm's binaryen 132 (Debian's 108 breaks Leptos 0.8 output);
# terser minifies the wasm-bindgen glue in release builds.
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/terser ]; then
  step "installing wasm-opt (npm binaryen) and terser"
  (cd tools && npm ci --no-audit --no-fund)
fi

if $want_idp; then
  if [ ! -d idp/node_modules/oidc-provider ] || [ idp/package-lock.json -nt idp/node_modules/.package-lock.json ]; then
    step "installing the development identity provider (npm oidc-provider)"
    (cd idp && npm ci --no-audit --no-fund)
  fi
fi

if $want_postgres; then
  if ! command -v pg_virtualenv >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    step "installing PostgreSQL (Debian's; throwaway clusters come from pg_virtualenv)"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql postgresql-common
  fi
fi

if $want_test; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    step "installing chromium and chromedriver"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
  fi
  if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]; then
    step "installing the end-to-end test packages"
    (cd tests/e2e && npm ci --no-audit --no-fund)
  fi
  if ! tools/schemathesis/bin/st --version 2>/dev/null | grep -q " $SCHEMATHESIS_VERSION\$"; then
    step "installing schemathesis $SCHEMATHESIS_VERSION (PyPI, into tools/schemathesis)"
    python3 -m venv tools/schemathesis
    tools/schemathesis/bin/pip install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
  fi
fi
