//! Where the saved state lives. The store talks to one `Backend`, chosen
//! at start: `Local` (this browser's localStorage) or `Http` (the server in
//! `crates/backend`). Both run the same domain engine; the store and the
//! pages never know which one answered.

use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use domain::{Command, Event, Persona, State};

use super::{ActionError, StorageProblem};

/// A future that lives in the browser's single thread.
pub type Pending<T> = Pin<Box<dyn Future<Output = T>>>;

/// What a backend loaded, at start or when the data changed elsewhere.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub state: State,
    pub read_only: bool,
    pub problem: Option<StorageProblem>,
}

/// What one command came to.
pub struct Executed {
    /// The events, or why nothing happened.
    pub outcome: Result<Vec<Event>, ActionError>,
    /// The state to show now; `None` keeps the tab's copy (nothing was
    /// learnt about the saved state, e.g. the server did not answer).
    pub state: Option<State>,
    /// Something the admin should know about their data; `None` means
    /// saving works (an earlier save or connection problem is over).
    pub problem: Option<StorageProblem>,
}

/// News about the saved state that did not come from this tab's action.
pub enum Followed {
    /// Another tab, or another admin on the server, changed it.
    Changed(Box<Loaded>),
    /// The server stopped answering.
    Offline,
    /// The server answers again.
    Online,
    /// The session ended: the server wants the person to sign in again.
    SignedOut,
    /// Changes made elsewhere arrive as they happen (true), or only at the
    /// next check every few seconds (false).
    Live(bool),
}

/// Where the data lives, as shown in the header and on Settings › Data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    Local,
    /// The API's base URL, e.g. `/api`.
    Http {
        api: String,
    },
}

pub trait Backend {
    fn mode(&self) -> Mode;

    /// Runs `command` on the saved state. `copy` is what this tab shows;
    /// the backend decides on the saved state, which may be newer.
    fn execute(&self, copy: State, command: Command, persona: Persona) -> Pending<Executed>;

    /// Replaces the whole saved state (import, reset to demo data). `Ok`
    /// with a problem: replaced in this tab, but not saved.
    fn replace(&self, state: &State) -> Result<Option<StorageProblem>, ActionError>;

    /// Tells `news` about changes made elsewhere for as long as the
    /// current reactive owner lives.
    fn follow(&self, news: Rc<dyn Fn(Followed)>);
}
