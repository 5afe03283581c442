//! A partner's page, "Remove roles" and "Review and accept" the agreement.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use domain::views::{self, PartnerDetail};
use domain::{Command, DomainError};
use serde::Deserialize;

use super::etag::Etag;
use super::persona::HeaderPersona;
use super::write::{execute, parse_json, Answered};
use super::write_headers::WriteHeaders;
use super::ApiError;
use crate::app_state::AppState;
use crate::clock::effective_now;

/// "Remove roles?" → "Yes" takes no fields; an empty body or `{}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveRolesInput {}

/// The "Review and accept" page: the acknowledgement checkbox.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptAgreementInput {
    #[serde(default)]
    pub acknowledged: bool,
}

pub async fn partners_get(
    State(app): State<AppState>,
    Path(id): Path<String>,
) -> Result<(Etag, Json<PartnerDetail>), ApiError> {
    let current = app.store.current();
    let now = effective_now(current.state.now, app.clock.now());
    let detail = views::partner_detail(&current.state, &id, now)
        .ok_or(DomainError::PartnerNotFound { partner_id: id })?;
    Ok((Etag(current.revision), Json(detail)))
}

pub async fn partners_remove_roles(
    State(app): State<AppState>,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let _: RemoveRolesInput = parse_json(&body)?;
    let persona = persona.acting(None)?;
    let command = Command::RemoveRoles {
        partner_id: id.clone(),
    };
    let route = format!("POST /api/partners/{id}/remove-roles");
    execute(&app, write, persona, command, &route, &body).await
}

pub async fn partners_accept_agreement(
    State(app): State<AppState>,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let input: AcceptAgreementInput = parse_json(&body)?;
    let persona = persona.acting(None)?;
    let command = Command::AcceptCustomerAgreement {
        partner_id: id.clone(),
        acknowledged: input.acknowledged,
    };
    let route = format!("POST /api/partners/{id}/accept-agreement");
    execute(&app, write, persona, command, &route, &body).await
}
