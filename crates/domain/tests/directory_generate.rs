//! The directory generator: deterministic, realistic, compact.

use domain::directory::{generate, Facet, Listing, MAX_PARTNER_COUNT};

/// FNV-1a over every listing's JSON: one number that changes if any field
/// of any partner changes.
fn fingerprint(listings: impl Iterator<Item = Listing>) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325u64;
    for listing in listings {
        let json = serde_json::to_string(&listing).unwrap();
        for b in json.bytes() {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    hash
}

#[test]
fn the_directory_generator_is_pinned_by_a_golden_sample() {
    // If this fails, the generator changed: every shared link and every
    // benchmark baseline changes with it. Update only on purpose.
    let directory = generate(42, 5);
    let first = directory.listing(0).unwrap();
    assert_eq!(first.key, "p-000000");
    assert_eq!(first.name, "Evergreen Aurora Infrastructure Technologies");
    assert_eq!(first.location(), "Cape Town, South Africa");
    assert_eq!(
        first.description,
        "Based in Cape Town, we bring consulting and Microsoft Sentinel expertise to media & communications teams."
    );
    assert_eq!(
        first.website,
        "https://www.evergreenaurorainfrastructure.example"
    );
    assert_eq!(first.email, "info@evergreenaurorainfrastructure.example");
    assert_eq!(first.phone, "+27 907 419 6944");
    let second = directory.listing(1).unwrap();
    assert_eq!(second.name, "Compass & Lighthouse Technologies");
    assert_eq!(
        second.products.iter().map(|v| v.slug()).collect::<Vec<_>>(),
        ["sharepoint", "sentinel"]
    );
    assert_eq!(
        fingerprint(generate(7, 1000).listings()),
        GOLDEN_FINGERPRINT
    );
}

const GOLDEN_FINGERPRINT: u64 = 4_114_771_410_490_562_183;

#[test]
fn the_same_seed_generates_the_same_directory_and_another_seed_another() {
    let a = fingerprint(generate(9, 300).listings());
    assert_eq!(a, fingerprint(generate(9, 300).listings()));
    assert_ne!(a, fingerprint(generate(10, 300).listings()));
}

#[test]
fn a_smaller_directory_is_a_prefix_of_a_larger_one() {
    let small: Vec<Listing> = generate(5, 50).listings().collect();
    let large: Vec<Listing> = generate(5, 500).listings().take(50).collect();
    assert_eq!(small, large);
}

#[test]
fn the_directory_count_is_capped() {
    assert_eq!(generate(1, 0).len(), 0);
    assert_eq!(generate(1, 7).len(), 7);
    assert_eq!(MAX_PARTNER_COUNT, 200_000);
}

#[test]
fn every_generated_directory_listing_is_complete_and_consistent() {
    let directory = generate(2024, 2000);
    for l in directory.listings() {
        assert_eq!(Listing::id_of_key(&l.key), Some(l.id));
        assert!(l.name.split(' ').count() >= 2, "{}", l.name);
        assert_eq!(Facet::country_of(l.city.index), Some(l.country.index));
        assert!(!l.sizes.is_empty() && !l.industries.is_empty() && !l.services.is_empty());
        assert!((2..=6).contains(&l.products.len()), "{:?}", l.products);
        assert!(!l.partner_types.is_empty() && l.designations.len() <= 2);
        assert!(l.description.ends_with('.') && l.description.len() < 200);
        assert!(l.website.starts_with("https://www.") && l.website.ends_with(".example"));
        assert!(l.email.contains('@') && l.email.ends_with(".example"));
        assert!(l.phone.starts_with('+'));
        for facet in Facet::ALL {
            assert!(l.values(facet).iter().all(|v| !v.label().is_empty()));
        }
    }
}

#[test]
fn generated_directory_data_covers_every_facet_value() {
    let directory = generate(77, 5000);
    for facet in Facet::ALL {
        let mut seen = vec![false; facet.value_count()];
        for l in directory.listings() {
            for v in l.values(facet) {
                seen[usize::from(v.index)] = true;
            }
        }
        assert!(seen.iter().all(|s| *s), "{facet:?} has unused values");
    }
}

#[test]
fn generated_directory_names_vary() {
    let directory = generate(8, 1000);
    let mut names: Vec<String> = directory.listings().map(|l| l.name).collect();
    names.sort();
    names.dedup();
    assert!(names.len() > 900, "only {} distinct names", names.len());
}

#[test]
fn the_directory_index_stays_small() {
    // ~105 bytes per partner measured; 250 would be 25 MB at 100,000.
    let directory = generate(3, 10_000);
    assert!(
        directory.heap_bytes() < 10_000 * 250,
        "{}",
        directory.heap_bytes()
    );
}

#[test]
fn a_directory_partner_is_found_by_its_public_key() {
    let directory = generate(4, 10);
    assert_eq!(directory.find_key("p-000003").map(|l| l.id), Some(3));
    assert_eq!(directory.find_key("p-000010"), None);
    assert_eq!(directory.find_key("nonsense"), None);
    assert_eq!(directory.listing(10), None);
}
