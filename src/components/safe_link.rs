//! Links built from data (a partner's website or email) pass a scheme
//! allow-list; anything else is shown as plain text, never as a link.

use leptos::prelude::*;

const ALLOWED: [&str; 3] = ["https://", "http://", "mailto:"];

/// The address as a link may carry it, or `None` when it must stay text.
pub fn safe_href(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let lower = trimmed.to_ascii_lowercase();
    let allowed = ALLOWED
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len());
    // Control characters or spaces could hide another scheme from a reader.
    let clean = !trimmed.chars().any(|c| c.is_control() || c.is_whitespace());
    (allowed && clean).then(|| trimmed.to_string())
}

/// An external link when `href` is safe, else its text.
#[component]
pub fn SafeLink(#[prop(into)] href: String, #[prop(into)] text: String) -> impl IntoView {
    match safe_href(&href) {
        Some(url) => view! {
            <a href=url rel="noopener noreferrer" target="_blank">
                {text}
                <span class="visually-hidden">" (opens in a new tab)"</span>
            </a>
        }
        .into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn web_and_mail_addresses_become_links() {
        assert_eq!(
            safe_href(" https://www.fabrikam.example "),
            Some("https://www.fabrikam.example".to_string())
        );
        assert!(safe_href("HTTP://a.example").is_some());
        assert!(safe_href("mailto:partners@a.example").is_some());
    }

    #[test]
    fn every_other_scheme_stays_text() {
        for raw in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "www.a.example",
            "https://",
            "https://a.example/\nx",
            "",
        ] {
            assert_eq!(safe_href(raw), None, "{raw}");
        }
    }
}
