//! Everything the partner page shows.

use serde::Serialize;

use super::{EndingSoon, RelationshipView, RoleView};
use crate::{Invitation, LegacyDelegatedRoles, Notice, Partner};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerDetail {
    pub partner: Partner,
    pub legacy_roles: Option<LegacyDelegatedRoles>,
    pub legacy_role_views: Vec<RoleView>,
    /// Newest first.
    pub relationships: Vec<RelationshipView>,
    /// Invitations from this partner still open.
    pub pending_invitations: Vec<Invitation>,
    /// Whether "Remove roles" has anything to remove; when not, the page
    /// points to the partner's support instead.
    pub can_remove_roles: bool,
    pub purchase_blocked: bool,
    /// Granular relationships in force that end soon, as of now, soonest
    /// first: what "Access ending soon" says.
    pub ending_soon: Vec<EndingSoon>,
    /// Every notice raised for this partner (history), newest first.
    pub notices: Vec<Notice>,
}

impl PartnerDetail {
    /// Why Remove roles has nothing to do, true to what the page lists
    /// above it: roles that ended are not roles held.
    pub fn nothing_to_remove(&self) -> String {
        let name = &self.partner.name;
        let ended = self
            .relationships
            .iter()
            .filter(|r| r.relationship.status.is_final())
            .count();
        let unknown = self
            .relationships
            .iter()
            .any(|r| r.relationship.status.is_unknown());
        if unknown {
            format!(
                "{name} holds a GDAP relationship in a status this console doesn't know, so it can't change it. Ask the partner to end the relationship if you no longer want it."
            )
        } else if ended > 0 {
            let (which, have) = if ended == 1 {
                ("relationship", "has")
            } else {
                ("relationships", "have")
            };
            format!(
                "The GDAP {which} with {name} {have} ended, so the roles listed above are no longer in force: {name} holds no admin roles in your organization now, and there's nothing to remove."
            )
        } else {
            format!(
                "{name} holds no admin roles in your organization, so there's nothing to remove."
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::state::test_support::*;
    use crate::views::partner_detail;

    fn said(id: &str) -> String {
        partner_detail(&demo(), id, now())
            .unwrap()
            .nothing_to_remove()
    }

    #[test]
    fn nothing_to_remove_says_why_without_contradicting_the_page() {
        assert_eq!(
            said("contoso-cloud"),
            "Contoso Cloud Partners holds no admin roles in your organization, so there's nothing to remove."
        );
        let adventure = said("adventure-works");
        assert!(
            adventure
                .starts_with("The GDAP relationship with Adventure Works Consulting has ended"),
            "{adventure}"
        );
        assert!(adventure.contains("no longer in force"), "{adventure}");
        for id in ["contoso-cloud", "adventure-works"] {
            assert!(!said(id).contains("If you don't see"), "{id}");
        }
    }
}
