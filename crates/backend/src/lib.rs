//! The optional HTTP host. For now it serves the built app (with the SPA
//! fallback and the security headers) and a health endpoint; the JSON API
//! over the same domain engine grows here.

pub mod security_headers;

use std::path::{Path, PathBuf};

use axum::{routing::get, Json, Router};
use tower_http::services::{ServeDir, ServeFile};

/// What the server needs to know at start.
#[derive(Clone, Debug)]
pub struct Config {
    /// The folder Trunk built (`dist/`).
    pub dist: PathBuf,
}

/// The whole HTTP surface, built once and tested in-process.
pub fn app(config: &Config) -> Router {
    let index = config.dist.join("index.html");
    let csp = security_headers::policy_from_index(&index);
    // Unknown paths get the app itself: its router shows the right page,
    // including its own "Page not found".
    let static_files = ServeDir::new(&config.dist).fallback(ServeFile::new(&index));
    let router = Router::new()
        .route("/health", get(health))
        .fallback_service(static_files);
    security_headers::apply(router, &csp)
}

async fn health() -> Json<Health> {
    Json(Health { status: "ok" })
}

#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
}

/// Default location of the built app, relative to the working directory.
pub fn default_dist() -> PathBuf {
    Path::new("dist").to_path_buf()
}
