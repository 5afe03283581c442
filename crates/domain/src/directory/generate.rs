//! The deterministic partner generator.

use super::facet::Facet;
use super::partner_count::MAX_PARTNER_COUNT;
use super::record::{Record, NAME_PATTERNS, TEMPLATE_COUNT};
use super::rng::SplitMix64;
use super::vocabulary as v;
use super::{Directory, Listing};

/// Relative share of partners per country, in `COUNTRIES` order: a
/// directory where every country is equally large would look generated.
static COUNTRY_WEIGHTS: &[u32] = &[18, 5, 2, 3, 8, 2, 5, 7, 4, 3, 3, 2, 2, 2, 2, 2, 7, 4, 5, 1];

/// Relative frequency of each name pattern (see `NAME_PATTERNS`).
static PATTERN_WEIGHTS: &[u32] = &[35, 25, 20, 10, 10];

/// Chance in percent that a partner is of each type (`PARTNER_TYPES`).
static TYPE_CHANCES: &[u32] = &[55, 15, 20, 10, 35, 10, 5, 8];

/// Products that go with each designation (`DESIGNATIONS` order), as
/// indices into `PRODUCTS`: a Security partner sells Defender, not Dynamics.
static DESIGNATION_PRODUCTS: &[&[u32]] = &[
    &[0, 3, 8, 9, 13, 14],
    &[4, 10, 11, 12],
    &[2, 13],
    &[2, 5, 14],
    &[2, 6, 7],
    &[1, 5, 6, 7],
];

/// The random stream of the facets and names, apart from the phones'.
const RECORD_STREAM: u64 = 1;

/// Generates `count` fictional partners from `seed`, with their index.
///
/// Same seed, same partners, on every platform: only 64-bit integer
/// arithmetic is involved. Partner `i` depends on `seed` and `i` alone, so
/// a smaller directory is a prefix of a larger one. `count` is capped at
/// `MAX_PARTNER_COUNT`.
pub fn generate(seed: u64, count: usize) -> Directory {
    let count = count.min(MAX_PARTNER_COUNT) as u32;
    let cities = CityRanges::new();
    let records = (0..count).map(|id| record(seed, id, &cities)).collect();
    Directory::from_records(seed, records)
}

/// Partner `id` of the directory of `seed`.
pub(super) fn record(seed: u64, id: u32, cities: &CityRanges) -> Record {
    random_record(&mut SplitMix64::for_item(seed, RECORD_STREAM, id), cities)
}

/// The seed of the directory every console shows (the app's Find a
/// partner, and the names the activity log gives contact requests).
pub const DIRECTORY_SEED: u64 = 42;

/// The partner a public id ("p-000042") names in the directory of `seed`,
/// without generating the others: partner `i` depends on `seed` and `i`
/// alone. `None` for a malformed id or one past `MAX_PARTNER_COUNT`.
pub fn listing_of(seed: u64, key: &str) -> Option<Listing> {
    let id = Listing::id_of_key(key)?;
    if id as usize >= MAX_PARTNER_COUNT {
        return None;
    }
    let record = random_record(
        &mut SplitMix64::for_item(seed, RECORD_STREAM, id),
        &CityRanges::new(),
    );
    Some(Listing::render(seed, id, &record))
}

/// Each country's cities, as a range of `CITIES` (they are grouped).
pub(super) struct CityRanges(Vec<(u32, u32)>);

impl CityRanges {
    pub(super) fn new() -> Self {
        let mut ranges = vec![(0u32, 0u32); v::COUNTRIES.len()];
        for (city, &country) in v::CITY_COUNTRY.iter().enumerate() {
            if let Some(range) = ranges.get_mut(usize::from(country)) {
                if range.1 == 0 {
                    range.0 = city as u32;
                }
                range.1 += 1;
            }
        }
        CityRanges(ranges)
    }

    fn pick(&self, country: usize, rng: &mut SplitMix64) -> u8 {
        let (first, count) = self.0.get(country).copied().unwrap_or((0, 1));
        (first + rng.below(count)) as u8
    }
}

/// A mask of `k` distinct values out of `n`.
fn distinct(rng: &mut SplitMix64, n: u32, k: u32) -> u32 {
    let mut mask = 0u32;
    for _ in 0..k.min(n) {
        // Rejection keeps every remaining value equally likely; with k ≤ 4
        // of n ≥ 10 it rarely loops.
        loop {
            let bit = 1u32 << rng.below(n);
            if mask & bit == 0 {
                mask |= bit;
                break;
            }
        }
    }
    mask
}

fn random_record(rng: &mut SplitMix64, cities: &CityRanges) -> Record {
    let count = |facet: Facet| facet.value_count() as u32;

    let pattern = rng.weighted(PATTERN_WEIGHTS);
    let mut name_parts = [0u8; 4];
    let parts = NAME_PATTERNS.get(pattern).copied().unwrap_or_default();
    for (slot, part) in name_parts.iter_mut().zip(parts) {
        *slot = rng.below(part.words().len() as u32) as u8;
    }

    let country = rng.weighted(COUNTRY_WEIGHTS);
    let city = cities.pick(country, rng);

    let size_from = rng.below(count(Facet::Size));
    let size_span = 1 + rng.below(3);
    let sizes = (size_from..(size_from + size_span).min(count(Facet::Size)))
        .fold(0u32, |mask, s| mask | 1 << s);

    let designation_count = [0, 0, 1, 1, 1, 2][rng.below(6) as usize % 6];
    let designations = distinct(rng, count(Facet::Designation), designation_count);

    // Products: one or two that fit each designation, then random ones up
    // to two to four in all (templates mention two).
    let mut products = 0u32;
    for (d, family) in DESIGNATION_PRODUCTS.iter().enumerate() {
        if designations & (1 << d) != 0 {
            for _ in 0..1 + rng.below(2) {
                let pick = family
                    .get(rng.below(family.len() as u32) as usize)
                    .copied()
                    .unwrap_or(0);
                products |= 1 << pick;
            }
        }
    }
    let wanted = 2 + rng.below(3);
    while products.count_ones() < wanted {
        products |= 1 << rng.below(count(Facet::Product));
    }

    let service_count = 1 + rng.below(3);
    let mut services = distinct(rng, count(Facet::Service), service_count);
    if designations & 0b10 != 0 && rng.chance(50) {
        services |= 1 << 3; // Security partners often sell assessments.
    }
    let industry_count = 1 + rng.below(3);
    let industries = distinct(rng, count(Facet::Industry), industry_count);

    let mut types = 0u32;
    for (t, &chance) in TYPE_CHANCES.iter().enumerate() {
        if rng.chance(chance) {
            types |= 1 << t;
        }
    }
    if types == 0 {
        types = 1 << rng.below(count(Facet::PartnerType));
    }

    Record {
        name_pattern: pattern as u8,
        name_parts,
        template: rng.below(TEMPLATE_COUNT) as u8,
        lead: rng.below(256) as u8,
        country: country as u8,
        city,
        // Every multi-choice facet has at most 16 values (a test checks).
        masks: [sizes, industries, products, services, types, designations].map(|m| m as u16),
    }
}
