//! Revisions as entity tags: `"7"` is the state of revision 7.

use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponseParts, ResponseParts};

pub fn format(revision: u64) -> String {
    format!("\"{revision}\"")
}

/// An `ETag` header for a revision.
pub struct Etag(pub u64);

impl IntoResponseParts for Etag {
    type Error = std::convert::Infallible;

    fn into_response_parts(self, mut res: ResponseParts) -> Result<ResponseParts, Self::Error> {
        if let Ok(value) = HeaderValue::from_str(&format(self.0)) {
            res.headers_mut().insert(header::ETAG, value);
        }
        // Always revalidate: the state changes under the client.
        res.headers_mut()
            .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        Ok(res)
    }
}

/// What an `If-Match` or `If-None-Match` header asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Condition {
    /// `*`: any revision.
    Any,
    Revision(u64),
}

impl Condition {
    pub fn matches(self, revision: u64) -> bool {
        match self {
            Condition::Any => true,
            Condition::Revision(r) => r == revision,
        }
    }
}

/// Reads a condition header; `Ok(None)` when absent, `Err` when it is not
/// one of our tags. Weak tags (`W/"7"`) count for If-None-Match only.
pub fn condition(
    headers: &HeaderMap,
    name: header::HeaderName,
    allow_weak: bool,
) -> Result<Option<Condition>, ()> {
    let Some(value) = headers.get(&name) else {
        return Ok(None);
    };
    let text = value.to_str().map_err(|_| ())?.trim();
    if text == "*" {
        return Ok(Some(Condition::Any));
    }
    let tag = match text.strip_prefix("W/") {
        Some(weak) if allow_weak => weak,
        Some(_) => return Err(()),
        None => text,
    };
    let digits = tag
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .ok_or(())?;
    digits
        .parse()
        .map(|r| Some(Condition::Revision(r)))
        .map_err(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::IF_MATCH, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn a_quoted_revision_a_star_and_garbage_are_told_apart() {
        let read = |v| condition(&with(v), header::IF_MATCH, false);
        assert_eq!(read("\"7\""), Ok(Some(Condition::Revision(7))));
        assert_eq!(read("*"), Ok(Some(Condition::Any)));
        assert_eq!(read("7"), Err(()));
        assert_eq!(read("W/\"7\""), Err(()));
        assert_eq!(
            condition(&HeaderMap::new(), header::IF_MATCH, false),
            Ok(None)
        );
    }
}
