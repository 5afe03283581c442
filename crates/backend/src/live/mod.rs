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

use std::sync::Arc;

use tokio::sync::{broadcast, watch};

/// Changes a slow subscriber may fall behind by before it is told the
/// current revision instead of each one.
const BACKLOG: usize = 256;

/// One organization's state moved to `revision`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub organization: Arc<str>,
    pub revision: u64,
}

/// The hub every write publishes to and every stream listens on.
pub struct Changes {
    sender: broadcast::Sender<Change>,
    /// Set when the server stops: every stream ends, so a graceful
    /// shutdown does not wait on consoles that never hang up.
    closed: watch::Sender<bool>,
}

/// What one stream hears.
pub struct Subscription {
    pub changes: broadcast::Receiver<Change>,
    pub closed: watch::Receiver<bool>,
}

impl Changes {
    pub fn new() -> Changes {
        Changes {
            sender: broadcast::channel(BACKLOG).0,
            closed: watch::channel(false).0,
        }
    }

    /// `organization`'s state is now at `revision` (committed).
    pub fn publish(&self, organization: &str, revision: u64) {
        // No subscriber is not an error: nobody is looking.
        let _ = self.sender.send(Change {
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

impl Default for Changes {
    fn default() -> Changes {
        Changes::new()
    }
}
