//! `GET /api/state`: the whole saved state, exactly the snapshot format
//! the app exports and imports, with its revision as the ETag.

use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};

use super::etag::{self, Etag};
use super::ApiError;
use crate::app_state::AppState;

pub async fn state_get(
    State(app): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let current = app.store.current();
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
