//! A granular delegated admin (GDAP) relationship, shaped like Microsoft
//! Graph's `delegatedAdminRelationship` so that its JSON reads the same.

use serde::{Deserialize, Serialize};

use crate::{
    AccessDetails, AutoExtendDuration, GranularDuration, RelationshipStatus, RoleDefinitionId,
    Timestamp,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DelegatedAdminRelationship {
    pub id: String,
    pub display_name: String,
    pub status: RelationshipStatus,
    pub duration: GranularDuration,
    pub auto_extend_duration: AutoExtendDuration,
    pub access_details: AccessDetails,
    pub created_date_time: Timestamp,
    pub activated_date_time: Option<Timestamp>,
    pub end_date_time: Option<Timestamp>,
    pub last_modified_date_time: Timestamp,
    /// Who holds the access (the customer-side view of Graph's resource).
    pub partner_id: String,
    /// The invitation it was approved from, if any.
    #[serde(default)]
    pub invitation_id: Option<String>,
}

impl DelegatedAdminRelationship {
    pub fn roles(&self) -> impl Iterator<Item = &RoleDefinitionId> {
        self.access_details
            .unified_roles
            .iter()
            .map(|r| &r.role_definition_id)
    }

    pub fn has_global_administrator(&self) -> bool {
        self.access_details.has_global_administrator()
    }

    pub fn is_final(&self) -> bool {
        self.status.is_final()
    }

    /// Whether it renews itself at its end instead of expiring: auto-extend
    /// on, and never with Global Administrator among its roles.
    pub fn auto_extends(&self) -> bool {
        self.auto_extend_duration.is_on() && !self.has_global_administrator()
    }

    /// Whether the partner can use these roles at `now`.
    pub fn grants_access_at(&self, now: Timestamp) -> bool {
        self.status.grants_access() && self.end_date_time.is_none_or(|end| end > now)
    }
}
