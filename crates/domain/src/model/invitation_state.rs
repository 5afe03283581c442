//! Where an invitation stands.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InvitationState {
    #[default]
    Pending,
    Accepted,
    /// The admin chose "Cancel invitation", so the screen says Cancelled;
    /// the stored name stays `declined` so earlier saves still load.
    Declined,
    /// Not acted on within 90 days.
    Expired,
}

impl InvitationState {
    pub fn label(self) -> &'static str {
        match self {
            InvitationState::Pending => "Pending",
            InvitationState::Accepted => "Accepted",
            InvitationState::Declined => "Cancelled",
            InvitationState::Expired => "Expired",
        }
    }
}
