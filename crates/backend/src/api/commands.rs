//! `POST /api/commands`: any domain command, as the engine's JSON.

use axum::body::Bytes;
use axum::extract::State;
use domain::Command;
use serde::Deserialize;
use utoipa::ToSchema;

use super::persona::HeaderPersona;
use super::write::{execute, parse_json, Actor, Answered};
use super::write_headers::WriteHeaders;
use super::ApiError;
use crate::app_state::AppState;
use crate::auth::Auth;
use crate::store::Organization;

fn is_demo_tool(command: &Command) -> bool {
    matches!(
        command,
        Command::IssueInvitation { .. } | Command::AdvanceTime { .. }
    )
}
use crate::openapi::params::WriteHeaders as WriteHeaderParams;
use crate::openapi::responses::{
    BadRequest, Conflict, Forbidden, InternalError, NotFound, PreconditionFailed,
    PreconditionRequired, Unauthorized, Unavailable, UnprocessableContent,
};
use crate::openapi::{schemas, WRITTEN};

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CommandInput {
    /// Instead of X-Persona; if both are sent they must agree (else 401).
    #[serde(default)]
    #[schema(value_type = Option<schemas::PersonaName>)]
    pub persona: Option<String>,
    #[schema(value_type = schemas::Command)]
    pub command: Command,
}

#[utoipa::path(
    post,
    path = "/api/commands",
    tag = "commands",
    summary = "Any domain command",
    description = "The partner simulator, the demo clock, contact requests, purchase visibility and every other domain command. Who acts: X-Persona, or the body's `persona`.",
    params(WriteHeaderParams),
    request_body(content = CommandInput, content_type = "application/json"),
    security(("demoPersona" = []), ()),
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
pub async fn commands_post(
    State(app): State<AppState>,
    organization: Organization,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let input: CommandInput = parse_json(&body)?;
    let user = persona.user();
    let persona = persona.acting(input.persona.as_deref())?;
    // Every persona may use the demo tools in demo mode, so each flow can
    // be tried from any seat; with real sign-in nobody may invent a
    // partner's invitation or move the organization's clock.
    if matches!(app.auth.as_ref(), Auth::Token(_)) && is_demo_tool(&input.command) {
        return Err(ApiError::demo_tools_off());
    }
    let actor = Actor {
        organization: &organization,
        persona,
        user,
    };
    execute(
        &app,
        actor,
        write,
        input.command,
        "POST /api/commands",
        &body,
    )
    .await
}
