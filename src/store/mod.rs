//! The one place where UI state meets persistence. Pages read the domain
//! `State` through the store and send every change as a domain `Command`;
//! the chosen backend (this browser, or the server) runs the engine and
//! saves, and the store tells what happened.

mod backend;
mod clock;
pub mod http;
mod local;
mod local_backend;
mod problem;
mod random_id;

use std::cell::RefCell;
use std::rc::Rc;

use domain::{snapshot, Command, DomainError, Event, Persona, State, Timestamp};
use leptos::prelude::*;

pub use backend::{Backend, Executed, Followed, Loaded, Mode, Pending};
pub use clock::real_now;
pub use http::HttpBackend;
pub use local_backend::LocalBackend;
pub use problem::StorageProblem;

/// Why an action did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    /// The engine refused it: the message says why, in an admin's words.
    Refused(DomainError),
    /// The saved data came from a newer console; nothing may be written over it.
    ReadOnly,
    /// The server did not answer, even after trying again.
    NoAnswer(String),
    /// The server turned the request down for a reason of its own.
    Rejected(String),
    /// Import and reset replace the data in this browser; on the server
    /// they are not offered.
    KeptOnServer,
    /// The last change is still being saved.
    StillSaving,
    /// The session ended before the change reached the server: nothing
    /// was done.
    SignedOut,
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ActionError::Refused(e) => write!(f, "{e}"),
            ActionError::ReadOnly => f.write_str(
                "This data was saved by a newer version of the console, so it is open read-only. Export it, or reset to demo data, to make changes.",
            ),
            ActionError::NoAnswer(why) => write!(
                f,
                "{why} Your change may not have been saved. Everything you entered is still here: try again. If it did arrive, it will not be made twice."
            ),
            ActionError::Rejected(why) => f.write_str(why),
            ActionError::KeptOnServer => f.write_str(
                "This console keeps its data on the server, so import and reset are not available here.",
            ),
            ActionError::StillSaving => {
                f.write_str("Your last change is still being saved. Try again in a moment.")
            }
            ActionError::SignedOut => f.write_str(domain::signin::SESSION_ENDED_REFUSAL),
        }
    }
}

thread_local! {
    /// The backend chosen at start; the local one when nothing was chosen.
    static CHOSEN: RefCell<Option<(Rc<dyn Backend>, Loaded)>> = const { RefCell::new(None) };
}

/// Makes every store opened from now on use `backend`, starting from
/// `loaded`. Called once, before the app mounts.
pub fn choose_backend(backend: Rc<dyn Backend>, loaded: Loaded) {
    CHOSEN.with(|chosen| *chosen.borrow_mut() = Some((backend, loaded)));
}

/// The reactive store, provided once at the root.
#[derive(Clone, Copy)]
pub struct Store {
    state: RwSignal<State>,
    read_only: RwSignal<bool>,
    problem: RwSignal<Option<StorageProblem>>,
    saving: RwSignal<bool>,
    /// The session ended while the page was open (sign-in mode).
    signed_out: RwSignal<bool>,
    /// The server's changes come only by polling (its stream is down).
    live_off: RwSignal<bool>,
    backend: StoredValue<Rc<dyn Backend>, LocalStorage>,
}

impl Store {
    /// Opens the chosen backend (this browser's storage unless another
    /// was chosen), catches the demo clock up with real time, and follows
    /// changes made elsewhere.
    pub fn provide() -> Store {
        let (backend, loaded) = CHOSEN
            .with(|chosen| chosen.borrow().clone())
            .unwrap_or_else(|| {
                let (backend, loaded) = LocalBackend::open();
                (Rc::new(backend) as Rc<dyn Backend>, loaded)
            });
        let store = Store {
            state: RwSignal::new(loaded.state),
            read_only: RwSignal::new(loaded.read_only),
            problem: RwSignal::new(loaded.problem),
            saving: RwSignal::new(false),
            signed_out: RwSignal::new(false),
            live_off: RwSignal::new(false),
            backend: StoredValue::new_local(backend.clone()),
        };
        backend.follow(Rc::new(move |news| store.hear(news)));
        store.catch_up_with_real_time();
        provide_context(store);
        store
    }

    fn hear(&self, news: Followed) {
        match news {
            Followed::Changed(loaded) => {
                let loaded = *loaded;
                // Never replace the state under a write in flight: its
                // answer brings the newer state anyway.
                if !self.saving.get_untracked() {
                    self.state.set(loaded.state);
                    self.read_only.set(loaded.read_only);
                }
                if let Some(problem) = loaded.problem {
                    self.problem.set(Some(problem));
                }
            }
            Followed::Offline => self.problem.set(Some(StorageProblem::Offline)),
            Followed::SignedOut => self.signed_out.set(true),
            Followed::Live(live) => self.live_off.set(!live),
            Followed::Online => {
                if self.problem.get_untracked() == Some(StorageProblem::Offline) {
                    self.problem.set(None);
                }
            }
        }
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

    /// Where the data lives.
    pub fn mode(&self) -> Mode {
        self.backend.with_value(|b| b.mode())
    }

    /// Whether a change is being saved, tracked: forms show it.
    pub fn saving(&self) -> bool {
        self.saving.get()
    }

    /// The last storage problem, if any, for the banner.
    pub fn problem(&self) -> Option<StorageProblem> {
        self.problem.get()
    }

    /// Whether the session ended while this page was open, tracked.
    pub fn signed_out(&self) -> bool {
        self.signed_out.get()
    }

    /// Whether other admins' changes arrive only every few seconds, tracked.
    pub fn live_updates_off(&self) -> bool {
        self.live_off.get()
    }

    pub fn dismiss_problem(&self) {
        self.problem.set(None);
    }

    /// Runs one command: all its events, or an error and no change
    /// (refusals are written to the activity log). One at a time.
    pub async fn execute(
        &self,
        command: Command,
        persona: Persona,
    ) -> Result<Vec<Event>, ActionError> {
        if self.read_only.get_untracked() {
            return Err(ActionError::ReadOnly);
        }
        if self.saving.get_untracked() {
            return Err(ActionError::StillSaving);
        }
        self.saving.set(true);
        let copy = self.state.get_untracked();
        let pending = self
            .backend
            .with_value(|b| b.execute(copy, command, persona));
        let executed = pending.await;
        self.saving.set(false);
        if let Some(state) = executed.state {
            self.state.set(state);
        }
        if executed.outcome == Err(ActionError::ReadOnly) {
            self.read_only.set(true);
        }
        if executed.outcome == Err(ActionError::SignedOut) {
            self.signed_out.set(true);
        }
        self.report(executed.problem);
        executed.outcome
    }

    /// Shows `problem`; `None` means saving works, so a save or connection
    /// problem shown earlier is over.
    fn report(&self, problem: Option<StorageProblem>) {
        match problem {
            Some(problem) => self.problem.set(Some(problem)),
            None => {
                let over = matches!(
                    self.problem.get_untracked(),
                    Some(StorageProblem::SaveFailed | StorageProblem::Offline)
                );
                if over {
                    self.problem.set(None);
                }
            }
        }
    }

    /// Replaces everything with fresh demo data.
    pub fn reset_to_demo(&self) -> Result<(), ActionError> {
        self.replace(domain::demo::demo_state(real_now()), false)
    }

    /// The whole state as a versioned JSON document.
    pub fn export_json(&self) -> String {
        self.state.with_untracked(snapshot::encode)
    }

    /// Replaces the state with an imported document, or changes nothing
    /// and says what is wrong with it.
    pub fn import_json(&self, text: &str) -> Result<(), ImportError> {
        let decoded = snapshot::decode(text).map_err(ImportError::Invalid)?;
        self.replace(decoded.state, decoded.read_only)
            .map_err(ImportError::NotHere)
    }

    /// Whether this backend lets the admin replace the whole state.
    pub fn can_replace(&self) -> bool {
        self.mode() == Mode::Local
    }

    fn replace(&self, state: State, read_only: bool) -> Result<(), ActionError> {
        let problem = self.backend.with_value(|b| b.replace(&state))?;
        self.state.set(state);
        self.read_only.set(read_only);
        if read_only {
            self.problem.set(Some(StorageProblem::Newer));
        } else {
            self.report(problem);
        }
        Ok(())
    }

    /// Time passes while the console is closed: relationships expire and
    /// invitations lapse in real time too. The clock never goes back.
    fn catch_up_with_real_time(&self) {
        // A server where people sign in keeps its own clock (and refuses
        // to have it moved).
        if crate::session::current().is_some() {
            return;
        }
        let now = real_now();
        let behind = self.state.with_untracked(|s| s.now.seconds_until(now));
        if behind >= 3600 && !self.read_only.get_untracked() {
            let store = *self;
            leptos::task::spawn_local(async move {
                let _ = store
                    .execute(Command::AdvanceTime { to: now }, Persona::default())
                    .await;
            });
        }
    }
}

/// Why an import changed nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The file is not a state this console can read.
    Invalid(snapshot::SnapshotError),
    /// This backend does not take imports.
    NotHere(ActionError),
}

impl ImportError {
    /// The parser's own words, for a "Details" fold under the message.
    pub fn detail(&self) -> Option<&str> {
        match self {
            ImportError::Invalid(error) => error.detail(),
            ImportError::NotHere(_) => None,
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ImportError::Invalid(error) => write!(f, "{error}"),
            ImportError::NotHere(error) => write!(f, "{error}"),
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
