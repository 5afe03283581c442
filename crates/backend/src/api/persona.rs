//! Who is acting. In token mode, the bearer token's identity and nothing
//! else (see [`crate::auth`]). In demo mode, the `X-Persona` header (or,
//! for `POST /api/commands`, the body's `persona`). Either spelling works: the stable id
//! (`billing-admin`) or the JSON name (`billingAdministrator`). When the
//! server cannot tell who acts (none on a write, an unknown one, two that
//! differ) it answers 401: the persona stands in for sign-in, so these are
//! authentication failures, and 403 stays for what a persona may not do.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use domain::{Persona, SignedInUser};
use identity::Identity;

use super::ApiError;
use crate::app_state::AppState;
use crate::auth::Auth;

pub const HEADER: &str = "x-persona";

/// The persona acting: the token's in token mode, else the one
/// `X-Persona` names, if any.
pub struct HeaderPersona(pub Option<Persona>, pub Option<SignedInUser>);

impl FromRequestParts<AppState> for HeaderPersona {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match state.auth.as_ref() {
            Auth::DemoPersona => from_header(parts),
            // `auth::guard` verified the token and left its identity here.
            Auth::Token(_) => parts
                .extensions
                .get::<Identity>()
                .map(|who| {
                    let user = SignedInUser {
                        id: who.user_id.clone(),
                        name: who.name.clone(),
                    };
                    HeaderPersona(Some(who.persona), Some(user))
                })
                .ok_or_else(ApiError::token_required),
        }
    }
}

fn from_header(parts: &Parts) -> Result<HeaderPersona, ApiError> {
    let Some(value) = parts.headers.get(HEADER) else {
        return Ok(HeaderPersona(None, None));
    };
    let text = value.to_str().unwrap_or_default();
    parse(text).map(|p| HeaderPersona(Some(p), None))
}

impl HeaderPersona {
    /// The signed-in user behind the persona: known in token mode only.
    pub fn user(&self) -> Option<SignedInUser> {
        self.1.clone()
    }

    /// For reads: no persona sees what a user without admin roles sees
    /// (deny by default).
    pub fn or_least(self) -> Persona {
        self.0.unwrap_or(Persona::User)
    }

    /// For writes: the header, else the body's; both must agree.
    pub fn acting(self, from_body: Option<&str>) -> Result<Persona, ApiError> {
        let body = from_body.map(parse).transpose()?;
        match (self.0, body) {
            (Some(h), Some(b)) if h != b => Err(ApiError::unauthorized(
                "personaMismatch",
                "X-Persona and the body's persona name different personas.",
            )),
            (Some(p), _) | (None, Some(p)) => Ok(p),
            (None, None) => Err(ApiError::unauthorized(
                "personaRequired",
                "Say who is acting: send X-Persona (for example global-admin or billing-admin).",
            )),
        }
    }
}

pub fn parse(text: &str) -> Result<Persona, ApiError> {
    Persona::from_id(text)
        .or_else(|| serde_json::from_value(serde_json::Value::from(text)).ok())
        .ok_or_else(|| {
            let known: Vec<&str> = Persona::ALL.iter().map(|p| p.id()).collect();
            ApiError::unauthorized(
                "unknownPersona",
                format!("Unknown persona; use one of {}.", known.join(", ")),
            )
        })
}
