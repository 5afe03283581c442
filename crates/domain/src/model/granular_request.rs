//! The granular access a partner asks for in an invitation. The customer
//! approves it exactly as asked or not at all.

use serde::{Deserialize, Serialize};

use crate::{AutoExtendDuration, GranularDuration, RoleDefinitionId, UnifiedRole};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GranularRequest {
    pub display_name: String,
    pub duration: GranularDuration,
    pub auto_extend_duration: AutoExtendDuration,
    pub unified_roles: Vec<UnifiedRole>,
}

impl GranularRequest {
    pub fn roles(&self) -> impl Iterator<Item = &RoleDefinitionId> {
        self.unified_roles.iter().map(|r| &r.role_definition_id)
    }

    pub fn has_global_administrator(&self) -> bool {
        self.roles().any(RoleDefinitionId::is_global_administrator)
    }
}
