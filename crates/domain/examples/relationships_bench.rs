//! Native benchmark of the Partner relationships table: 1,000 partners
//! (a third with granular access, some with legacy roles), then the filter
//! and sort the table runs on every change of its controls.
//!
//! Run: `cargo run --release -p domain --example relationships_bench`
//! Prints `name: value` lines; the budget is 50 ms per filter + sort.

use std::time::{Duration, Instant};

use domain::views::{
    query_rows, relationship_rows, RolesFilter, RowFilter, SortDirection, SortKey, StatusFilter,
};
use domain::{
    roles, Command, GranularDraft, IsoDuration, Partner, PartnerType, Persona, RoleDefinitionId,
    State, Timestamp,
};

const PARTNERS: usize = 1_000;
const BUDGET_MS: f64 = 50.0;

fn main() {
    let start = Timestamp::parse("2026-01-01T00:00:00Z").expect("a valid date");
    let mut state = State::new(start);
    let types = [
        PartnerType::Reseller,
        PartnerType::Advisor,
        PartnerType::MpsaPartner,
        PartnerType::ResellerAndDelegatedAdministrator,
        PartnerType::Oem,
        PartnerType::IndirectReseller,
    ];
    for i in 0..PARTNERS {
        let mut partner = Partner::new(
            format!("bench-{i:04}"),
            format!("Bench Partner {}", (i * 7919) % PARTNERS),
        );
        partner.city = ["Seattle", "Lisbon", "Toronto", "Chicago"][i % 4].to_string();
        let granular = (i % 3 == 0).then(|| GranularDraft {
            display_name: format!("Access {i}"),
            duration: IsoDuration::parse(["P30D", "P180D", "P730D"][(i / 3) % 3])
                .expect("duration"),
            auto_extend_duration: IsoDuration::parse("PT0S").expect("duration"),
            unified_roles: vec![RoleDefinitionId::new(roles::HELPDESK_ADMINISTRATOR)],
        });
        let id = format!("inv-bench-{i:04}");
        let issue = Command::IssueInvitation {
            invitation_id: Some(id.clone()),
            partner,
            // Granular access cannot come with legacy roles: those partners
            // ask for granular access only.
            relationship_types: if granular.is_some() {
                vec![PartnerType::GranularDelegatedAdmin]
            } else {
                vec![types[i % types.len()]]
            },
            legacy_roles: false,
            granular,
        };
        let now = state.now;
        state
            .execute(&issue, Persona::GlobalAdministrator, now)
            .expect("issue");
        let accept = Command::AcceptInvitation {
            invitation_id: id,
            agreement_acknowledged: true,
        };
        state
            .execute(&accept, Persona::GlobalAdministrator, now)
            .expect("accept");
    }
    // Let some relationships run out, so every status is present.
    let later = start.add_days(40);
    state
        .execute(
            &Command::AdvanceTime { to: later },
            Persona::GlobalAdministrator,
            later,
        )
        .expect("advance");

    let built = Instant::now();
    let rows = relationship_rows(&state, state.now);
    let build = built.elapsed();

    let filters = [
        RowFilter::default(),
        RowFilter {
            text: "bench 9".into(),
            ..RowFilter::default()
        },
        RowFilter {
            status: Some(StatusFilter::Active),
            ..RowFilter::default()
        },
        RowFilter {
            status: Some(StatusFilter::Expired),
            roles: Some(RolesFilter::None),
            ..RowFilter::default()
        },
        RowFilter {
            partner_type: Some(PartnerType::Reseller),
            agreement_signed: Some(true),
            ..RowFilter::default()
        },
    ];
    let mut times: Vec<Duration> = Vec::new();
    for _round in 0..5 {
        for filter in &filters {
            for key in SortKey::ALL {
                for direction in [SortDirection::Ascending, SortDirection::Descending] {
                    let t = Instant::now();
                    let found = query_rows(&rows, filter, key, direction);
                    std::hint::black_box(found.len());
                    times.push(t.elapsed());
                }
            }
        }
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let p50 = ms(times[times.len() / 2]);
    let max = ms(*times.last().expect("timed at least once"));
    println!("relationships_rows: {}", rows.len());
    println!("relationships_build_ms: {:.3}", ms(build));
    println!("relationships_filter_sort_p50_ms: {p50:.3}");
    println!("relationships_filter_sort_max_ms: {max:.3}");
    println!("relationships_filter_sort_budget_ms: {BUDGET_MS}");
    println!(
        "relationships_filter_sort_within_budget: {}",
        if max <= BUDGET_MS { "yes" } else { "no" }
    );
}
