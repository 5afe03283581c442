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
pub fn meta_policy(page: &str) -> Option<String> {
    let at = page.find("http-equiv=\"Content-Security-Policy\"")?;
    let rest = &page[at..];
    let start = rest.find("content=\"")? + "content=\"".len();
    let end = rest[start..].find('"')?;
    let policy = rest[start..start + end].trim();
    // An unbuilt page still has the placeholder: never send that.
    (!policy.contains("__INLINE_SCRIPT_HASHES__")).then(|| policy.to_string())
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
    fn an_unbuilt_page_yields_no_policy() {
        let page = r#"<meta http-equiv="Content-Security-Policy" content="script-src __INLINE_SCRIPT_HASHES__" />"#;
        assert_eq!(meta_policy(page), None);
    }
}
