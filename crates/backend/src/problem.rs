//! RFC 9457 problem details: the JSON body of every error answer, and the
//! HTTP status each refusal of the engine maps to.

use axum::http::StatusCode;
use domain::DomainError;
use serde_json::{json, Map, Value};

/// The media type of a problem answer.
pub const CONTENT_TYPE: &str = "application/problem+json";

/// A problem body: the standard members, our stable `code`, and extension
/// members that never overwrite those.
pub fn body(status: StatusCode, code: &str, detail: &str, extra: Map<String, Value>) -> Value {
    let mut problem = json!({
        "type": format!("urn:partner-console:problem:{code}"),
        "title": status.canonical_reason().unwrap_or("Error"),
        "status": status.as_u16(),
        "detail": detail,
        "code": code,
    });
    if let Value::Object(members) = &mut problem {
        for (name, value) in extra {
            members.entry(name).or_insert(value);
        }
    }
    problem
}

/// The engine's refusal as a problem: its sentence as `detail`, its fields
/// (the form's field errors, the invitation id…) as extension members.
pub fn of_domain(error: &DomainError) -> (StatusCode, Value) {
    let status = status_of(error);
    let extra = match serde_json::to_value(error) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    };
    (
        status,
        body(status, error.code(), &error.to_string(), extra),
    )
}

/// 403 for rights, 404 for what does not exist, 409 for what the current
/// state forbids (another state may allow it), 422 for input no state
/// would accept. Exhaustive, so a new refusal must be placed here.
pub fn status_of(error: &DomainError) -> StatusCode {
    use DomainError as E;
    match error {
        E::NotPermitted { .. } => StatusCode::FORBIDDEN,
        E::InvitationNotFound { .. } | E::PartnerNotFound { .. } => StatusCode::NOT_FOUND,
        E::InvitationExpired { .. }
        | E::InvitationAlreadyAccepted { .. }
        | E::InvitationDeclined { .. }
        | E::AgreementAlreadySigned { .. }
        | E::LegacyRolesMustBeRemovedFirst { .. }
        | E::NoRolesToRemove { .. }
        | E::RelationshipIsFinal { .. }
        | E::InvitationIdTaken { .. }
        | E::NotEnoughPurchasingPartners
        | E::ClockCannotGoBack { .. }
        | E::PartnerNameTaken { .. } => StatusCode::CONFLICT,
        E::AgreementNotAcknowledged
        | E::AutoExtendWithGlobalAdministrator
        | E::DurationOutOfRange { .. }
        | E::AutoExtendNotAllowed { .. }
        | E::InvalidContactRequest { .. }
        | E::NoPartnersSelected
        | E::TooManyPartnersSelected { .. }
        | E::InvalidId { .. }
        | E::MissingPartnerName
        | E::NoRolesRequested
        | E::TooManyRoles { .. }
        | E::LegacyAndGranularTogether
        | E::InvalidDisplayName
        | E::ClockStepTooLarge { .. }
        | E::NothingToImport
        | E::ImportRefused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use domain::{Action, Persona};

    #[test]
    fn a_refusal_for_rights_is_forbidden_and_says_why() {
        let error = DomainError::NotPermitted {
            persona: Persona::User,
            action: Action::RemoveRoles,
        };
        let (status, body) = of_domain(&error);
        assert_eq!(status, StatusCode::FORBIDDEN);
        assert_eq!(body["code"], "notPermitted");
        assert_eq!(body["status"], 403);
        assert_eq!(body["persona"], "user");
        assert_eq!(body["detail"], error.to_string());
    }

    #[test]
    fn extension_members_never_replace_the_standard_ones() {
        let mut extra = Map::new();
        extra.insert("status".into(), json!(200));
        let body = body(StatusCode::CONFLICT, "x", "d", extra);
        assert_eq!(body["status"], 409);
    }
}
