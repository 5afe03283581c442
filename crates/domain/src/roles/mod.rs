//! The Microsoft Entra built-in roles a partner may ask for.
//!
//! Ids are the public template ids of the built-in roles; the words are
//! ours, written for an admin deciding whether to grant them.

mod role_info;

pub use role_info::RoleInfo;

use crate::RoleDefinitionId;

pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
pub const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

/// The roles a legacy delegated admin relationship brings.
pub const LEGACY_DELEGATED_ROLES: [&str; 2] = [GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR];

pub const CATALOGUE: &[RoleInfo] = &[
    RoleInfo {
        id: GLOBAL_ADMINISTRATOR,
        name: "Global Administrator",
        privileged: true,
        description: "Full control of every admin setting and service.",
        allows: "Anything in your organization, including adding admins and changing any setting.",
    },
    RoleInfo {
        id: "f2ef992c-3afb-46b9-b7cf-a126ee74c451",
        name: "Global Reader",
        privileged: true,
        description: "Sees what a Global Administrator sees, without changing it.",
        allows: "Reading every admin setting and report; no changes.",
    },
    RoleInfo {
        id: HELPDESK_ADMINISTRATOR,
        name: "Helpdesk Administrator",
        privileged: true,
        description: "Front-line support for everyday sign-in problems.",
        allows: "Resetting passwords of non-admin users and handling support requests.",
    },
    RoleInfo {
        id: "b0f54661-2d74-4c50-afa3-1ec803f12efe",
        name: "Billing Administrator",
        privileged: false,
        description: "Looks after purchases and payments.",
        allows:
            "Buying subscriptions, managing payment methods and invoices, opening billing tickets.",
    },
    RoleInfo {
        id: "fe930be7-5e62-47db-91af-98c3a49a38b1",
        name: "User Administrator",
        privileged: true,
        description: "Manages people and groups.",
        allows: "Creating and editing users and groups, and resetting some passwords.",
    },
    RoleInfo {
        id: "966707d0-3269-4727-9be2-8c3a10f19b9d",
        name: "Password Administrator",
        privileged: true,
        description: "Resets passwords for people without admin roles.",
        allows: "Setting new passwords for non-admins and Password Administrators.",
    },
    RoleInfo {
        id: "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
        name: "License Administrator",
        privileged: false,
        description: "Hands out the licenses you already own.",
        allows: "Assigning and removing product licenses for users and groups.",
    },
    RoleInfo {
        id: "f023fd81-a637-4b56-95fd-791ac0226033",
        name: "Service Support Administrator",
        privileged: false,
        description: "Talks to Microsoft support for you.",
        allows: "Opening and tracking service requests and reading service health.",
    },
    RoleInfo {
        id: "29232cdf-9323-42fd-ade2-1d097af3e4de",
        name: "Exchange Administrator",
        privileged: false,
        description: "Runs email and calendars.",
        allows: "Managing mailboxes, mail flow and Exchange Online settings.",
    },
    RoleInfo {
        id: "f28a1f50-f6e7-4571-818b-6a12f2af6b6c",
        name: "SharePoint Administrator",
        privileged: false,
        description: "Runs sites and shared files.",
        allows: "Managing SharePoint and OneDrive sites, storage and sharing settings.",
    },
    RoleInfo {
        id: "69091246-20e8-4a56-aa4d-066075b2a7a8",
        name: "Teams Administrator",
        privileged: false,
        description: "Runs chat, meetings and calling.",
        allows: "Managing Microsoft Teams settings, policies and teams.",
    },
    RoleInfo {
        id: "3a2c62db-5318-420d-8d74-23affee5d9d5",
        name: "Intune Administrator",
        privileged: true,
        description: "Manages devices and apps on them.",
        allows: "Enrolling devices and setting device and app policies in Intune.",
    },
    RoleInfo {
        id: "194ae4cb-b126-40b2-bd5b-6091b380977d",
        name: "Security Administrator",
        privileged: true,
        description: "Sets up your security protections.",
        allows: "Changing security policies, alerts and threat protection settings.",
    },
    RoleInfo {
        id: "5d6b6bb7-de71-4623-b4af-96380a352509",
        name: "Security Reader",
        privileged: true,
        description: "Reviews security without changing it.",
        allows: "Reading security reports, alerts and settings.",
    },
    RoleInfo {
        id: "17315797-102d-40b4-93e0-432062caca18",
        name: "Compliance Administrator",
        privileged: false,
        description: "Handles retention, audit and compliance needs.",
        allows: "Managing compliance policies, retention and audit settings.",
    },
    RoleInfo {
        id: "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9",
        name: "Conditional Access Administrator",
        privileged: true,
        description: "Decides the conditions for signing in.",
        allows: "Creating and changing Conditional Access policies.",
    },
    RoleInfo {
        id: "c4e39bd9-1100-46d3-8c65-fb160da0071f",
        name: "Authentication Administrator",
        privileged: true,
        description: "Helps people with their sign-in methods.",
        allows: "Resetting passwords and sign-in methods of non-admin users.",
    },
    RoleInfo {
        id: "7be44c8a-adaf-4e2a-84d6-ab2649e08a13",
        name: "Privileged Authentication Administrator",
        privileged: true,
        description: "Helps anyone, admins included, with sign-in methods.",
        allows: "Resetting passwords and sign-in methods of every user, admins included.",
    },
    RoleInfo {
        id: "e8611ab8-c189-46e8-94e1-60213ab1f814",
        name: "Privileged Role Administrator",
        privileged: true,
        description: "Decides who holds which admin role.",
        allows: "Assigning and removing admin roles, including the most powerful ones.",
    },
    RoleInfo {
        id: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3",
        name: "Application Administrator",
        privileged: true,
        description: "Manages the apps people sign in to.",
        allows: "Registering apps, managing enterprise apps and their proxy settings.",
    },
    RoleInfo {
        id: "158c047a-c907-4556-b7ef-446551a6b5f7",
        name: "Cloud Application Administrator",
        privileged: true,
        description: "Manages cloud apps, without the on-premises proxy.",
        allows: "Registering and configuring cloud apps and their sign-in.",
    },
    RoleInfo {
        id: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2",
        name: "Hybrid Identity Administrator",
        privileged: true,
        description: "Connects your on-premises directory to the cloud.",
        allows: "Setting up directory sync and federation.",
    },
    RoleInfo {
        id: "8329153b-31d0-4727-b945-745eb3bc5f31",
        name: "Domain Name Administrator",
        privileged: true,
        description: "Looks after your domain names.",
        allows: "Adding, verifying and removing domains.",
    },
    RoleInfo {
        id: "4a5d8f65-41da-4de4-8968-e035b65339cf",
        name: "Reports Reader",
        privileged: false,
        description: "Reads usage reports.",
        allows: "Viewing usage and activity reports and the adoption score.",
    },
    RoleInfo {
        id: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b",
        name: "Directory Readers",
        privileged: false,
        description: "Reads basic directory information.",
        allows: "Listing users, groups and other directory objects.",
    },
    RoleInfo {
        id: "44367163-eba1-44c3-98af-f5787879f96a",
        name: "Dynamics 365 Administrator",
        privileged: false,
        description: "Runs Dynamics 365 environments.",
        allows: "Managing Dynamics 365 settings, environments and support requests.",
    },
    RoleInfo {
        id: "11648597-926c-4cf3-9c36-bcebb0ba8dcc",
        name: "Power Platform Administrator",
        privileged: false,
        description: "Runs Power Apps, Power Automate and their environments.",
        allows: "Managing Power Platform environments, policies and data rules.",
    },
    RoleInfo {
        id: "4ba39ca4-527c-499a-b93d-d9b492c50246",
        name: "Partner Tier1 Support",
        privileged: true,
        description: "A partner's first line of support.",
        allows: "Resetting non-admin passwords and handling basic support for you.",
    },
    RoleInfo {
        id: "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8",
        name: "Partner Tier2 Support",
        privileged: true,
        description: "A partner's escalation support, with wide reach.",
        allows: "Resetting any password, managing users and handling advanced support.",
    },
];

/// The catalogue entry for an id; ids compare without regard to case, as
/// GUIDs do.
pub fn lookup(id: &RoleDefinitionId) -> Option<&'static RoleInfo> {
    CATALOGUE
        .iter()
        .find(|info| info.id.eq_ignore_ascii_case(id.as_str()))
}

/// Whether Entra marks the role privileged: it can hand out admin rights,
/// change credentials or sign-in rules, or read protected data. An unknown
/// role is not claimed to be either; callers show it as unknown.
pub fn is_privileged(id: &RoleDefinitionId) -> bool {
    lookup(id).is_some_and(|info| info.privileged)
}

/// The role's name, or `Unknown role (<id>)`.
pub fn display_name(id: &RoleDefinitionId) -> String {
    id.display_name()
}

/// The two roles of a legacy delegated admin relationship.
pub fn legacy_delegated_roles() -> Vec<RoleDefinitionId> {
    LEGACY_DELEGATED_ROLES
        .iter()
        .map(|id| RoleDefinitionId::new(*id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_has_the_29_roles_of_the_product_brief() {
        assert_eq!(CATALOGUE.len(), 29);
    }

    #[test]
    fn every_role_id_is_unique_and_looks_like_a_guid() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            assert_eq!(a.id.len(), 36, "{}", a.name);
            assert!(a.id.chars().all(|c| c.is_ascii_hexdigit() || c == '-'));
            for b in &CATALOGUE[i + 1..] {
                assert_ne!(a.id, b.id);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn lookup_ignores_the_case_of_the_id() {
        let upper = RoleDefinitionId::new(GLOBAL_ADMINISTRATOR.to_uppercase());
        assert_eq!(lookup(&upper).map(|r| r.name), Some("Global Administrator"));
        assert!(upper.is_global_administrator());
    }

    #[test]
    fn global_administrator_is_privileged_and_billing_administrator_is_not() {
        assert!(is_privileged(&RoleDefinitionId::new(GLOBAL_ADMINISTRATOR)));
        let billing = RoleDefinitionId::new("b0f54661-2d74-4c50-afa3-1ec803f12efe");
        assert!(!is_privileged(&billing));
        assert!(!is_privileged(&RoleDefinitionId::new("not-a-role")));
    }

    #[test]
    fn an_unknown_role_is_named_as_unknown() {
        let id = RoleDefinitionId::new("00000000-0000-0000-0000-000000000000");
        assert_eq!(lookup(&id), None);
        assert_eq!(
            display_name(&id),
            "Unknown role (00000000-0000-0000-0000-000000000000)"
        );
    }
}
