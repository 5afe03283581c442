//! How far a contact request has got.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ContactRequestStatus {
    #[default]
    Sent,
    /// The partner has got back to you (in the demo: a few days later).
    Contacted,
}

impl ContactRequestStatus {
    pub fn label(self) -> &'static str {
        match self {
            ContactRequestStatus::Sent => "Sent",
            ContactRequestStatus::Contacted => "Partner contacted you",
        }
    }
}
