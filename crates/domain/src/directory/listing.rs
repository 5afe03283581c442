//! A partner as the directory shows it.

use serde::Serialize;

use super::facet::Facet;
use super::facet_value::FacetValue;
use super::record::Record;
use super::rng::SplitMix64;

/// Everything the directory shows about one partner, rendered from the
/// compact stored record by `Directory::listing` (only for the rows on
/// screen, so 100,000 of these never exist at once).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Listing {
    /// Position in the directory, 0-based; the key the UI lists by.
    pub id: u32,
    /// The public id, "p-000123", for URLs and contact requests.
    pub key: String,
    pub name: String,
    pub country: FacetValue,
    pub city: FacetValue,
    /// Organization sizes served.
    pub sizes: Vec<FacetValue>,
    pub industries: Vec<FacetValue>,
    pub products: Vec<FacetValue>,
    pub services: Vec<FacetValue>,
    pub partner_types: Vec<FacetValue>,
    pub designations: Vec<FacetValue>,
    /// One sentence about what the partner does.
    pub description: String,
    /// An https URL on the reserved `.example` domain: fictional, never live.
    pub website: String,
    pub email: String,
    /// A fictional number in the partner's country format "+CC NNN NNN NNNN".
    pub phone: String,
}

/// The random stream of phone numbers, apart from the facets' stream.
const PHONE_STREAM: u64 = 2;

impl Listing {
    /// The public id of position `id`.
    pub fn key_of(id: u32) -> String {
        format!("p-{id:06}")
    }

    /// The position a public id names ("p-000123" → 123), if well formed.
    pub fn id_of_key(key: &str) -> Option<u32> {
        let digits = key.trim().strip_prefix("p-")?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    }

    pub(crate) fn render(seed: u64, id: u32, record: &Record) -> Listing {
        let values = |facet: Facet| -> Vec<FacetValue> {
            record
                .values(facet)
                .map(|index| FacetValue { facet, index })
                .collect()
        };
        let mut name = String::new();
        record.write_name(&mut name);
        let mut description = String::new();
        record.write_description(&mut description);
        let domain = record.domain();
        let mut rng = SplitMix64::for_item(seed, PHONE_STREAM, id);
        let mailbox = ["hello", "contact", "info", "partners"][rng.below(4) as usize % 4];
        let phone = format!(
            "+{} {} {:03} {:04}",
            record.calling_code(),
            200 + rng.below(800),
            rng.below(1000),
            rng.below(10_000)
        );
        Listing {
            id,
            key: Self::key_of(id),
            name,
            country: FacetValue {
                facet: Facet::Country,
                index: u16::from(record.country),
            },
            city: FacetValue {
                facet: Facet::City,
                index: u16::from(record.city),
            },
            sizes: values(Facet::Size),
            industries: values(Facet::Industry),
            products: values(Facet::Product),
            services: values(Facet::Service),
            partner_types: values(Facet::PartnerType),
            designations: values(Facet::Designation),
            description,
            website: format!("https://www.{domain}"),
            email: format!("{mailbox}@{domain}"),
            phone,
        }
    }

    /// The values of one facet (one value for country and city).
    pub fn values(&self, facet: Facet) -> &[FacetValue] {
        match facet {
            Facet::Country => std::slice::from_ref(&self.country),
            Facet::City => std::slice::from_ref(&self.city),
            Facet::Size => &self.sizes,
            Facet::Industry => &self.industries,
            Facet::Product => &self.products,
            Facet::Service => &self.services,
            Facet::PartnerType => &self.partner_types,
            Facet::Designation => &self.designations,
        }
    }

    /// "Seattle, United States".
    pub fn location(&self) -> String {
        format!("{}, {}", self.city.label(), self.country.label())
    }

    /// The text keywords are matched against, field by field: name, city,
    /// country, description, products, services, industries. (Partner types
    /// and designations are filters, not keywords.)
    pub fn searchable_text(&self) -> String {
        let mut text = format!(
            "{} {} {} {}",
            self.name,
            self.city.label(),
            self.country.label(),
            self.description
        );
        for value in self
            .products
            .iter()
            .chain(&self.services)
            .chain(&self.industries)
        {
            text.push(' ');
            text.push_str(value.label());
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_round_trips_to_its_id() {
        assert_eq!(Listing::key_of(123), "p-000123");
        assert_eq!(Listing::id_of_key("p-000123"), Some(123));
        assert_eq!(Listing::id_of_key("p-1234567"), Some(1_234_567));
    }

    #[test]
    fn a_malformed_key_names_no_partner() {
        for key in [
            "",
            "p-",
            "p-12a",
            "q-000001",
            "p--1",
            "p-99999999999999999999",
        ] {
            assert_eq!(Listing::id_of_key(key), None, "{key}");
        }
    }
}
