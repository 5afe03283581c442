//! `POST /api/commands`: any domain command, as the engine's JSON.

use axum::body::Bytes;
use axum::extract::State;
use domain::Command;
use serde::Deserialize;

use super::persona::HeaderPersona;
use super::write::{execute, parse_json, Answered};
use super::write_headers::WriteHeaders;
use super::ApiError;
use crate::app_state::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommandInput {
    /// Instead of X-Persona; if both are sent they must agree.
    #[serde(default)]
    pub persona: Option<String>,
    pub command: Command,
}

pub async fn commands_post(
    State(app): State<AppState>,
    persona: HeaderPersona,
    write: WriteHeaders,
    body: Bytes,
) -> Result<Answered, ApiError> {
    let input: CommandInput = parse_json(&body)?;
    let persona = persona.acting(input.persona.as_deref())?;
    execute(
        &app,
        write,
        persona,
        input.command,
        "POST /api/commands",
        &body,
    )
    .await
}
