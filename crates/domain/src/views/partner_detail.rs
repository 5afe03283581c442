//! Everything the partner page shows.

use serde::Serialize;

use super::{RelationshipView, RoleView};
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
    /// Newest first.
    pub notices: Vec<Notice>,
}
