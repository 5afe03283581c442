//! What happened. Events are the unit the backend persists and the source
//! of the activity log; applying one cannot fail.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::{Map, Value};

use crate::{
    ContactRequest, ContactRequestStatus, DelegatedAdminRelationship, Invitation, Notice, Partner,
    PartnerType, Persona, RoleDefinitionId, Timestamp,
};

/// Every event says when it happened and who caused it; `by` is `None` for
/// what the system did as time passed. On the wire it is one object whose
/// `type` names the variant (see the `Deserialize` impl below).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
    /// Partner access was reviewed: how many partners held admin roles and
    /// how many flags they raised at that moment.
    AccessReviewed {
        at: Timestamp,
        by: Option<Persona>,
        partners: u32,
        flags: u32,
    },
    /// A GDAP request read from Microsoft Graph, waiting for review.
    InvitationImported {
        at: Timestamp,
        by: Option<Persona>,
        invitation: Invitation,
    },
    /// A GDAP relationship read from Microsoft Graph, in force or ended.
    RelationshipImported {
        at: Timestamp,
        by: Option<Persona>,
        relationship: DelegatedAdminRelationship,
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
            | Event::ClockAdvanced { at, .. }
            | Event::AccessReviewed { at, .. }
            | Event::InvitationImported { at, .. }
            | Event::RelationshipImported { at, .. } => *at,
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
            | Event::ClockAdvanced { by, .. }
            | Event::AccessReviewed { by, .. }
            | Event::InvitationImported { by, .. }
            | Event::RelationshipImported { by, .. } => *by,
        }
    }
}

/// Reads what `Serialize` writes: `{"type": "partnerAdded", "at": …}`.
///
/// Written by hand rather than derived: serde's derive for an internally
/// tagged enum buffers each event into its own `Content` tree and compiles
/// every payload's visitor again for it (about 70 KB of wasm), and a derived
/// externally tagged copy of the variants compiled to one 23 KB function.
/// This reads the object as a `serde_json::Value` (as the snapshot decoder
/// does), then each field with the visitor its type already has, one small
/// call per field. As the derive did: unknown fields are ignored, a missing
/// `by` is `None`, any other missing field is an error.
impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = Value::deserialize(deserializer)?;
        let Value::Object(fields) = value else {
            return Err(D::Error::custom("an event must be an object"));
        };
        let mut fields = Fields(fields);
        let tag = match fields.0.remove("type") {
            Some(Value::String(tag)) => tag,
            Some(_) => return Err(D::Error::custom("an event's `type` must be a string")),
            None => return Err(D::Error::missing_field("type")),
        };
        fields.event(&tag).map_err(D::Error::custom)
    }
}

/// An event's fields, taken out one by one.
struct Fields(Map<String, Value>);

impl Fields {
    fn field<T: DeserializeOwned>(&mut self, name: &'static str) -> Result<T, serde_json::Error> {
        match self.0.remove(name) {
            Some(value) => T::deserialize(value),
            None => Err(serde::de::Error::missing_field(name)),
        }
    }

    fn by(&mut self) -> Result<Option<Persona>, serde_json::Error> {
        self.0
            .remove("by")
            .map_or(Ok(None), Option::<Persona>::deserialize)
    }

    fn event(&mut self, tag: &str) -> Result<Event, serde_json::Error> {
        Ok(match tag {
            "contactRequestSent" => Event::ContactRequestSent {
                at: self.field("at")?,
                by: self.by()?,
                request: self.field("request")?,
            },
            "contactRequestStatusChanged" => Event::ContactRequestStatusChanged {
                at: self.field("at")?,
                by: self.by()?,
                request_id: self.field("requestId")?,
                status: self.field("status")?,
            },
            "partnerAdded" => Event::PartnerAdded {
                at: self.field("at")?,
                by: self.by()?,
                partner: self.field("partner")?,
            },
            "invitationIssued" => Event::InvitationIssued {
                at: self.field("at")?,
                by: self.by()?,
                invitation: self.field("invitation")?,
            },
            "invitationAccepted" => Event::InvitationAccepted {
                at: self.field("at")?,
                by: self.by()?,
                invitation_id: self.field("invitationId")?,
                partner_id: self.field("partnerId")?,
            },
            "invitationDeclined" => Event::InvitationDeclined {
                at: self.field("at")?,
                by: self.by()?,
                invitation_id: self.field("invitationId")?,
                partner_id: self.field("partnerId")?,
            },
            "invitationExpired" => Event::InvitationExpired {
                at: self.field("at")?,
                by: self.by()?,
                invitation_id: self.field("invitationId")?,
                partner_id: self.field("partnerId")?,
            },
            "agreementAccepted" => Event::AgreementAccepted {
                at: self.field("at")?,
                by: self.by()?,
                partner_id: self.field("partnerId")?,
            },
            "partnerTypesChanged" => Event::PartnerTypesChanged {
                at: self.field("at")?,
                by: self.by()?,
                partner_id: self.field("partnerId")?,
                types: self.field("types")?,
            },
            "legacyRolesGranted" => Event::LegacyRolesGranted {
                at: self.field("at")?,
                by: self.by()?,
                partner_id: self.field("partnerId")?,
                roles: self.field("roles")?,
            },
            "legacyRolesRemoved" => Event::LegacyRolesRemoved {
                at: self.field("at")?,
                by: self.by()?,
                partner_id: self.field("partnerId")?,
            },
            "relationshipCreated" => Event::RelationshipCreated {
                at: self.field("at")?,
                by: self.by()?,
                relationship: self.field("relationship")?,
            },
            "relationshipExtended" => Event::RelationshipExtended {
                at: self.field("at")?,
                by: self.by()?,
                relationship_id: self.field("relationshipId")?,
                end_date_time: self.field("endDateTime")?,
            },
            "relationshipExpired" => Event::RelationshipExpired {
                at: self.field("at")?,
                by: self.by()?,
                relationship_id: self.field("relationshipId")?,
            },
            "relationshipTerminated" => Event::RelationshipTerminated {
                at: self.field("at")?,
                by: self.by()?,
                relationship_id: self.field("relationshipId")?,
            },
            "noticeRaised" => Event::NoticeRaised {
                at: self.field("at")?,
                by: self.by()?,
                notice: self.field("notice")?,
            },
            "purchaseVisibilitySet" => Event::PurchaseVisibilitySet {
                at: self.field("at")?,
                by: self.by()?,
                allowed: self.field("allowed")?,
            },
            "clockAdvanced" => Event::ClockAdvanced {
                at: self.field("at")?,
                by: self.by()?,
                from: self.field("from")?,
                to: self.field("to")?,
            },
            "accessReviewed" => Event::AccessReviewed {
                at: self.field("at")?,
                by: self.by()?,
                partners: self.field("partners")?,
                flags: self.field("flags")?,
            },
            "invitationImported" => Event::InvitationImported {
                at: self.field("at")?,
                by: self.by()?,
                invitation: self.field("invitation")?,
            },
            "relationshipImported" => Event::RelationshipImported {
                at: self.field("at")?,
                by: self.by()?,
                relationship: self.field("relationship")?,
            },
            _ => return Err(serde::de::Error::unknown_variant(tag, VARIANTS)),
        })
    }
}

/// Every `type`, for the error that names an unknown one.
const VARIANTS: &[&str] = &[
    "contactRequestSent",
    "contactRequestStatusChanged",
    "partnerAdded",
    "invitationIssued",
    "invitationAccepted",
    "invitationDeclined",
    "invitationExpired",
    "agreementAccepted",
    "partnerTypesChanged",
    "legacyRolesGranted",
    "legacyRolesRemoved",
    "relationshipCreated",
    "relationshipExtended",
    "relationshipExpired",
    "relationshipTerminated",
    "noticeRaised",
    "purchaseVisibilitySet",
    "clockAdvanced",
    "accessReviewed",
    "invitationImported",
    "relationshipImported",
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RoleDefinitionId;

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    /// One event of every variant, filled from the demo organization.
    fn every_event() -> Vec<Event> {
        let state = crate::demo::demo_state(at("2026-11-23T04:42:18Z"));
        let when = at("2026-11-24T10:00:00Z");
        let by = Some(Persona::default());
        let id = || "p-1".to_string();
        vec![
            Event::ContactRequestSent {
                at: when,
                by,
                request: state.contact_requests[0].clone(),
            },
            Event::ContactRequestStatusChanged {
                at: when,
                by: None,
                request_id: id(),
                status: ContactRequestStatus::Contacted,
            },
            Event::PartnerAdded {
                at: when,
                by,
                partner: state.partners[0].clone(),
            },
            Event::InvitationIssued {
                at: when,
                by,
                invitation: state.invitations[0].clone(),
            },
            Event::InvitationAccepted {
                at: when,
                by,
                invitation_id: id(),
                partner_id: id(),
            },
            Event::InvitationDeclined {
                at: when,
                by,
                invitation_id: id(),
                partner_id: id(),
            },
            Event::InvitationExpired {
                at: when,
                by: None,
                invitation_id: id(),
                partner_id: id(),
            },
            Event::AgreementAccepted {
                at: when,
                by,
                partner_id: id(),
            },
            Event::PartnerTypesChanged {
                at: when,
                by,
                partner_id: id(),
                types: vec![PartnerType::Advisor, PartnerType::IndirectReseller],
            },
            Event::LegacyRolesGranted {
                at: when,
                by,
                partner_id: id(),
                roles: vec![RoleDefinitionId::new(crate::roles::GLOBAL_ADMINISTRATOR)],
            },
            Event::LegacyRolesRemoved {
                at: when,
                by,
                partner_id: id(),
            },
            Event::RelationshipCreated {
                at: when,
                by,
                relationship: state.relationships[0].clone(),
            },
            Event::RelationshipExtended {
                at: when,
                by: None,
                relationship_id: id(),
                end_date_time: at("2027-11-24T10:00:00Z"),
            },
            Event::RelationshipExpired {
                at: when,
                by: None,
                relationship_id: id(),
            },
            Event::RelationshipTerminated {
                at: when,
                by,
                relationship_id: id(),
            },
            Event::NoticeRaised {
                at: when,
                by: None,
                notice: state.notices[0].clone(),
            },
            Event::PurchaseVisibilitySet {
                at: when,
                by,
                allowed: true,
            },
            Event::ClockAdvanced {
                at: when,
                by,
                from: at("2026-11-23T04:42:18Z"),
                to: when,
            },
            Event::AccessReviewed {
                at: when,
                by,
                partners: 5,
                flags: 9,
            },
            Event::InvitationImported {
                at: when,
                by,
                invitation: state.invitations[0].clone(),
            },
            Event::RelationshipImported {
                at: when,
                by,
                relationship: state.relationships[0].clone(),
            },
        ]
    }

    #[test]
    fn every_event_reads_back_as_written() {
        let events = every_event();
        let text = serde_json::to_string(&events).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Event>>(&text).unwrap(), events);
        let value = serde_json::to_value(&events).unwrap();
        assert_eq!(serde_json::from_value::<Vec<Event>>(value).unwrap(), events);
    }

    #[test]
    fn the_type_names_the_variant_and_may_come_anywhere() {
        let text = r#"{"at":"2026-11-24T10:00:00Z","by":null,"type":"relationshipExpired","relationshipId":"r-1"}"#;
        assert_eq!(
            serde_json::from_str::<Event>(text).unwrap(),
            Event::RelationshipExpired {
                at: at("2026-11-24T10:00:00Z"),
                by: None,
                relationship_id: "r-1".to_string(),
            }
        );
    }

    #[test]
    fn stored_events_without_by_or_with_newer_fields_still_read() {
        let text = r#"{"type":"agreementAccepted","at":"2026-11-24T10:00:00Z","partnerId":"p-1","addedLater":[1,2]}"#;
        assert_eq!(
            serde_json::from_str::<Event>(text).unwrap(),
            Event::AgreementAccepted {
                at: at("2026-11-24T10:00:00Z"),
                by: None,
                partner_id: "p-1".to_string(),
            }
        );
    }

    #[test]
    fn a_refused_event_says_what_is_wrong() {
        let error = |text: &str| serde_json::from_str::<Event>(text).unwrap_err().to_string();
        assert!(
            error(r#"{"type":"agreementAccepted","at":"2026-11-24T10:00:00Z"}"#)
                .starts_with("missing field `partnerId`")
        );
        assert!(error(r#"{"type":"relationshipVanished"}"#).starts_with(
            "unknown variant `relationshipVanished`, expected one of `contactRequestSent`"
        ));
        assert!(error(
            r#"{"type":"accessReviewed","at":"2026-11-24T10:00:00Z","partners":-1,"flags":0}"#
        )
        .starts_with("invalid value: integer `-1`, expected u32"));
    }

    #[test]
    fn an_event_without_a_known_type_is_refused() {
        for text in [
            r#"{"at":"2026-11-24T10:00:00Z","relationshipId":"r-1"}"#,
            r#"{"type":7,"at":"2026-11-24T10:00:00Z","relationshipId":"r-1"}"#,
            r#"{"type":"relationshipVanished","at":"2026-11-24T10:00:00Z"}"#,
            r#"{"type":"relationshipExpired","at":"yesterday","relationshipId":"r-1"}"#,
            r#"["relationshipExpired"]"#,
            "null",
        ] {
            assert!(serde_json::from_str::<Event>(text).is_err(), "{text}");
        }
    }
}
