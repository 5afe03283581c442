//! `GET /api/state`: the whole saved state, exactly the snapshot format
//! the app exports and imports, with its revision as the ETag.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::etag::{self, Etag};
use super::organization::current;
use super::ApiError;
use crate::app_state::AppState;
use crate::openapi::params::IfNoneMatch;
use crate::openapi::responses::{InternalError, Unavailable};
use crate::openapi::schemas;
use crate::store::Organization;

#[utoipa::path(
    get,
    path = "/api/state",
    tag = "state",
    summary = "The whole saved state (the snapshot format the app exports)",
    params(IfNoneMatch),
    responses(
        (status = 200, description = "The snapshot", body = schemas::Snapshot,
            headers(("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."))),
        (status = 304, description = "Unchanged since the ETag sent in If-None-Match",
            headers(("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."))),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn state_get(
    State(app): State<AppState>,
    organization: Organization,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let current = current(&app, &organization).await?;
    let unchanged = etag::condition(&headers, header::IF_NONE_MATCH, true)
        .ok()
        .flatten()
        .is_some_and(|c| c.matches(current.revision));
    if unchanged {
        return Ok((StatusCode::NOT_MODIFIED, Etag(current.revision), ()).into_response());
    }
    let mut response = (Etag(current.revision), current.snapshot.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    Ok(response)
}
