//! The directory roles that decide what someone may do in the console.

use domain::Persona;

/// A Microsoft Entra directory role the console knows, by its template id
/// (the value Entra puts in `wids`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectoryRole {
    GlobalAdministrator,
    BillingAdministrator,
    HelpdeskAdministrator,
    GlobalReader,
}

impl DirectoryRole {
    /// Most capable first: someone holding several acts with the first.
    pub const BY_REACH: [DirectoryRole; 4] = [
        DirectoryRole::GlobalAdministrator,
        DirectoryRole::BillingAdministrator,
        DirectoryRole::HelpdeskAdministrator,
        DirectoryRole::GlobalReader,
    ];

    pub fn template_id(self) -> &'static str {
        match self {
            DirectoryRole::GlobalAdministrator => domain::roles::GLOBAL_ADMINISTRATOR,
            DirectoryRole::BillingAdministrator => "b0f54661-2d74-4c50-afa3-1ec803f12efe",
            DirectoryRole::HelpdeskAdministrator => domain::roles::HELPDESK_ADMINISTRATOR,
            DirectoryRole::GlobalReader => "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DirectoryRole::GlobalAdministrator => "Global Administrator",
            DirectoryRole::BillingAdministrator => "Billing Administrator",
            DirectoryRole::HelpdeskAdministrator => "Helpdesk Administrator",
            DirectoryRole::GlobalReader => "Global Reader",
        }
    }

    /// The persona whose permissions the role carries. A Global Reader sees
    /// everything and changes nothing: the read-only persona.
    pub fn persona(self) -> Persona {
        match self {
            DirectoryRole::GlobalAdministrator => Persona::GlobalAdministrator,
            DirectoryRole::BillingAdministrator => Persona::BillingAdministrator,
            DirectoryRole::HelpdeskAdministrator => Persona::HelpdeskAdministrator,
            DirectoryRole::GlobalReader => Persona::User,
        }
    }

    /// The most capable role among template ids; GUIDs compare without
    /// regard to case.
    pub fn strongest(wids: &[String]) -> Option<DirectoryRole> {
        DirectoryRole::BY_REACH.into_iter().find(|role| {
            wids.iter()
                .any(|id| id.eq_ignore_ascii_case(role.template_id()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_ids_are_the_catalogues_and_names_match() {
        for role in DirectoryRole::BY_REACH {
            let info = domain::roles::lookup(&domain::RoleDefinitionId::new(role.template_id()))
                .unwrap_or_else(|| panic!("{role:?} is in the catalogue"));
            assert_eq!(info.name, role.name());
        }
    }

    #[test]
    fn the_most_capable_role_wins_whatever_the_order() {
        let wids = |ids: &[DirectoryRole]| -> Vec<String> {
            ids.iter().map(|r| r.template_id().to_uppercase()).collect()
        };
        use DirectoryRole::*;
        assert_eq!(
            DirectoryRole::strongest(&wids(&[GlobalReader, BillingAdministrator])),
            Some(BillingAdministrator)
        );
        assert_eq!(
            DirectoryRole::strongest(&wids(&[HelpdeskAdministrator, GlobalAdministrator])),
            Some(GlobalAdministrator)
        );
        assert_eq!(DirectoryRole::strongest(&[]), None);
        // Entra's "member" template grants nothing here.
        let member = ["b79fbf4d-3ef9-4689-8143-76b194e85509".to_string()];
        assert_eq!(DirectoryRole::strongest(&member), None);
    }
}
