//! Where an invitation stands.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InvitationState {
    #[default]
    Pending,
    Accepted,
    Declined,
    /// Not acted on within 90 days.
    Expired,
}

impl InvitationState {
    pub fn label(self) -> &'static str {
        match self {
            InvitationState::Pending => "Pending",
            InvitationState::Accepted => "Accepted",
            InvitationState::Declined => "Declined",
            InvitationState::Expired => "Expired",
        }
    }
}
