//! Whether an invitation can still be answered, for choosing its page.

use serde::Serialize;

use crate::InvitationState;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum InvitationAvailability {
    Open,
    Expired,
    AlreadyAccepted,
    Declined,
}

impl From<InvitationState> for InvitationAvailability {
    fn from(state: InvitationState) -> Self {
        match state {
            InvitationState::Pending => InvitationAvailability::Open,
            InvitationState::Accepted => InvitationAvailability::AlreadyAccepted,
            InvitationState::Declined => InvitationAvailability::Declined,
            InvitationState::Expired => InvitationAvailability::Expired,
        }
    }
}
