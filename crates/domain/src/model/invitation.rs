//! A partner's request to work with you, standing in for the email.

use serde::{Deserialize, Serialize};

use crate::{
    GranularRequest, InvitationState, IsoDuration, PartnerType, RoleDefinitionId, Timestamp,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Invitation {
    /// Stable and URL-safe: the deep link is `/invitations/<id>`.
    pub id: String,
    pub partner_id: String,
    /// Empty for an invitation that only asks to accept the customer
    /// agreement.
    pub relationship_types: Vec<PartnerType>,
    /// Asks for the legacy delegated admin roles (Global Administrator and
    /// Helpdesk Administrator).
    pub legacy_roles: bool,
    pub granular: Option<GranularRequest>,
    pub created_date_time: Timestamp,
    pub expires_date_time: Timestamp,
    pub state: InvitationState,
    /// When it was accepted, declined or expired.
    #[serde(default)]
    pub responded_date_time: Option<Timestamp>,
}

impl Invitation {
    /// An invitation not acted on expires after this long.
    pub const LIFETIME: IsoDuration = IsoDuration::days(90);

    /// The state as of `now`: a pending invitation past its expiry reads as
    /// expired even before the clock has been moved over it.
    pub fn state_at(&self, now: Timestamp) -> InvitationState {
        match self.state {
            InvitationState::Pending if now >= self.expires_date_time => InvitationState::Expired,
            state => state,
        }
    }

    /// Whether accepting grants admin roles, which only a Global
    /// Administrator may do.
    pub fn asks_admin_roles(&self) -> bool {
        self.legacy_roles || self.granular.is_some()
    }

    /// Every admin role accepting would grant.
    pub fn requested_roles(&self) -> Vec<RoleDefinitionId> {
        let mut roles = if self.legacy_roles {
            crate::roles::legacy_delegated_roles()
        } else {
            Vec::new()
        };
        if let Some(g) = &self.granular {
            roles.extend(g.roles().cloned());
        }
        roles
    }

    /// Neither relationship types nor roles: only the customer agreement.
    pub fn is_agreement_only(&self) -> bool {
        self.relationship_types.is_empty() && !self.asks_admin_roles()
    }
}
