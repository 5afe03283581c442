//! The headers every response carries. The content security policy is read
//! from the built index.html, so the header and the page's own meta policy
//! can never disagree (the build computes the inline-script hashes).

use std::path::Path;

use axum::http::{header, HeaderValue};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

/// Used when no built index.html can be read: nothing inline may run.
const FALLBACK_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; \
base-uri 'none'; form-action 'self'";

/// The page's meta policy plus what only a header can say.
pub fn policy_from_index(index: &Path) -> String {
    let page = std::fs::read_to_string(index).unwrap_or_default();
    let base = meta_policy(&page).unwrap_or_else(|| FALLBACK_POLICY.to_string());
    format!("{base}; frame-ancestors 'none'")
}

/// The `content` of the page's `<meta http-equiv="Content-Security-Policy">`.
/// A release build's page is minified: its attributes may be unquoted and
/// in any order, so the tag is read attribute by attribute.
pub fn meta_policy(page: &str) -> Option<String> {
    let policy = page
        .split("<meta")
        .skip(1)
        .filter_map(|rest| rest.split('>').next())
        .map(attributes)
        .find(|attrs| {
            attrs.iter().any(|(name, value)| {
                name.eq_ignore_ascii_case("http-equiv")
                    && value.eq_ignore_ascii_case("Content-Security-Policy")
            })
        })?
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case("content"))?
        .1
        .trim()
        .to_string();
    // An unbuilt page still has the placeholder: never send that.
    (!policy.is_empty() && !policy.contains("__INLINE_SCRIPT_HASHES__")).then_some(policy)
}

/// A tag's attributes (the text between its name and `>`) as (name, value)
/// pairs, values double-quoted, single-quoted or bare.
fn attributes(tag: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    let mut rest = tag;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        let name_end = rest
            .find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/')
            .unwrap_or(rest.len());
        if name_end == 0 {
            return found;
        }
        let name = &rest[..name_end];
        rest = rest[name_end..].trim_start();
        let Some(after_eq) = rest.strip_prefix('=') else {
            found.push((name, ""));
            continue;
        };
        let after_eq = after_eq.trim_start();
        let (value, after) = match after_eq.chars().next() {
            Some(quote @ ('"' | '\'')) => {
                let body = &after_eq[1..];
                let end = body.find(quote).unwrap_or(body.len());
                (&body[..end], body.get(end + 1..).unwrap_or(""))
            }
            _ => {
                let end = after_eq
                    .find(|c: char| c.is_ascii_whitespace())
                    .unwrap_or(after_eq.len());
                (&after_eq[..end], &after_eq[end..])
            }
        };
        found.push((name, value));
        rest = after;
    }
}

pub fn apply(router: Router, csp: &str) -> Router {
    let csp =
        HeaderValue::from_str(csp).unwrap_or_else(|_| HeaderValue::from_static(FALLBACK_POLICY));
    router
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            csp,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_meta_policy_is_read_from_a_built_page() {
        let page = r#"<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-abc='" />"#;
        assert_eq!(
            meta_policy(page).as_deref(),
            Some("default-src 'self'; script-src 'self' 'sha256-abc='")
        );
    }

    #[test]
    fn the_meta_policy_is_read_from_a_minified_page() {
        let page = r#"<!doctype html><meta charset=utf-8><meta content="default-src 'self'; script-src 'self' 'sha256-abc='" http-equiv=Content-Security-Policy><meta content= name=app-base>"#;
        assert_eq!(
            meta_policy(page).as_deref(),
            Some("default-src 'self'; script-src 'self' 'sha256-abc='")
        );
    }

    #[test]
    fn an_unbuilt_page_yields_no_policy() {
        let page = r#"<meta http-equiv="Content-Security-Policy" content="script-src __INLINE_SCRIPT_HASHES__" />"#;
        assert_eq!(meta_policy(page), None);
    }
}
