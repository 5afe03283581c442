//! Prints, as JSON, what the whole-product benchmark's plain HTML/JavaScript
//! anchor pages (bench/anchor/) render: the same data the app shows on first
//! load, produced by the same code.
//!
//! - `home`: the Home counts of the demo state at `now` (as the app seeds a
//!   fresh browser), the demo date and the personas of the header.
//! - `find`: the first `rows` results of the directory (seed, count) in the
//!   default order, as "Find a partner" shows them, the facet counts of the
//!   filter panel, and the sort choices.
//!
//! Run: `cargo run --release -p domain --example anchor_data -- 42 5000 12 [unix_seconds]`

use domain::demo::demo_state;
use domain::directory::{generate, DirectoryQuery, Facet, FacetValue, SortOrder};
use domain::views::home_counts;
use domain::{Persona, Timestamp};
use serde_json::{json, Value};

fn main() {
    let mut args = std::env::args().skip(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(5_000);
    let rows: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(12);
    let now_seconds: i64 = args.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    });
    let now = Timestamp::from_unix_seconds(now_seconds).expect("a valid time");

    let state = demo_state(now);
    let counts = home_counts(&state, now);
    let home = json!({
        "partners": counts.partners,
        "pendingInvitations": counts.pending_invitations,
        "expiringWithin30Days": counts.expiring_within_30_days,
        "agreementsToSign": counts.agreements_to_sign,
        "partnersWithLegacyRoles": counts.partners_with_legacy_roles,
    });

    let directory = generate(seed, count);
    let query = DirectoryQuery::default();
    let ids = directory.search(&query);
    let first: Vec<Value> = ids
        .iter()
        .take(rows)
        .filter_map(|&id| directory.listing(id))
        .map(|l| {
            json!({
                "key": l.key,
                "name": l.name,
                "location": l.location(),
                "sizes": FacetValue::list(&l.sizes),
                "types": FacetValue::list(&l.partner_types),
                "industries": FacetValue::list(&l.industries),
                "designations": FacetValue::list(&l.designations),
                "text": domain::directory::normalize(&l.searchable_text()),
            })
        })
        .collect();
    let facet_counts = directory.facet_counts(&query);
    let facet = |f: Facet| {
        json!({
            "key": f.key(),
            "title": f.title(),
            "values": (0..f.value_count() as u16)
                .map(|v| json!({
                    "slug": f.slug(v),
                    "label": f.label(v),
                    "count": facet_counts.count(f, v),
                }))
                .collect::<Vec<_>>(),
        })
    };
    let find = json!({
        "total": count,
        "found": ids.len(),
        "rows": first,
        "country": facet(Facet::Country),
        "city": facet(Facet::City),
        "facets": [
            facet(Facet::Size),
            facet(Facet::Industry),
            facet(Facet::Product),
            facet(Facet::Service),
            facet(Facet::PartnerType),
            facet(Facet::Designation),
        ],
        "sorts": SortOrder::ALL
            .iter()
            .map(|s| json!({ "slug": s.slug(), "label": s.label() }))
            .collect::<Vec<_>>(),
    });

    let personas: Vec<Value> = Persona::ALL
        .iter()
        .map(|p| json!({ "id": p.id(), "label": p.label() }))
        .collect();
    let out = json!({
        "date": now.date_string(),
        "personas": personas,
        "defaultPersona": Persona::default().id(),
        "home": home,
        "find": find,
    });
    println!("{out}");
}
