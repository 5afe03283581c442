//! The JSON API under /api: thin handlers named `resource_verb`, one input
//! type per write, errors as problem+json. `ROUTES` is the single list the
//! router is built from and the OpenAPI test checks.

mod api_error;
mod collection;
pub(crate) mod commands;
mod etag;
pub(crate) mod invitations;
pub mod organization;
pub(crate) mod partners;
mod persona;
pub(crate) mod relationships;
pub(crate) mod state;
mod write;
mod write_headers;

pub use api_error::ApiError;
pub use persona::HEADER as PERSONA_HEADER;
pub use write::REPLAYED as REPLAYED_HEADER;
pub use write_headers::IDEMPOTENCY_KEY as IDEMPOTENCY_KEY_HEADER;

use axum::http::Method;
use axum::routing::{get, post, MethodRouter};
use axum::Router;

use crate::app_state::AppState;

/// Every API route: method, path (axum syntax), handler.
pub fn routes() -> Vec<(Method, &'static str, MethodRouter<AppState>)> {
    vec![
        (Method::GET, "/api/state", get(state::state_get)),
        (Method::GET, "/api/changes", get(crate::live::changes_get)),
        (
            Method::GET,
            "/api/relationships",
            get(relationships::relationships_list),
        ),
        (
            Method::GET,
            "/api/invitations",
            get(invitations::invitations_list),
        ),
        (
            Method::GET,
            "/api/invitations/{id}",
            get(invitations::invitations_get),
        ),
        (
            Method::POST,
            "/api/invitations/{id}/accept",
            post(invitations::invitations_accept),
        ),
        (
            Method::POST,
            "/api/invitations/{id}/decline",
            post(invitations::invitations_decline),
        ),
        (
            Method::GET,
            "/api/partners/{id}",
            get(partners::partners_get),
        ),
        (
            Method::POST,
            "/api/partners/{id}/remove-roles",
            post(partners::partners_remove_roles),
        ),
        (
            Method::POST,
            "/api/partners/{id}/accept-agreement",
            post(partners::partners_accept_agreement),
        ),
        (Method::POST, "/api/commands", post(commands::commands_post)),
    ]
}

/// The API routes, with JSON answers for unknown paths and methods.
pub fn router() -> Router<AppState> {
    let mut router = Router::new();
    for (_, path, handler) in routes() {
        router = router.route(path, handler);
    }
    router
        .route("/api", axum::routing::any(api_not_found))
        .route("/api/{*rest}", axum::routing::any(api_not_found))
        .method_not_allowed_fallback(api_method_not_allowed)
}

async fn api_not_found() -> ApiError {
    ApiError::no_such_route()
}

async fn api_method_not_allowed() -> ApiError {
    ApiError::method_not_allowed()
}
