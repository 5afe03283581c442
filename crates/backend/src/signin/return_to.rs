//! Where sign-in sends someone back: only a path on this site. A full URL,
//! `//host` (another site to a browser) or `/\host` (the same, to some
//! browsers) would make the console an open redirect.

/// The page to come back to after signing in, or `/` when `asked` is not a
/// same-origin path.
pub fn safe_return_path(asked: Option<&str>) -> String {
    asked
        .filter(|p| is_same_origin_path(p))
        .map_or_else(|| "/".to_string(), str::to_string)
}

fn is_same_origin_path(path: &str) -> bool {
    let mut chars = path.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && path.len() <= 2048
        && !path.chars().any(|c| c.is_control() || c == '\\')
        // Back into sign-in itself would loop.
        && !path.starts_with("/auth/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_on_this_site_is_kept_with_its_query() {
        for path in [
            "/",
            "/partners/p-1",
            "/find-partner?q=contoso&sort=name",
            "/invitations#top",
        ] {
            assert_eq!(safe_return_path(Some(path)), path);
        }
    }

    #[test]
    fn anything_that_could_leave_the_site_goes_home_instead() {
        for asked in [
            "https://evil.example/",
            "//evil.example/x",
            "/\\evil.example",
            "\\\\evil.example",
            "evil.example",
            "javascript:alert(1)",
            "/ok\r\nSet-Cookie: x=1",
            "/auth/sign-in?returnTo=/",
            "",
        ] {
            assert_eq!(safe_return_path(Some(asked)), "/", "{asked:?}");
        }
        assert_eq!(safe_return_path(None), "/");
        assert_eq!(
            safe_return_path(Some(&format!("/{}", "a".repeat(3000)))),
            "/"
        );
    }
}
