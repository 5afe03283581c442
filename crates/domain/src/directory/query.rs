//! What the admin asked the directory for, and its URL form.

use super::facet::Facet;
use super::partner_count::PARTNERS_KEY;
use super::query_notice::QueryNotice;
use super::sort_order::SortOrder;

/// The URL query key of the keywords (`?q=contoso+cloud`).
pub const KEYWORDS_KEY: &str = "q";
/// The URL query key of the sort order (`?sort=name`).
pub const SORT_KEY: &str = "sort";

/// A directory search: keywords, facet filters and the order.
///
/// Facet values are indices into `Facet::X.labels()`. Within a facet, a
/// partner matches if it has *any* chosen value; across facets it must
/// match *all* facets that have a choice. A facet with no choice does not
/// filter. An index the facet lacks matches no partner.
///
/// Keywords: the text is normalized (see `normalize`) into words, and each
/// word must be the *beginning* of some word of the partner's name, city,
/// country/region, description, products, services or industries. So
/// "cont clou" finds "Contoso Cloud Services": users type word beginnings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DirectoryQuery {
    pub keywords: String,
    pub country: Option<u16>,
    pub city: Option<u16>,
    pub sizes: Vec<u16>,
    pub industries: Vec<u16>,
    pub products: Vec<u16>,
    pub services: Vec<u16>,
    pub types: Vec<u16>,
    pub designations: Vec<u16>,
    pub sort: SortOrder,
}

impl DirectoryQuery {
    /// Keywords longer than this are cut when read from a URL: nobody types
    /// more, and it bounds the work a pasted URL can cause.
    pub const MAX_KEYWORDS_CHARS: usize = 200;

    /// The chosen values of `facet` (at most one for country and city).
    pub fn values(&self, facet: Facet) -> &[u16] {
        match facet {
            Facet::Country => self.country.as_slice(),
            Facet::City => self.city.as_slice(),
            Facet::Size => &self.sizes,
            Facet::Industry => &self.industries,
            Facet::Product => &self.products,
            Facet::Service => &self.services,
            Facet::PartnerType => &self.types,
            Facet::Designation => &self.designations,
        }
    }

    fn multi_mut(&mut self, facet: Facet) -> Option<&mut Vec<u16>> {
        match facet {
            Facet::Country | Facet::City => None,
            Facet::Size => Some(&mut self.sizes),
            Facet::Industry => Some(&mut self.industries),
            Facet::Product => Some(&mut self.products),
            Facet::Service => Some(&mut self.services),
            Facet::PartnerType => Some(&mut self.types),
            Facet::Designation => Some(&mut self.designations),
        }
    }

    /// Chooses or un-chooses one value, as a filter checkbox does. For
    /// country and city, choosing replaces the previous choice; choosing a
    /// country drops a city outside it.
    pub fn toggle(&mut self, facet: Facet, value: u16) {
        match facet {
            Facet::Country => {
                self.country = (self.country != Some(value)).then_some(value);
                if self.city.and_then(Facet::country_of) != self.country {
                    self.city = None;
                }
            }
            Facet::City => self.city = (self.city != Some(value)).then_some(value),
            _ => {
                if let Some(values) = self.multi_mut(facet) {
                    if let Some(at) = values.iter().position(|v| *v == value) {
                        values.remove(at);
                    } else {
                        values.push(value);
                        values.sort_unstable();
                    }
                }
            }
        }
    }

    /// Whether any keyword or facet filters (the sort does not filter).
    pub fn has_filters(&self) -> bool {
        !self.keywords.trim().is_empty() || Facet::ALL.iter().any(|f| !self.values(*f).is_empty())
    }

    /// "Clear all": no keywords, no facet choice; the sort stays.
    pub fn cleared(&self) -> DirectoryQuery {
        DirectoryQuery {
            sort: self.sort,
            ..DirectoryQuery::default()
        }
    }

    /// Reads a query from URL query pairs, never failing: unknown keys,
    /// unknown slugs and extra values of single-choice keys are ignored,
    /// each with a notice. Facet values may be comma-separated or repeated
    /// (`?industry=a,b` = `?industry=a&industry=b`); keys and slugs ignore
    /// ASCII case. `partners` belongs to the page (see
    /// `parse_partner_count`) and is skipped without a notice.
    pub fn from_query_pairs(pairs: &[(String, String)]) -> (DirectoryQuery, Vec<QueryNotice>) {
        let mut query = DirectoryQuery::default();
        let mut notices = Notices::default();
        let mut keywords_seen = false;
        let mut sort_seen = false;
        for (key, value) in pairs {
            let key = key.trim();
            if key.eq_ignore_ascii_case(KEYWORDS_KEY) {
                if keywords_seen {
                    notices.push(QueryNotice::ExtraValue {
                        noun: "keywords",
                        value: shorten(value),
                    });
                    continue;
                }
                keywords_seen = true;
                if has_undecoded_escape(value) {
                    // Not what anyone typed: the link was cut or re-encoded.
                    notices.push(QueryNotice::KeywordsUnreadable {
                        raw: shorten(value),
                    });
                    continue;
                }
                query.keywords = value.clone();
                if let Some((cut, _)) = value.char_indices().nth(Self::MAX_KEYWORDS_CHARS) {
                    query.keywords.truncate(cut);
                    notices.push(QueryNotice::KeywordsShortened {
                        max_chars: Self::MAX_KEYWORDS_CHARS,
                    });
                }
            } else if key.eq_ignore_ascii_case(SORT_KEY) {
                match SortOrder::from_slug(value) {
                    Some(_) if sort_seen => notices.push(QueryNotice::ExtraValue {
                        noun: "sort order",
                        value: shorten(value),
                    }),
                    Some(sort) => {
                        query.sort = sort;
                        sort_seen = true;
                    }
                    None => notices.push(QueryNotice::UnknownValue {
                        noun: "sort order",
                        value: shorten(value),
                    }),
                }
            } else if key.eq_ignore_ascii_case(PARTNERS_KEY) {
                // The page's own parameter, parsed by `parse_partner_count`.
            } else if let Some(facet) = Facet::ALL
                .into_iter()
                .find(|f| f.key().eq_ignore_ascii_case(key))
            {
                for slug in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    query.choose(facet, slug, &mut notices);
                }
            } else {
                notices.push(QueryNotice::UnknownParameter { key: shorten(key) });
            }
        }
        if let (Some(city), Some(country)) = (query.city, query.country) {
            if Facet::country_of(city) != Some(country) {
                notices.push(QueryNotice::CityOutsideCountry {
                    city: Facet::City.label(city),
                    country: Facet::Country.label(country),
                });
                query.city = None;
            }
        }
        (query, notices.finish())
    }

    fn choose(&mut self, facet: Facet, slug: &str, notices: &mut Notices) {
        let Some(value) = facet.find_slug(slug) else {
            notices.push(QueryNotice::UnknownValue {
                noun: facet.noun(),
                value: shorten(slug),
            });
            return;
        };
        let single = match facet {
            Facet::Country => Some(&mut self.country),
            Facet::City => Some(&mut self.city),
            _ => None,
        };
        match single {
            Some(chosen) => match *chosen {
                None => *chosen = Some(value),
                Some(previous) if previous == value => {}
                Some(_) => notices.push(QueryNotice::ExtraValue {
                    noun: facet.noun(),
                    value: shorten(slug),
                }),
            },
            None => {
                if let Some(values) = self.multi_mut(facet) {
                    if !values.contains(&value) {
                        values.push(value);
                        values.sort_unstable();
                    }
                }
            }
        }
    }

    /// The URL query pairs of this query: only what differs from the
    /// default, keys in `Facet::ALL` order between `q` and `sort`, values
    /// as sorted comma-separated slugs. Equal queries give equal URLs, and
    /// `from_query_pairs` reads them back unchanged.
    pub fn to_query_pairs(&self) -> Vec<(String, String)> {
        let mut pairs = Vec::new();
        if !self.keywords.is_empty() {
            pairs.push((KEYWORDS_KEY.to_string(), self.keywords.clone()));
        }
        for facet in Facet::ALL {
            let mut values: Vec<u16> = self
                .values(facet)
                .iter()
                .copied()
                .filter(|v| usize::from(*v) < facet.value_count())
                .collect();
            values.sort_unstable();
            values.dedup();
            if !values.is_empty() {
                let slugs: Vec<&str> = values.iter().map(|v| facet.slug(*v)).collect();
                pairs.push((facet.key().to_string(), slugs.join(",")));
            }
        }
        if self.sort != SortOrder::default() {
            pairs.push((SORT_KEY.to_string(), self.sort.slug().to_string()));
        }
        pairs
    }
}

/// Whether `text` holds percent escapes that do not decode to text
/// ("%E0%A4%A": half a character): what a URL decoder leaves behind when a
/// link was cut or re-encoded. Escapes that do decode ("%3C") were typed:
/// the app's own links encode a typed "%" as "%25", so they read back as
/// typed and are searched as such.
fn has_undecoded_escape(text: &str) -> bool {
    if !text.contains('%') {
        return false;
    }
    let hex = |b: u8| char::from(b).to_digit(16);
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escape = match (bytes.get(i + 1), bytes.get(i + 2)) {
            (Some(&h), Some(&l)) if bytes[i] == b'%' => hex(h).zip(hex(l)),
            _ => None,
        };
        match escape {
            Some((h, l)) => {
                decoded.push((h * 16 + l) as u8);
                i += 3;
            }
            None => {
                decoded.push(bytes[i]);
                i += 1;
            }
        }
    }
    std::str::from_utf8(&decoded).is_err()
}

/// Collects notices up to `QueryNotice::MAX_NOTICES`, counting the rest.
#[derive(Default)]
struct Notices {
    listed: Vec<QueryNotice>,
    more: usize,
}

impl Notices {
    fn push(&mut self, notice: QueryNotice) {
        if self.listed.contains(&notice) {
            return;
        }
        if self.listed.len() < QueryNotice::MAX_NOTICES {
            self.listed.push(notice);
        } else {
            self.more += 1;
        }
    }

    fn finish(mut self) -> Vec<QueryNotice> {
        if self.more > 0 {
            self.listed
                .push(QueryNotice::MoreIgnored { count: self.more });
        }
        self.listed
    }
}

/// Keeps echoed values short and printable whatever was pasted.
fn shorten(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '\u{fffd}' } else { c })
        .collect();
    if text.chars().nth(MAX).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn a_full_query_reads_from_and_writes_to_the_same_pairs() {
        let url = pairs(&[
            ("q", "contoso cloud"),
            ("country", "de"),
            ("city", "berlin"),
            ("size", "1-9,1000-plus"),
            ("industry", "healthcare,retail"),
            ("product", "azure"),
            ("service", "migration"),
            ("type", "gdap"),
            ("designation", "security"),
            ("sort", "name"),
        ]);
        let (query, notices) = DirectoryQuery::from_query_pairs(&url);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(query.country, Some(7));
        assert_eq!(query.sizes, vec![0, 4]);
        assert_eq!(query.sort, SortOrder::Name);
        assert_eq!(query.to_query_pairs(), url);
    }

    #[test]
    fn the_default_query_has_no_pairs() {
        assert!(DirectoryQuery::default().to_query_pairs().is_empty());
    }

    #[test]
    fn an_unknown_industry_is_ignored_with_a_notice() {
        let (query, notices) =
            DirectoryQuery::from_query_pairs(&pairs(&[("industry", "xyz,healthcare")]));
        assert_eq!(query.industries, vec![5]);
        assert_eq!(notices.len(), 1);
        assert_eq!(
            notices[0].to_string(),
            "The link asks for the industry “xyz”, which the directory does not list; the list is not filtered by it."
        );
    }

    #[test]
    fn unknown_keys_and_sorts_are_ignored_with_notices() {
        let (query, notices) = DirectoryQuery::from_query_pairs(&pairs(&[
            ("colour", "blue"),
            ("sort", "price"),
            ("partners", "100000"),
        ]));
        assert_eq!(query, DirectoryQuery::default());
        let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec![
                "The link holds a setting this page does not have; it was left out.",
                "The link asks for an order this page does not offer (“price”); the list keeps its usual order."
            ]
        );
        // The parameter's name is for support, under Details only.
        assert_eq!(
            notices[0].detail().as_deref(),
            Some("Unknown parameter: colour")
        );
        assert!(!text[0].contains("colour") && !text[0].contains("parameter"));
    }

    #[test]
    fn repeated_and_comma_separated_values_mean_the_same() {
        let (a, _) = DirectoryQuery::from_query_pairs(&pairs(&[("product", "teams,azure")]));
        let (b, _) = DirectoryQuery::from_query_pairs(&pairs(&[
            ("product", "azure"),
            ("Product", " TEAMS "),
        ]));
        assert_eq!(a, b);
        assert_eq!(a.products, vec![2, 3]);
    }

    #[test]
    fn a_second_country_is_ignored_with_a_notice() {
        let (query, notices) =
            DirectoryQuery::from_query_pairs(&pairs(&[("country", "de,fr"), ("country", "de")]));
        assert_eq!(query.country, Some(7));
        assert_eq!(
            notices,
            vec![QueryNotice::ExtraValue {
                noun: "country/region",
                value: "fr".into()
            }]
        );
    }

    #[test]
    fn a_city_outside_the_country_is_dropped() {
        let (query, notices) =
            DirectoryQuery::from_query_pairs(&pairs(&[("country", "us"), ("city", "paris")]));
        assert_eq!(query.city, None);
        assert_eq!(
            notices[0].to_string(),
            "The link's city, Paris, is not in United States; the list is not filtered by city."
        );
    }

    #[test]
    fn long_keywords_are_shortened_on_a_character_boundary() {
        let long = "é".repeat(300);
        let (query, notices) = DirectoryQuery::from_query_pairs(&pairs(&[("q", &long)]));
        assert_eq!(
            query.keywords.chars().count(),
            DirectoryQuery::MAX_KEYWORDS_CHARS
        );
        assert_eq!(
            notices,
            vec![QueryNotice::KeywordsShortened { max_chars: 200 }]
        );
    }

    #[test]
    fn a_flood_of_junk_yields_a_bounded_list_of_notices() {
        let junk: Vec<(String, String)> = (0..1000)
            .map(|i| (format!("k{i}"), String::new()))
            .collect();
        let (_, notices) = DirectoryQuery::from_query_pairs(&junk);
        assert_eq!(notices.len(), QueryNotice::MAX_NOTICES + 1);
        assert_eq!(
            notices.last(),
            Some(&QueryNotice::MoreIgnored { count: 990 })
        );
    }

    #[test]
    fn echoed_values_are_shortened_and_stripped_of_control_characters() {
        let (_, notices) = DirectoryQuery::from_query_pairs(&pairs(&[(
            "industry",
            &format!("a\nb{}", "x".repeat(100)),
        )]));
        let text = notices[0].to_string();
        assert!(text.contains("a\u{fffd}b"));
        assert!(text.contains('…'));
        // The sentence around a value cut to 40 characters.
        assert!(text.chars().count() < 160);
    }

    #[test]
    fn keywords_a_link_garbled_are_dropped_with_a_notice_not_searched() {
        let (query, notices) = DirectoryQuery::from_query_pairs(&pairs(&[("q", "%E0%A4%A")]));
        assert_eq!(query.keywords, "");
        assert_eq!(
            notices[0].to_string(),
            "The link's keywords could not be read (the link may have been cut or changed); the search starts without keywords."
        );
        assert_eq!(notices[0].detail().as_deref(), Some("q=%E0%A4%A"));
        // A percent sign in words is fine, and so is an escape someone typed.
        for typed in ["100% cloud", "%3Cscript%3E", "50%"] {
            let (query, notices) = DirectoryQuery::from_query_pairs(&pairs(&[("q", typed)]));
            assert_eq!((query.keywords.as_str(), notices.len()), (typed, 0));
        }
    }

    #[test]
    fn toggling_a_value_twice_restores_the_query() {
        let mut query = DirectoryQuery::default();
        query.toggle(Facet::Industry, 3);
        query.toggle(Facet::Industry, 1);
        assert_eq!(query.industries, vec![1, 3]);
        query.toggle(Facet::Industry, 3);
        query.toggle(Facet::Industry, 1);
        assert_eq!(query, DirectoryQuery::default());
    }

    #[test]
    fn choosing_another_country_drops_a_city_outside_it() {
        let mut query = DirectoryQuery::default();
        query.toggle(Facet::Country, 7);
        query.toggle(Facet::City, 30); // Berlin
        query.toggle(Facet::Country, 6); // France
        assert_eq!((query.country, query.city), (Some(6), None));
    }

    #[test]
    fn clearing_keeps_only_the_sort() {
        let query = DirectoryQuery {
            keywords: "x".into(),
            sizes: vec![1],
            sort: SortOrder::Name,
            ..DirectoryQuery::default()
        };
        assert!(query.has_filters());
        let cleared = query.cleared();
        assert!(!cleared.has_filters());
        assert_eq!(cleared.sort, SortOrder::Name);
    }
}
