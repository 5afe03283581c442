//! Which organization a request acts in. `auth::guard` puts one in the
//! request's extensions; every handler reads and writes only its data.

use identity::Identity;

/// An organization: its Microsoft Entra tenant id (lowercase GUID, the key
/// of all its data) and its name as first stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organization {
    pub id: String,
    pub name: String,
}

impl Organization {
    /// The demo organization (Adatum Corporation), the only one in
    /// demo-persona mode.
    pub fn demo() -> Organization {
        Organization {
            id: domain::demo::DEMO_TENANT_ID.to_string(),
            name: domain::demo::DEMO_ORGANIZATION_NAME.to_string(),
        }
    }

    /// The organization a verified identity belongs to (its `tid`).
    pub fn of(identity: &Identity) -> Organization {
        Organization {
            id: identity.organization.to_ascii_lowercase(),
            name: identity.organization_display_name(),
        }
    }

    pub fn is_demo(&self) -> bool {
        self.id.eq_ignore_ascii_case(domain::demo::DEMO_TENANT_ID)
    }
}
