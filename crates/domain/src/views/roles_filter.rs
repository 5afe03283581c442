//! The admin roles choices of the relationships table's filter.

use serde::{Deserialize, Serialize};

use super::RelationshipRow;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum RolesFilter {
    /// Any admin role in force, legacy or granular.
    Any,
    /// Delegated admin roles (legacy, DAP): Home's "Partners with legacy
    /// admin roles" links here.
    Legacy,
    None,
}

impl RolesFilter {
    pub const ALL: [RolesFilter; 3] = [RolesFilter::Any, RolesFilter::Legacy, RolesFilter::None];

    /// For the URL query ("yes" and "no" as links made before "legacy").
    pub fn id(self) -> &'static str {
        match self {
            RolesFilter::Any => "yes",
            RolesFilter::Legacy => "legacy",
            RolesFilter::None => "no",
        }
    }

    pub fn from_id(id: &str) -> Option<RolesFilter> {
        RolesFilter::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            RolesFilter::Any => "Has admin roles",
            RolesFilter::Legacy => "Legacy admin roles",
            RolesFilter::None => "No admin roles",
        }
    }

    pub fn matches(self, row: &RelationshipRow) -> bool {
        match self {
            RolesFilter::Any => row.has_admin_roles,
            RolesFilter::Legacy => row.has_legacy_roles,
            RolesFilter::None => !row.has_admin_roles,
        }
    }
}
