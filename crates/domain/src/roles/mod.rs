//! The Microsoft Entra built-in roles a partner may ask for.
//!
//! Ids are the public template ids of the built-in roles; the words are
//! ours, written for an admin deciding whether to grant them. The table is
//! in `catalogue.rs`, with where its facts come from and which roles it
//! leaves out and why.

mod catalogue;
mod role_info;

pub use catalogue::CATALOGUE;
pub use role_info::RoleInfo;

use crate::RoleDefinitionId;

pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
pub const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

/// The roles a legacy delegated admin relationship brings.
pub const LEGACY_DELEGATED_ROLES: [&str; 2] = [GLOBAL_ADMINISTRATOR, HELPDESK_ADMINISTRATOR];

/// The roles of Entra's "All roles" table that are not in the catalogue,
/// with the reason the permissions reference gives: a role nobody may be
/// assigned, or one it says not to use, is not something a partner can be
/// granted. (Guest User, Restricted Guest User and User are the built-in
/// user roles; the rest are from "Roles not shown in the portal" and
/// "Deprecated roles".)
pub const NOT_GRANTABLE: &[(&str, &str, &str)] = &[
    (
        "d29b2b05-8046-44ba-8758-1e26182fcf32",
        "Directory Synchronization Accounts",
        "only for the Microsoft Entra Connect service",
    ),
    (
        "00cf5c54-4693-4f59-a0ac-ab79ef0a974d",
        "Microsoft 365 Support Engineer",
        "not intended for general use",
    ),
    (
        "4ba39ca4-527c-499a-b93d-d9b492c50246",
        "Partner Tier1 Support",
        "not intended for general use; new assignments blocked",
    ),
    (
        "e00e864a-17c5-4a4b-9c06-f5b95a8d5bd8",
        "Partner Tier2 Support",
        "not intended for general use; new assignments blocked",
    ),
    (
        "10dae51f-b6af-4016-8d66-8c2a99b929b3",
        "Guest User",
        "a user role that can't be assigned",
    ),
    (
        "2af84b1e-32c8-42b7-82bc-daa82404023b",
        "Restricted Guest User",
        "a user role that can't be assigned",
    ),
    (
        "a0b1b346-4d3e-4e8b-98f8-753987be4970",
        "User",
        "a user role that can't be assigned",
    ),
    (
        "9c094953-4995-41c8-84c8-3ebb9b32c93f",
        "Device Join",
        "deprecated",
    ),
    (
        "2b499bcd-da44-4968-8aec-78e1674fa64d",
        "Device Managers",
        "deprecated",
    ),
    (
        "d405c6df-0af8-4e3b-95e4-4d06e542189e",
        "Device Users",
        "deprecated",
    ),
    (
        "c34f683f-4d5a-4403-affd-6615e00e3a7f",
        "Workplace Device Join",
        "deprecated",
    ),
];

/// The word on a privileged role's badge.
pub const PRIVILEGED_LABEL: &str = "Privileged";

/// What the badge means, for a screen reader and on hover or focus: Entra
/// marks a role privileged when it can hand out admin rights, change
/// credentials or sign-in rules, or reach protected data.
pub const PRIVILEGED_MEANING: &str = "Privileged role: it can hand out admin rights, change passwords and sign-in rules, or reach protected data. Grant it only if the partner needs it.";

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

    fn id(s: &str) -> RoleDefinitionId {
        RoleDefinitionId::new(s)
    }

    #[test]
    fn the_catalogue_holds_the_119_roles_gdap_can_grant_27_of_them_privileged() {
        // Entra's "All roles" table (2026-01-20) has 123 roles; 4 of them
        // are in NOT_GRANTABLE.
        assert_eq!(CATALOGUE.len(), 119);
        assert_eq!(CATALOGUE.iter().filter(|r| r.privileged).count(), 27);
    }

    #[test]
    fn every_id_is_a_lower_case_guid_and_ids_and_names_are_unique() {
        for (i, a) in CATALOGUE.iter().enumerate() {
            let groups: Vec<usize> = a.id.split('-').map(str::len).collect();
            assert_eq!(groups, [8, 4, 4, 4, 12], "{}", a.name);
            assert!(
                a.id.chars()
                    .all(|c| c == '-' || c.is_ascii_digit() || ('a'..='f').contains(&c)),
                "{}",
                a.name
            );
            for b in &CATALOGUE[i + 1..] {
                assert_ne!(a.id, b.id, "{} and {}", a.name, b.name);
                assert_ne!(a.name, b.name);
            }
        }
    }

    #[test]
    fn every_role_says_who_it_is_for_and_what_it_allows() {
        for r in CATALOGUE {
            assert!(r.description.ends_with('.'), "{}", r.name);
            assert!(r.allows.ends_with('.'), "{}", r.name);
            assert_ne!(r.description, r.allows, "{}", r.name);
        }
    }

    #[test]
    fn the_privileged_marking_is_the_permissions_reference_one() {
        let privileged = [
            (
                "62e90394-69f5-4237-9190-012177145e10",
                "Global Administrator",
            ),
            ("f2ef992c-3afb-46b9-b7cf-a126ee74c451", "Global Reader"),
            (
                "729827e3-9c14-49f7-bb1b-9608f156bbb8",
                "Helpdesk Administrator",
            ),
            ("5d6b6bb7-de71-4623-b4af-96380a352509", "Security Reader"),
            ("5f2222b1-57c3-48ba-8ad5-d4759f1fde6f", "Security Operator"),
            ("9360feb5-f418-4baa-8175-e2a00bac4301", "Directory Writers"),
            (
                "7698a772-787b-4ac8-901f-60d6b08affd2",
                "Cloud Device Administrator",
            ),
            (
                "db506228-d27e-4b7d-95e5-295956d6615f",
                "Agent ID Administrator",
            ),
            (
                "422218e4-db15-4ef9-bbe0-8afb41546d79",
                "Attribute Provisioning Reader",
            ),
            (
                "59d46f88-662b-457b-bceb-5c3809e5908f",
                "Lifecycle Workflows Administrator",
            ),
        ];
        let not_privileged = [
            (
                "b0f54661-2d74-4c50-afa3-1ec803f12efe",
                "Billing Administrator",
            ),
            (
                "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
                "License Administrator",
            ),
            (
                "29232cdf-9323-42fd-ade2-1d097af3e4de",
                "Exchange Administrator",
            ),
            (
                "fdd7a751-b60b-444a-984c-02652fe8fa1c",
                "Groups Administrator",
            ),
            (
                "0526716b-113d-4c15-b2c8-68e3c22b9f80",
                "Authentication Policy Administrator",
            ),
            ("d2562ede-74db-457e-a7b6-544e236ebb61", "AI Administrator"),
            (
                "9f06204d-73c1-4d4c-880a-6edb90606fd8",
                "Microsoft Entra Joined Device Local Administrator",
            ),
            ("88d8e3e3-8f55-4a1e-953a-9b9898b8876b", "Directory Readers"),
        ];
        for (role, name) in privileged {
            assert_eq!(lookup(&id(role)).map(|r| r.name), Some(name));
            assert!(is_privileged(&id(role)), "{name}");
        }
        for (role, name) in not_privileged {
            assert_eq!(lookup(&id(role)).map(|r| r.name), Some(name));
            assert!(!is_privileged(&id(role)), "{name}");
        }
    }

    #[test]
    fn roles_gdap_cannot_grant_are_not_in_the_catalogue() {
        for (role, name, _why) in NOT_GRANTABLE {
            assert_eq!(lookup(&id(role)), None, "{name}");
            assert!(CATALOGUE.iter().all(|r| r.name != *name), "{name}");
            assert_eq!(display_name(&id(role)), format!("Unknown role ({role})"));
        }
    }

    #[test]
    fn lookup_ignores_the_case_of_the_id() {
        let upper = id(&GLOBAL_ADMINISTRATOR.to_uppercase());
        assert_eq!(lookup(&upper).map(|r| r.name), Some("Global Administrator"));
        assert!(upper.is_global_administrator());
        let teams_reader = id("1076AC91-F3D9-41A7-A339-DCDF5F480ACC");
        assert_eq!(lookup(&teams_reader).map(|r| r.name), Some("Teams Reader"));
    }

    #[test]
    fn an_unknown_role_is_named_as_unknown_and_not_claimed_privileged() {
        let unknown = id("00000000-0000-0000-0000-000000000000");
        assert_eq!(lookup(&unknown), None);
        assert!(!is_privileged(&unknown));
        assert!(!is_privileged(&id("not-a-role")));
        assert_eq!(
            display_name(&unknown),
            "Unknown role (00000000-0000-0000-0000-000000000000)"
        );
    }
}
