//! The state in localStorage: one versioned record. Corrupt data is set
//! aside under another key and reported, never silently dropped; a newer
//! version opens read-only; a full or disabled storage is reported while
//! the state stays in memory.

use domain::{snapshot, State};
use leptos::ev;
use leptos::prelude::window_event_listener;

use super::real_now;

pub const STATE_KEY: &str = "partner-console.state";
/// How many saves the stored state has seen. A tab compares it with the
/// revision it last read before writing, so two tabs never overwrite each
/// other's changes silently.
const REVISION_KEY: &str = "partner-console.revision";
const SET_ASIDE_PREFIX: &str = "partner-console.state.unreadable.";

/// Something the admin should know about their saved data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// The saved data could not be read; it was kept under `kept_as`.
    Unreadable {
        reason: String,
        kept_as: Option<String>,
    },
    /// Saved by a newer console: shown read-only.
    Newer,
    /// Saving failed (storage full or disabled); changes live until reload.
    SaveFailed,
    /// The browser gives this page no storage at all.
    Unavailable,
    /// Another tab saved changes first; they were loaded before ours.
    ChangedElsewhere,
}

impl std::fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StorageProblem::Unreadable { reason, kept_as: Some(key) } => write!(
                f,
                "Your saved data could not be read, so demo data is shown. {reason} The unreadable data is kept in this browser under “{key}”."
            ),
            StorageProblem::Unreadable { reason, kept_as: None } => write!(
                f,
                "Your saved data could not be read, so demo data is shown. {reason}"
            ),
            StorageProblem::Newer => f.write_str(
                "Your saved data comes from a newer version of the console. It is shown read-only.",
            ),
            StorageProblem::SaveFailed => f.write_str(
                "Your last change could not be saved in this browser (storage is full or turned off). It stays until you reload; export your data to keep it.",
            ),
            StorageProblem::Unavailable => f.write_str(
                "This browser gives the console no storage, so changes last only until you reload.",
            ),
            StorageProblem::ChangedElsewhere => f.write_str(
                "Your data was changed in another tab. This page loaded those changes first, then made yours, so nothing was overwritten. Check the result.",
            ),
        }
    }
}

pub struct Loaded {
    pub state: State,
    pub read_only: bool,
    pub problem: Option<StorageProblem>,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn demo(problem: Option<StorageProblem>) -> Loaded {
    Loaded {
        state: domain::demo::demo_state(real_now()),
        read_only: false,
        problem,
    }
}

pub fn load() -> Loaded {
    let Some(storage) = storage() else {
        return demo(Some(StorageProblem::Unavailable));
    };
    match storage.get_item(STATE_KEY) {
        Ok(Some(text)) => decode(&storage, &text),
        Ok(None) => demo(None),
        Err(_) => demo(Some(StorageProblem::Unavailable)),
    }
}

fn decode(storage: &web_sys::Storage, text: &str) -> Loaded {
    match snapshot::decode(text) {
        Ok(decoded) => Loaded {
            problem: decoded.read_only.then_some(StorageProblem::Newer),
            state: decoded.state,
            read_only: decoded.read_only,
        },
        Err(error) => {
            let key = format!("{SET_ASIDE_PREFIX}{}", real_now().unix_seconds());
            let kept = storage.set_item(&key, text).is_ok();
            if kept {
                let _ = storage.remove_item(STATE_KEY);
            }
            demo(Some(StorageProblem::Unreadable {
                reason: error.to_string(),
                kept_as: kept.then_some(key),
            }))
        }
    }
}

/// The revision of the stored state; 0 when nothing was saved yet.
pub fn stored_revision() -> u64 {
    storage()
        .and_then(|s| s.get_item(REVISION_KEY).ok().flatten())
        .and_then(|text| text.parse().ok())
        .unwrap_or(0)
}

/// Saves the state as `revision`: the state first, so a tab that sees the
/// new revision always finds the state that goes with it.
pub fn save(state: &State, revision: u64) -> Result<(), StorageProblem> {
    let storage = storage().ok_or(StorageProblem::Unavailable)?;
    storage
        .set_item(STATE_KEY, &snapshot::encode(state))
        .and_then(|()| storage.set_item(REVISION_KEY, &revision.to_string()))
        .map_err(|_| StorageProblem::SaveFailed)
}

/// Calls `apply` with the new state whenever another tab saves.
pub fn on_change_in_other_tab(apply: impl Fn(Loaded) + 'static) {
    let handle = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() != Some(STATE_KEY) {
            return;
        }
        let Some(text) = event.new_value() else {
            return;
        };
        if let Ok(decoded) = snapshot::decode(&text) {
            apply(Loaded {
                state: decoded.state,
                read_only: decoded.read_only,
                problem: None,
            });
        }
    });
    leptos::prelude::on_cleanup(move || handle.remove());
}
