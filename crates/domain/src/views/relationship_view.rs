//! One granular relationship on the partner page.

use serde::Serialize;

use super::RoleView;
use crate::DelegatedAdminRelationship;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RelationshipView {
    pub relationship: DelegatedAdminRelationship,
    pub roles: Vec<RoleView>,
    pub status_label: String,
    pub days_left: Option<i64>,
    /// Over (expired, terminated) or in an unknown status: nothing can
    /// change it.
    pub read_only: bool,
}
