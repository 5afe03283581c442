//! Invitations: the inbox, one invitation's page, accept and decline.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use domain::views::{self, InvitationView};
use domain::{Command, DomainError};
use serde::Deserialize;

use super::collection::Collection;
use super::etag::Etag;
use super::persona::HeaderPersona;
use super::write::{execute, parse_json, Answered};
use super::write_headers::WriteHeaders;
use super::ApiError;
use crate::app_state::AppState;
use crate::clock::effective_now;

/// The body of "Accept & Authorize".
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptInvitationInput {
    #[serde(default)]
    pub agreement_acknowledged: bool,
}

/// Declining takes no fields; an empty body or `{}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeclineInvitationInput {}

pub async fn invitations_list(
    State(app): State<AppState>,
    persona: HeaderPersona,
) -> Result<(Etag, Json<Collection<InvitationView>>), ApiError> {
    let current = app.store.current();
    let now = effective_now(current.state.now, app.clock.now());
    let value = views::inbox(&current.state, persona.or_least(), now);
    Ok((Etag(current.revision), Json(Collection { value })))
}

pub async fn invitations_get(
    State(app): State<AppState>,
    Path(id): Path<String>,
    persona: HeaderPersona,
) -> Result<(Etag, Json<InvitationView>), ApiError> {
    let current = app.store.current();
    let now = effective_now(current.state.now, app.clock.now());
    let view = views::invitation_view(&current.state, &id, persona.or_least(), now)
        .ok_or(DomainError::InvitationNotFound { invitation_id: id })?;
    Ok((Etag(current.revision), Json(view)))
}

pub async fn invitations_accept(
    State(app): State<AppState>,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let input: AcceptInvitationInput = parse_json(&body)?;
    let persona = persona.acting(None)?;
    let command = Command::AcceptInvitation {
        invitation_id: id.clone(),
        agreement_acknowledged: input.agreement_acknowledged,
    };
    let route = format!("POST /api/invitations/{id}/accept");
    execute(&app, write, persona, command, &route, &body).await
}

pub async fn invitations_decline(
    State(app): State<AppState>,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let _: DeclineInvitationInput = parse_json(&body)?;
    let persona = persona.acting(None)?;
    let command = Command::DeclineInvitation {
        invitation_id: id.clone(),
    };
    let route = format!("POST /api/invitations/{id}/decline");
    execute(&app, write, persona, command, &route, &body).await
}
