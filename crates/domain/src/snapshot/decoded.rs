//! A saved state that could be opened, and how.

use crate::State;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub state: State,
    /// Saved by a newer console: show it, but save nothing over it.
    pub read_only: bool,
    /// The schema version it was migrated from, when it was older.
    pub migrated_from: Option<u32>,
}
