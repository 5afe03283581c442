//! The default backend: the domain engine runs in this tab and the state
//! is saved in localStorage, with a revision check so two tabs never
//! overwrite each other.

use std::cell::Cell;
use std::rc::Rc;

use domain::{Command, Persona, State};

use super::backend::{Backend, Executed, Followed, Loaded, Mode, Pending};
use super::local;
use super::{ActionError, StorageProblem};

pub struct LocalBackend {
    /// The stored revision this tab last read or wrote.
    revision: Rc<Cell<u64>>,
    /// The revision this tab last wrote itself (0: none yet).
    written: Rc<Cell<u64>>,
    /// This tab's name in the revision stamp.
    writer: Rc<str>,
}

impl LocalBackend {
    /// Opens the saved state (or demo data) and the backend over it.
    pub fn open() -> (LocalBackend, Loaded) {
        let loaded = local::load();
        let backend = LocalBackend {
            revision: Rc::new(Cell::new(local::stored_revision())),
            written: Rc::new(Cell::new(0)),
            writer: super::random_id::random_id().into(),
        };
        (backend, loaded)
    }

    fn save(&self, state: &State) -> Option<StorageProblem> {
        let next = self.revision.get() + 1;
        match local::save(state, next, &self.writer) {
            Ok(()) => {
                self.revision.set(next);
                self.written.set(next);
                None
            }
            // A failed save keeps everything in memory and says so.
            Err(problem) => Some(problem),
        }
    }

    /// Another tab may have saved since this one last read (the storage
    /// event can arrive after our click): its data, to act on instead of
    /// our copy, so its changes are never overwritten.
    fn newer_from_other_tab(&self) -> Option<Loaded> {
        let stored = local::stored_revision();
        if stored == self.revision.get() {
            return None;
        }
        self.revision.set(stored);
        Some(local::load())
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
        let save_problem = self.save(&state);
        ready(Executed {
            outcome: outcome.map_err(ActionError::Refused),
            state: Some(state),
            problem: save_problem.or(problem),
        })
    }

    fn replace(&self, state: &State) -> Result<Option<StorageProblem>, ActionError> {
        Ok(self.save(state))
    }

    /// Another tab's save. localStorage reaches other tabs asynchronously,
    /// so two tabs saving within a few milliseconds can both pass the
    /// revision check, and the later save wins. The tab whose save was
    /// replaced sees a stamp from another tab at or below its own last
    /// revision, and tells the admin instead of losing it silently.
    fn follow(&self, news: Rc<dyn Fn(Followed)>) {
        let (revision, written, writer) = (
            self.revision.clone(),
            self.written.clone(),
            self.writer.clone(),
        );
        local::on_change_in_other_tab(move |mut loaded, stamp| {
            let replaced_ours = stamp.writer != *writer && stamp.revision <= written.get();
            if replaced_ours {
                loaded.problem = Some(StorageProblem::OverwrittenByOtherTab);
                written.set(0);
            }
            revision.set(stamp.revision);
            news(Followed::Changed(Box::new(loaded)));
        });
    }
}

fn ready(executed: Executed) -> Pending<Executed> {
    Box::pin(std::future::ready(executed))
}
