//! `GET /api/relationships`: the partner relationships table, computed by
//! the domain at the server's now.

use axum::extract::State;
use axum::Json;
use domain::views::{self, RelationshipRow};

use super::collection::Collection;
use super::etag::Etag;
use super::ApiError;
use crate::app_state::AppState;
use crate::clock::effective_now;

pub async fn relationships_list(
    State(app): State<AppState>,
) -> Result<(Etag, Json<Collection<RelationshipRow>>), ApiError> {
    let current = app.store.current();
    let now = effective_now(current.state.now, app.clock.now());
    let value = views::relationship_rows(&current.state, now);
    Ok((Etag(current.revision), Json(Collection { value })))
}
