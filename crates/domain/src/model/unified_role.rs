//! One role in Graph's `accessDetails.unifiedRoles`.

use serde::{Deserialize, Serialize};

use crate::RoleDefinitionId;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnifiedRole {
    pub role_definition_id: RoleDefinitionId,
}

impl UnifiedRole {
    pub fn new(id: impl Into<String>) -> UnifiedRole {
        UnifiedRole {
            role_definition_id: RoleDefinitionId::new(id),
        }
    }
}
