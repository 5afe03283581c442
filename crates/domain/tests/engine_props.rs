//! Random sequences of commands from random personas, with time moving in
//! between, keep every invariant of the engine.

use domain::roles::CATALOGUE;
use domain::{
    snapshot, Command, ContactForm, GranularDraft, InvitationState, IsoDuration, Partner,
    PartnerType, Persona, RelationshipStatus, RoleDefinitionId, State, Timestamp,
};
use proptest::prelude::*;
use proptest::sample::Index;

#[derive(Clone, Debug)]
enum Op {
    Contact {
        partners: u8,
        valid: bool,
    },
    Accept {
        invitation: Index,
        acknowledged: bool,
    },
    Decline {
        invitation: Index,
    },
    Agreement {
        partner: Index,
        acknowledged: bool,
    },
    RemoveRoles {
        partner: Index,
    },
    Visibility {
        allowed: bool,
    },
    Issue(Box<IssueOp>),
    Advance {
        days: u16,
        seconds: u32,
    },
    MarkReviewed,
}

#[derive(Clone, Debug)]
struct IssueOp {
    existing_partner: Option<Index>,
    new_partner: u16,
    types: Vec<Index>,
    legacy: bool,
    granular: Option<GranularOp>,
}

#[derive(Clone, Debug)]
struct GranularOp {
    years: u32,
    months: u32,
    days: u32,
    auto_extend: u8,
    roles: Vec<Index>,
    with_global_admin: bool,
}

fn granular_op() -> impl Strategy<Value = GranularOp> {
    (
        prop_oneof![6 => Just(0u32), 1 => Just(1u32), 1 => Just(2u32)],
        prop_oneof![3 => Just(0u32), 1 => 0u32..30],
        0u32..800,
        0u8..3,
        proptest::collection::vec(any::<Index>(), 0..5),
        any::<bool>(),
    )
        .prop_map(
            |(years, months, days, auto_extend, roles, with_global_admin)| GranularOp {
                years,
                months,
                days,
                auto_extend,
                roles,
                with_global_admin,
            },
        )
}

fn op() -> impl Strategy<Value = Op> {
    let issue = (
        proptest::option::of(any::<Index>()),
        any::<u16>(),
        proptest::collection::vec(any::<Index>(), 0..3),
        prop::bool::weighted(0.2),
        proptest::option::of(granular_op()),
    )
        .prop_map(|(existing_partner, new_partner, types, legacy, granular)| {
            Op::Issue(Box::new(IssueOp {
                existing_partner,
                new_partner,
                types,
                legacy,
                granular,
            }))
        });
    prop_oneof![
        1 => (0u8..4, any::<bool>()).prop_map(|(partners, valid)| Op::Contact { partners, valid }),
        5 => (any::<Index>(), prop::bool::weighted(0.85))
            .prop_map(|(invitation, acknowledged)| Op::Accept { invitation, acknowledged }),
        1 => any::<Index>().prop_map(|invitation| Op::Decline { invitation }),
        1 => (any::<Index>(), any::<bool>())
            .prop_map(|(partner, acknowledged)| Op::Agreement { partner, acknowledged }),
        2 => any::<Index>().prop_map(|partner| Op::RemoveRoles { partner }),
        1 => any::<bool>().prop_map(|allowed| Op::Visibility { allowed }),
        3 => issue,
        3 => (0u16..400, 0u32..86_400).prop_map(|(days, seconds)| Op::Advance { days, seconds }),
        1 => Just(Op::MarkReviewed),
    ]
}

fn persona() -> impl Strategy<Value = Persona> {
    // Mostly admins who can act, so sequences get somewhere.
    prop_oneof![
        4 => Just(Persona::GlobalAdministrator),
        2 => Just(Persona::BillingAdministrator),
        1 => Just(Persona::HelpdeskAdministrator),
        1 => Just(Persona::User),
        1 => Just(Persona::PartnerOnBehalf),
    ]
}

fn contact_form(valid: bool) -> ContactForm {
    ContactForm {
        country: "Norway".into(),
        city: "Oslo".into(),
        first_name: "Kari".into(),
        last_name: "Nordmann".into(),
        email: if valid {
            "kari@fabrikam.example".into()
        } else {
            "kari".into()
        },
        phone: String::new(),
        organization_size: "10-49 employees".into(),
        organization_name: "Fabrikam Nord".into(),
        industry: "Energy".into(),
        business_needs: "Licensing help.".into(),
    }
}

/// Turns a generated operation into a command against the current state.
fn command(state: &State, op: &Op) -> Command {
    // Pending invitations are where the interesting rules are, so they are
    // picked most of the time; the rest exercise the refusals.
    let pending: Vec<&str> = state
        .invitations
        .iter()
        .filter(|i| i.state_at(state.now) == InvitationState::Pending)
        .map(|i| i.id.as_str())
        .collect();
    let invitation_id = |i: &Index| {
        let n = i.index(1000);
        if !pending.is_empty() && !n.is_multiple_of(5) {
            pending[n % pending.len()].to_string()
        } else if state.invitations.is_empty() {
            "inv-none".to_string()
        } else {
            state.invitations[n % state.invitations.len()].id.clone()
        }
    };
    let partner_id = |i: &Index| {
        if state.partners.is_empty() {
            "nobody".to_string()
        } else {
            state.partners[i.index(state.partners.len())].id.clone()
        }
    };
    match op {
        Op::Contact { partners, valid } => Command::SendContactRequest {
            partner_ids: (0..*partners).map(|n| format!("p-{n:06}")).collect(),
            form: contact_form(*valid),
        },
        Op::Accept {
            invitation,
            acknowledged,
        } => Command::AcceptInvitation {
            invitation_id: invitation_id(invitation),
            agreement_acknowledged: *acknowledged,
        },
        Op::Decline { invitation } => Command::DeclineInvitation {
            invitation_id: invitation_id(invitation),
        },
        Op::Agreement {
            partner,
            acknowledged,
        } => Command::AcceptCustomerAgreement {
            partner_id: partner_id(partner),
            acknowledged: *acknowledged,
        },
        Op::RemoveRoles { partner } => Command::RemoveRoles {
            partner_id: partner_id(partner),
        },
        Op::Visibility { allowed } => Command::SetPurchaseVisibility { allowed: *allowed },
        Op::Issue(issue) => {
            let partner = match &issue.existing_partner {
                Some(i) if !state.partners.is_empty() => {
                    state.partners[i.index(state.partners.len())].clone()
                }
                _ => Partner::new(
                    format!("sim-{}", issue.new_partner % 50),
                    format!("Simulated Partner {}", issue.new_partner % 50),
                ),
            };
            let granular = issue.granular.as_ref().map(|g| {
                let mut roles: Vec<RoleDefinitionId> = g
                    .roles
                    .iter()
                    .map(|i| RoleDefinitionId::new(CATALOGUE[i.index(CATALOGUE.len())].id))
                    .collect();
                if g.with_global_admin {
                    roles.push(RoleDefinitionId::new(domain::roles::GLOBAL_ADMINISTRATOR));
                }
                GranularDraft {
                    display_name: "Generated access".into(),
                    duration: IsoDuration {
                        years: g.years,
                        months: g.months,
                        days: g.days,
                        ..IsoDuration::ZERO
                    },
                    auto_extend_duration: match g.auto_extend {
                        0 => IsoDuration::ZERO,
                        1 => IsoDuration::days(180),
                        _ => IsoDuration::days(90),
                    },
                    unified_roles: roles,
                }
            });
            Command::IssueInvitation {
                invitation_id: None,
                partner,
                relationship_types: issue
                    .types
                    .iter()
                    .map(|i| PartnerType::ALL[i.index(PartnerType::ALL.len())])
                    .collect(),
                legacy_roles: issue.legacy,
                granular,
            }
        }
        Op::Advance { days, seconds } => Command::AdvanceTime {
            to: state
                .now
                .add_days(i64::from(*days))
                .add_seconds(i64::from(*seconds)),
        },
        Op::MarkReviewed => Command::MarkAccessReviewed,
    }
}

fn check_invariants(state: &State) -> Result<(), TestCaseError> {
    let problems = state.invariant_violations();
    prop_assert!(problems.is_empty(), "{problems:?}");
    for r in &state.relationships {
        let days = r.duration.as_iso().nominal_seconds() / 86_400;
        prop_assert!(
            (1..=730).contains(&days),
            "duration {} out of range",
            r.duration
        );
        prop_assert!(
            !(r.auto_extend_duration.is_on() && r.has_global_administrator()),
            "{} auto-extends with Global Administrator",
            r.id
        );
    }
    // Only a Global Administrator signs a review off, and never ahead of
    // the clock.
    if let Some(review) = &state.last_access_review {
        prop_assert_eq!(review.by, Persona::GlobalAdministrator);
        prop_assert!(review.reviewed_date_time <= state.now);
    }
    for i in &state.invitations {
        if i.state == InvitationState::Accepted {
            let answered = i.responded_date_time.unwrap_or(Timestamp::MAX);
            prop_assert!(
                answered < i.expires_date_time,
                "{} accepted after expiry",
                i.id
            );
        }
    }
    Ok(())
}

fn start() -> State {
    domain::demo::demo_state(Timestamp::parse("2026-11-23T04:42:18Z").unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_command_sequences_keep_the_invariants(
        steps in proptest::collection::vec((persona(), op()), 1..40)
    ) {
        let mut state = start();
        check_invariants(&state)?;
        for (n, (persona, op)) in steps.iter().enumerate() {
            let command = command(&state, op);
            let before = state.clone();
            let now = state.now;
            match state.execute(&command, *persona, now) {
                Ok(events) => {
                    prop_assert_eq!(
                        state.activity.len(),
                        before.activity.len() + events.len(),
                        "every event is logged"
                    );
                }
                Err(error) => {
                    prop_assert_eq!(&state, &before, "a refused command changes nothing");
                    prop_assert!(!error.to_string().is_empty());
                    state.record_refusal(&command, *persona, now, &error);
                    prop_assert_eq!(state.activity.len(), before.activity.len() + 1);
                }
            }
            check_invariants(&state)?;
            // Expired and terminated relationships stay exactly as they were.
            for old in before.relationships.iter().filter(|r| r.status.is_final()) {
                let new = state.relationship(&old.id);
                prop_assert_eq!(new, Some(old), "a final relationship changed");
            }
            // Nothing disappears.
            prop_assert!(state.relationships.len() >= before.relationships.len());
            prop_assert!(state.invitations.len() >= before.invitations.len());
            prop_assert!(state.now >= before.now);
            if n % 8 == 7 {
                let decoded = snapshot::decode(&snapshot::encode(&state)).map_err(|e| {
                    TestCaseError::fail(e.to_string())
                })?;
                prop_assert_eq!(&decoded.state, &state);
            }
        }
        let decoded = snapshot::decode(&snapshot::encode(&state))
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(!decoded.read_only);
        prop_assert_eq!(decoded.state, state);
    }

    #[test]
    fn accepted_granular_access_always_ends_after_its_duration(
        days in 1u32..=730,
        months in 0u32..3,
        start_offset in 0i64..1500,
    ) {
        let duration = IsoDuration { months, days: days.saturating_sub(months * 30).max(1), ..IsoDuration::ZERO };
        let mut state = State::new(Timestamp::parse("2024-01-31T12:00:00Z").unwrap().add_days(start_offset));
        let now = state.now;
        let issue = Command::IssueInvitation {
            invitation_id: Some("inv-p".into()),
            partner: Partner::new("p", "P"),
            relationship_types: vec![],
            legacy_roles: false,
            granular: Some(GranularDraft {
                display_name: "P".into(),
                duration,
                auto_extend_duration: IsoDuration::ZERO,
                unified_roles: vec![RoleDefinitionId::new(domain::roles::HELPDESK_ADMINISTRATOR)],
            }),
        };
        state.execute(&issue, Persona::GlobalAdministrator, now).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let accept = Command::AcceptInvitation { invitation_id: "inv-p".into(), agreement_acknowledged: true };
        state.execute(&accept, Persona::GlobalAdministrator, now).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let r = state.relationship("rel-inv-p").unwrap();
        prop_assert_eq!(r.status.clone(), RelationshipStatus::Active);
        prop_assert_eq!(r.end_date_time, Some(now.add(duration)));
        let length = now.days_until(now.add(duration));
        prop_assert!((1..=731).contains(&length), "{length} days");
    }
}
