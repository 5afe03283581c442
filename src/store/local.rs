//! The state in localStorage: one versioned record, headed by the stamp of
//! the save that wrote it. Corrupt data is set aside under another key and
//! reported, never silently dropped; a newer version opens read-only; a
//! full or disabled storage is reported while the state stays in memory.

use domain::{snapshot, State};
use leptos::ev;
use leptos::prelude::window_event_listener;

use super::backend::Loaded;
use super::problem::StorageProblem;
use super::real_now;
use crate::web_storage;

/// The record: `"<revision>:<writer>\n<snapshot>"`. The stamp lives in the
/// same key as the state, so the two always come from the same save: two
/// tabs writing two keys at the same moment could interleave, leaving one
/// tab's state under the other's stamp. Records from before hold the
/// snapshot alone.
pub const STATE_KEY: &str = "partner-console.state";
/// The stamp again, written after the record: other tabs listen for it.
const REVISION_KEY: &str = "partner-console.revision";
const SET_ASIDE_PREFIX: &str = "partner-console.state.unreadable.";

fn demo(problem: Option<StorageProblem>) -> Loaded {
    Loaded {
        state: domain::demo::demo_state(real_now()),
        read_only: false,
        problem,
    }
}

/// The saved state (or demo data) and the revision it was saved as, from
/// one read, so the two go together.
pub fn load() -> (Loaded, u64) {
    let Some(storage) = web_storage::local() else {
        return (demo(Some(StorageProblem::Unavailable)), 0);
    };
    match storage.get_item(STATE_KEY) {
        Ok(record) => {
            let record = record.as_deref();
            (state_of(&storage, record), revision_of(&storage, record))
        }
        Err(_) => (demo(Some(StorageProblem::Unavailable)), 0),
    }
}

/// The stamp and the snapshot of a stored record.
fn split_record(text: &str) -> (Option<Stamp>, &str) {
    if text.starts_with('{') {
        return (None, text);
    }
    match text.split_once('\n') {
        Some((stamp, snapshot)) => (Some(Stamp::parse(stamp)), snapshot),
        None => (None, text),
    }
}

/// Reads `snapshot`; if it cannot be read, the whole `record` is set aside.
fn decode(storage: &web_sys::Storage, snapshot: &str, record: &str) -> Loaded {
    match snapshot::decode(snapshot) {
        Ok(decoded) => Loaded {
            problem: decoded.read_only.then_some(StorageProblem::Newer),
            state: decoded.state,
            read_only: decoded.read_only,
        },
        Err(error) => {
            let key = format!("{SET_ASIDE_PREFIX}{}", real_now().unix_seconds());
            let kept = storage.set_item(&key, record).is_ok();
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

/// The saved state and its revision, if another tab saved since `revision`:
/// one read of the record, decoded only when it changed (this runs before
/// every action).
pub fn load_if_changed(revision: u64) -> Option<(Loaded, u64)> {
    let storage = web_storage::local()?;
    let record = storage.get_item(STATE_KEY).ok().flatten();
    let stored = revision_of(&storage, record.as_deref());
    (stored != revision).then(|| (state_of(&storage, record.as_deref()), stored))
}

/// The revision a stored record (or its absence) was saved as.
fn revision_of(storage: &web_sys::Storage, record: Option<&str>) -> u64 {
    let stamp = record.and_then(|text| split_record(text).0);
    stamp_or_legacy(storage, stamp).revision
}

/// The state a stored record holds; demo data when there is none.
fn state_of(storage: &web_sys::Storage, record: Option<&str>) -> Loaded {
    match record {
        Some(text) => decode(storage, split_record(text).1, text),
        None => demo(None),
    }
}

/// `stamp`, or for a record from before the stamp moved in, the separate
/// key's.
fn stamp_or_legacy(storage: &web_sys::Storage, stamp: Option<Stamp>) -> Stamp {
    stamp
        .or_else(|| {
            let text = storage.get_item(REVISION_KEY).ok().flatten()?;
            Some(Stamp::parse(&text))
        })
        .unwrap_or(Stamp {
            revision: 0,
            writer: String::new(),
        })
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

/// Saves the state as `revision` of `writer`: the record, then the stamp
/// alone to tell other tabs.
pub fn save(state: &State, revision: u64, writer: &str) -> Result<(), StorageProblem> {
    let storage = web_storage::local().ok_or(StorageProblem::Unavailable)?;
    let stamp = format!("{revision}:{writer}");
    storage
        .set_item(STATE_KEY, &format!("{stamp}\n{}", snapshot::encode(state)))
        .and_then(|()| storage.set_item(REVISION_KEY, &stamp))
        .map_err(|_| StorageProblem::SaveFailed)
}

/// Calls `apply` with the saved state and its stamp whenever another tab
/// saves. It listens for the stamp, written after the record, then reads
/// the record as it is now, not the event's value: an event can arrive
/// after a later save, and the tab must judge by the newest one.
pub fn on_change_in_other_tab(apply: impl Fn(Loaded, Stamp) + 'static) {
    let handle = window_event_listener(ev::storage, move |event| {
        if event.key().as_deref() != Some(REVISION_KEY) {
            return;
        }
        let Some(storage) = web_storage::local() else {
            return;
        };
        let Some(record) = storage.get_item(STATE_KEY).ok().flatten() else {
            return;
        };
        // The stamp and the state from one read of one key: the same save.
        let (stamp, snapshot) = split_record(&record);
        let stamp = stamp_or_legacy(&storage, stamp);
        // Read, never set aside: the tab that saved it owns that decision.
        if let Ok(decoded) = snapshot::decode(snapshot) {
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
