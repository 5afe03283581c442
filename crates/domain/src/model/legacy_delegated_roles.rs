//! The admin roles a partner holds through a legacy delegated admin
//! relationship (Global Administrator and Helpdesk Administrator). They have
//! no end date, which is why granular access replaces them.

use serde::{Deserialize, Serialize};

use crate::{RoleDefinitionId, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct LegacyDelegatedRoles {
    pub partner_id: String,
    pub roles: Vec<RoleDefinitionId>,
    pub granted_date_time: Timestamp,
}
