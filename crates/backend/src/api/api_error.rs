//! Every error answer of the API, as problem+json. Handlers use `?`: the
//! engine's refusals, store failures and bad input all convert here.
//! Internals are logged to stderr and never sent.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use domain::DomainError;
use serde_json::{Map, Value};

use crate::problem;
use crate::store::StoreError;

#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    detail: String,
    extra: Map<String, Value>,
    /// The current revision, sent as the ETag of a 412.
    etag: Option<u64>,
    /// Sent as WWW-Authenticate with a 401.
    challenge: Option<&'static str>,
    /// Sent as Retry-After with a 503.
    retry_after: Option<&'static str>,
}

impl ApiError {
    fn new(status: StatusCode, code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            detail: detail.into(),
            extra: Map::new(),
            etag: None,
            challenge: None,
            retry_after: None,
        }
    }

    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn bad_request(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, code, detail)
    }

    pub fn invalid_json(detail: impl Into<String>) -> ApiError {
        ApiError::bad_request("invalidJson", detail)
    }

    /// JSON that parses but does not fit the operation's input.
    pub fn invalid_body(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "invalidBody", detail)
    }

    /// The server cannot tell who acts. The demo persona is the only
    /// scheme today, so the challenge names its header.
    pub fn unauthorized(code: &'static str, detail: impl Into<String>) -> ApiError {
        let mut error = ApiError::new(StatusCode::UNAUTHORIZED, code, detail);
        error.challenge = Some(r#"X-Persona realm="partner-console""#);
        error
    }

    /// Token mode: no bearer token (RFC 6750 §3: no error code then).
    pub fn token_required() -> ApiError {
        let mut error = ApiError::new(
            StatusCode::UNAUTHORIZED,
            "tokenRequired",
            "Sign in: send Authorization: Bearer with an access token for this API.",
        );
        error.challenge = Some(r#"Bearer realm="partner-console""#);
        error
    }

    /// Token mode: a token that is not believed, and why.
    pub fn token_refused(detail: impl Into<String>) -> ApiError {
        let mut error = ApiError::new(StatusCode::UNAUTHORIZED, "invalidToken", detail);
        error.challenge = Some(r#"Bearer realm="partner-console", error="invalid_token""#);
        error
    }

    /// Sign-in mode: no session, or one that has ended.
    pub fn sign_in_required(detail: impl Into<String>) -> ApiError {
        let mut error = ApiError::new(StatusCode::UNAUTHORIZED, "signInRequired", detail);
        error.challenge = Some(r#"Bearer realm="partner-console""#);
        error
    }

    /// The server could not finish for a reason of its own; a retry may work.
    pub fn unavailable(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "unavailable", detail)
    }

    /// A change sent with the session cookie but not by the console's own
    /// pages: another site's form or script (cross-site request forgery).
    pub fn cross_site_refused(detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::FORBIDDEN, "crossSiteRefused", detail)
    }

    /// Token mode: the demo's stand-ins for the partner and the clock are
    /// off, whoever asks.
    pub fn demo_tools_off() -> ApiError {
        ApiError::new(
            StatusCode::FORBIDDEN,
            "demoToolsOff",
            "This server keeps a real organization's data: the partner simulator and the demo clock are off.",
        )
    }

    pub fn not_found(code: &'static str, detail: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, code, detail)
    }

    pub fn no_such_route() -> ApiError {
        ApiError::not_found(
            "noSuchRoute",
            "There is no such API route; /openapi.json lists them.",
        )
    }

    pub fn method_not_allowed() -> ApiError {
        ApiError::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "methodNotAllowed",
            "This route does not take that method; /openapi.json lists what it takes.",
        )
    }

    pub fn precondition_required() -> ApiError {
        ApiError::new(
            StatusCode::PRECONDITION_REQUIRED,
            "ifMatchRequired",
            "A write must carry If-Match with the ETag of the state it was based on (or * to write over any revision).",
        )
    }

    /// The write was based on an older revision than the current one.
    pub fn stale(current: u64) -> ApiError {
        let mut error = ApiError::new(
            StatusCode::PRECONDITION_FAILED,
            "staleRevision",
            format!("The state changed since you loaded it (it is now revision {current}). Reload it and try again."),
        );
        error.extra = crate::engine_host::problem_extras(current);
        error.etag = Some(current);
        error
    }

    pub fn idempotency_key_reused() -> ApiError {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotencyKeyReused",
            "This Idempotency-Key was already used for a different request. Use a new key for a new request.",
        )
    }

    pub fn read_only() -> ApiError {
        ApiError::new(
            StatusCode::CONFLICT,
            "readOnly",
            "The saved state comes from a newer version of the console, so it is shown read-only.",
        )
    }

    /// Something went wrong inside: the cause goes to the log, the client
    /// learns only that it may retry.
    pub fn internal(cause: impl std::fmt::Display) -> ApiError {
        eprintln!("internal error: {cause}");
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "Something went wrong on the server. Your request may be retried with the same Idempotency-Key.",
        )
    }
}

impl From<DomainError> for ApiError {
    fn from(error: DomainError) -> ApiError {
        let (status, body) = problem::of_domain(&error);
        let mut api = ApiError::new(status, error.code(), error.to_string());
        if let Value::Object(members) = body {
            api.extra = members;
        }
        api
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> ApiError {
        if error.is_unavailable() {
            // Nothing was committed: the same request (and key) may be sent again.
            eprintln!("database unavailable: {error}");
            let mut unavailable = ApiError::unavailable(
                "The database is not answering right now; nothing was changed. Try again in a moment.",
            );
            unavailable.retry_after = Some(RETRY_AFTER_SECONDS);
            return unavailable;
        }
        ApiError::internal(error)
    }
}

/// What a 503 for an unavailable database asks the client to wait.
const RETRY_AFTER_SECONDS: &str = "2";

impl From<tokio::task::JoinError> for ApiError {
    fn from(error: tokio::task::JoinError) -> ApiError {
        ApiError::internal(error)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = problem::body(self.status, self.code, &self.detail, self.extra);
        let mut response = (self.status, body.to_string()).into_response();
        let headers = response.headers_mut();
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(problem::CONTENT_TYPE),
        );
        if let Some(challenge) = self.challenge {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static(challenge),
            );
        }
        if let Some(seconds) = self.retry_after {
            headers.insert(header::RETRY_AFTER, HeaderValue::from_static(seconds));
        }
        if let Some(revision) = self.etag {
            if let Ok(value) = HeaderValue::from_str(&super::etag::format(revision)) {
                headers.insert(header::ETAG, value);
            }
        }
        response
    }
}
