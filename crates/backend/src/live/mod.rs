//! Live updates: every committed write is published here as (organization,
//! revision), and `GET /api/changes` streams an organization's revisions
//! to its open consoles as server-sent events, so an admin sees another
//! admin's change at once instead of at the next poll.
//!
//! A revision is all an event carries: the console then fetches the state
//! it may read. A stream resumes with `Last-Event-ID` (the last revision it
//! saw): when the organization is further on, or the client says nothing,
//! the current revision goes out at once, so a dropped connection or a
//! subscriber that fell behind never misses a change.

pub(crate) mod stream;

pub use stream::changes_get;

use tokio::sync::{broadcast, watch};

use crate::store::{Committed, Store};

/// The hub every stream listens on: the store's announcements of committed
/// writes (this process's on SQLite; on PostgreSQL every process's,
/// through LISTEN/NOTIFY), so a console hears a change made through any
/// process.
pub struct Changes {
    sender: broadcast::Sender<Committed>,
    /// Set when the server stops: every stream ends, so a graceful
    /// shutdown does not wait on consoles that never hang up.
    closed: watch::Sender<bool>,
}

/// What one stream hears.
pub struct Subscription {
    pub changes: broadcast::Receiver<Committed>,
    pub closed: watch::Receiver<bool>,
}

impl Changes {
    /// Hears what `store` announces.
    pub fn of(store: &Store) -> Changes {
        Changes {
            sender: store.announcer(),
            closed: watch::channel(false).0,
        }
    }

    /// Announces a revision as the store would (tests: a flood of changes).
    pub fn publish(&self, organization: &str, revision: u64) {
        // No subscriber is not an error: nobody is looking.
        let _ = self.sender.send(Committed {
            organization: organization.into(),
            revision,
        });
    }

    pub fn subscribe(&self) -> Subscription {
        Subscription {
            changes: self.sender.subscribe(),
            closed: self.closed.subscribe(),
        }
    }

    /// Ends every open stream (and any opened later): for shutdown.
    pub fn close(&self) {
        self.closed.send_replace(true);
    }
}
