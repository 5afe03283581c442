//! One relationship as Graph describes it, after reading: what the
//! `ImportRelationships` command carries (on the wire in Graph's own
//! camelCase shape).

use serde::{Deserialize, Serialize};

use crate::{AccessDetails, AutoExtendDuration, GranularDuration, RelationshipStatus, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphRelationship {
    pub id: String,
    pub display_name: String,
    pub status: RelationshipStatus,
    pub duration: GranularDuration,
    #[serde(default)]
    pub auto_extend_duration: AutoExtendDuration,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<GraphCustomer>,
    pub access_details: AccessDetails,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activated_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date_time: Option<Timestamp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified_date_time: Option<Timestamp>,
    /// Not Graph's (the customer's view of a relationship does not name the
    /// partner): this console's export writes it so that an export imports
    /// back to the same partners. When present it decides the partner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner: Option<GraphPartner>,
}

/// Graph's `delegatedAdminRelationshipCustomerParticipant`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphCustomer {
    #[serde(default)]
    pub tenant_id: String,
    #[serde(default)]
    pub display_name: String,
}

/// The partner holding a relationship, as this console's export names it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphPartner {
    pub id: String,
    pub display_name: String,
}

/// Which partner sent what is imported: the admin says so, because Graph's
/// customer-side objects do not name the partner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ImportPartner {
    /// One of your partners.
    Existing { partner_id: String },
    /// A partner not in your list yet, added by this name (only if a
    /// relationship is for it).
    New { name: String },
    /// Each relationship names its partner in a `partner` field, as this
    /// console's export writes it.
    NamedInFile,
}
