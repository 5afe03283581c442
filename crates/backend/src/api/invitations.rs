//! Invitations: the inbox, one invitation's page, accept and decline.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use domain::views::{self, InvitationView};
use domain::{Command, DomainError};
use serde::Deserialize;
use utoipa::ToSchema;

use super::collection::Collection;
use super::etag::Etag;
use super::organization::current;
use super::persona::HeaderPersona;
use super::write::{execute, parse_json, Actor, Answered};
use super::write_headers::WriteHeaders;
use super::ApiError;
use crate::app_state::AppState;
use crate::clock::effective_now;
use crate::openapi::params::WriteHeaders as WriteHeaderParams;
use crate::openapi::responses::{
    BadRequest, Conflict, Forbidden, InternalError, NotFound, PreconditionFailed,
    PreconditionRequired, Unauthorized, Unavailable, UnprocessableContent,
};
use crate::openapi::{schemas, WRITTEN};
use crate::store::Organization;

/// The body of "Accept & Authorize"; may be empty (not acknowledged).
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptInvitationInput {
    /// The customer agreement box is ticked (needed when it is not signed yet).
    #[serde(default)]
    #[schema(default = false)]
    pub agreement_acknowledged: bool,
}

/// Declining takes no fields; an empty body or `{}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DeclineInvitationInput {}

#[utoipa::path(
    get,
    path = "/api/invitations",
    tag = "invitations",
    summary = "The invitations inbox, newest first",
    description = "As the persona sees them: without X-Persona, as a user without admin roles.",
    security((), ("demoPersona" = [])),
    responses(
        (status = 200, description = "Invitations as the persona sees them",
            body = schemas::InvitationViewList, headers(("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."))),
        (status = 401, response = Unauthorized),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn invitations_list(
    State(app): State<AppState>,
    organization: Organization,
    persona: HeaderPersona,
) -> Result<(Etag, Json<Collection<InvitationView>>), ApiError> {
    let current = current(&app, &organization).await?;
    let now = effective_now(current.state.now, app.clock.now());
    let value = views::inbox(&current.state, persona.or_least(), now);
    Ok((Etag(current.revision), Json(Collection { value })))
}

#[utoipa::path(
    get,
    path = "/api/invitations/{id}",
    tag = "invitations",
    summary = "One invitation's page",
    description = "As the persona sees it: without X-Persona, as a user without admin roles.",
    params(("id" = String, Path, description = "The invitation's id")),
    security((), ("demoPersona" = [])),
    responses(
        (status = 200, description = "The invitation",
            body = schemas::InvitationView, headers(("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."))),
        (status = 401, response = Unauthorized),
        (status = 404, response = NotFound),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn invitations_get(
    State(app): State<AppState>,
    organization: Organization,
    Path(id): Path<String>,
    persona: HeaderPersona,
) -> Result<(Etag, Json<InvitationView>), ApiError> {
    let current = current(&app, &organization).await?;
    let now = effective_now(current.state.now, app.clock.now());
    let view = views::invitation_view(&current.state, &id, persona.or_least(), now)
        .ok_or(DomainError::InvitationNotFound { invitation_id: id })?;
    Ok((Etag(current.revision), Json(view)))
}

#[utoipa::path(
    post,
    path = "/api/invitations/{id}/accept",
    tag = "invitations",
    summary = "Accept & Authorize (approve all)",
    params(("id" = String, Path, description = "The invitation's id"), WriteHeaderParams),
    request_body(content = Option<AcceptInvitationInput>, content_type = "application/json"),
    security(("demoPersona" = [])),
    responses(
        (status = 200, description = WRITTEN, body = schemas::CommandOutcome, headers(
            ("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."),
            ("Idempotent-Replayed" = String, description = "true when this is the first answer given again."))),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 412, response = PreconditionFailed),
        (status = 422, response = UnprocessableContent),
        (status = 428, response = PreconditionRequired),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn invitations_accept(
    State(app): State<AppState>,
    organization: Organization,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let input: AcceptInvitationInput = parse_json(&body)?;
    let user = persona.user();
    let persona = persona.acting(None)?;
    let command = Command::AcceptInvitation {
        invitation_id: id.clone(),
        agreement_acknowledged: input.agreement_acknowledged,
    };
    let route = format!("POST /api/invitations/{id}/accept");
    let actor = Actor {
        organization: &organization,
        persona,
        user,
    };
    execute(&app, actor, write, command, &route, &body).await
}

#[utoipa::path(
    post,
    path = "/api/invitations/{id}/decline",
    tag = "invitations",
    summary = "Decline the invitation",
    params(("id" = String, Path, description = "The invitation's id"), WriteHeaderParams),
    request_body(content = Option<DeclineInvitationInput>, content_type = "application/json"),
    security(("demoPersona" = [])),
    responses(
        (status = 200, description = WRITTEN, body = schemas::CommandOutcome, headers(
            ("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."),
            ("Idempotent-Replayed" = String, description = "true when this is the first answer given again."))),
        (status = 400, response = BadRequest),
        (status = 401, response = Unauthorized),
        (status = 403, response = Forbidden),
        (status = 404, response = NotFound),
        (status = 409, response = Conflict),
        (status = 412, response = PreconditionFailed),
        (status = 422, response = UnprocessableContent),
        (status = 428, response = PreconditionRequired),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn invitations_decline(
    State(app): State<AppState>,
    organization: Organization,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let _: DeclineInvitationInput = parse_json(&body)?;
    let user = persona.user();
    let persona = persona.acting(None)?;
    let command = Command::DeclineInvitation {
        invitation_id: id.clone(),
    };
    let route = format!("POST /api/invitations/{id}/decline");
    let actor = Actor {
        organization: &organization,
        persona,
        user,
    };
    execute(&app, actor, write, command, &route, &body).await
}
