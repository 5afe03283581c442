//! Cross-site request forgery: a change that rides on the session cookie
//! must come from the console's own pages. SameSite=Lax is a second layer
//! only (OWASP); the checks that decide are a custom header, which another
//! site cannot send without the browser asking us first (CORS preflight,
//! which we never grant), and the browser's own word on where the request
//! came from (Origin, Sec-Fetch-Site).

use axum::http::{HeaderMap, Method};

/// The header the console's pages send with every request.
pub const HEADER: &str = "x-requested-with";
pub const HEADER_VALUE: &str = "partner-console";

/// Why a cookie-authenticated change is refused, or `None` when it may go
/// on. `origin` is the console's own, e.g. `https://console.example`.
pub fn refusal(method: &Method, headers: &HeaderMap, origin: &str) -> Option<&'static str> {
    if method.is_safe() {
        return None;
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = header("sec-fetch-site") {
        if !matches!(site, "same-origin" | "none") {
            return Some("This change came from another site, and was not made.");
        }
    }
    if let Some(from) = header("origin") {
        if !from.eq_ignore_ascii_case(origin.trim_end_matches('/')) {
            return Some("This change came from another site, and was not made.");
        }
    }
    if header(HEADER) != Some(HEADER_VALUE) {
        return Some(
            "Changes are accepted from the console's own pages only (X-Requested-With: partner-console).",
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORIGIN: &str = "https://console.example";

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (k, v) in pairs {
            map.insert(*k, v.parse().unwrap());
        }
        map
    }

    #[test]
    fn the_consoles_own_change_goes_through() {
        let own = headers(&[
            (HEADER, HEADER_VALUE),
            ("origin", ORIGIN),
            ("sec-fetch-site", "same-origin"),
        ]);
        assert_eq!(refusal(&Method::POST, &own, ORIGIN), None);
        // Older browsers send neither Origin on same-origin requests nor
        // Sec-Fetch-Site: the custom header alone still proves it.
        let bare = headers(&[(HEADER, HEADER_VALUE)]);
        assert_eq!(refusal(&Method::DELETE, &bare, ORIGIN), None);
    }

    #[test]
    fn reads_are_never_refused() {
        assert_eq!(refusal(&Method::GET, &HeaderMap::new(), ORIGIN), None);
        assert_eq!(refusal(&Method::HEAD, &HeaderMap::new(), ORIGIN), None);
    }

    #[test]
    fn another_sites_change_is_refused_however_it_is_dressed() {
        for pairs in [
            // A plain form post from another site.
            vec![
                ("origin", "https://evil.example"),
                ("sec-fetch-site", "cross-site"),
            ],
            // It even forged our header (a browser would not let it).
            vec![(HEADER, HEADER_VALUE), ("origin", "https://evil.example")],
            vec![(HEADER, HEADER_VALUE), ("sec-fetch-site", "cross-site")],
            // A sibling subdomain is another site to us.
            vec![(HEADER, HEADER_VALUE), ("sec-fetch-site", "same-site")],
            vec![(HEADER, HEADER_VALUE), ("origin", "null")],
            // Our origin, but without the header: not our pages' request.
            vec![("origin", ORIGIN), ("sec-fetch-site", "same-origin")],
            vec![(HEADER, "XMLHttpRequest")],
        ] {
            assert!(
                refusal(&Method::POST, &headers(&pairs), ORIGIN).is_some(),
                "{pairs:?}"
            );
        }
    }
}
