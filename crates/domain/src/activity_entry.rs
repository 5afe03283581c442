//! One line of the activity log: who did what, when, and how it went.

use serde::{Deserialize, Serialize};

use crate::{Persona, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEntry {
    pub at: Timestamp,
    /// `None` when the system did it as time passed (expiry, auto-extend).
    pub persona: Option<Persona>,
    pub action: String,
    pub partner_id: Option<String>,
    pub partner_name: Option<String>,
    /// `Succeeded` or `Refused: <reason>`.
    pub outcome: String,
}

impl ActivityEntry {
    pub const SUCCEEDED: &'static str = "Succeeded";

    pub fn actor(&self) -> &'static str {
        self.persona.map_or("System", Persona::label)
    }

    pub fn was_refused(&self) -> bool {
        self.outcome.starts_with("Refused")
    }
}
