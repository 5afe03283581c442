//! Who may do what. Deny by default: each persona lists what it may do and
//! everything else is refused. The UI only mirrors these answers; every
//! command is checked here again, in the browser and in the backend.

mod action;
mod page_notice;

pub use action::Action;
pub use page_notice::{page_notice, page_notice_as, refusal, refusal_as, Subject};

use crate::{Command, DomainError, Persona, State};

/// Whether `persona` may do `action` at all (the UI uses this to show or
/// hide controls).
pub fn allows(persona: Persona, action: Action) -> bool {
    use Action::*;
    // Demo tools stand in for the partner, the clock and storage; every
    // persona may use them so each flow can be tried from any seat.
    let demo_tool = matches!(action, UsePartnerSimulator | MoveDemoClock | ManageDemoData);
    let read = matches!(
        action,
        FindPartners
            | ViewRelationships
            | ViewInvitations
            | ViewActivityLog
            | ViewLicenses
            | ViewBillingNotifications
    );
    // Marking partner access reviewed signs off that every partner's admin
    // roles are what the organization wants. Only the role that can act on
    // what the review finds (remove roles, approve a least-privilege
    // request) may sign it off; anyone may read, print or download the
    // review. A partner acting on behalf must never attest its own access.
    match persona {
        Persona::GlobalAdministrator => true,
        Persona::BillingAdministrator => {
            demo_tool
                || read
                || matches!(
                    action,
                    ViewYourProducts
                        | ViewBillsAndPayments
                        | ContactPartners
                        | AcceptInvitationWithoutRoles
                        | DeclineInvitation
                        | AcceptAgreement
                        | SetPurchaseVisibility
                        | Purchase
                )
        }
        // Other admins and users see the pages read-only.
        Persona::HelpdeskAdministrator | Persona::User => {
            demo_tool || read || matches!(action, ViewYourProducts | ViewBillsAndPayments)
        }
        // A partner acting on behalf of the customer loses Purchase
        // services, Your products and Bills & payments; Licenses and Billing
        // notifications stay.
        Persona::PartnerOnBehalf => demo_tool || read,
    }
}

/// The action a command needs. Accepting an invitation needs more when it
/// carries admin roles; that is why the state is consulted.
pub fn required_action(command: &Command, state: &State) -> Action {
    match command {
        Command::SendContactRequest { .. } => Action::ContactPartners,
        Command::AcceptInvitation { invitation_id, .. } => match state.invitation(invitation_id) {
            Some(invitation) if invitation.asks_admin_roles() => Action::GrantAdminRoles,
            _ => Action::AcceptInvitationWithoutRoles,
        },
        Command::DeclineInvitation { .. } => Action::DeclineInvitation,
        Command::AcceptCustomerAgreement { .. } => Action::AcceptAgreement,
        Command::RemoveRoles { .. } => Action::RemoveRoles,
        Command::SetPurchaseVisibility { .. } => Action::SetPurchaseVisibility,
        Command::IssueInvitation { .. } => Action::UsePartnerSimulator,
        Command::AdvanceTime { .. } => Action::MoveDemoClock,
        Command::MarkAccessReviewed => Action::MarkAccessReviewed,
        // Importing records admin roles a partner holds or asks for: the
        // same rule as accepting granular access.
        Command::ImportRelationships { .. } => Action::GrantAdminRoles,
    }
}

/// Refuses a command the persona may not give, before any other rule runs.
pub fn check(persona: Persona, command: &Command, state: &State) -> Result<(), DomainError> {
    let action = required_action(command, state);
    if allows(persona, action) {
        Ok(())
    } else {
        Err(DomainError::NotPermitted { persona, action })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_global_administrator_may_grant_or_remove_admin_roles() {
        for persona in Persona::ALL {
            let expected = persona == Persona::GlobalAdministrator;
            assert_eq!(allows(persona, Action::GrantAdminRoles), expected);
            assert_eq!(allows(persona, Action::RemoveRoles), expected);
        }
    }

    #[test]
    fn a_billing_administrator_may_do_the_customer_steps_without_roles() {
        for action in [
            Action::ContactPartners,
            Action::AcceptInvitationWithoutRoles,
            Action::DeclineInvitation,
            Action::AcceptAgreement,
            Action::SetPurchaseVisibility,
            Action::Purchase,
        ] {
            assert!(allows(Persona::BillingAdministrator, action), "{action:?}");
            assert!(
                !allows(Persona::HelpdeskAdministrator, action),
                "{action:?}"
            );
            assert!(!allows(Persona::User, action), "{action:?}");
            assert!(!allows(Persona::PartnerOnBehalf, action), "{action:?}");
        }
    }

    #[test]
    fn a_partner_on_behalf_loses_purchase_products_and_bills_but_keeps_licenses() {
        let aobo = Persona::PartnerOnBehalf;
        assert!(!allows(aobo, Action::Purchase));
        assert!(!allows(aobo, Action::ViewYourProducts));
        assert!(!allows(aobo, Action::ViewBillsAndPayments));
        assert!(allows(aobo, Action::ViewLicenses));
        assert!(allows(aobo, Action::ViewBillingNotifications));
    }

    #[test]
    fn only_a_global_administrator_may_mark_partner_access_reviewed() {
        for persona in Persona::ALL {
            assert_eq!(
                allows(persona, Action::MarkAccessReviewed),
                persona == Persona::GlobalAdministrator,
                "{persona:?}"
            );
        }
        let state = State::new(crate::Timestamp::MIN);
        assert_eq!(
            required_action(&Command::MarkAccessReviewed, &state),
            Action::MarkAccessReviewed
        );
    }

    #[test]
    fn demo_tools_are_open_to_every_persona() {
        for persona in Persona::ALL {
            assert!(allows(persona, Action::UsePartnerSimulator));
            assert!(allows(persona, Action::MoveDemoClock));
            assert!(allows(persona, Action::ManageDemoData));
        }
    }
}
