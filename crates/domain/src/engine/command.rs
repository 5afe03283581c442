//! What someone asks the engine to do. Each command is decided with the
//! acting persona and `now`, and yields all its events or one error.

use serde::{Deserialize, Serialize};

use crate::{
    ContactForm, GranularDraft, GraphRelationship, ImportPartner, Partner, PartnerType, State,
    Timestamp,
};

// One command is built per user action and handled once, so its size does
// not matter; boxing fields would only make every call site noisier.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Command {
    /// "Contact me" / "Contact selected providers".
    SendContactRequest {
        partner_ids: Vec<String>,
        form: ContactForm,
    },
    /// "Accept & Authorize". It carries only the invitation: the customer
    /// cannot change the roles or the duration the partner asked for.
    AcceptInvitation {
        invitation_id: String,
        agreement_acknowledged: bool,
    },
    DeclineInvitation {
        invitation_id: String,
    },
    /// "Review and accept" the customer agreement for a partner you already
    /// work with.
    AcceptCustomerAgreement {
        partner_id: String,
        acknowledged: bool,
    },
    /// "Remove roles?" → "Yes".
    RemoveRoles {
        partner_id: String,
    },
    /// Whether MPSA partners may see each other's purchases.
    SetPurchaseVisibility {
        allowed: bool,
    },
    /// Demo only: the partner simulator sends an invitation.
    IssueInvitation {
        /// A stable id for the deep link; generated when absent.
        #[serde(default)]
        invitation_id: Option<String>,
        /// Added to your list of partners if it is new.
        partner: Partner,
        relationship_types: Vec<PartnerType>,
        #[serde(default)]
        legacy_roles: bool,
        #[serde(default)]
        granular: Option<GranularDraft>,
    },
    /// Demo only: moves the demo clock forward; relationships expire or
    /// extend, invitations expire and notices are raised on the way.
    AdvanceTime {
        to: Timestamp,
    },
    /// "Mark as reviewed" on Review partner access: the signed-in admin
    /// has looked at every partner's admin roles as they stand now.
    MarkAccessReviewed,
    /// "Import from Microsoft Graph": relationships read from Graph's JSON,
    /// all or none. Each lands by its status: a request to review, a
    /// relationship in force, or the partner's history.
    ImportRelationships {
        partner: ImportPartner,
        relationships: Vec<GraphRelationship>,
    },
}

impl Command {
    /// A short description for the activity log.
    pub fn describe(&self) -> String {
        match self {
            Command::SendContactRequest { partner_ids, .. } => match partner_ids.len() {
                1 => "Send a contact request to 1 partner".to_string(),
                n => format!("Send a contact request to {n} partners"),
            },
            Command::AcceptInvitation { invitation_id, .. } => {
                format!("Accept & authorize invitation {invitation_id}")
            }
            Command::DeclineInvitation { invitation_id } => {
                format!("Decline invitation {invitation_id}")
            }
            Command::AcceptCustomerAgreement { .. } => {
                "Accept the Microsoft Customer Agreement".to_string()
            }
            Command::RemoveRoles { .. } => "Remove partner admin roles".to_string(),
            Command::SetPurchaseVisibility { allowed: true } => {
                "Allow MPSA partners to see each other's purchases".to_string()
            }
            Command::SetPurchaseVisibility { allowed: false } => {
                "Stop MPSA partners seeing each other's purchases".to_string()
            }
            Command::IssueInvitation { partner, .. } => {
                format!(
                    "Partner simulator: send an invitation from {}",
                    partner.name
                )
            }
            Command::AdvanceTime { to } => format!("Move the demo clock to {}", to.date_string()),
            Command::MarkAccessReviewed => "Mark partner access as reviewed".to_string(),
            Command::ImportRelationships { relationships, .. } => match relationships.len() {
                1 => "Import 1 GDAP relationship from Microsoft Graph".to_string(),
                n => format!("Import {n} GDAP relationships from Microsoft Graph"),
            },
        }
    }

    /// The partner the command is about, for the activity log.
    pub fn partner_id(&self, state: &State) -> Option<String> {
        match self {
            Command::AcceptInvitation { invitation_id, .. }
            | Command::DeclineInvitation { invitation_id } => state
                .invitation(invitation_id)
                .map(|i| i.partner_id.clone()),
            Command::AcceptCustomerAgreement { partner_id, .. }
            | Command::RemoveRoles { partner_id } => Some(partner_id.clone()),
            Command::IssueInvitation { partner, .. } => Some(partner.id.clone()),
            Command::ImportRelationships {
                partner: ImportPartner::Existing { partner_id },
                ..
            } => Some(partner_id.clone()),
            Command::SendContactRequest { partner_ids, .. } if partner_ids.len() == 1 => {
                partner_ids.first().cloned()
            }
            _ => None,
        }
    }
}
