//! One line of the Partner relationships table.

use serde::Serialize;

use super::{AccessState, RolesFilter};
use crate::{PartnerType, RelationshipStatus, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipRow {
    pub partner_id: String,
    pub partner_name: String,
    pub types: Vec<PartnerType>,
    /// Names of the admin roles in force: legacy and granular.
    pub admin_roles: Vec<String>,
    /// The status of the granular relationship that best describes the
    /// partner (the one in force, else the latest).
    pub granular_status: Option<RelationshipStatus>,
    pub access: AccessState,
    /// The earliest end among granular relationships in force.
    pub earliest_end: Option<Timestamp>,
    pub days_left: Option<i64>,
    pub agreement_signed: bool,
    pub has_admin_roles: bool,
    pub has_legacy_roles: bool,
    /// Names of the delegated admin roles (legacy, DAP) among `admin_roles`.
    pub legacy_roles: Vec<String>,
    /// Names of the roles among `admin_roles` that Entra marks privileged.
    pub privileged_roles: Vec<String>,
    /// Lower-cased name, types, roles and location, built once so typing in
    /// the search box does not re-read the state.
    #[serde(skip)]
    pub(super) search_text: String,
    #[serde(skip)]
    pub(super) sort_name: String,
    #[serde(skip)]
    pub(super) sort_types: String,
}

impl RelationshipRow {
    pub fn types_label(&self) -> String {
        let labels: Vec<&str> = self.types.iter().map(|t| t.label()).collect();
        labels.join(", ")
    }

    /// The status column's word for delegated admin roles (legacy), which
    /// matter whatever the granular status says.
    pub fn legacy_label(&self) -> Option<&'static str> {
        self.has_legacy_roles.then_some(RolesFilter::Legacy.label())
    }

    /// Whether the granular status is worth a badge: "No granular access"
    /// beside legacy roles would read as "no access" when the partner holds
    /// the widest roles there are.
    pub fn shows_access(&self) -> bool {
        !(self.has_legacy_roles && self.access == AccessState::NoGranularAccess)
    }

    /// Whether one of the row's role names is a privileged one.
    pub fn is_privileged_role(&self, name: &str) -> bool {
        self.privileged_roles.iter().any(|r| r == name)
    }

    /// Whether one of the row's role names is a legacy one.
    pub fn is_legacy_role(&self, name: &str) -> bool {
        self.legacy_roles.iter().any(|r| r == name)
    }

    /// "3 roles", "2 legacy roles", "3 roles, 2 legacy": the roles column's
    /// summary, saying where legacy roles are among them.
    pub fn roles_summary(&self) -> String {
        match (self.admin_roles.len(), self.legacy_roles.len()) {
            (1, 1) => "1 legacy role".to_string(),
            (1, _) => "1 role".to_string(),
            (n, 0) => format!("{n} roles"),
            (n, l) if l == n => format!("{n} legacy roles"),
            (n, l) => format!("{n} roles, {l} legacy"),
        }
    }

    pub fn admin_roles_label(&self) -> String {
        if self.admin_roles.is_empty() {
            "None".to_string()
        } else {
            self.admin_roles.join(", ")
        }
    }
}
