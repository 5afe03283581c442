//! Which admin roles a kind of partner relationship brings, per the seeds'
//! table.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RolesBrought {
    /// No roles are assigned in your organization.
    None,
    /// The legacy delegated admin roles: Global Administrator and Helpdesk
    /// Administrator.
    LegacyAdminRoles,
    /// Roles cannot be assigned to this kind of partner.
    NotAvailable,
    /// Any Microsoft Entra role, chosen in each request.
    AnyEntraRole,
}

impl RolesBrought {
    pub fn label(self) -> &'static str {
        match self {
            RolesBrought::None => "No roles assigned",
            RolesBrought::LegacyAdminRoles => "Global Administrator, Helpdesk Administrator",
            RolesBrought::NotAvailable => "Not available to assign",
            RolesBrought::AnyEntraRole => "Any Microsoft Entra role, as requested",
        }
    }
}
