//! What every write must carry: an `Idempotency-Key`, so a retry is
//! answered from the record instead of acting twice, and `If-Match`, so a
//! write based on an old state is refused instead of silently winning.

use axum::extract::FromRequestParts;
use axum::http::header::IF_MATCH;
use axum::http::request::Parts;

use super::etag::{self, Condition};
use super::ApiError;

pub const IDEMPOTENCY_KEY: &str = "idempotency-key";
const KEY_MAX: usize = 200;

pub struct WriteHeaders {
    pub idempotency_key: String,
    pub if_match: Condition,
}

impl<S: Send + Sync> FromRequestParts<S> for WriteHeaders {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let key = parts
            .headers
            .get(IDEMPOTENCY_KEY)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .unwrap_or_default();
        if key.is_empty() {
            return Err(ApiError::bad_request(
                "idempotencyKeyRequired",
                "A write must carry an Idempotency-Key header (a fresh random value per action, reused on retries).",
            ));
        }
        if key.len() > KEY_MAX || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(ApiError::bad_request(
                "invalidIdempotencyKey",
                format!("An Idempotency-Key is 1 to {KEY_MAX} visible ASCII characters."),
            ));
        }
        let if_match = match etag::condition(&parts.headers, IF_MATCH, false) {
            Ok(Some(condition)) => condition,
            Ok(None) => return Err(ApiError::precondition_required()),
            Err(()) => {
                return Err(ApiError::bad_request(
                    "invalidIfMatch",
                    "If-Match must be an ETag this server sent (like \"7\") or *.",
                ))
            }
        };
        Ok(WriteHeaders {
            idempotency_key: key.to_string(),
            if_match,
        })
    }
}
