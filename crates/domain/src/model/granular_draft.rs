//! Granular access as the partner simulator types it, before the checks
//! that turn it into a [`crate::GranularRequest`].

use serde::{Deserialize, Serialize};

use crate::{IsoDuration, RoleDefinitionId};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GranularDraft {
    pub display_name: String,
    /// Checked against P1D..P2Y when the invitation is issued.
    pub duration: IsoDuration,
    /// Checked to be PT0S or P180D when the invitation is issued.
    pub auto_extend_duration: IsoDuration,
    pub unified_roles: Vec<RoleDefinitionId>,
}
