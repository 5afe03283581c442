//! One line of the Partner relationships table.

use serde::Serialize;

use super::AccessState;
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

    pub fn admin_roles_label(&self) -> String {
        if self.admin_roles.is_empty() {
            "None".to_string()
        } else {
            self.admin_roles.join(", ")
        }
    }
}
