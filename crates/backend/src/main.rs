//! The backend's command line (`backend --help` lists every flag).
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use backend::auth::{Auth, TokenAuth};
use backend::signin::{OidcSettings, SignInConfig};
use backend::{app, connect, default_db, default_dist, serve, Clock, Config, FaultConfig, Store};
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

    /// The SQLite file: every organization's data (each created at its
    /// first sign-in) and the sign-in sessions.
    #[arg(long, env = "PARTNER_CONSOLE_DB", default_value_os_t = default_db())]
    db: PathBuf,

    /// PostgreSQL instead of the SQLite file, e.g.
    /// postgres://console@db.internal/partner_console: several backend
    /// processes on one database serve as one. Migrated at start.
    #[arg(long, env = "DATABASE_URL", value_name = "URL", hide_env_values = true)]
    database_url: Option<String>,

    /// Set the database file aside (renamed, never deleted) and start afresh.
    #[arg(long, conflicts_with = "database_url")]
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
    /// https://login.microsoftonline.com/{tenantid}/v2.0). Either this or
    /// --demo-personas is required.
    #[arg(long, env = "PARTNER_CONSOLE_OIDC_ISSUER", value_name = "URL")]
    oidc_issuer: Option<String>,

    /// Token mode: the audience API tokens must carry.
    #[arg(long, env = "PARTNER_CONSOLE_API_AUDIENCE", default_value = backend::auth::DEFAULT_AUDIENCE)]
    api_audience: String,

    /// Sign-in mode: people sign in to the console through the
    /// --oidc-issuer provider, as this OpenID Connect client (a
    /// confidential client: its secret comes from
    /// PARTNER_CONSOLE_OIDC_CLIENT_SECRET or --oidc-client-secret-file).
    #[arg(
        long,
        env = "PARTNER_CONSOLE_OIDC_CLIENT_ID",
        value_name = "ID",
        requires = "oidc_issuer"
    )]
    oidc_client_id: Option<String>,

    /// Sign-in mode: a file holding the client's secret (its first line).
    #[arg(
        long,
        env = "PARTNER_CONSOLE_OIDC_CLIENT_SECRET_FILE",
        value_name = "PATH"
    )]
    oidc_client_secret_file: Option<PathBuf>,

    /// Sign-in mode: scopes asked for besides openid (repeat the flag).
    #[arg(long = "oidc-scope", value_name = "SCOPE", default_values_t = ["profile".to_string()])]
    oidc_scopes: Vec<String>,

    /// The console's address as browsers reach it (default http://ADDR);
    /// the provider sends people back to PUBLIC_URL/auth/callback, and
    /// cookies are Secure when it is https.
    #[arg(long, env = "PARTNER_CONSOLE_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,

    /// Sign-in mode: a session unused for this many seconds ends.
    #[arg(long, value_name = "SECONDS", default_value_t = SignInConfig::DEFAULT_IDLE.as_secs())]
    session_idle_seconds: u64,

    /// Sign-in mode: a session ends this many seconds after signing in.
    #[arg(long, value_name = "SECONDS", default_value_t = SignInConfig::DEFAULT_LIFETIME.as_secs())]
    session_lifetime_seconds: u64,

    /// The demo organization (Adatum Corporation) starts with the demo
    /// data at its first sign-in; every other organization starts empty.
    #[arg(long)]
    demo_data: bool,

    /// For tests and benchmarks only: believe the X-Persona header, which
    /// anyone can send. Never on a server others can reach.
    #[arg(long, conflicts_with = "oidc_issuer")]
    demo_personas: bool,

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
        config.database_url = self.database_url.clone();
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
/// The client secret: from the environment, else the file's first line.
fn client_secret(cli: &Cli) -> Result<String, String> {
    if let Ok(secret) = std::env::var("PARTNER_CONSOLE_OIDC_CLIENT_SECRET") {
        if !secret.trim().is_empty() {
            return Ok(secret.trim().to_string());
        }
    }
    let Some(path) = &cli.oidc_client_secret_file else {
        return Err("sign-in needs the client's secret: set PARTNER_CONSOLE_OIDC_CLIENT_SECRET or --oidc-client-secret-file".into());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the client secret from {}: {e}", path.display()))?;
    let secret = text.lines().next().unwrap_or_default().trim().to_string();
    if secret.is_empty() {
        return Err(format!("{} holds no client secret", path.display()));
    }
    Ok(secret)
}

fn sign_in_config(cli: &Cli) -> Result<Option<SignInConfig>, String> {
    let (Some(issuer), Some(client_id)) = (&cli.oidc_issuer, &cli.oidc_client_id) else {
        return Ok(None);
    };
    let public_url = cli
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{}", cli.addr))
        .trim_end_matches('/')
        .to_string();
    if !(public_url.starts_with("https://") || public_url.starts_with("http://")) {
        return Err(format!(
            "--public-url must be an http(s) URL, not {public_url}"
        ));
    }
    let mut scopes = cli.oidc_scopes.clone();
    scopes.retain(|s| s != "openid");
    Ok(Some(SignInConfig {
        oidc: OidcSettings {
            issuer: issuer.clone(),
            client_id: client_id.clone(),
            client_secret: client_secret(cli)?,
            public_url,
            scopes,
        },
        idle_timeout: std::time::Duration::from_secs(cli.session_idle_seconds.max(60)),
        lifetime: std::time::Duration::from_secs(cli.session_lifetime_seconds.max(60)),
    }))
}

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
    if cli.oidc_issuer.is_none() && !cli.demo_personas {
        eprintln!(
            "say how people are identified: --oidc-issuer URL (with --oidc-client-id for sign-in), \
             or --demo-personas for tests and benchmarks only"
        );
        return ExitCode::from(2);
    }
    let mut config = cli.config();
    config.demo_data = cli.demo_data;
    config.sign_in = match sign_in_config(&cli) {
        Ok(sign_in) => sign_in,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
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
    let mut state = match connect(&config, Clock::System).await {
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
    if let Some(sign_in) = &config.sign_in {
        println!(
            "sign-in: people sign in through {} as client {}, coming back to {}",
            sign_in.oidc.issuer,
            sign_in.oidc.client_id,
            sign_in.oidc.redirect_url()
        );
    }
    if cli.demo_personas {
        println!("demo personas: the API believes X-Persona (tests and benchmarks only)");
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
        match state.store.sqlite_path() {
            Some(path) => path.display().to_string(),
            None => "PostgreSQL".to_string(),
        }
    );
    if !config.faults.is_off() {
        println!("injecting faults into /api: {:?}", config.faults);
    }
    if let Some(sign_in) = &state.sign_in {
        // Ended sessions (and sign-ins never finished) leave the database.
        let sessions = sign_in.sessions.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(std::time::Duration::from_secs(10 * 60));
            loop {
                every.tick().await;
                if let Err(e) = sessions.delete_expired().await {
                    eprintln!("could not clear ended sessions: {e}");
                }
            }
        });
    }
    let router = app(&config, state);
    if let Err(e) = serve(listener, router).await {
        eprintln!("server stopped: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
