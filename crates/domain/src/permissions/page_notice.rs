//! What a persona may and may not do on a page, said once at its top (and
//! the same sentence beside a control it may not use): viewing needs
//! nothing, the customer steps a Billing Administrator, admin roles a
//! Global Administrator.

use super::{allows, Action};
use crate::Persona;

/// What a page shows, for "you can view …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Subject {
    /// Settings › Partner relationships.
    PartnerList,
    /// One partner's page.
    Partner,
    /// Find a partner and the contact form.
    Directory,
    /// Billing's sections.
    Billing,
}

impl Subject {
    fn words(self) -> &'static str {
        match self {
            Subject::PartnerList => "your partners",
            Subject::Partner => "this partner",
            Subject::Directory => "the partner directory",
            Subject::Billing => "billing",
        }
    }
}

/// Who may do `action`, as an admin is told to find one.
fn who_may(action: Action) -> &'static str {
    if allows(Persona::BillingAdministrator, action) {
        "a Billing Administrator or Global Administrator"
    } else {
        "a Global Administrator"
    }
}

/// One notice for the page: `None` when `persona` may do every action the
/// page offers (`actions`).
pub fn page_notice(persona: Persona, subject: Subject, actions: &[Action]) -> Option<String> {
    page_notice_as(persona, persona.label(), subject, actions)
}

/// `page_notice` naming whoever is signed in as `signed_in_as`: a server
/// that signs people in names their directory role ("Global Reader"),
/// which carries `persona`'s permissions.
pub fn page_notice_as(
    persona: Persona,
    signed_in_as: &str,
    subject: Subject,
    actions: &[Action],
) -> Option<String> {
    let (may, may_not): (Vec<Action>, Vec<Action>) =
        actions.iter().copied().partition(|a| allows(persona, *a));
    if may_not.is_empty() {
        return None;
    }
    let view = format!("view {}", subject.words());
    let mut can: Vec<&str> = vec![view.as_str()];
    can.extend(may.iter().map(|a| a.label()));
    let mut out = if may.is_empty() {
        format!("Signed in as {signed_in_as}, you can {view} but not change anything here.")
    } else {
        format!(
            "Signed in as {signed_in_as}, you can {}.",
            join(&can, "and")
        )
    };
    // Grouped by who may, the wider group first: one sentence each.
    for who in [
        "a Billing Administrator or Global Administrator",
        "a Global Administrator",
    ] {
        let these: Vec<&str> = may_not
            .iter()
            .filter(|a| who_may(**a) == who)
            .map(|a| a.label())
            .collect();
        if !these.is_empty() {
            out.push(' ');
            out.push_str(&needs(&join(&these, "or"), who));
        }
    }
    Some(out)
}

/// Beside a control `persona` may not use: the same words as the page's
/// notice, plus who is signed in. `None` when the persona may.
pub fn refusal(persona: Persona, action: Action) -> Option<String> {
    refusal_as(persona, persona.label(), action)
}

/// `refusal` naming whoever is signed in as `signed_in_as`.
pub fn refusal_as(persona: Persona, signed_in_as: &str, action: Action) -> Option<String> {
    (!allows(persona, action)).then(|| {
        format!(
            "{} You're signed in as {signed_in_as}.",
            needs(action.label(), who_may(action))
        )
    })
}

fn needs(what: &str, who: &str) -> String {
    format!("To {what}, you need to be {who}.")
}

/// "a", "a and b", "a, b and c".
fn join(items: &[&str], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PARTNER_PAGE: [Action; 3] = [
        Action::AcceptAgreement,
        Action::SetPurchaseVisibility,
        Action::RemoveRoles,
    ];

    fn partner_page(persona: Persona) -> Option<String> {
        page_notice(persona, Subject::Partner, &PARTNER_PAGE)
    }

    #[test]
    fn a_global_administrator_gets_no_notice() {
        assert_eq!(partner_page(Persona::GlobalAdministrator), None);
        assert_eq!(
            page_notice(
                Persona::GlobalAdministrator,
                Subject::PartnerList,
                &PARTNER_PAGE
            ),
            None
        );
    }

    #[test]
    fn a_billing_administrator_is_told_what_it_may_do_and_that_roles_need_a_global_administrator() {
        assert_eq!(
            partner_page(Persona::BillingAdministrator).unwrap(),
            "Signed in as Billing Administrator, you can view this partner, accept the customer agreement and set purchase visibility. To remove partner admin roles, you need to be a Global Administrator."
        );
    }

    #[test]
    fn read_only_personas_hear_the_whole_rule_once() {
        for persona in [
            Persona::HelpdeskAdministrator,
            Persona::User,
            Persona::PartnerOnBehalf,
        ] {
            assert_eq!(
                partner_page(persona).unwrap(),
                format!(
                    "Signed in as {}, you can view this partner but not change anything here. To accept the customer agreement or set purchase visibility, you need to be a Billing Administrator or Global Administrator. To remove partner admin roles, you need to be a Global Administrator.",
                    persona.label()
                )
            );
        }
        assert_eq!(
            page_notice(Persona::User, Subject::PartnerList, &PARTNER_PAGE).unwrap(),
            "Signed in as User (no admin role), you can view your partners but not change anything here. To accept the customer agreement or set purchase visibility, you need to be a Billing Administrator or Global Administrator. To remove partner admin roles, you need to be a Global Administrator."
        );
    }

    #[test]
    fn a_page_without_the_refused_action_says_nothing_about_it() {
        let agreement_only = [Action::AcceptAgreement];
        assert_eq!(
            page_notice(
                Persona::BillingAdministrator,
                Subject::Partner,
                &agreement_only
            ),
            None
        );
    }

    #[test]
    fn the_refusal_beside_a_control_uses_the_notice_s_words() {
        for persona in Persona::ALL {
            let refused = refusal(persona, Action::RemoveRoles);
            if persona == Persona::GlobalAdministrator {
                assert_eq!(refused, None);
                continue;
            }
            let refused = refused.unwrap();
            assert!(
                refused.starts_with(
                    "To remove partner admin roles, you need to be a Global Administrator."
                ),
                "{refused}"
            );
            assert!(refused.ends_with(&format!("You're signed in as {}.", persona.label())));
            assert!(partner_page(persona)
                .unwrap()
                .contains("To remove partner admin roles, you need to be a Global Administrator."));
        }
        assert_eq!(
            refusal(Persona::BillingAdministrator, Action::SetPurchaseVisibility),
            None
        );
    }

    #[test]
    fn the_directory_and_billing_name_what_needs_a_billing_administrator() {
        assert_eq!(
            page_notice(
                Persona::HelpdeskAdministrator,
                Subject::Directory,
                &[Action::ContactPartners]
            )
            .unwrap(),
            "Signed in as Helpdesk Administrator, you can view the partner directory but not change anything here. To contact partners, you need to be a Billing Administrator or Global Administrator."
        );
        assert_eq!(
            page_notice(
                Persona::User,
                Subject::Billing,
                &[Action::AcceptAgreement, Action::Purchase]
            )
            .unwrap(),
            "Signed in as User (no admin role), you can view billing but not change anything here. To accept the customer agreement or purchase services, you need to be a Billing Administrator or Global Administrator."
        );
        assert_eq!(
            page_notice(
                Persona::BillingAdministrator,
                Subject::Directory,
                &[Action::ContactPartners]
            ),
            None
        );
    }

    #[test]
    fn a_signed_in_role_is_named_as_the_directory_names_it() {
        let notice = page_notice_as(
            Persona::User,
            "Global Reader",
            Subject::Partner,
            &[Action::RemoveRoles],
        );
        assert_eq!(
            notice.as_deref(),
            Some("Signed in as Global Reader, you can view this partner but not change anything here. To remove partner admin roles, you need to be a Global Administrator.")
        );
        assert_eq!(
            refusal_as(Persona::User, "Global Reader", Action::RemoveRoles).as_deref(),
            Some("To remove partner admin roles, you need to be a Global Administrator. You're signed in as Global Reader.")
        );
        assert_eq!(
            refusal_as(
                Persona::GlobalAdministrator,
                "Global Administrator",
                Action::RemoveRoles
            ),
            None
        );
    }
}
