//! The directory index against a naive reference filter.
//!
//! The reference is a plain loop over rendered listings that states the
//! documented semantics directly; the index must return exactly its ids,
//! in exactly its order, for random directories and random queries.

use domain::directory::{
    generate, normalize, Directory, DirectoryQuery, Facet, Listing, SortOrder,
};
use proptest::prelude::*;

/// What the reference needs of one listing, computed once.
struct Row {
    id: u32,
    name_key: String,
    name_words: Vec<String>,
    text_words: Vec<String>,
    values: Vec<Vec<u16>>,
}

fn words(text: &str) -> Vec<String> {
    normalize(text)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn rows(directory: &Directory) -> Vec<Row> {
    directory
        .listings()
        .map(|l: Listing| Row {
            id: l.id,
            name_key: normalize(&l.name),
            name_words: words(&l.name),
            text_words: words(&l.searchable_text()),
            values: Facet::ALL
                .iter()
                .map(|f| l.values(*f).iter().map(|v| v.index).collect())
                .collect(),
        })
        .collect()
}

/// The documented semantics, as a loop: every chosen facet has one of the
/// row's values; every distinct query word begins some word of the text.
/// Score: 2 per query word beginning a name word, else 1.
fn reference(rows: &[Row], query: &DirectoryQuery) -> Vec<u32> {
    let mut query_words: Vec<String> = Vec::new();
    for w in words(&query.keywords) {
        if !query_words.contains(&w) {
            query_words.push(w);
        }
    }
    let mut hits: Vec<(u32, &Row)> = Vec::new();
    for row in rows {
        let facets_ok = Facet::ALL.iter().all(|f| {
            let chosen = query.values(*f);
            chosen.is_empty() || row.values[f.index()].iter().any(|v| chosen.contains(v))
        });
        let keywords_ok = query_words
            .iter()
            .all(|q| row.text_words.iter().any(|t| t.starts_with(q.as_str())));
        if facets_ok && keywords_ok {
            let score = query_words
                .iter()
                .map(|q| {
                    if row.name_words.iter().any(|t| t.starts_with(q.as_str())) {
                        2
                    } else {
                        1
                    }
                })
                .sum();
            hits.push((score, row));
        }
    }
    match query.sort {
        SortOrder::Relevance => hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.id.cmp(&b.1.id))),
        SortOrder::Name => {
            hits.sort_by(|a, b| a.1.name_key.cmp(&b.1.name_key).then(a.1.id.cmp(&b.1.id)))
        }
    }
    hits.into_iter().map(|(_, row)| row.id).collect()
}

/// A query described by plain numbers, so proptest can shrink it; it is
/// turned into keywords and values by drawing from the generated data,
/// mostly from one "focus" listing so that results are often non-empty.
#[derive(Clone, Debug)]
struct QuerySpec {
    focus: usize,
    /// (word, prefix length, variant) per keyword.
    keywords: Vec<(usize, usize, u8)>,
    /// (facet, pick) choices: a pick below 50 takes a value of the focus
    /// listing, up to 90 any value, above that a value past the vocabulary.
    choices: Vec<(usize, u16)>,
    by_name: bool,
}

fn query_spec() -> impl Strategy<Value = QuerySpec> {
    (
        0..400usize,
        prop::collection::vec((0..40usize, 1..12usize, 0..10u8), 0..4),
        prop::collection::vec((0..8usize, 0..100u16), 0..3),
        any::<bool>(),
    )
        .prop_map(|(focus, keywords, choices, by_name)| QuerySpec {
            focus,
            keywords,
            choices,
            by_name,
        })
}

/// Fixed keyword fragments that exercise normalization paths.
const TRICKY: &[&str] = &[
    "Düss",
    "SÃO",
    "data & ai",
    "365",
    "MICROSOFT 3",
    "  ",
    "-",
    "zz",
    "é",
];

fn build_query(spec: &QuerySpec, rows: &[Row]) -> DirectoryQuery {
    let mut query = DirectoryQuery {
        sort: if spec.by_name {
            SortOrder::Name
        } else {
            SortOrder::Relevance
        },
        ..DirectoryQuery::default()
    };
    let focus = (!rows.is_empty()).then(|| &rows[spec.focus % rows.len()]);
    let mut keywords = Vec::new();
    for &(word, prefix, variant) in &spec.keywords {
        let row = match (variant, focus) {
            (9, _) | (_, None) => {
                keywords.push(TRICKY[word % TRICKY.len()].to_string());
                continue;
            }
            // Another listing's word: the conjunction may well be empty.
            (8, Some(_)) => &rows[(spec.focus + word) % rows.len()],
            (_, Some(row)) => row,
        };
        let source = if variant == 7 {
            &row.name_words
        } else {
            &row.text_words
        };
        let Some(w) = source.get(word % source.len().max(1)) else {
            continue;
        };
        let cut: String = w.chars().take(prefix).collect();
        keywords.push(match variant {
            0 => cut.to_uppercase(),
            1 => format!("{cut}q"),
            _ => cut,
        });
    }
    query.keywords = keywords.join(if spec.keywords.len().is_multiple_of(2) {
        " "
    } else {
        ",  "
    });
    for &(facet, pick) in &spec.choices {
        let facet = Facet::ALL[facet % 8];
        let count = facet.value_count() as u16;
        let value = match (pick, focus) {
            (0..50, Some(row)) => {
                let own = &row.values[facet.index()];
                own.get(usize::from(pick) % own.len().max(1))
                    .copied()
                    .unwrap_or(0)
            }
            (0..90, _) => pick % count,
            _ => count + pick,
        };
        match facet {
            Facet::Country => query.country = Some(value),
            Facet::City => query.city = Some(value),
            _ => query.toggle(facet, value),
        }
    }
    query
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_directory_index_returns_exactly_the_reference_ids_in_order(
        seed in any::<u64>(),
        count in 0..400usize,
        spec in query_spec(),
    ) {
        let directory = generate(seed, count);
        let rows = rows(&directory);
        let query = build_query(&spec, &rows);
        prop_assert_eq!(directory.search(&query), reference(&rows, &query), "query {:?}", query);
        let other = DirectoryQuery {
            sort: if query.sort == SortOrder::Name { SortOrder::Relevance } else { SortOrder::Name },
            ..query.clone()
        };
        prop_assert_eq!(directory.search(&other), reference(&rows, &other), "query {:?}", other);
    }

    #[test]
    fn directory_facet_counts_equal_the_reference_with_each_value_chosen_alone(
        seed in any::<u64>(),
        count in 0..150usize,
        spec in query_spec(),
    ) {
        let directory = generate(seed, count);
        let rows = rows(&directory);
        let query = build_query(&spec, &rows);
        let counts = directory.facet_counts(&query);
        for facet in Facet::ALL {
            prop_assert_eq!(counts.get(facet).len(), facet.value_count());
            for value in 0..facet.value_count() as u16 {
                let mut alone = query.clone();
                match facet {
                    Facet::Country => alone.country = Some(value),
                    Facet::City => alone.city = Some(value),
                    _ => {
                        for v in query.values(facet).to_vec() {
                            alone.toggle(facet, v);
                        }
                        alone.toggle(facet, value);
                    }
                }
                prop_assert_eq!(
                    counts.count(facet, value) as usize,
                    reference(&rows, &alone).len(),
                    "{:?} {} of {:?}", facet, value, query
                );
            }
        }
    }
}

#[test]
fn a_directory_keyword_must_begin_a_word_not_sit_inside_one() {
    let directory = generate(3, 300);
    let contoso = DirectoryQuery {
        keywords: "contoso".into(),
        ..DirectoryQuery::default()
    };
    let inside = DirectoryQuery {
        keywords: "ontoso".into(),
        ..DirectoryQuery::default()
    };
    assert!(!directory.search(&contoso).is_empty());
    assert!(directory.search(&inside).is_empty());
}

#[test]
fn directory_keywords_ignore_case_and_accents() {
    let directory = generate(5, 2000);
    let folded = DirectoryQuery {
        keywords: "dusseldorf".into(),
        ..DirectoryQuery::default()
    };
    let typed = DirectoryQuery {
        keywords: "DÜSSELDORF".into(),
        ..DirectoryQuery::default()
    };
    let hits = directory.search(&folded);
    assert!(!hits.is_empty());
    assert_eq!(hits, directory.search(&typed));
}

#[test]
fn in_the_directory_a_name_match_ranks_before_a_description_match() {
    let directory = generate(11, 3000);
    let query = DirectoryQuery {
        keywords: "security".into(),
        ..DirectoryQuery::default()
    };
    let ids = directory.search(&query);
    let in_name = |id: &u32| {
        directory.listing(*id).is_some_and(|l| {
            normalize(&l.name)
                .split(' ')
                .any(|w| w.starts_with("security"))
        })
    };
    let first_other = ids.iter().position(|id| !in_name(id)).unwrap_or(ids.len());
    assert!(first_other > 0, "some names contain Security");
    assert!(ids[first_other..].iter().all(|id| !in_name(id)));
}

#[test]
fn an_empty_directory_answers_every_query_with_nothing() {
    let directory = generate(1, 0);
    let query = DirectoryQuery {
        keywords: "a".into(),
        sizes: vec![1],
        ..DirectoryQuery::default()
    };
    assert!(directory.search(&query).is_empty());
    assert!(directory.search(&DirectoryQuery::default()).is_empty());
    assert!(directory
        .facet_counts(&query)
        .get(Facet::Size)
        .iter()
        .all(|c| *c == 0));
}
