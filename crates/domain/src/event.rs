//! What happened. Events are the unit the backend persists and the source
//! of the activity log; applying one cannot fail.

use serde::{Deserialize, Serialize};

use crate::{
    ContactRequest, ContactRequestStatus, DelegatedAdminRelationship, Invitation, Notice, Partner,
    PartnerType, Persona, RoleDefinitionId, Timestamp,
};

/// Every event says when it happened and who caused it; `by` is `None` for
/// what the system did as time passed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "type",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Event {
    ContactRequestSent {
        at: Timestamp,
        by: Option<Persona>,
        request: ContactRequest,
    },
    ContactRequestStatusChanged {
        at: Timestamp,
        by: Option<Persona>,
        request_id: String,
        status: ContactRequestStatus,
    },
    PartnerAdded {
        at: Timestamp,
        by: Option<Persona>,
        partner: Partner,
    },
    InvitationIssued {
        at: Timestamp,
        by: Option<Persona>,
        invitation: Invitation,
    },
    InvitationAccepted {
        at: Timestamp,
        by: Option<Persona>,
        invitation_id: String,
        partner_id: String,
    },
    InvitationDeclined {
        at: Timestamp,
        by: Option<Persona>,
        invitation_id: String,
        partner_id: String,
    },
    InvitationExpired {
        at: Timestamp,
        by: Option<Persona>,
        invitation_id: String,
        partner_id: String,
    },
    AgreementAccepted {
        at: Timestamp,
        by: Option<Persona>,
        partner_id: String,
    },
    PartnerTypesChanged {
        at: Timestamp,
        by: Option<Persona>,
        partner_id: String,
        types: Vec<PartnerType>,
    },
    LegacyRolesGranted {
        at: Timestamp,
        by: Option<Persona>,
        partner_id: String,
        roles: Vec<RoleDefinitionId>,
    },
    LegacyRolesRemoved {
        at: Timestamp,
        by: Option<Persona>,
        partner_id: String,
    },
    RelationshipCreated {
        at: Timestamp,
        by: Option<Persona>,
        relationship: DelegatedAdminRelationship,
    },
    RelationshipExtended {
        at: Timestamp,
        by: Option<Persona>,
        relationship_id: String,
        end_date_time: Timestamp,
    },
    RelationshipExpired {
        at: Timestamp,
        by: Option<Persona>,
        relationship_id: String,
    },
    RelationshipTerminated {
        at: Timestamp,
        by: Option<Persona>,
        relationship_id: String,
    },
    NoticeRaised {
        at: Timestamp,
        by: Option<Persona>,
        notice: Notice,
    },
    PurchaseVisibilitySet {
        at: Timestamp,
        by: Option<Persona>,
        allowed: bool,
    },
    ClockAdvanced {
        at: Timestamp,
        by: Option<Persona>,
        from: Timestamp,
        to: Timestamp,
    },
}

impl Event {
    pub fn at(&self) -> Timestamp {
        match self {
            Event::ContactRequestSent { at, .. }
            | Event::ContactRequestStatusChanged { at, .. }
            | Event::PartnerAdded { at, .. }
            | Event::InvitationIssued { at, .. }
            | Event::InvitationAccepted { at, .. }
            | Event::InvitationDeclined { at, .. }
            | Event::InvitationExpired { at, .. }
            | Event::AgreementAccepted { at, .. }
            | Event::PartnerTypesChanged { at, .. }
            | Event::LegacyRolesGranted { at, .. }
            | Event::LegacyRolesRemoved { at, .. }
            | Event::RelationshipCreated { at, .. }
            | Event::RelationshipExtended { at, .. }
            | Event::RelationshipExpired { at, .. }
            | Event::RelationshipTerminated { at, .. }
            | Event::NoticeRaised { at, .. }
            | Event::PurchaseVisibilitySet { at, .. }
            | Event::ClockAdvanced { at, .. } => *at,
        }
    }

    pub fn by(&self) -> Option<Persona> {
        match self {
            Event::ContactRequestSent { by, .. }
            | Event::ContactRequestStatusChanged { by, .. }
            | Event::PartnerAdded { by, .. }
            | Event::InvitationIssued { by, .. }
            | Event::InvitationAccepted { by, .. }
            | Event::InvitationDeclined { by, .. }
            | Event::InvitationExpired { by, .. }
            | Event::AgreementAccepted { by, .. }
            | Event::PartnerTypesChanged { by, .. }
            | Event::LegacyRolesGranted { by, .. }
            | Event::LegacyRolesRemoved { by, .. }
            | Event::RelationshipCreated { by, .. }
            | Event::RelationshipExtended { by, .. }
            | Event::RelationshipExpired { by, .. }
            | Event::RelationshipTerminated { by, .. }
            | Event::NoticeRaised { by, .. }
            | Event::PurchaseVisibilitySet { by, .. }
            | Event::ClockAdvanced { by, .. } => *by,
        }
    }
}
