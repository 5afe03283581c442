//! What the "Accept agreement & authorize partner" page shows.

use serde::Serialize;

use super::{InvitationAvailability, RoleView};
use crate::{Invitation, Partner, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationView {
    pub invitation: Invitation,
    pub partner: Partner,
    pub availability: InvitationAvailability,
    /// Every admin role accepting would grant, legacy or granular.
    pub roles: Vec<RoleView>,
    /// "2 years", for granular requests.
    pub duration_label: Option<String>,
    /// When access would end if accepted now.
    pub end_if_accepted_now: Option<Timestamp>,
    pub auto_extend_label: Option<String>,
    /// The partner still holds legacy roles, so granular access cannot be
    /// approved until they are removed.
    pub blocked_by_legacy_roles: bool,
    /// The signed-in persona may accept what is asked.
    pub persona_may_accept: bool,
    pub persona_may_decline: bool,
    pub agreement_signed: bool,
    pub days_until_expiry: i64,
}

impl InvitationView {
    /// "Accept & Authorize" can be enabled (once the box is ticked).
    pub fn can_accept(&self) -> bool {
        self.availability == InvitationAvailability::Open
            && self.persona_may_accept
            && !self.blocked_by_legacy_roles
    }

    /// Why an open invitation can't be accepted now, in a few words for a
    /// list row; `None` when it can (or is no longer open).
    pub fn accept_blocker(&self) -> Option<&'static str> {
        if self.availability != InvitationAvailability::Open {
            None
        } else if self.blocked_by_legacy_roles {
            Some("Remove the partner's legacy admin roles first")
        } else if !self.persona_may_accept && self.invitation.asks_admin_roles() {
            Some("Needs a Global Administrator")
        } else if !self.persona_may_accept {
            Some("Needs a Billing or Global Administrator")
        } else {
            None
        }
    }
}
