//! The one place where UI state meets persistence. Pages read the domain
//! `State` through the store and send every change as a domain `Command`;
//! the store runs the engine, saves, and tells what happened.

mod clock;
mod local;

use domain::{snapshot, Command, DomainError, Event, Persona, State, Timestamp};
use leptos::prelude::*;

pub use clock::real_now;
pub use local::StorageProblem;

/// Why an action did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// The engine refused it: the message says why, in an admin's words.
    Refused(DomainError),
    /// The saved data came from a newer console; nothing may be written over it.
    ReadOnly,
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionError::Refused(e) => write!(f, "{e}"),
            ActionError::ReadOnly => f.write_str(
                "This data was saved by a newer version of the console, so it is open read-only. Export it, or reset to demo data, to make changes.",
            ),
        }
    }
}

/// The reactive store, provided once at the root.
#[derive(Clone, Copy)]
pub struct Store {
    state: RwSignal<State>,
    read_only: RwSignal<bool>,
    problem: RwSignal<Option<StorageProblem>>,
    /// The stored revision this tab last read or wrote.
    revision: StoredValue<u64>,
}

impl Store {
    /// Loads the saved state (or the demo data), catches the demo clock up
    /// with real time, and follows changes made in other tabs.
    pub fn provide() -> Store {
        let loaded = local::load();
        let store = Store {
            state: RwSignal::new(loaded.state),
            read_only: RwSignal::new(loaded.read_only),
            problem: RwSignal::new(loaded.problem),
            revision: StoredValue::new(local::stored_revision()),
        };
        store.catch_up_with_real_time();
        local::on_change_in_other_tab(move |loaded| {
            store.state.set(loaded.state);
            store.read_only.set(loaded.read_only);
            store.revision.set_value(local::stored_revision());
        });
        provide_context(store);
        store
    }

    /// Reads the state, tracking it.
    pub fn with<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        self.state.with(f)
    }

    /// The demo clock, tracked: pages compute "days left" from it.
    pub fn now(&self) -> Timestamp {
        self.state.with(|s| s.now)
    }

    pub fn read_only(&self) -> bool {
        self.read_only.get()
    }

    /// The last storage problem, if any, for the banner.
    pub fn problem(&self) -> Option<StorageProblem> {
        self.problem.get()
    }

    pub fn dismiss_problem(&self) {
        self.problem.set(None);
    }

    /// Runs one command through the engine: all its events, or an error and
    /// no change (refusals are written to the activity log).
    pub fn execute(&self, command: Command, persona: Persona) -> Result<Vec<Event>, ActionError> {
        self.catch_up_with_other_tabs();
        if self.read_only.get_untracked() {
            return Err(ActionError::ReadOnly);
        }
        let mut outcome = Ok(Vec::new());
        self.state.update(|state| {
            let now = state.now;
            outcome = state.execute(&command, persona, now);
            if let Err(error) = &outcome {
                state.record_refusal(&command, persona, now, error);
            }
        });
        self.save();
        outcome.map_err(ActionError::Refused)
    }

    /// Replaces everything with fresh demo data.
    pub fn reset_to_demo(&self) {
        self.state.set(domain::demo::demo_state(real_now()));
        self.read_only.set(false);
        self.save();
    }

    /// The whole state as a versioned JSON document.
    pub fn export_json(&self) -> String {
        self.state.with_untracked(snapshot::encode)
    }

    /// Replaces the state with an imported document, or changes nothing
    /// and says what is wrong with it.
    pub fn import_json(&self, text: &str) -> Result<(), snapshot::SnapshotError> {
        let decoded = snapshot::decode(text)?;
        self.state.set(decoded.state);
        self.read_only.set(decoded.read_only);
        self.save();
        Ok(())
    }

    fn save(&self) {
        if self.read_only.get_untracked() {
            return;
        }
        let next = self.revision.get_value() + 1;
        match self.state.with_untracked(|state| local::save(state, next)) {
            Ok(()) => {
                self.revision.set_value(next);
                if self.problem.get_untracked() == Some(StorageProblem::SaveFailed) {
                    self.problem.set(None);
                }
            }
            // A failed save keeps everything in memory and says so.
            Err(problem) => self.problem.set(Some(problem)),
        }
    }

    /// Another tab may have saved since this one last read (the storage
    /// event can arrive after our click): take its data before changing
    /// anything, so its changes are never overwritten.
    fn catch_up_with_other_tabs(&self) {
        let stored = local::stored_revision();
        if stored == self.revision.get_value() {
            return;
        }
        let loaded = local::load();
        self.state.set(loaded.state);
        self.read_only.set(loaded.read_only);
        self.revision.set_value(stored);
        self.problem.set(Some(
            loaded.problem.unwrap_or(StorageProblem::ChangedElsewhere),
        ));
    }

    /// Time passes while the console is closed: relationships expire and
    /// invitations lapse in real time too. The clock never goes back.
    fn catch_up_with_real_time(&self) {
        let now = real_now();
        let behind = self.state.with_untracked(|s| s.now.seconds_until(now));
        if behind >= 3600 && !self.read_only.get_untracked() {
            let _ = self.execute(Command::AdvanceTime { to: now }, Persona::default());
        }
    }
}

/// The store of the current tree.
pub fn use_store() -> Store {
    match use_context::<Store>() {
        Some(store) => store,
        None => Store::provide(),
    }
}
