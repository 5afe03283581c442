//! Why a command was refused, in a sentence an admin understands.

use serde::Serialize;
use thiserror::Error;

use crate::permissions::Action;
use crate::{FieldError, Persona, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize)]
#[serde(
    tag = "code",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum DomainError {
    #[error("{}", not_permitted(*persona, *action))]
    NotPermitted { persona: Persona, action: Action },

    #[error("There is no invitation “{invitation_id}”. Check the link in the partner's email.")]
    InvitationNotFound { invitation_id: String },
    #[error(
        "This invitation has expired: invitations last 90 days. Ask the partner to send a new one."
    )]
    InvitationExpired { invitation_id: String },
    #[error("This invitation has already been accepted.")]
    InvitationAlreadyAccepted { invitation_id: String },
    #[error(
        "This invitation was cancelled. Ask the partner to send a new one if you change your mind."
    )]
    InvitationDeclined { invitation_id: String },
    #[error("Confirm that you have read the Microsoft Customer Agreement first.")]
    AgreementNotAcknowledged,
    #[error("The Microsoft Customer Agreement for {partner_name} is already accepted.")]
    AgreementAlreadySigned {
        partner_id: String,
        partner_name: String,
    },
    #[error("{partner_name} still holds delegated admin roles (Global Administrator and Helpdesk Administrator). Remove those roles before you approve a GDAP relationship.")]
    LegacyRolesMustBeRemovedFirst {
        partner_id: String,
        partner_name: String,
    },
    #[error("Auto-extend can't be on when Global Administrator is among the roles.")]
    AutoExtendWithGlobalAdministrator,
    #[error(
        "Access must last from 1 day (P1D) to 2 years (P2Y); {duration} is outside that range."
    )]
    DurationOutOfRange { duration: String },
    #[error("Auto-extend can only be off (PT0S) or 180 days (P180D), not {value}.")]
    AutoExtendNotAllowed { value: String },
    #[error("{partner_name} has no admin roles to remove. To end the relationship, contact the partner's support.")]
    NoRolesToRemove {
        partner_id: String,
        partner_name: String,
    },
    #[error("There is no partner “{partner_id}” in your partner relationships.")]
    PartnerNotFound { partner_id: String },
    #[error("This relationship is {status} and can't be changed or restored.")]
    RelationshipIsFinal {
        relationship_id: String,
        status: String,
    },

    #[error("{}", contact_summary(errors))]
    InvalidContactRequest { errors: Vec<FieldError> },
    #[error("Select at least one partner to contact.")]
    NoPartnersSelected,
    #[error("Select at most {max} partners for one request.")]
    TooManyPartnersSelected { max: usize },

    #[error(
        "“{id}” can't be used as an id: use 1 to 128 letters, digits, dots, dashes or underscores."
    )]
    InvalidId { id: String },
    #[error("An invitation with the id “{invitation_id}” already exists.")]
    InvitationIdTaken { invitation_id: String },
    #[error("Enter the partner's name: 1 to 200 characters, with no control characters.")]
    MissingPartnerName,
    #[error("A GDAP request must ask for at least one admin role.")]
    NoRolesRequested,
    #[error("A request can ask for at most {max} roles.")]
    TooManyRoles { max: usize },
    #[error(
        "One invitation can ask for delegated admin roles or for a GDAP relationship, not both."
    )]
    LegacyAndGranularTogether,
    #[error("The relationship name must have 1 to 50 characters.")]
    InvalidDisplayName,

    #[error("Purchase visibility only applies when you work with at least two MPSA partners.")]
    NotEnoughPurchasingPartners,
    #[error("The demo clock can't go back: it is {now} and you asked for {to}.")]
    ClockCannotGoBack { now: Timestamp, to: Timestamp },
    #[error("The demo clock can move at most {max_years} years at a time.")]
    ClockStepTooLarge { max_years: u32 },

    #[error("There is nothing to import: the JSON holds no relationships.")]
    NothingToImport,
    #[error("A partner named {partner_name} is already in your partner relationships: choose it in the list instead of adding it again.")]
    PartnerNameTaken { partner_name: String },
    #[error("Relationship {position} (“{relationship_id}”): {reason} Nothing was imported.")]
    ImportRefused {
        position: usize,
        relationship_id: String,
        reason: String,
    },
}

impl DomainError {
    /// A stable code for APIs and tests; the same as the `code` field of the
    /// serialized error.
    pub fn code(&self) -> &'static str {
        match self {
            DomainError::NotPermitted { .. } => "notPermitted",
            DomainError::InvitationNotFound { .. } => "invitationNotFound",
            DomainError::InvitationExpired { .. } => "invitationExpired",
            DomainError::InvitationAlreadyAccepted { .. } => "invitationAlreadyAccepted",
            DomainError::InvitationDeclined { .. } => "invitationDeclined",
            DomainError::AgreementNotAcknowledged => "agreementNotAcknowledged",
            DomainError::AgreementAlreadySigned { .. } => "agreementAlreadySigned",
            DomainError::LegacyRolesMustBeRemovedFirst { .. } => "legacyRolesMustBeRemovedFirst",
            DomainError::AutoExtendWithGlobalAdministrator => "autoExtendWithGlobalAdministrator",
            DomainError::DurationOutOfRange { .. } => "durationOutOfRange",
            DomainError::AutoExtendNotAllowed { .. } => "autoExtendNotAllowed",
            DomainError::NoRolesToRemove { .. } => "noRolesToRemove",
            DomainError::PartnerNotFound { .. } => "partnerNotFound",
            DomainError::RelationshipIsFinal { .. } => "relationshipIsFinal",
            DomainError::InvalidContactRequest { .. } => "invalidContactRequest",
            DomainError::NoPartnersSelected => "noPartnersSelected",
            DomainError::TooManyPartnersSelected { .. } => "tooManyPartnersSelected",
            DomainError::InvalidId { .. } => "invalidId",
            DomainError::InvitationIdTaken { .. } => "invitationIdTaken",
            DomainError::MissingPartnerName => "missingPartnerName",
            DomainError::NoRolesRequested => "noRolesRequested",
            DomainError::TooManyRoles { .. } => "tooManyRoles",
            DomainError::LegacyAndGranularTogether => "legacyAndGranularTogether",
            DomainError::InvalidDisplayName => "invalidDisplayName",
            DomainError::NotEnoughPurchasingPartners => "notEnoughPurchasingPartners",
            DomainError::ClockCannotGoBack { .. } => "clockCannotGoBack",
            DomainError::ClockStepTooLarge { .. } => "clockStepTooLarge",
            DomainError::NothingToImport => "nothingToImport",
            DomainError::PartnerNameTaken { .. } => "partnerNameTaken",
            DomainError::ImportRefused { .. } => "importRefused",
        }
    }

    /// A refusal for lack of rights (HTTP 403), as opposed to a rule.
    pub fn is_not_permitted(&self) -> bool {
        matches!(self, DomainError::NotPermitted { .. })
    }

    /// Something named by the command does not exist (HTTP 404).
    pub fn is_not_found(&self) -> bool {
        matches!(
            self,
            DomainError::InvitationNotFound { .. } | DomainError::PartnerNotFound { .. }
        )
    }
}

fn not_permitted(persona: Persona, action: Action) -> String {
    if persona == Persona::PartnerOnBehalf {
        return format!(
            "A partner signed in on behalf of the customer can't {} here. Use Partner Center instead.",
            action.label()
        );
    }
    if action.concerns_admin_roles() {
        "Only a Global Administrator can grant or remove partner admin roles.".to_string()
    } else if action == Action::MarkAccessReviewed {
        "Only a Global Administrator can mark partner access as reviewed: it signs off every partner's admin roles.".to_string()
    } else {
        "You must be at least a Billing Administrator to do this.".to_string()
    }
}

fn contact_summary(errors: &[FieldError]) -> String {
    crate::ContactFormErrors(errors.to_vec()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_billing_step_refused_says_billing_administrator_is_needed() {
        let e = DomainError::NotPermitted {
            persona: Persona::HelpdeskAdministrator,
            action: Action::AcceptAgreement,
        };
        assert_eq!(
            e.to_string(),
            "You must be at least a Billing Administrator to do this."
        );
    }

    #[test]
    fn granting_roles_refused_says_only_a_global_administrator_can() {
        let e = DomainError::NotPermitted {
            persona: Persona::BillingAdministrator,
            action: Action::GrantAdminRoles,
        };
        assert_eq!(
            e.to_string(),
            "Only a Global Administrator can grant or remove partner admin roles."
        );
    }

    #[test]
    fn errors_serialize_with_their_code() {
        let json = serde_json::to_value(DomainError::NoPartnersSelected).unwrap();
        assert_eq!(json["code"], "noPartnersSelected");
    }
}
