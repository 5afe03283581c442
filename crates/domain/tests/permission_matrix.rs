//! Every persona against every command, and every persona against every
//! UI action: deny by default, exactly as the product brief's table says.

use domain::permissions::{self, Action};
use domain::{Command, ContactForm, DomainError, Partner, PartnerType, Persona, State, Timestamp};

use Persona::*;

fn now() -> Timestamp {
    Timestamp::parse("2026-11-23T04:42:18Z").unwrap()
}

fn form() -> ContactForm {
    ContactForm {
        country: "Canada".into(),
        city: "Toronto".into(),
        first_name: "Sam".into(),
        last_name: "Lee".into(),
        email: "sam@fourthcoffee.example".into(),
        phone: String::new(),
        organization_size: "1-9 employees".into(),
        organization_name: "Fourth Coffee".into(),
        industry: "Hospitality".into(),
        business_needs: "Email and Teams for a small café chain.".into(),
    }
}

/// Each command with the personas that may give it.
fn matrix() -> Vec<(&'static str, Command, &'static [Persona])> {
    const GLOBAL_ONLY: &[Persona] = &[GlobalAdministrator];
    const BILLING: &[Persona] = &[GlobalAdministrator, BillingAdministrator];
    const EVERYONE: &[Persona] = &Persona::ALL;
    let accept = |id: &str| Command::AcceptInvitation {
        invitation_id: id.into(),
        agreement_acknowledged: true,
    };
    vec![
        (
            "send a contact request",
            Command::SendContactRequest {
                partner_ids: vec!["p-000001".into()],
                form: form(),
            },
            BILLING,
        ),
        (
            "accept a reseller invitation",
            accept("inv-reseller"),
            BILLING,
        ),
        (
            "accept an agreement-only invitation",
            accept("inv-agreement"),
            BILLING,
        ),
        (
            "accept legacy delegated admin roles",
            accept("inv-delegated-admin"),
            GLOBAL_ONLY,
        ),
        (
            "accept an advisor invitation",
            accept("inv-advisor"),
            GLOBAL_ONLY,
        ),
        (
            "accept granular admin roles",
            accept("inv-granular-helpdesk"),
            GLOBAL_ONLY,
        ),
        (
            "decline an invitation",
            Command::DeclineInvitation {
                invitation_id: "inv-granular-helpdesk".into(),
            },
            BILLING,
        ),
        (
            "accept the customer agreement",
            Command::AcceptCustomerAgreement {
                partner_id: "wide-world-tech".into(),
                acknowledged: true,
            },
            BILLING,
        ),
        (
            "remove roles",
            Command::RemoveRoles {
                partner_id: "fabrikam-it".into(),
            },
            GLOBAL_ONLY,
        ),
        (
            "set purchase visibility",
            Command::SetPurchaseVisibility { allowed: false },
            BILLING,
        ),
        (
            "issue an invitation (partner simulator)",
            Command::IssueInvitation {
                invitation_id: None,
                partner: Partner::new("p-000010", "Graphic Design Institute"),
                relationship_types: vec![PartnerType::Reseller],
                legacy_roles: false,
                granular: None,
            },
            EVERYONE,
        ),
        (
            "advance the demo clock",
            Command::AdvanceTime {
                to: now().add_days(3),
            },
            EVERYONE,
        ),
        (
            "mark partner access as reviewed",
            Command::MarkAccessReviewed,
            GLOBAL_ONLY,
        ),
    ]
}

#[test]
fn every_persona_meets_every_command_as_the_brief_says() {
    let demo = domain::demo::demo_state(now());
    for (what, command, allowed) in matrix() {
        for persona in Persona::ALL {
            let mut state: State = demo.clone();
            let result = state.execute(&command, persona, now());
            if allowed.contains(&persona) {
                assert!(
                    result.is_ok(),
                    "{} should {what}: {result:?}",
                    persona.label()
                );
            } else {
                let Err(error) = result else {
                    panic!("{} must not {what}", persona.label());
                };
                assert!(
                    matches!(error, DomainError::NotPermitted { persona: p, .. } if p == persona),
                    "{} must be refused for lack of rights to {what}, got {error:?}",
                    persona.label()
                );
                assert_eq!(state, demo, "a refused command changes nothing");
                let message = error.to_string();
                let expected = if persona == PartnerOnBehalf {
                    "Use Partner Center instead."
                } else if matches!(command, Command::MarkAccessReviewed) {
                    "Only a Global Administrator can mark partner access as reviewed"
                } else if allowed == [GlobalAdministrator] {
                    "Only a Global Administrator can grant or remove partner admin roles."
                } else {
                    "You must be at least a Billing Administrator to do this."
                };
                assert!(message.contains(expected), "{what}: {message}");
            }
            assert_eq!(
                permissions::check(persona, &command, &demo).is_ok(),
                allowed.contains(&persona),
                "check() and execute() agree on {what} for {}",
                persona.label()
            );
        }
    }
}

#[test]
fn every_persona_meets_every_ui_action_as_the_brief_says() {
    // Columns: Global, Billing, Helpdesk, User, Partner on behalf.
    let table: &[(Action, [bool; 5])] = &[
        (Action::FindPartners, [true, true, true, true, true]),
        (Action::ViewRelationships, [true, true, true, true, true]),
        (Action::ViewInvitations, [true, true, true, true, true]),
        (Action::ViewActivityLog, [true, true, true, true, true]),
        (Action::ViewLicenses, [true, true, true, true, true]),
        (
            Action::ViewBillingNotifications,
            [true, true, true, true, true],
        ),
        (Action::ViewYourProducts, [true, true, true, true, false]),
        (
            Action::ViewBillsAndPayments,
            [true, true, true, true, false],
        ),
        (Action::ContactPartners, [true, true, false, false, false]),
        (
            Action::AcceptInvitationWithoutRoles,
            [true, true, false, false, false],
        ),
        (Action::GrantAdminRoles, [true, false, false, false, false]),
        (Action::DeclineInvitation, [true, true, false, false, false]),
        (Action::AcceptAgreement, [true, true, false, false, false]),
        (Action::RemoveRoles, [true, false, false, false, false]),
        (
            Action::SetPurchaseVisibility,
            [true, true, false, false, false],
        ),
        (Action::Purchase, [true, true, false, false, false]),
        (Action::UsePartnerSimulator, [true, true, true, true, true]),
        (Action::MoveDemoClock, [true, true, true, true, true]),
        (Action::ManageDemoData, [true, true, true, true, true]),
        // Signing off the review: who can act on what it finds.
        (
            Action::MarkAccessReviewed,
            [true, false, false, false, false],
        ),
    ];
    assert_eq!(
        table.len(),
        Action::ALL.len(),
        "every action is in the table"
    );
    for (action, expected) in table {
        for (persona, allowed) in Persona::ALL.into_iter().zip(expected) {
            assert_eq!(
                permissions::allows(persona, *action),
                *allowed,
                "{} / {action:?}",
                persona.label()
            );
        }
    }
}
