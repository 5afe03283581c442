//! The demo organization: a dozen partners in every situation the pages
//! can show, built by running the engine's own commands along a timeline,
//! so the activity log, notices and dates are exactly what the rules would
//! have produced. Deterministic: the same `now` gives the same state.

mod prng;

pub use prng::SplitMix64;

use crate::{
    roles, AgreementStatus, Command, ContactForm, Event, GranularDraft, IsoDuration, Partner,
    PartnerType, Persona, RoleDefinitionId, State, Timestamp,
};

/// Seeds the few made-up numbers (phones, partner program ids).
pub const DEMO_SEED: u64 = 0x5EED_2026;

/// The demo organization's Microsoft Entra tenant id: fixed, so an import
/// of another customer's relationship is told apart from its own.
pub const DEMO_TENANT_ID: &str = "6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c";

/// The demo organization's name, as its header says it.
pub const DEMO_ORGANIZATION_NAME: &str = "Adatum Corporation";

const HELPDESK: &str = roles::HELPDESK_ADMINISTRATOR;
const GLOBAL: &str = roles::GLOBAL_ADMINISTRATOR;
const USER_ADMIN: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const PASSWORD_ADMIN: &str = "966707d0-3269-4727-9be2-8c3a10f19b9d";
const LICENSE_ADMIN: &str = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";
const SERVICE_SUPPORT: &str = "f023fd81-a637-4b56-95fd-791ac0226033";
const EXCHANGE_ADMIN: &str = "29232cdf-9323-42fd-ade2-1d097af3e4de";
const SHAREPOINT_ADMIN: &str = "f28a1f50-f6e7-4571-818b-6a12f2af6b6c";
const TEAMS_ADMIN: &str = "69091246-20e8-4a56-aa4d-066075b2a7a8";
const INTUNE_ADMIN: &str = "3a2c62db-5318-420d-8d74-23affee5d9d5";
const SECURITY_ADMIN: &str = "194ae4cb-b126-40b2-bd5b-6091b380977d";
const SECURITY_READER: &str = "5d6b6bb7-de71-4623-b4af-96380a352509";
const REPORTS_READER: &str = "4a5d8f65-41da-4de4-8968-e035b65339cf";

/// The demo state as of `now`.
pub fn demo_state(now: Timestamp) -> State {
    let mut demo = Demo {
        state: State::new(now.add_days(-800)),
        rng: SplitMix64::new(DEMO_SEED),
        now,
    };
    demo.history();
    demo.pending_invitations();
    demo.contact_requests();
    demo.move_to(0);
    demo.state.tenant_id = Some(DEMO_TENANT_ID.to_string());
    demo.state.organization_name = Some(DEMO_ORGANIZATION_NAME.to_string());
    demo.state
}

struct Demo {
    state: State,
    rng: SplitMix64,
    now: Timestamp,
}

use PartnerType as T;
use Persona::{BillingAdministrator as Billing, GlobalAdministrator as Global};

impl Demo {
    /// Relationships you already have, from two years ago to today.
    fn history(&mut self) {
        let fabrikam = self.partner(
            "fabrikam-it",
            "Fabrikam IT Services",
            "fabrikam-it",
            "Chicago",
            "United States",
        );
        self.invite(
            -790,
            "inv-fabrikam-dap",
            &fabrikam,
            &[T::ResellerAndDelegatedAdministrator],
            None,
        );
        self.accept(-788, "inv-fabrikam-dap", Global);

        let proseware = self.partner(
            "proseware-advisors",
            "Proseware Advisors",
            "proseware",
            "Toronto",
            "Canada",
        );
        self.invite(
            -600,
            "inv-proseware-advisor",
            &proseware,
            &[T::Advisor],
            None,
        );
        self.accept(-598, "inv-proseware-advisor", Global);

        let trey = self.partner(
            "trey-licensing",
            "Trey Research Licensing",
            "treyresearch",
            "Dublin",
            "Ireland",
        );
        self.invite(-500, "inv-trey-mpsa", &trey, &[T::MpsaPartner], None);
        self.accept(-499, "inv-trey-mpsa", Billing);
        let fourth = self.partner(
            "fourth-coffee-licensing",
            "Fourth Coffee Licensing",
            "fourthcoffee",
            "Seattle",
            "United States",
        );
        self.invite(
            -480,
            "inv-fourth-coffee-mpsa",
            &fourth,
            &[T::MpsaPartner, T::Reseller],
            None,
        );
        self.accept(-478, "inv-fourth-coffee-mpsa", Billing);
        let woodgrove = self.partner(
            "woodgrove-licensing",
            "Woodgrove Volume Licensing",
            "woodgrove",
            "London",
            "United Kingdom",
        );
        self.invite(
            -470,
            "inv-woodgrove-mpsa",
            &woodgrove,
            &[T::MpsaPartner],
            None,
        );
        self.accept(-468, "inv-woodgrove-mpsa", Billing);
        self.run(
            -465,
            Command::SetPurchaseVisibility { allowed: true },
            Billing,
        );

        // A reseller from before agreements were asked for: it is on the
        // list, but its customer agreement has never been signed.
        self.move_to(-420);
        let mut wide_world = self.partner(
            "wide-world-tech",
            "Wide World Importers Tech",
            "wideworldimporters",
            "Sydney",
            "Australia",
        );
        wide_world.types = vec![T::Reseller];
        wide_world.agreement = AgreementStatus::NotSigned;
        self.state.partners.push(wide_world);

        let contoso = self.partner(
            "contoso-cloud",
            "Contoso Cloud Partners",
            "contoso-cloud",
            "Redmond",
            "United States",
        );
        self.invite(-410, "inv-accepted", &contoso, &[T::Reseller], None);
        self.accept(-405, "inv-accepted", Billing);

        let wingtip = self.partner(
            "wingtip-devices",
            "Wingtip Devices",
            "wingtiptoys",
            "Austin",
            "United States",
        );
        self.invite(-400, "inv-wingtip-oem", &wingtip, &[T::Oem], None);
        self.accept(-399, "inv-wingtip-oem", Billing);

        // Ends in 5 days: one year of access approved 360 days ago.
        let tailspin = self.partner(
            "tailspin-toys",
            "Tailspin Toys Solutions",
            "tailspintoys",
            "Manchester",
            "United Kingdom",
        );
        let draft = granular(
            "Tailspin managed helpdesk",
            "P365D",
            false,
            &[HELPDESK, USER_ADMIN, SERVICE_SUPPORT],
        );
        self.invite(
            -362,
            "inv-tailspin-gdap",
            &tailspin,
            &[T::Reseller],
            Some(draft),
        );
        self.accept(-360, "inv-tailspin-gdap", Global);

        // Expired 120 days ago.
        let adventure = self.partner(
            "adventure-works",
            "Adventure Works Consulting",
            "adventure-works",
            "Munich",
            "Germany",
        );
        let draft = granular(
            "Adventure Works mail migration",
            "P180D",
            false,
            &[EXCHANGE_ADMIN, TEAMS_ADMIN],
        );
        self.invite(
            -305,
            "inv-adventure-gdap",
            &adventure,
            &[T::Reseller],
            Some(draft),
        );
        self.accept(-300, "inv-adventure-gdap", Global);

        // Auto-extend on: renewed once already.
        let alpine = self.partner(
            "alpine-ski-house",
            "Alpine Ski House IT",
            "alpineskihouse",
            "Zurich",
            "Switzerland",
        );
        let draft = granular(
            "Alpine support and licensing",
            "P180D",
            true,
            &[SERVICE_SUPPORT, REPORTS_READER, LICENSE_ADMIN],
        );
        self.invite(-255, "inv-alpine-gdap", &alpine, &[], Some(draft));
        self.accept(-250, "inv-alpine-gdap", Global);

        // Terminated: its roles were removed 60 days ago.
        let litware = self.partner(
            "litware-security",
            "Litware Security",
            "litware",
            "Amsterdam",
            "Netherlands",
        );
        let draft = granular(
            "Litware security operations",
            "P730D",
            false,
            &[SECURITY_ADMIN, SECURITY_READER],
        );
        self.invite(-250, "inv-litware-gdap", &litware, &[], Some(draft));
        self.accept(-245, "inv-litware-gdap", Global);

        // Active for a long while yet.
        let northwind = self.partner(
            "northwind-traders",
            "Northwind Traders",
            "northwindtraders",
            "Seattle",
            "United States",
        );
        let draft = granular(
            "Northwind device and user management",
            "P730D",
            false,
            &[HELPDESK, USER_ADMIN, LICENSE_ADMIN, INTUNE_ADMIN],
        );
        self.invite(
            -205,
            "inv-northwind-gdap",
            &northwind,
            &[T::Reseller],
            Some(draft),
        );
        self.accept(-200, "inv-northwind-gdap", Global);

        let southridge = self.partner(
            "southridge-video",
            "Southridge Video IT",
            "southridgevideo",
            "Vancouver",
            "Canada",
        );
        self.invite(-130, "inv-expired", &southridge, &[T::Reseller], None);

        self.run(
            -60,
            Command::RemoveRoles {
                partner_id: "litware-security".into(),
            },
            Global,
        );

        let blue_yonder = self.partner(
            "blue-yonder-it",
            "Blue Yonder Airlines IT",
            "blueyonderairlines",
            "Paris",
            "France",
        );
        let draft = granular(
            "Blue Yonder tenant administration",
            "P90D",
            false,
            &[GLOBAL],
        );
        self.invite(-50, "inv-declined", &blue_yonder, &[], Some(draft));
        self.run(
            -45,
            Command::DeclineInvitation {
                invitation_id: "inv-declined".into(),
            },
            Global,
        );
    }

    /// Invitations waiting in the inbox, one of every kind.
    fn pending_invitations(&mut self) {
        let relecloud = self.partner("relecloud", "Relecloud", "relecloud", "Lisbon", "Portugal");
        self.invite(-20, "inv-reseller", &relecloud, &[T::Reseller], None);

        let coho = self.partner(
            "coho-vineyard-it",
            "Coho Vineyard IT Services",
            "cohovineyard",
            "Napa",
            "United States",
        );
        self.invite(
            -15,
            "inv-delegated-admin",
            &coho,
            &[T::ResellerAndDelegatedAdministrator],
            None,
        );

        let contoso = self.known("contoso-cloud");
        let draft = granular(
            "Contoso helpdesk and licensing",
            "P730D",
            true,
            &[
                HELPDESK,
                SERVICE_SUPPORT,
                LICENSE_ADMIN,
                PASSWORD_ADMIN,
                REPORTS_READER,
            ],
        );
        self.invite(-12, "inv-granular-helpdesk", &contoso, &[], Some(draft));

        // Cannot be approved until Fabrikam's legacy roles are removed.
        let fabrikam = self.known("fabrikam-it");
        let draft = granular(
            "Fabrikam least-privilege access",
            "P1Y",
            false,
            &[EXCHANGE_ADMIN, SHAREPOINT_ADMIN, TEAMS_ADMIN, HELPDESK],
        );
        self.invite(-10, "inv-granular-legacy", &fabrikam, &[], Some(draft));

        let lamna = self.partner(
            "lamna-advisors",
            "Lamna Healthcare Advisors",
            "lamnahealthcare",
            "Boston",
            "United States",
        );
        self.invite(-8, "inv-advisor", &lamna, &[T::Advisor], None);

        let wide_world = self.known("wide-world-tech");
        self.invite(-6, "inv-agreement", &wide_world, &[], None);

        let humongous = self.partner(
            "humongous-insurance-it",
            "Humongous Insurance IT",
            "humongousinsurance",
            "Hartford",
            "United States",
        );
        let draft = granular(
            "Humongous emergency administration",
            "P90D",
            false,
            &[GLOBAL, HELPDESK],
        );
        self.invite(
            -4,
            "inv-granular-global-admin",
            &humongous,
            &[],
            Some(draft),
        );
    }

    /// Two "Contact me" requests to directory partners.
    fn contact_requests(&mut self) {
        let form = ContactForm {
            country: "United States".into(),
            city: "Seattle".into(),
            first_name: "Avery".into(),
            last_name: "Howard".into(),
            // The demo organization's own domain (the header says Adatum).
            email: "avery.howard@adatum.example".into(),
            phone: "+1 425 555 0100".into(),
            organization_size: "50-249 employees".into(),
            organization_name: "Adatum Corporation".into(),
            industry: "Retail".into(),
            business_needs: "We are moving 120 mailboxes to the cloud and need help with Teams rollout and training.".into(),
        };
        self.run(
            -9,
            Command::SendContactRequest {
                partner_ids: vec!["p-000042".into()],
                form: form.clone(),
            },
            Billing,
        );
        self.run(
            -1,
            Command::SendContactRequest {
                partner_ids: vec!["p-000007".into(), "p-000019".into(), "p-000311".into()],
                form: ContactForm {
                    business_needs: "Looking for a partner to manage device enrollment and security baselines for 80 laptops.".into(),
                    ..form
                },
            },
            Global,
        );
    }

    /// Moves the clock to `days` from the demo's `now`, letting everything
    /// due on the way happen. The clock move itself is not logged: it is
    /// how the history is told, not something an admin did.
    fn move_to(&mut self, days: i64) {
        let to = self.now.add_days(days);
        if to <= self.state.now {
            return;
        }
        let command = Command::AdvanceTime { to };
        if let Ok(events) = self.state.decide(&command, Global, self.state.now) {
            for event in events
                .iter()
                .filter(|e| !matches!(e, Event::ClockAdvanced { .. }))
            {
                self.state.apply(event);
            }
        }
        self.state.now = to;
    }

    /// Runs a command at `days`; a refusal would be a bug in this timeline
    /// and is logged like any other (a test checks there is none).
    fn run(&mut self, days: i64, command: Command, persona: Persona) {
        self.move_to(days);
        let now = self.state.now;
        if let Err(error) = self.state.execute(&command, persona, now) {
            self.state.record_refusal(&command, persona, now, &error);
        }
    }

    fn invite(
        &mut self,
        days: i64,
        id: &str,
        partner: &Partner,
        types: &[PartnerType],
        granular: Option<GranularDraft>,
    ) {
        let command = Command::IssueInvitation {
            invitation_id: Some(id.to_string()),
            partner: partner.clone(),
            relationship_types: types.to_vec(),
            legacy_roles: false,
            granular,
        };
        self.run(days, command, Global);
    }

    fn accept(&mut self, days: i64, id: &str, persona: Persona) {
        let command = Command::AcceptInvitation {
            invitation_id: id.to_string(),
            agreement_acknowledged: true,
        };
        self.run(days, command, persona);
    }

    fn known(&self, id: &str) -> Partner {
        self.state
            .partner(id)
            .cloned()
            .unwrap_or_else(|| Partner::new(id, id))
    }

    /// A fictional partner profile on the reserved `.example` domain.
    fn partner(
        &mut self,
        id: &str,
        name: &str,
        domain: &str,
        city: &str,
        country: &str,
    ) -> Partner {
        // Both numbers are drawn whatever the city, so the ids drawn after
        // them stay the same.
        let area = 200 + self.rng.below(800);
        let line = 100 + self.rng.below(100);
        let phone = match dialling_prefix(city) {
            Some(prefix) => format!("{prefix} 555 {line:04}"),
            None => format!("+1 {area} 555 {line:04}"),
        };
        Partner {
            id: id.to_string(),
            name: name.to_string(),
            types: Vec::new(),
            contact_email: format!("partners@{domain}.example"),
            contact_phone: phone,
            website: format!("https://www.{domain}.example"),
            country: country.to_string(),
            city: city.to_string(),
            mpn_id: format!("{}", 1_000_000 + self.rng.below(9_000_000)),
            organization_sizes: vec!["10-49 employees".into(), "50-249 employees".into()],
            industries: vec!["Retail".into(), "Professional services".into()],
            products: vec!["Microsoft 365".into()],
            services: vec!["Managed services".into(), "Licensing".into()],
            designations: vec!["Solutions Partner for Modern Work".into()],
            agreement: AgreementStatus::NotSigned,
        }
    }
}

/// The country code and area code of each demo city, so a partner in
/// Dublin has a number an admin would expect to dial in Dublin.
fn dialling_prefix(city: &str) -> Option<&'static str> {
    Some(match city {
        "Amsterdam" => "+31 20",
        "Austin" => "+1 512",
        "Boston" => "+1 617",
        "Chicago" => "+1 312",
        "Dublin" => "+353 1",
        "Hartford" => "+1 860",
        "Lisbon" => "+351 21",
        "London" => "+44 20",
        "Manchester" => "+44 161",
        "Munich" => "+49 89",
        "Napa" => "+1 707",
        "Paris" => "+33 1",
        "Redmond" => "+1 425",
        "Seattle" => "+1 206",
        "Sydney" => "+61 2",
        "Toronto" => "+1 416",
        "Vancouver" => "+1 604",
        "Zurich" => "+41 44",
        _ => return None,
    })
}

fn granular(name: &str, duration: &str, auto_extend: bool, roles: &[&str]) -> GranularDraft {
    GranularDraft {
        display_name: name.to_string(),
        duration: IsoDuration::parse(duration).unwrap_or(IsoDuration::days(90)),
        auto_extend_duration: if auto_extend {
            IsoDuration::days(180)
        } else {
            IsoDuration::ZERO
        },
        unified_roles: roles.iter().map(|r| RoleDefinitionId::new(*r)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::views::{self, AccessState};
    use crate::{InvitationState, RelationshipStatus};

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T04:42:18Z").unwrap()
    }

    #[test]
    fn the_demo_is_the_same_every_time() {
        assert_eq!(demo_state(now()), demo_state(now()));
    }

    #[test]
    fn every_demo_partner_has_a_phone_number_of_its_own_country() {
        let code = |country: &str| match country {
            "United States" | "Canada" => "+1 ",
            "Ireland" => "+353 ",
            "United Kingdom" => "+44 ",
            "Australia" => "+61 ",
            "Germany" => "+49 ",
            "Switzerland" => "+41 ",
            "Netherlands" => "+31 ",
            "France" => "+33 ",
            "Portugal" => "+351 ",
            other => panic!("a demo partner in {other}: add its calling code"),
        };
        let state = demo_state(now());
        for p in state.partners.iter().filter(|p| !p.country.is_empty()) {
            assert!(
                p.contact_phone.starts_with(code(&p.country)),
                "{} in {}: {}",
                p.name,
                p.city,
                p.contact_phone
            );
        }
    }

    #[test]
    fn the_demo_timeline_runs_without_a_single_refusal() {
        let state = demo_state(now());
        let refused: Vec<_> = state.activity.iter().filter(|a| a.was_refused()).collect();
        assert!(refused.is_empty(), "{refused:#?}");
        assert!(state.invariant_violations().is_empty());
        assert_eq!(state.now, now());
    }

    #[test]
    fn the_demo_shows_every_situation_of_the_partner_table() {
        let state = demo_state(now());
        let rows = views::relationship_rows(&state, now());
        let access = |id: &str| rows.iter().find(|r| r.partner_id == id).map(|r| r.access);
        assert!(rows.len() >= 12, "{} partners", rows.len());
        assert_eq!(access("northwind-traders"), Some(AccessState::Active));
        assert_eq!(access("tailspin-toys"), Some(AccessState::ExpiringSoon));
        assert_eq!(access("adventure-works"), Some(AccessState::Expired));
        assert_eq!(access("litware-security"), Some(AccessState::Terminated));
        let tailspin = rows
            .iter()
            .find(|r| r.partner_id == "tailspin-toys")
            .unwrap();
        assert_eq!(tailspin.days_left, Some(5));
        let wide_world = rows
            .iter()
            .find(|r| r.partner_id == "wide-world-tech")
            .unwrap();
        assert!(!wide_world.agreement_signed);
        assert!(state.legacy_roles_of("fabrikam-it").is_some());
        assert!(state.legacy_roles_of("proseware-advisors").is_some());
        assert_eq!(state.mpsa_partners().count(), 3);
    }

    #[test]
    fn auto_extend_has_renewed_the_alpine_relationship() {
        let state = demo_state(now());
        let alpine = state.relationship("rel-inv-alpine-gdap").unwrap();
        assert_eq!(alpine.status, RelationshipStatus::Active);
        assert_eq!(alpine.end_date_time, Some(now().add_days(110)));
    }

    #[test]
    fn the_inbox_has_an_invitation_of_every_kind() {
        let state = demo_state(now());
        let state_of = |id: &str| state.invitation(id).map(|i| i.state_at(now()));
        for id in [
            "inv-reseller",
            "inv-delegated-admin",
            "inv-granular-helpdesk",
            "inv-granular-legacy",
            "inv-advisor",
            "inv-agreement",
            "inv-granular-global-admin",
        ] {
            assert_eq!(state_of(id), Some(InvitationState::Pending), "{id}");
        }
        assert_eq!(state_of("inv-expired"), Some(InvitationState::Expired));
        assert_eq!(state_of("inv-declined"), Some(InvitationState::Declined));
        assert_eq!(state_of("inv-accepted"), Some(InvitationState::Accepted));
    }

    #[test]
    fn the_expiring_relationship_has_had_its_30_and_7_day_notices() {
        let state = demo_state(now());
        let days: Vec<u32> = state
            .notices
            .iter()
            .filter(|n| n.partner_id == "tailspin-toys")
            .map(|n| n.days_before)
            .collect();
        assert_eq!(days, vec![30, 7]);
    }
}
