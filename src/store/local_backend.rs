//! The default backend: the domain engine runs in this tab and the state
//! is saved in localStorage, with a revision check so two tabs never
//! overwrite each other.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use domain::{Command, Persona, State};

use super::backend::{Backend, Executed, Followed, Loaded, Mode, Pending};
use super::local::{self, Stamp};
use super::{ActionError, StorageProblem};

pub struct LocalBackend {
    saves: Rc<Saves>,
}

/// This tab's saves: the revisions it has read and written, and its last
/// change, kept so it can be made again if another tab's save replaces it.
struct Saves {
    /// The stored revision this tab last read or wrote.
    revision: Cell<u64>,
    /// The revision this tab last wrote itself (0: none yet).
    written: Cell<u64>,
    /// This tab's name in the revision stamp.
    writer: String,
    /// The command behind the last save, while it is the newest.
    last: RefCell<Option<(Command, Persona)>>,
}

impl Saves {
    fn save(&self, state: &State, revision: u64) -> Option<StorageProblem> {
        match local::save(state, revision, &self.writer) {
            Ok(()) => {
                self.revision.set(revision);
                self.written.set(revision);
                None
            }
            // A failed save keeps everything in memory and says so.
            Err(problem) => Some(problem),
        }
    }

    /// Whether `stamp`, the stored one now, replaced this tab's last save:
    /// another tab wrote it without having read ours. localStorage reaches
    /// other tabs asynchronously, so two tabs saving within a few
    /// milliseconds can both pass the revision check.
    fn replaced_by(&self, stamp: &Stamp) -> bool {
        let written = self.written.get();
        written != 0 && stamp.writer != self.writer && stamp.revision <= written
    }

    /// Makes this tab's last change again on `loaded`, the data that
    /// replaced it, and saves the result after `stamp`. Nothing is lost
    /// unless the change no longer applies, and then the admin is told.
    fn redo(&self, loaded: &mut Loaded, stamp: &Stamp) -> StorageProblem {
        self.written.set(0);
        let Some((command, persona)) = self.last.borrow_mut().take() else {
            return StorageProblem::OverwrittenByOtherTab;
        };
        if loaded.read_only {
            return StorageProblem::OverwrittenByOtherTab;
        }
        let now = loaded.state.now;
        // A refused command changes nothing: the other tab's data stays.
        if loaded.state.execute(&command, persona, now).is_err() {
            return StorageProblem::OverwrittenByOtherTab;
        }
        self.save(&loaded.state, stamp.revision + 1)
            .unwrap_or(StorageProblem::RedoneAfterOtherTab)
    }
}

impl LocalBackend {
    /// Opens the saved state (or demo data) and the backend over it.
    pub fn open() -> (LocalBackend, Loaded) {
        let (loaded, revision) = local::load();
        let saves = Saves {
            revision: Cell::new(revision),
            written: Cell::new(0),
            writer: super::random_id::random_id(),
            last: RefCell::new(None),
        };
        let backend = LocalBackend {
            saves: Rc::new(saves),
        };
        (backend, loaded)
    }

    /// Another tab may have saved since this one last read (the storage
    /// event can arrive after our click): its data, to act on instead of
    /// our copy, so its changes are never overwritten.
    fn newer_from_other_tab(&self) -> Option<Loaded> {
        let (loaded, revision) = local::load_if_changed(self.saves.revision.get())?;
        self.saves.revision.set(revision);
        Some(loaded)
    }
}

impl Backend for LocalBackend {
    fn mode(&self) -> Mode {
        Mode::Local
    }

    fn execute(&self, copy: State, command: Command, persona: Persona) -> Pending<Executed> {
        let (mut state, mut problem) = (copy, None);
        if let Some(loaded) = self.newer_from_other_tab() {
            problem = Some(loaded.problem.unwrap_or(StorageProblem::ChangedElsewhere));
            if loaded.read_only {
                return ready(Executed {
                    outcome: Err(ActionError::ReadOnly),
                    state: Some(loaded.state),
                    problem,
                });
            }
            state = loaded.state;
        }
        let now = state.now;
        let outcome = state.execute(&command, persona, now);
        if let Err(error) = &outcome {
            state.record_refusal(&command, persona, now, error);
        }
        let save_problem = self.saves.save(&state, self.saves.revision.get() + 1);
        // Only a change that was made and saved is worth making again.
        *self.saves.last.borrow_mut() =
            (outcome.is_ok() && save_problem.is_none()).then_some((command, persona));
        ready(Executed {
            outcome: outcome.map_err(ActionError::Refused),
            state: Some(state),
            problem: save_problem.or(problem),
        })
    }

    fn replace(&self, state: &State) -> Result<Option<StorageProblem>, ActionError> {
        self.saves.last.borrow_mut().take();
        Ok(self.saves.save(state, self.saves.revision.get() + 1))
    }

    /// Another tab's save. If it replaced this tab's last change, that
    /// change is made again on top of it (see [`Saves::redo`]).
    fn follow(&self, news: Rc<dyn Fn(Followed)>) {
        let saves = self.saves.clone();
        local::on_change_in_other_tab(move |mut loaded, stamp| {
            saves.revision.set(stamp.revision);
            if saves.replaced_by(&stamp) {
                loaded.problem = Some(saves.redo(&mut loaded, &stamp));
            }
            news(Followed::Changed(Box::new(loaded)));
        });
    }
}

fn ready(executed: Executed) -> Pending<Executed> {
    Box::pin(std::future::ready(executed))
}
