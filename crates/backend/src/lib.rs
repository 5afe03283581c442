//! The optional HTTP host: the same domain engine as the browser, over a
//! JSON API under /api, with its state in SQLite or PostgreSQL; it also serves the built
//! app (precompressed, with cache headers, SPA fallback, security headers),
//! /health and /openapi.json.
//!
//! Every write goes through one path (`api::write`): Idempotency-Key
//! record, If-Match, the engine, one database transaction (`store`). How the clock works is in [`engine_host`].
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
pub mod app_state;
pub mod auth;
pub mod clock;
pub mod engine_host;
pub mod faults;
pub mod live;
pub mod openapi;
pub mod problem;
pub mod security_headers;
pub mod sessions;
pub mod signin;
pub mod static_files;
pub mod store;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::http::header::CACHE_CONTROL;
use axum::middleware::from_fn_with_state;
use axum::serve::ListenerExt;
use axum::{routing::get, Json, Router};

pub use app_state::AppState;
pub use clock::Clock;
pub use faults::FaultConfig;
pub use store::{Store, StoreError};

/// What the server needs to know at start.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder Trunk built (`dist/`).
    pub dist: PathBuf,
    /// The SQLite file: every organization's data, each created at first
    /// use. Not used when `database_url` is set.
    pub db: PathBuf,
    /// PostgreSQL instead of the SQLite file (`--database-url`), for
    /// several processes on one database.
    pub database_url: Option<String>,
    pub faults: FaultConfig,
    /// People sign in through an OpenID Connect provider.
    pub sign_in: Option<signin::SignInConfig>,
    /// The demo organization (`domain::demo::DEMO_TENANT_ID`) starts with
    /// the demo data; every other one starts empty. Demo-persona mode
    /// always has it.
    pub demo_data: bool,
}

impl Config {
    /// Defaults for everything but the app's folder.
    pub fn new(dist: PathBuf) -> Config {
        Config {
            dist,
            db: default_db(),
            database_url: None,
            faults: FaultConfig::default(),
            sign_in: None,
            demo_data: false,
        }
    }
}

/// Opens the SQLite file and builds what the handlers share.
pub fn open(config: &Config, clock: Clock) -> Result<AppState, StartError> {
    open_with(config, clock, Store::open(&config.db)?)
}

/// Opens the database the configuration names (PostgreSQL when it has a
/// database URL, else the SQLite file) and builds what the handlers share.
pub async fn connect(config: &Config, clock: Clock) -> Result<AppState, StartError> {
    let store = match &config.database_url {
        Some(url) => Store::connect(url).await?,
        None => Store::open(&config.db)?,
    };
    open_with(config, clock, store)
}

/// Builds what the handlers share around an opened store; sign-in's
/// sessions live in the same database.
pub fn open_with(config: &Config, clock: Clock, store: Store) -> Result<AppState, StartError> {
    let sign_in = match &config.sign_in {
        Some(settings) => {
            let sessions = match (store.postgres_pool(), store.sqlite_path()) {
                (Some(pool), _) => {
                    sessions::Sessions::Postgres(sessions::PgSessions::new(pool.clone()))
                }
                (None, Some(path)) => sessions::Sessions::Sqlite(
                    sessions::SqliteSessions::open(path)
                        .map_err(|e| StartError::SignIn(e.to_string()))?,
                ),
                (None, None) => return Err(StartError::SignIn("no database for sessions".into())),
            };
            Some(Arc::new(signin::SignIn {
                provider: signin::Provider::new(settings.oidc.clone())
                    .map_err(|e| StartError::SignIn(e.to_string()))?,
                config: settings.clone(),
                sessions,
            }))
        }
        None => None,
    };
    let changes = Arc::new(live::Changes::of(&store));
    Ok(AppState {
        store: Arc::new(store),
        clock,
        faults: Arc::new(faults::Faults::new(config.faults)),
        auth: Arc::new(auth::Auth::DemoPersona),
        sign_in,
        demo_data: config.demo_data,
        changes,
    })
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("sign-in could not be set up: {0}")]
    SignIn(String),
}

/// The whole HTTP surface, built once and tested in-process.
pub fn app(config: &Config, state: AppState) -> Router {
    let index = config.dist.join("index.html");
    let csp = security_headers::policy_from_index(&index);
    // Faults apply to the API only: the app's files always load.
    let mut api = api::router()
        .route_layer(from_fn_with_state(state.clone(), auth::guard))
        .route_layer(from_fn_with_state(state.faults.clone(), faults::inject));
    let mut sign_in = Router::new();
    if let Some(s) = &state.sign_in {
        // Sessions are read where someone may be signed in, not for files.
        api = api.layer(s.layer());
        sign_in = signin::router().layer(s.layer());
    }
    let router = Router::new()
        .route("/health", get(health))
        .route("/openapi.json", get(openapi_get))
        // Overrides dist/config.json: an app served from here uses this API.
        .route("/config.json", get(app_config))
        .merge(api)
        .merge(sign_in)
        .with_state(state)
        .fallback_service(static_files::router(&config.dist));
    security_headers::apply(router, &csp)
}

#[utoipa::path(
    get,
    path = "/health",
    tag = "server",
    summary = "Liveness",
    responses((status = 200, description = "Up", body = openapi::schemas::Health))
)]
async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
}

#[utoipa::path(
    get,
    path = "/config.json",
    tag = "server",
    summary = "Tells the app served from here to use this API",
    responses((status = 200, description = "The app's backend", body = openapi::schemas::AppConfig))
)]
async fn app_config(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> (
    [(axum::http::HeaderName, &'static str); 1],
    Json<serde_json::Value>,
) {
    // Like index.html: revalidated on every load, never kept stale.
    (
        [(CACHE_CONTROL, static_files::NO_CACHE)],
        Json(serde_json::json!({
            "backend": "http",
            "api": "/api",
            "signIn": state.sign_in.is_some(),
        })),
    )
}

/// Serves `router` on `listener` until it fails, with TCP_NODELAY on every
/// connection: a file goes out as headers then body, and without it the
/// body waits for the client's delayed ACK of the headers (about 40 ms).
pub async fn serve(listener: tokio::net::TcpListener, router: Router) -> std::io::Result<()> {
    let listener = listener.tap_io(|tcp| {
        // Not fatal: the connection still works, only slower.
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(listener, router).await
}

#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "server",
    summary = "This document",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object))
)]
async fn openapi_get() -> Json<&'static utoipa::openapi::OpenApi> {
    Json(openapi::openapi())
}

#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
}

/// Default location of the built app, relative to the working directory.
pub fn default_dist() -> PathBuf {
    Path::new("dist").to_path_buf()
}

/// Default database file, in the working directory.
pub fn default_db() -> PathBuf {
    Path::new("partner-console.sqlite3").to_path_buf()
}
