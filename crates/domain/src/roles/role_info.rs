//! What the app says about one Entra built-in role.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleInfo {
    /// The public, fixed role definition (template) id.
    pub id: &'static str,
    pub name: &'static str,
    /// Entra's "privileged" marking in its permissions reference.
    pub privileged: bool,
    /// One line: who the role is for.
    pub description: &'static str,
    /// What a partner holding it could do in your organization.
    pub allows: &'static str,
}
