//! The built `backend` binary's command line, run as a user runs it.

use std::process::{Command, Output};

fn backend(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_backend"))
        .args(args)
        // The environment fallbacks must not change what these tests see.
        .env_remove("PARTNER_CONSOLE_ADDR")
        .env_remove("PARTNER_CONSOLE_DIST")
        .env_remove("PARTNER_CONSOLE_DB")
        .env_remove("PARTNER_CONSOLE_OIDC_ISSUER")
        .env_remove("PARTNER_CONSOLE_OIDC_CLIENT_ID")
        .env_remove("PARTNER_CONSOLE_OIDC_CLIENT_SECRET")
        .env_remove("PARTNER_CONSOLE_OIDC_CLIENT_SECRET_FILE")
        .env_remove("DATABASE_URL")
        .output()
        .expect("the backend binary runs")
}

#[test]
fn help_lists_every_flag_and_exits_0() {
    let out = backend(&["--help"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("Usage: backend"), "{text}");
    for flag in [
        "--addr",
        "--dist",
        "--db",
        "--database-url",
        "--reset",
        "--fault-error-rate",
        "--fault-latency-ms",
        "--fault-drop-after-commit-rate",
        "--fault-seed",
        "--oidc-issuer",
        "--oidc-client-id",
        "--oidc-client-secret-file",
        "--public-url",
        "--session-idle-seconds",
        "--session-lifetime-seconds",
        "--demo-personas",
        "--version",
    ] {
        assert!(text.contains(flag), "--help does not list {flag}:\n{text}");
    }
    assert!(text.contains("PARTNER_CONSOLE_ADDR"), "{text}");
}

#[test]
fn version_prints_the_version_and_exits_0() {
    let out = backend(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("backend {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn a_bad_address_exits_2_and_says_which_flag() {
    let out = backend(&["--addr", "not-an-address"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("--addr") && text.contains("not-an-address"),
        "{text}"
    );
    assert!(text.contains("--help"), "points to --help: {text}");
}

#[test]
fn a_fault_rate_outside_0_to_1_exits_2() {
    let out = backend(&["--fault-error-rate", "1.5"]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("--fault-error-rate") && text.contains("from 0 to 1"),
        "{text}"
    );
}

#[test]
fn an_unknown_flag_exits_2() {
    let out = backend(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-such-flag"));
}

#[test]
fn the_address_falls_back_to_the_environment() {
    // A bad address from the environment is refused like a bad flag: proof
    // that the variable is read when --addr is absent.
    let out = Command::new(env!("CARGO_BIN_EXE_backend"))
        .env("PARTNER_CONSOLE_ADDR", "from-the-env")
        .output()
        .expect("the backend binary runs");
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("from-the-env"), "{text}");
}

/// A folder with an index.html, so the app-folder check passes.
fn app_folder() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cli-app-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
    dir
}

#[test]
fn with_no_way_to_identify_people_it_refuses_to_start() {
    // Deny by default: no mode would have meant believing X-Persona.
    let dist = app_folder();
    let out = backend(&["--dist", dist.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("--oidc-issuer") && text.contains("--demo-personas"),
        "{text}"
    );
}

#[test]
fn an_unreachable_postgresql_is_named_and_the_exit_is_not_zero() {
    let dist = app_folder();
    // Nothing listens on port 1.
    let out = backend(&[
        "--dist",
        dist.to_str().unwrap(),
        "--demo-personas",
        "--database-url",
        "postgres://console@127.0.0.1:1/partner_console",
    ]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("PostgreSQL cannot be reached") && text.contains("--database-url"),
        "{text}"
    );
    // The URL is not repeated: it may hold a password.
    assert!(!text.contains("console@127.0.0.1"), "{text}");
}

#[test]
fn sign_in_without_the_client_secret_refuses_to_start_and_says_where_it_goes() {
    let dist = app_folder();
    let out = backend(&[
        "--dist",
        dist.to_str().unwrap(),
        "--oidc-issuer",
        "http://127.0.0.1:9",
        "--oidc-client-id",
        "partner-console",
    ]);
    let text = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(
        text.contains("PARTNER_CONSOLE_OIDC_CLIENT_SECRET")
            && text.contains("--oidc-client-secret-file"),
        "{text}"
    );
}

#[test]
fn demo_personas_and_a_real_provider_do_not_mix() {
    let out = backend(&["--demo-personas", "--oidc-issuer", "http://127.0.0.1:9"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--demo-personas"));
}
