//! The app can be served under a sub-path (Trunk's `--public-url`). The
//! build writes that path into `<meta name="app-base">` (a `<base>` element
//! would be refused by the CSP's `base-uri 'none'`), so the router's base is
//! read from the document rather than compiled in.

/// A public URL as the router wants it: no trailing slash, "" for the root,
/// and anything that is not a plain absolute path treated as the root.
pub fn normalize(public_url: &str) -> String {
    let trimmed = public_url.trim().trim_end_matches('/');
    if trimmed.starts_with('/') && !trimmed.starts_with("//") {
        trimmed.to_string()
    } else {
        String::new()
    }
}

/// The router base of the running document, read once.
pub fn get() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(current)
}

/// An app path as a link must carry it: the router resolves absolute
/// paths for navigation, but `<A href>` takes them as they are.
pub fn href(path: &str) -> String {
    format!("{}{path}", get())
}

fn current() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=app-base]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .map(|content| normalize(&content))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn the_root_has_an_empty_base() {
        assert_eq!(normalize("/"), "");
        assert_eq!(normalize(""), "");
    }

    #[test]
    fn a_sub_path_loses_only_its_trailing_slash() {
        assert_eq!(normalize("/console/"), "/console");
        assert_eq!(normalize("/a/b"), "/a/b");
    }

    #[test]
    fn anything_but_an_absolute_path_is_the_root() {
        assert_eq!(normalize("https://evil.example/"), "");
        assert_eq!(normalize("//evil.example/"), "");
        assert_eq!(normalize("__APP_BASE__"), "");
    }
}
