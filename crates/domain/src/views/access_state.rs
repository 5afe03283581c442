//! A partner's granular access summed up in one word for the table.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum AccessState {
    /// In force, ending within 30 days. Ordered first: it needs attention.
    ExpiringSoon,
    Active,
    /// Asked for or being set up, not yet in force.
    Pending,
    /// A status this console does not know; shown read-only.
    Unknown,
    Expired,
    Terminated,
    /// The partner has never had granular access.
    NoGranularAccess,
}

impl AccessState {
    pub fn label(self) -> &'static str {
        match self {
            AccessState::ExpiringSoon => "Expiring soon",
            AccessState::Active => "Active",
            AccessState::Pending => "Pending",
            AccessState::Unknown => "Unknown",
            AccessState::Expired => "Expired",
            AccessState::Terminated => "Terminated",
            AccessState::NoGranularAccess => "No GDAP access",
        }
    }
}
