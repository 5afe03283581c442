//! Filters live in the URL query, so a filtered view can be shared,
//! reloaded and reached with the back button.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;

/// `path` with the current query changed: `Some` sets a key, `None` or an
/// empty value removes it.
pub fn with_changes(path: &str, current: &ParamsMap, changes: &[(&str, Option<String>)]) -> String {
    let mut map = current.clone();
    for (key, value) in changes {
        map.remove(key);
        if let Some(v) = value.as_ref().filter(|v| !v.is_empty()) {
            map.insert(key.to_string(), v.clone());
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
