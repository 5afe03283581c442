//! Graph's `accessDetails`: the roles a granular relationship grants.

use serde::{Deserialize, Serialize};

use crate::UnifiedRole;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessDetails {
    pub unified_roles: Vec<UnifiedRole>,
}

impl AccessDetails {
    pub fn has_global_administrator(&self) -> bool {
        self.unified_roles
            .iter()
            .any(|r| r.role_definition_id.is_global_administrator())
    }
}
