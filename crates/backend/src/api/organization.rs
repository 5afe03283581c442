//! Which organization a request acts in, decided once by `auth::guard`
//! and read by every handler: the signed-in identity's (`tid`) whenever
//! there is one, the demo organization in demo-persona mode. Its state is
//! created the first time someone of it is let in.

use std::sync::Arc;

use axum::extract::{FromRequestParts, Request};
use axum::http::request::Parts;
use domain::State;
use identity::Identity;

use super::ApiError;
use crate::app_state::AppState;
use crate::auth::Auth;
use crate::store::{Current, Organization};

/// Puts the request's organization in its extensions, creating its state
/// if nobody of it came before. Without an identity only demo-persona mode
/// acts (in the demo organization); anything else is refused.
pub async fn enter(app: &AppState, request: &mut Request) -> Result<(), ApiError> {
    let organization = match request.extensions().get::<Identity>() {
        Some(who) => Organization::of(who),
        None if matches!(app.auth.as_ref(), Auth::DemoPersona) => Organization::demo(),
        None => return Err(ApiError::token_required()),
    };
    ensure(app, &organization).await?;
    request.extensions_mut().insert(organization);
    Ok(())
}

/// Creates the organization's state if nobody of it came before (sign-in
/// calls this too, so the header can name it at once).
pub async fn ensure(app: &AppState, organization: &Organization) -> Result<(), ApiError> {
    app.store
        .ensure(organization, first_state(app, organization))
        .await?;
    Ok(())
}

/// What a new organization starts with: the demo data for the demo
/// organization when the server offers it (`--demo-data`, or demo-persona
/// mode, which is the demo); otherwise nothing of its own. The partner
/// directory is Microsoft's, not the organization's, so "Find a partner"
/// works in an empty organization too.
fn first_state(
    app: &AppState,
    organization: &Organization,
) -> impl FnOnce() -> State + Send + 'static {
    let now = app.clock.now();
    let demo_data =
        organization.is_demo() && (app.demo_data || matches!(app.auth.as_ref(), Auth::DemoPersona));
    move || {
        if demo_data {
            domain::demo::demo_state(now)
        } else {
            State::new(now)
        }
    }
}

/// The organization's state as of its last write.
pub async fn current(
    app: &AppState,
    organization: &Organization,
) -> Result<Arc<Current>, ApiError> {
    app.store
        .current(&organization.id)
        .await?
        .ok_or_else(|| ApiError::internal(format!("organization {} has no state", organization.id)))
}

impl<S: Send + Sync> FromRequestParts<S> for Organization {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        // Only a request the guard let in has one; deny otherwise.
        parts
            .extensions
            .get::<Organization>()
            .cloned()
            .ok_or_else(ApiError::token_required)
    }
}
