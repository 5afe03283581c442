//! The partner directory ("Find a partner"): generated listings, and an
//! index that filters 100,000 of them per keystroke.
//!
//! - `generate(seed, count)` builds a `Directory` deterministically.
//! - `Directory::search(&DirectoryQuery)` returns matching ids in order;
//!   `Directory::facet_counts` the count behind each filter value;
//!   `Directory::listing(id)` renders one partner for display.
//! - `DirectoryQuery::from_query_pairs` / `to_query_pairs` keep the filters
//!   in the URL; `parse_partner_count` reads `?partners=N`.
//!
//! Filtering is an index, not a loop over partners: one bitset per facet
//! value (OR within a facet, AND across facets) and a sorted dictionary of
//! normalized words with per-word postings for keyword prefixes.

mod bitset;
mod facet;
mod facet_counts;
mod facet_index;
mod facet_value;
mod fx_hasher;
mod generate;
mod keyword_index;
mod keyword_index_builder;
mod listing;
mod normalize;
mod partner_count;
mod postings;
mod query;
mod query_notice;
mod record;
mod rng;
mod search;
mod sort_order;
pub mod vocabulary;
mod words;

use std::fmt;

pub use facet::Facet;
pub use facet_counts::FacetCounts;
pub use facet_value::FacetValue;
pub use generate::{generate, listing_of, DIRECTORY_SEED};
pub use listing::Listing;
pub use normalize::normalize;
pub use partner_count::{
    parse_partner_count, PartnerCountError, DEFAULT_PARTNER_COUNT, MAX_PARTNER_COUNT, PARTNERS_KEY,
};
pub use query::{DirectoryQuery, KEYWORDS_KEY, SORT_KEY};
pub use query_notice::QueryNotice;
pub use search::query_words;
pub use sort_order::SortOrder;

use facet_index::FacetIndex;
use keyword_index::KeywordIndex;
use keyword_index_builder::KeywordIndexBuilder;
use record::Record;

/// The partners and their index, built once per (seed, count).
///
/// A partner's id is its position, `0..len()`. The index is immutable:
/// the directory is regenerated, never edited, so there is no update path
/// to get wrong.
pub struct Directory {
    seed: u64,
    records: Vec<Record>,
    facets: FacetIndex,
    keywords: KeywordIndex,
    /// Ids sorted by normalized name, then id.
    by_name: Vec<u32>,
    /// `name_rank[id]` is the position of `id` in `by_name`.
    name_rank: Vec<u32>,
}

impl fmt::Debug for Directory {
    // The index is megabytes of bits; show what identifies the directory.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Directory")
            .field("seed", &self.seed)
            .field("len", &self.records.len())
            .field("words", &self.keywords.word_count())
            .finish_non_exhaustive()
    }
}

impl Directory {
    /// Indexes the records: facet bitsets, keyword dictionary, name order.
    fn from_records(seed: u64, records: Vec<Record>) -> Directory {
        let mut indexer = Indexer::new(records.len());
        for record in &records {
            indexer.add(record);
        }
        indexer.finish(seed, records)
    }

    /// The seed the partners were generated from.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// The number of partners.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// One partner, rendered for display; `None` for an id out of range.
    pub fn listing(&self, id: u32) -> Option<Listing> {
        let record = self.records.get(id as usize)?;
        Some(Listing::render(self.seed, id, record))
    }

    /// Every partner in id order, rendered one at a time.
    pub fn listings(&self) -> impl Iterator<Item = Listing> + '_ {
        (0..self.records.len() as u32).filter_map(|id| self.listing(id))
    }

    /// The partner with a public id ("p-000123"), if there is one.
    pub fn find_key(&self, key: &str) -> Option<Listing> {
        self.listing(Listing::id_of_key(key)?)
    }

    /// Approximate heap memory held, in bytes (records and index).
    pub fn heap_bytes(&self) -> usize {
        self.records.capacity() * std::mem::size_of::<Record>()
            + self.facets.heap_bytes()
            + self.keywords.heap_bytes()
            + (self.by_name.capacity() + self.name_rank.capacity()) * 4
    }
}

/// The index as it is built, one record at a time (in id order), so a
/// build can stop between records and let a browser paint
/// ([`DirectoryBuild`]).
struct Indexer {
    facets: FacetIndex,
    keywords: KeywordIndexBuilder,
    /// Each name as word ids, one after the other (2–4 words a name).
    name_words: Vec<u32>,
    name_starts: Vec<u32>,
}

impl Indexer {
    fn new(n: usize) -> Indexer {
        Indexer {
            facets: FacetIndex::new(n),
            keywords: KeywordIndexBuilder::new(n),
            name_words: Vec::with_capacity(n * 4),
            name_starts: Vec::with_capacity(n + 1),
        }
    }

    /// Indexes the next record (its id is the number added before it).
    fn add(&mut self, record: &Record) {
        // Every text of a partner is a static string many partners share
        // (name words, labels, template text): the builder tokenizes each
        // once, so no name or description is rendered to be indexed.
        const TEXT_FACETS: [Facet; 5] = [
            Facet::City,
            Facet::Country,
            Facet::Product,
            Facet::Service,
            Facet::Industry,
        ];
        let position = self.name_starts.len() as u32;
        for facet in Facet::ALL {
            for value in record.values(facet) {
                self.facets.insert(facet, value, position);
            }
        }
        self.name_starts.push(self.name_words.len() as u32);
        for word in record.name_words() {
            self.keywords
                .add_name_word(position, word, &mut self.name_words);
        }
        let keywords = &mut self.keywords;
        record.description_pieces(|text, _| keywords.add_static(position, text, false));
        for facet in TEXT_FACETS {
            for value in record.values(facet) {
                self.keywords
                    .add_static(position, facet.label(value), false);
            }
        }
    }

    fn finish(self, seed: u64, records: Vec<Record>) -> Directory {
        let Indexer {
            facets,
            keywords,
            mut name_words,
            mut name_starts,
        } = self;
        let n = records.len();
        name_starts.push(name_words.len() as u32);
        let (keywords, word_rank) = keywords.finish();

        // Names compare as their sequences of dictionary ranks: the same
        // order as their normalized text (words joined by a space, which
        // sorts below every letter and digit), without building that text.
        for id in &mut name_words {
            *id = word_rank.get(*id as usize).copied().unwrap_or(u32::MAX);
        }
        let sort_key = |id: u32| -> &[u32] {
            let i = id as usize;
            match (name_starts.get(i), name_starts.get(i + 1)) {
                (Some(&start), Some(&end)) => {
                    name_words.get(start as usize..end as usize).unwrap_or(&[])
                }
                _ => &[],
            }
        };
        // Stable sort: equal names stay in id order.
        let by_name = crate::sort::sorted_positions(n, &|a, b| sort_key(a).cmp(sort_key(b)));
        let mut name_rank = vec![0u32; n];
        for (rank, id) in by_name.iter().enumerate() {
            if let Some(slot) = name_rank.get_mut(*id as usize) {
                *slot = rank as u32;
            }
        }

        Directory {
            seed,
            records,
            facets,
            keywords,
            by_name,
            name_rank,
        }
    }
}

/// A directory built a slice at a time: `step` generates and indexes up to
/// `partners` more partners and says whether all are in; `finish` sorts the
/// names. The same directory as [`generate`], so a page can build 100,000
/// partners without holding the browser for the whole build.
pub struct DirectoryBuild {
    seed: u64,
    count: u32,
    cities: generate::CityRanges,
    records: Vec<Record>,
    indexer: Indexer,
}

impl DirectoryBuild {
    /// `count` is capped at `MAX_PARTNER_COUNT`, as in [`generate`].
    pub fn new(seed: u64, count: usize) -> DirectoryBuild {
        let count = count.min(MAX_PARTNER_COUNT);
        DirectoryBuild {
            seed,
            count: count as u32,
            cities: generate::CityRanges::new(),
            records: Vec::with_capacity(count),
            indexer: Indexer::new(count),
        }
    }

    /// Generates and indexes up to `partners` more; `true` once all are.
    pub fn step(&mut self, partners: usize) -> bool {
        for _ in 0..partners {
            let id = self.records.len() as u32;
            if id >= self.count {
                break;
            }
            let record = generate::record(self.seed, id, &self.cities);
            self.indexer.add(&record);
            self.records.push(record);
        }
        self.records.len() as u32 >= self.count
    }

    /// The partners generated so far.
    pub fn done(&self) -> usize {
        self.records.len()
    }

    /// The directory; call it once `step` has said `true`.
    pub fn finish(self) -> Directory {
        self.indexer.finish(self.seed, self.records)
    }
}

#[cfg(test)]
mod build_tests {
    use super::*;

    #[test]
    fn a_build_in_steps_is_the_generated_directory() {
        let whole = generate(7, 1_203);
        let mut build = DirectoryBuild::new(7, 1_203);
        let mut steps = 1;
        while !build.step(250) {
            steps += 1;
        }
        assert_eq!(steps, 5);
        assert_eq!(build.done(), 1_203);
        let stepped = build.finish();
        assert_eq!(stepped.len(), whole.len());
        for keywords in ["", "contoso", "cloud sec", "zz-no-such-word"] {
            let query = DirectoryQuery {
                keywords: keywords.to_string(),
                ..DirectoryQuery::default()
            };
            assert_eq!(stepped.search(&query), whole.search(&query), "{keywords}");
            assert_eq!(stepped.facet_counts(&query), whole.facet_counts(&query));
        }
        assert_eq!(
            stepped.listing(1_202).map(|l| l.name),
            whole.listing(1_202).map(|l| l.name)
        );
    }
}
