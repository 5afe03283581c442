//! `GET /api/relationships`: the partner relationships table, computed by
//! the domain at the server's now.

use axum::extract::State;
use axum::Json;
use domain::views::{self, RelationshipRow};

use super::collection::Collection;
use super::etag::Etag;
use super::organization::current;
use super::ApiError;
use crate::app_state::AppState;
use crate::clock::effective_now;
use crate::openapi::responses::{InternalError, Unavailable};
use crate::openapi::schemas;
use crate::store::Organization;

#[utoipa::path(
    get,
    path = "/api/relationships",
    tag = "relationships",
    summary = "The partner relationships table",
    responses(
        (status = 200, description = "One row per partner you work with",
            body = schemas::RelationshipRowList, headers(("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."))),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn relationships_list(
    State(app): State<AppState>,
    organization: Organization,
) -> Result<(Etag, Json<Collection<RelationshipRow>>), ApiError> {
    let current = current(&app, &organization).await?;
    let now = effective_now(current.state.now, app.clock.now());
    let value = views::relationship_rows(&current.state, now);
    Ok((Etag(current.revision), Json(Collection { value })))
}
