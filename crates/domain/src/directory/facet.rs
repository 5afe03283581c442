//! The dimensions the directory can be filtered by.

use super::vocabulary as v;

/// One filterable dimension of a partner listing.
///
/// Country/region and city are single-choice (a partner has exactly one of
/// each); the others are multi-choice, and a partner may have several values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Country,
    City,
    Size,
    Industry,
    Product,
    Service,
    PartnerType,
    Designation,
}

impl Facet {
    /// Every facet, in the order the filter panel and the URL list them.
    pub const ALL: [Facet; 8] = [
        Facet::Country,
        Facet::City,
        Facet::Size,
        Facet::Industry,
        Facet::Product,
        Facet::Service,
        Facet::PartnerType,
        Facet::Designation,
    ];

    /// Position in `Facet::ALL`, for per-facet arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The URL query key (`?industry=healthcare,retail`).
    pub fn key(self) -> &'static str {
        match self {
            Facet::Country => "country",
            Facet::City => "city",
            Facet::Size => "size",
            Facet::Industry => "industry",
            Facet::Product => "product",
            Facet::Service => "service",
            Facet::PartnerType => "type",
            Facet::Designation => "designation",
        }
    }

    /// The facet named in a sentence ("Ignored unknown industry …").
    pub fn noun(self) -> &'static str {
        match self {
            Facet::Country => "country/region",
            Facet::City => "city",
            Facet::Size => "organization size",
            Facet::Industry => "industry",
            Facet::Product => "product",
            Facet::Service => "service",
            Facet::PartnerType => "partner type",
            Facet::Designation => "designation",
        }
    }

    /// The heading of the facet's filter group.
    pub fn title(self) -> &'static str {
        match self {
            Facet::Country => "Country/region",
            Facet::City => "City",
            Facet::Size => "Organization size",
            Facet::Industry => "Industry focus",
            Facet::Product => "Products",
            Facet::Service => "Services",
            Facet::PartnerType => "Partner type",
            Facet::Designation => "Designation",
        }
    }

    /// Whether at most one value can be chosen.
    pub fn is_single_choice(self) -> bool {
        matches!(self, Facet::Country | Facet::City)
    }

    /// The display labels, indexed by value.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            Facet::Country => v::COUNTRIES,
            Facet::City => v::CITIES,
            Facet::Size => v::SIZES,
            Facet::Industry => v::INDUSTRIES,
            Facet::Product => v::PRODUCTS,
            Facet::Service => v::SERVICES,
            Facet::PartnerType => v::PARTNER_TYPES,
            Facet::Designation => v::DESIGNATIONS,
        }
    }

    /// The URL slugs, parallel to `labels()`.
    pub fn slugs(self) -> &'static [&'static str] {
        match self {
            Facet::Country => v::COUNTRY_SLUGS,
            Facet::City => v::CITY_SLUGS,
            Facet::Size => v::SIZE_SLUGS,
            Facet::Industry => v::INDUSTRY_SLUGS,
            Facet::Product => v::PRODUCT_SLUGS,
            Facet::Service => v::SERVICE_SLUGS,
            Facet::PartnerType => v::PARTNER_TYPE_SLUGS,
            Facet::Designation => v::DESIGNATION_SLUGS,
        }
    }

    /// How many values the facet has.
    pub fn value_count(self) -> usize {
        self.labels().len()
    }

    /// The label of a value; "" for an index out of range, so a stale index
    /// renders as nothing instead of panicking.
    pub fn label(self, value: u16) -> &'static str {
        self.labels().get(usize::from(value)).copied().unwrap_or("")
    }

    /// The slug of a value; "" for an index out of range.
    pub fn slug(self, value: u16) -> &'static str {
        self.slugs().get(usize::from(value)).copied().unwrap_or("")
    }

    /// The value with this slug, ignoring ASCII case and surrounding spaces
    /// (hand-typed URLs).
    pub fn find_slug(self, slug: &str) -> Option<u16> {
        let slug = slug.trim();
        let position = self
            .slugs()
            .iter()
            .position(|s| s.eq_ignore_ascii_case(slug))?;
        u16::try_from(position).ok()
    }

    /// The cities of one country, as indices into `Facet::City`.
    pub fn cities_of(country: u16) -> impl Iterator<Item = u16> {
        v::CITY_COUNTRY
            .iter()
            .enumerate()
            .filter(move |(_, c)| u16::from(**c) == country)
            .filter_map(|(i, _)| u16::try_from(i).ok())
    }

    /// The country a city is in.
    pub fn country_of(city: u16) -> Option<u16> {
        v::CITY_COUNTRY
            .get(usize::from(city))
            .map(|c| u16::from(*c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::normalize;

    #[test]
    fn every_slug_table_is_parallel_to_its_label_table() {
        for facet in Facet::ALL {
            assert_eq!(facet.labels().len(), facet.slugs().len(), "{facet:?}");
        }
        assert_eq!(v::CITY_COUNTRY.len(), v::CITIES.len());
        assert_eq!(v::COUNTRY_CALLING_CODES.len(), v::COUNTRIES.len());
    }

    #[test]
    fn slugs_are_unique_url_safe_and_never_empty() {
        for facet in Facet::ALL {
            let slugs = facet.slugs();
            for (i, slug) in slugs.iter().enumerate() {
                assert!(!slug.is_empty());
                assert!(
                    slug.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'),
                    "{slug}"
                );
                assert!(!slugs[..i].contains(slug), "duplicate {slug}");
            }
        }
    }

    #[test]
    fn city_slugs_are_their_folded_labels() {
        for (label, slug) in v::CITIES.iter().zip(v::CITY_SLUGS) {
            assert_eq!(normalize(label).replace(' ', "-"), *slug);
        }
    }

    #[test]
    fn every_country_has_three_to_six_cities() {
        for country in 0..Facet::Country.value_count() {
            let n = Facet::cities_of(country as u16).count();
            assert!((3..=6).contains(&n), "{} has {n}", v::COUNTRIES[country]);
        }
    }

    #[test]
    fn multi_choice_facets_fit_in_a_16_bit_mask() {
        // Records store these as u16 masks; widen `Record::masks` to grow.
        for facet in Facet::ALL.into_iter().filter(|f| !f.is_single_choice()) {
            assert!(facet.value_count() <= 16, "{facet:?}");
        }
    }

    #[test]
    fn single_choice_facets_fit_in_a_128_bit_mask() {
        assert!(Facet::Country.value_count() <= 128);
        assert!(Facet::City.value_count() <= 128);
    }

    #[test]
    fn a_slug_is_found_regardless_of_case_and_spaces() {
        assert_eq!(Facet::Industry.find_slug(" Healthcare "), Some(5));
        assert_eq!(Facet::Industry.find_slug("xyz"), None);
        assert_eq!(Facet::Size.find_slug("1000-plus"), Some(4));
    }

    #[test]
    fn an_index_out_of_range_has_an_empty_label() {
        assert_eq!(Facet::Product.label(999), "");
        assert_eq!(Facet::Product.slug(999), "");
        assert_eq!(Facet::country_of(999), None);
    }
}
