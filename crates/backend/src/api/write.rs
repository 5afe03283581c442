//! The one path every write takes: idempotency record first (a retry gets
//! the first answer, even if the state moved on), then If-Match, then the
//! engine, then one transaction.

use axum::body::Bytes;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::{Command, Persona, SignedInUser};
use serde::de::DeserializeOwned;

use super::etag;
use super::write_headers::WriteHeaders;
use super::ApiError;
use crate::app_state::AppState;
use crate::engine_host;
use crate::faults::Committed;
use crate::problem;
use crate::store::{Answer, Organization, Written};

/// Header on an answer given again from the idempotency record.
pub const REPLAYED: &str = "idempotent-replayed";

/// A stored answer, first time or again.
pub struct Answered {
    answer: Answer,
    replayed: bool,
}

impl IntoResponse for Answered {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let content_type = if status.is_success() {
            "application/json"
        } else {
            problem::CONTENT_TYPE
        };
        let mut response = (status, self.answer.body).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        if let Ok(tag) = HeaderValue::from_str(&etag::format(self.answer.revision)) {
            headers.insert(header::ETAG, tag);
        }
        if self.replayed {
            headers.insert(REPLAYED, HeaderValue::from_static("true"));
        } else {
            response.extensions_mut().insert(Committed);
        }
        response
    }
}

/// Who acts, and in which organization.
pub struct Actor<'a> {
    pub organization: &'a Organization,
    pub persona: Persona,
    pub user: Option<SignedInUser>,
}

/// Runs `command` for the actor in their organization. `route` and `body` identify the request,
/// so the same key with another request is told apart.
pub async fn execute(
    app: &AppState,
    actor: Actor<'_>,
    write: WriteHeaders,
    command: Command,
    route: &str,
    body: &Bytes,
) -> Result<Answered, ApiError> {
    let Actor {
        organization,
        persona,
        user,
    } = actor;
    // The same key from another user is another request.
    let request = format!(
        "{route}\n{}\n{}\n{}",
        persona.id(),
        user.as_ref().map_or("", |u| u.id.as_str()),
        String::from_utf8_lossy(body)
    );
    let store = app.store.clone();
    let wall = app.clock.now();
    let organization = organization.id.clone();
    let changed = organization.clone();
    let written = tokio::task::spawn_blocking(move || {
        // Keys, state and log are the organization's own: the same key in
        // another organization is another request.
        store.write(&organization, &write.idempotency_key, &request, |current| {
            if !write.if_match.matches(current.revision) {
                return Err(ApiError::stale(current.revision));
            }
            if current.read_only {
                return Err(ApiError::read_only());
            }
            Ok(engine_host::run(
                current,
                persona,
                user.as_ref(),
                &command,
                wall,
            ))
        })
    })
    .await??;
    // Open consoles of this organization hear of it at once.
    if let Written::Committed(answer) = &written {
        app.changes.publish(&changed, answer.revision);
    }
    match written {
        Written::Committed(answer) => Ok(Answered {
            answer,
            replayed: false,
        }),
        Written::Replayed(answer) => Ok(Answered {
            answer,
            replayed: true,
        }),
        Written::KeyReused => Err(ApiError::idempotency_key_reused()),
        Written::Refused(error) => Err(error),
    }
}

/// Reads a JSON body; an empty body (or `null`) reads as `{}` for
/// operations whose fields all have defaults. Not JSON is 400; JSON of the wrong shape
/// (an unknown field or command, a missing or mistyped one) is 422.
pub fn parse_json<T: DeserializeOwned>(body: &Bytes) -> Result<T, ApiError> {
    // No body, or JSON null: no fields (the document's optional bodies).
    let text: &[u8] = if body.iter().all(u8::is_ascii_whitespace) || body.trim_ascii() == b"null" {
        b"{}"
    } else {
        body
    };
    let value: serde_json::Value = serde_json::from_slice(text)
        .map_err(|e| ApiError::invalid_json(format!("The body is not JSON: {e}.")))?;
    // serde reads a struct from an array too; the document says object.
    if !value.is_object() {
        return Err(ApiError::invalid_body("The body must be a JSON object."));
    }
    serde_json::from_value::<T>(value)
        .map_err(|e| ApiError::invalid_body(format!("The body does not fit this operation: {e}.")))
}
