//! The partners ticked for "Contact selected providers", by public key.
//!
//! Provided once for the whole app and kept in sessionStorage, so ticks
//! survive a look at one partner's contact form, a visit to another page
//! and a reload, and stay with this tab. A successful send clears them.

use domain::directory::Listing;
use leptos::prelude::*;

use crate::web_storage;

const STORAGE_KEY: &str = "partner-console.selection";

/// More keys than anyone ticks by hand: a bound on what storage can hand
/// back, far above the most one request may go to.
const MAX_KEPT: usize = 200;

#[derive(Clone, Copy)]
pub struct Selection(pub RwSignal<Vec<String>>);

impl Selection {
    /// Reads the tab's stored selection and keeps storage in step.
    pub fn provide() {
        let stored = web_storage::session()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map(|raw| parse_keys(&raw))
            .unwrap_or_default();
        let selection = Selection(RwSignal::new(stored));
        // Writes on changes only: the first run just subscribes, since
        // storage already holds what was read from it.
        Effect::new(move |subscribed: Option<()>| {
            let joined = selection.0.with(|keys| keys.join(","));
            if subscribed.is_some() {
                if let Some(storage) = web_storage::session() {
                    // Full or disabled storage only costs the ticks a reload.
                    let _ = storage.set_item(STORAGE_KEY, &joined);
                }
            }
        });
        provide_context(selection);
    }

    pub fn contains(self, key: &str) -> bool {
        self.0.with(|keys| keys.iter().any(|k| k == key))
    }

    pub fn toggle(self, key: &str) {
        self.0
            .update(|keys| match keys.iter().position(|k| k == key) {
                Some(at) => {
                    keys.remove(at);
                }
                None => keys.push(key.to_string()),
            });
    }

    /// Unticks the partners a request has just gone to.
    pub fn remove_all(self, sent: &[String]) {
        self.0.update(|keys| keys.retain(|k| !sent.contains(k)));
    }
}

/// The app's selection; a fresh one outside the app (component tests).
pub fn use_selection() -> Selection {
    use_context::<Selection>().unwrap_or_else(|| Selection(RwSignal::new(Vec::new())))
}

/// The distinct partner keys of a stored list, in order and in their one
/// spelling ("p-000007"); anything that is not a key is dropped.
fn parse_keys(raw: &str) -> Vec<String> {
    let mut keys: Vec<String> = Vec::new();
    for id in raw.split(',').filter_map(Listing::id_of_key) {
        if keys.len() == MAX_KEPT {
            break;
        }
        let key = Listing::key_of(id);
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_keys_read_back_in_order() {
        assert_eq!(parse_keys("p-000002,p-000001"), ["p-000002", "p-000001"]);
        assert!(parse_keys("").is_empty());
    }

    #[test]
    fn junk_and_repeats_in_storage_are_dropped() {
        assert_eq!(
            parse_keys("p-000001, <script>,p-1,,p-x,p-000007"),
            ["p-000001", "p-000007"]
        );
    }

    #[test]
    fn a_huge_stored_list_is_cut_to_a_bound() {
        let raw: Vec<String> = (0..1000).map(|i| format!("p-{i:06}")).collect();
        assert_eq!(parse_keys(&raw.join(",")).len(), MAX_KEPT);
    }
}
