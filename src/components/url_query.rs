//! Filters live in the URL query, so a filtered view can be shared,
//! reloaded and reached with the back button.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::location::Url;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// The URL query with every value decoded exactly once.
///
/// leptos_router 0.8's own `use_query_map` decodes twice: its
/// `ParamsMap::insert` percent-decodes values that `URLSearchParams` has
/// already decoded, so a search for "%3Cb%3E" would read back as "<b>".
/// This reads the raw query string and lets `insert` do the one decoding.
pub fn use_query_map() -> Memo<ParamsMap> {
    let search = use_location().search;
    Memo::new(move |_| search.with(|s| parse_query(s)))
}

/// The page's last path segment (the `:id` of a partner, invitation or
/// agreement page), decoded exactly once.
///
/// leptos_router 0.8 decodes path parameters twice too, so an id "%3C"
/// would arrive as "<". Its pathname is the raw one: this takes the
/// segment from there.
pub fn use_last_path_segment() -> Memo<String> {
    let pathname = use_location().pathname;
    Memo::new(move |_| pathname.with(|p| last_path_segment(p)))
}

/// The last segment of a raw (percent-encoded) pathname, decoded.
pub fn last_path_segment(pathname: &str) -> String {
    let raw = pathname
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("");
    Url::unescape(raw)
}

/// `a=1&b=x%20y` (with or without the `?`) as a map of decoded values.
pub fn parse_query(search: &str) -> ParamsMap {
    let mut map = ParamsMap::new();
    let search = search.strip_prefix('?').unwrap_or(search);
    for pair in search.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        // `insert` decodes the value; the key is decoded here.
        map.insert(
            Url::unescape(&key.replace('+', " ")),
            value.replace('+', " "),
        );
    }
    map
}

/// `path` with the current query changed: `Some` sets a key, `None` or an
/// empty value removes it.
pub fn with_changes(path: &str, current: &ParamsMap, changes: &[(&str, Option<String>)]) -> String {
    let mut map = current.clone();
    for (key, value) in changes {
        map.remove(key);
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
            // `insert` percent-decodes what it is given: encode the value
            // first, so a typed "%41" stays "%41" instead of becoming "A".
            map.insert(key.to_string(), Url::escape(v));
        }
    }
    format!("{path}{}", map.to_query_string())
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Navigates inside the app from event handlers; `Copy`, so every handler
/// can hold one.
#[derive(Clone, Copy)]
pub struct Navigator(StoredValue<Navigate, LocalStorage>);

impl Navigator {
    pub fn new() -> Navigator {
        let navigate = use_navigate();
        Navigator(StoredValue::new_local(Box::new(navigate)))
    }

    /// A new history entry (links, row selection, sorting).
    pub fn push(&self, url: &str) {
        self.0.with_value(|go| go(url, NavigateOptions::default()));
    }

    /// Replaces the entry (typing in a search box), keeping the scroll.
    pub fn replace(&self, url: &str) {
        self.0.with_value(|go| {
            go(
                url,
                NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            )
        });
    }
}

impl Default for Navigator {
    fn default() -> Self {
        Self::new()
    }
}
