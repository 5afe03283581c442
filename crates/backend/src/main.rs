//! The backend's command line (`backend --help` lists every flag).
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use backend::auth::{Auth, TokenAuth};
use backend::{app, default_db, default_dist, open, serve, Clock, Config, FaultConfig, Store};
use clap::Parser;

/// Serves the partner relationships console: the built app, its JSON API
/// under /api (described at /openapi.json) and /health, with the state in
/// SQLite.
#[derive(Parser, Debug)]
#[command(name = "backend", version)]
struct Cli {
    /// Address and port to listen on.
    #[arg(long, env = "PARTNER_CONSOLE_ADDR", default_value = "127.0.0.1:8090")]
    addr: SocketAddr,

    /// The folder Trunk built (must hold index.html).
    #[arg(long, env = "PARTNER_CONSOLE_DIST", default_value_os_t = default_dist())]
    dist: PathBuf,

    /// The SQLite file; created with the demo organization when new.
    #[arg(long, env = "PARTNER_CONSOLE_DB", default_value_os_t = default_db())]
    db: PathBuf,

    /// Set the database file aside (renamed, never deleted) and start afresh.
    #[arg(long)]
    reset: bool,

    /// Fault injection (/api only): share of requests that fail with 500/503.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0, value_parser = share)]
    fault_error_rate: f64,

    /// Fault injection: milliseconds added to every /api request.
    #[arg(long, value_name = "MS", default_value_t = 0)]
    fault_latency_ms: u64,

    /// Fault injection: share of committed writes whose answer is dropped.
    #[arg(long, value_name = "SHARE", default_value_t = 0.0, value_parser = share)]
    fault_drop_after_commit_rate: f64,

    /// Fault injection: seed, so a run is repeatable.
    #[arg(long, value_name = "N", default_value_t = 0)]
    fault_seed: u64,

    /// Token mode: believe only bearer tokens from this OpenID Connect
    /// provider (its issuer URL, or Entra's
    /// https://login.microsoftonline.com/{tenantid}/v2.0). Without it the
    /// API believes X-Persona (demo mode).
    #[arg(long, env = "PARTNER_CONSOLE_OIDC_ISSUER", value_name = "URL")]
    oidc_issuer: Option<String>,

    /// Token mode: the audience API tokens must carry.
    #[arg(long, env = "PARTNER_CONSOLE_API_AUDIENCE", default_value = backend::auth::DEFAULT_AUDIENCE)]
    api_audience: String,

    /// Token mode: let in only this organization (tenant id); repeat it
    /// for several. Without it, every organization the issuer accepts is
    /// let in, each with its own data.
    #[arg(
        long,
        env = "PARTNER_CONSOLE_ORGANIZATION",
        value_name = "TENANT_ID",
        value_delimiter = ','
    )]
    organization: Vec<String>,
}

impl Cli {
    fn config(&self) -> Config {
        let mut config = Config::new(self.dist.clone());
        config.db = self.db.clone();
        config.faults = FaultConfig {
            error_rate: self.fault_error_rate,
            latency_ms: self.fault_latency_ms,
            drop_after_commit_rate: self.fault_drop_after_commit_rate,
            seed: self.fault_seed,
        };
        config
    }
}

/// A share from 0 to 1 (a rate of faults).
fn share(value: &str) -> Result<f64, String> {
    let r: f64 = value.parse().map_err(|_| "not a number".to_string())?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err("a share is from 0 to 1".to_string())
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // Bad flags: clap prints what is wrong and the usage, and exits 2;
    // --help and --version exit 0.
    let cli = Cli::parse();
    let config = cli.config();
    let addr = cli.addr;
    if !config.dist.join("index.html").is_file() {
        eprintln!(
            "{} has no index.html: build the app first (trunk build --release --offline)",
            config.dist.display()
        );
        return ExitCode::from(2);
    }
    if cli.reset {
        match Store::set_aside(&config.db) {
            Ok(Some(aside)) => println!("set the old database aside as {}", aside.display()),
            Ok(None) => {}
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let mut state = match open(&config, Clock::System) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(issuer) = &cli.oidc_issuer {
        match TokenAuth::discover(issuer, &cli.api_audience, &cli.organization).await {
            Ok(auth) => state.auth = Arc::new(Auth::Token(Box::new(auth))),
            Err(e) => {
                eprintln!("token mode cannot start: {e}");
                return ExitCode::FAILURE;
            }
        }
        let organizations = if cli.organization.is_empty() {
            "every organization".to_string()
        } else {
            format!("organizations {}", cli.organization.join(", "))
        };
        println!(
            "token mode: the API believes bearer tokens from {issuer} for {} ({organizations}); X-Persona grants nothing",
            cli.api_audience
        );
    }
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "serving {} on http://{addr}/ (API under /api, described at /openapi.json; state in {})",
        config.dist.display(),
        config.db.display()
    );
    if !config.faults.is_off() {
        println!("injecting faults into /api: {:?}", config.faults);
    }
    let router = app(&config, state);
    if let Err(e) = serve(listener, router).await {
        eprintln!("server stopped: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
