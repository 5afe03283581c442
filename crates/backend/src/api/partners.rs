//! A partner's page, "Remove roles" and "Review and accept" the agreement.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::Json;
use domain::views::{self, PartnerDetail};
use domain::{Command, DomainError};
use serde::Deserialize;
use utoipa::ToSchema;

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

/// "Remove roles?" → "Yes" takes no fields; an empty body or `{}`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RemoveRolesInput {}

/// The "Review and accept" page: the acknowledgement checkbox.
#[derive(Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AcceptAgreementInput {
    /// The agreement box is ticked; without it the engine refuses (422).
    #[serde(default)]
    #[schema(default = false)]
    pub acknowledged: bool,
}

#[utoipa::path(
    get,
    path = "/api/partners/{id}",
    tag = "partners",
    summary = "A partner's page",
    params(("id" = String, Path, description = "The partner's id")),
    responses(
        (status = 200, description = "The partner", body = schemas::PartnerDetail,
            headers(("ETag" = String, description = "The state's revision, like \"7\": send it as If-Match."))),
        (status = 404, response = NotFound),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn partners_get(
    State(app): State<AppState>,
    organization: Organization,
    Path(id): Path<String>,
) -> Result<(Etag, Json<PartnerDetail>), ApiError> {
    let current = current(&app, &organization).await?;
    let now = effective_now(current.state.now, app.clock.now());
    let detail = views::partner_detail(&current.state, &id, now)
        .ok_or(DomainError::PartnerNotFound { partner_id: id })?;
    Ok((Etag(current.revision), Json(detail)))
}

#[utoipa::path(
    post,
    path = "/api/partners/{id}/remove-roles",
    tag = "partners",
    summary = "Remove roles? → Yes",
    params(("id" = String, Path, description = "The partner's id"), WriteHeaderParams),
    request_body(content = Option<RemoveRolesInput>, content_type = "application/json"),
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
pub async fn partners_remove_roles(
    State(app): State<AppState>,
    organization: Organization,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let _: RemoveRolesInput = parse_json(&body)?;
    let user = persona.user();
    let persona = persona.acting(None)?;
    let command = Command::RemoveRoles {
        partner_id: id.clone(),
    };
    let route = format!("POST /api/partners/{id}/remove-roles");
    let actor = Actor {
        organization: &organization,
        persona,
        user,
    };
    execute(&app, actor, write, command, &route, &body).await
}

#[utoipa::path(
    post,
    path = "/api/partners/{id}/accept-agreement",
    tag = "partners",
    summary = "Review and accept the customer agreement",
    params(("id" = String, Path, description = "The partner's id"), WriteHeaderParams),
    request_body(content = Option<AcceptAgreementInput>, content_type = "application/json"),
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
pub async fn partners_accept_agreement(
    State(app): State<AppState>,
    organization: Organization,
    Path(id): Path<String>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let input: AcceptAgreementInput = parse_json(&body)?;
    let user = persona.user();
    let persona = persona.acting(None)?;
    let command = Command::AcceptCustomerAgreement {
        partner_id: id.clone(),
        acknowledged: input.acknowledged,
    };
    let route = format!("POST /api/partners/{id}/accept-agreement");
    let actor = Actor {
        organization: &organization,
        persona,
        user,
    };
    execute(&app, actor, write, command, &route, &body).await
}
