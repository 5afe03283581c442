//! The columns the relationships table sorts by.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SortKey {
    #[default]
    Name,
    Types,
    Status,
    /// Earliest end of granular access; partners without one go last.
    EndDate,
    Agreement,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [
        SortKey::Name,
        SortKey::Types,
        SortKey::Status,
        SortKey::EndDate,
        SortKey::Agreement,
    ];

    pub fn id(self) -> &'static str {
        match self {
            SortKey::Name => "name",
            SortKey::Types => "types",
            SortKey::Status => "status",
            SortKey::EndDate => "end",
            SortKey::Agreement => "agreement",
        }
    }

    pub fn from_id(id: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.id() == id)
    }
}
