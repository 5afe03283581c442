//! Directory queries in URLs: any input is survivable, and shared links
//! read back exactly.

use domain::directory::{
    parse_partner_count, DirectoryQuery, Facet, QueryNotice, SortOrder, DEFAULT_PARTNER_COUNT,
    KEYWORDS_KEY, MAX_PARTNER_COUNT, PARTNERS_KEY, SORT_KEY,
};
use proptest::prelude::*;

/// Keys: mostly real ones, sometimes mangled or unknown.
fn key() -> impl Strategy<Value = String> {
    let mut known: Vec<String> = Facet::ALL.iter().map(|f| f.key().to_string()).collect();
    known.extend([KEYWORDS_KEY, SORT_KEY, PARTNERS_KEY].map(String::from));
    prop_oneof![
        4 => prop::sample::select(known),
        1 => prop::sample::select(vec!["Industry".to_string(), " city ".to_string()]),
        1 => any::<String>(),
    ]
}

/// Values: real slugs, comma lists of them, or any text at all.
fn value() -> impl Strategy<Value = String> {
    let slugs: Vec<String> = Facet::ALL
        .iter()
        .flat_map(|f| f.slugs().iter().map(|s| s.to_string()))
        .chain(["name", "relevance"].map(String::from))
        .collect();
    prop_oneof![
        3 => prop::sample::select(slugs.clone()),
        2 => prop::collection::vec(prop::sample::select(slugs), 1..4).prop_map(|v| v.join(",")),
        2 => any::<String>(),
        1 => "[a-z ,]{0,300}",
    ]
}

fn pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((key(), value()), 0..12)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_directory_url_reads_without_panicking_and_with_bounded_notices(pairs in pairs()) {
        let (query, notices) = DirectoryQuery::from_query_pairs(&pairs);
        prop_assert!(notices.len() <= QueryNotice::MAX_NOTICES + 1);
        prop_assert!(query.keywords.chars().count() <= DirectoryQuery::MAX_KEYWORDS_CHARS);
        for facet in Facet::ALL {
            let values = query.values(facet);
            prop_assert!(values.iter().all(|v| usize::from(*v) < facet.value_count()));
            prop_assert!(values.windows(2).all(|w| w[0] < w[1]), "sorted, no duplicates");
        }
        for notice in &notices {
            prop_assert!(!notice.to_string().is_empty());
        }
    }

    #[test]
    fn a_directory_url_read_back_from_its_own_pairs_is_the_same_query(pairs in pairs()) {
        let (query, _) = DirectoryQuery::from_query_pairs(&pairs);
        let written = query.to_query_pairs();
        let (again, notices) = DirectoryQuery::from_query_pairs(&written);
        prop_assert_eq!(&again, &query);
        prop_assert!(notices.is_empty(), "{:?}", notices);
        prop_assert_eq!(again.to_query_pairs(), written);
    }

    #[test]
    fn any_directory_partner_count_text_parses_or_is_refused_without_panicking(text in any::<String>()) {
        match parse_partner_count(&text) {
            Ok(n) => prop_assert!((1..=MAX_PARTNER_COUNT).contains(&n)),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn directory_query_pairs_list_only_what_differs_from_the_default() {
    let query = DirectoryQuery {
        sort: SortOrder::Relevance,
        designations: vec![5, 0, 5],
        ..DirectoryQuery::default()
    };
    assert_eq!(
        query.to_query_pairs(),
        vec![(
            "designation".to_string(),
            "modern-work,business-applications".to_string()
        )]
    );
}

#[test]
fn the_default_directory_has_five_thousand_partners() {
    assert_eq!(DEFAULT_PARTNER_COUNT, 5_000);
}
