//! The state in localStorage: one versioned record. Corrupt data is set
//! aside under another key and reported, never silently dropped; a newer
//! version opens read-only; a full or disabled storage is reported while
//! the state stays in memory.

use domain::{snapshot, State};
use leptos::ev;
use leptos::prelude::window_event_listener;

use super::backend::Loaded;
use super::problem::StorageProblem;
use super::real_now;
use crate::web_storage;

pub const STATE_KEY: &str = "partner-console.state";
/// How many saves the stored state has seen. A tab compares it with the
/// revision it last read before writing, so two tabs never overwrite each
/// other's changes silently.
const REVISION_KEY: &str = "partner-console.revision";
const SET_ASIDE_PREFIX: &str = "partner-console.state.unreadable.";

fn demo(problem: Option<StorageProblem>) -> Loaded {
    Loaded {
        state: domain::demo::demo_state(real_now()),
        read_only: false,
        problem,
    }
}

pub fn load() -> Loaded {
    let Some(storage) = web_storage::local() else {
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
    web_storage::local()
        .and_then(|s| s.get_item(REVISION_KEY).ok().flatten())
        .map(|text| Stamp::parse(&text).revision)
        .unwrap_or(0)
}

/// What the revision key holds: `"<revision>:<writer>"`, the writer being
/// the tab that saved it (older saves hold the number alone).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub revision: u64,
    pub writer: String,
}

impl Stamp {
    pub fn parse(text: &str) -> Stamp {
        let (revision, writer) = text.split_once(':').unwrap_or((text, ""));
        Stamp {
            revision: revision.trim().parse().unwrap_or(0),
            writer: writer.to_string(),
        }
    }
}

/// Saves the state as `revision`: the state first, so a tab that sees the
/// new revision always finds the state that goes with it.
pub fn save(state: &State, revision: u64, writer: &str) -> Result<(), StorageProblem> {
    let storage = web_storage::local().ok_or(StorageProblem::Unavailable)?;
    storage
        .set_item(STATE_KEY, &snapshot::encode(state))
        .and_then(|()| storage.set_item(REVISION_KEY, &format!("{revision}:{writer}")))
        .map_err(|_| StorageProblem::SaveFailed)
}

/// Calls `apply` with the saved state and its stamp whenever another tab
/// saves. It listens for the revision, written after the state. Both are
/// read from storage as they are now, not from the event: an event can
/// arrive after a later save, and the tab must judge by the newest one.
pub fn on_change_in_other_tab(apply: impl Fn(Loaded, Stamp) + 'static) {
    let handle = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() != Some(REVISION_KEY) {
            return;
        }
        let Some(storage) = web_storage::local() else {
            return;
        };
        // The revision first: the state read after it is at least as new.
        let Some(stamp) = storage.get_item(REVISION_KEY).ok().flatten() else {
            return;
        };
        let stamp = Stamp::parse(&stamp);
        // Read, never set aside: the tab that saved it owns that decision.
        let text = storage.get_item(STATE_KEY).ok().flatten();
        if let Some(Ok(decoded)) = text.map(|text| snapshot::decode(&text)) {
            let loaded = Loaded {
                state: decoded.state,
                read_only: decoded.read_only,
                problem: None,
            };
            apply(loaded, stamp);
        }
    });
    leptos::prelude::on_cleanup(move || handle.remove());
}
