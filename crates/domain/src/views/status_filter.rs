//! The status choices of the relationships table's filter.

use serde::{Deserialize, Serialize};

use super::AccessState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StatusFilter {
    /// In force, including those ending soon.
    Active,
    ExpiringWithin30Days,
    Expired,
    Terminated,
}

impl StatusFilter {
    pub const ALL: [StatusFilter; 4] = [
        StatusFilter::Active,
        StatusFilter::ExpiringWithin30Days,
        StatusFilter::Expired,
        StatusFilter::Terminated,
    ];

    /// For the URL query.
    pub fn id(self) -> &'static str {
        match self {
            StatusFilter::Active => "active",
            StatusFilter::ExpiringWithin30Days => "expiring",
            StatusFilter::Expired => "expired",
            StatusFilter::Terminated => "terminated",
        }
    }

    pub fn from_id(id: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::Active => "Active",
            StatusFilter::ExpiringWithin30Days => "Expiring within 30 days",
            StatusFilter::Expired => "Expired",
            StatusFilter::Terminated => "Terminated",
        }
    }

    pub fn matches(self, access: AccessState) -> bool {
        match self {
            StatusFilter::Active => {
                matches!(access, AccessState::Active | AccessState::ExpiringSoon)
            }
            StatusFilter::ExpiringWithin30Days => access == AccessState::ExpiringSoon,
            StatusFilter::Expired => access == AccessState::Expired,
            StatusFilter::Terminated => access == AccessState::Terminated,
        }
    }
}
