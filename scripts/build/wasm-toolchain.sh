# Sourced by scripts/build-release.sh and scripts/serve.sh: how the release
# wasm is compiled. The machine image carries a nightly toolchain beside the
# stable one; with it the standard library is rebuilt for size, panics trap
# at once instead of formatting a message, and panic locations are left out.
# That is 29 KB brotli less (423 -> 394 KB, README "Sizes, as measured"),
# which no change to our own code came near. A panic still shows the
# recovery panel: the frame's script shows it when the wasm traps
# (scripts/build/post_build.py). Everything else (native code, tests,
# clippy, debug builds) stays on the stable toolchain.
wasm_nightly_ready() {
  local sysroot
  sysroot="$(rustup run nightly rustc --print sysroot 2>/dev/null)" || return 1
  [ -d "$sysroot/lib/rustlib/src/rust/library" ] && [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ]
}

if wasm_nightly_ready; then
  export RUSTUP_TOOLCHAIN=nightly
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Replaces .cargo/config.toml's rustflags for the target: repeat its flag.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zlocation-detail=none -Zunstable-options -Cpanic=immediate-abort"
else
  echo "note: no nightly toolchain with rust-src and wasm32 (scripts/install.sh adds them):" \
    "building the wasm with stable, about 29 KB brotli larger" >&2
fi
