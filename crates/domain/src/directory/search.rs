//! Answering a query from the index.

use std::ops::Range;

use super::bitset::{push_bits, Bitset};
use super::facet::Facet;
use super::facet_counts::FacetCounts;
use super::normalize::for_each_word;
use super::query::DirectoryQuery;
use super::sort_order::SortOrder;
use super::Directory;

/// The distinct normalized words of a keyword query, in typed order.
/// Repeating a word ("cloud cloud") asks nothing more.
pub fn query_words(keywords: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut scratch = String::new();
    for_each_word(keywords, &mut scratch, |w| {
        if !words.iter().any(|seen| seen == w) {
            words.push(w.to_string());
        }
    });
    words
}

impl Directory {
    /// The ids of the partners matching `query`, in its sort order.
    ///
    /// Cost: one pass of `u64` words per chosen facet value and per
    /// dictionary word starting with a query word, then one pass over the
    /// matches to order them. See `DirectoryQuery` for the semantics.
    pub fn search(&self, query: &DirectoryQuery) -> Vec<u32> {
        let ranges = self.keyword_ranges(&query.keywords);
        let mut matches = Bitset::full(self.len());
        for facet in Facet::ALL {
            self.keep_facet(query, facet, &mut matches);
        }
        self.keep_keywords(&ranges, &mut matches);
        match query.sort {
            SortOrder::Relevance => self.by_relevance(&matches, &ranges),
            SortOrder::Name => self.by_name(&matches),
        }
    }

    /// For every facet value, how many partners match the query with that
    /// value as the facet's only choice and every other filter as is.
    pub fn facet_counts(&self, query: &DirectoryQuery) -> FacetCounts {
        let n = self.len();
        let ranges = self.keyword_ranges(&query.keywords);
        let mut keyword_matches = Bitset::full(n);
        self.keep_keywords(&ranges, &mut keyword_matches);
        let chosen: Vec<Option<Bitset>> = Facet::ALL
            .iter()
            .map(|&facet| {
                let values = query.values(facet);
                (!values.is_empty()).then(|| self.facets.any_of(facet, values, n))
            })
            .collect();
        let mut counts = FacetCounts::default();
        for facet in Facet::ALL {
            let mut base = keyword_matches.clone();
            for (other, set) in Facet::ALL.iter().zip(&chosen) {
                if let (true, Some(set)) = (*other != facet, set) {
                    base.and_words(set.words());
                }
            }
            counts.counts[facet.index()] = (0..facet.value_count() as u16)
                .map(|value| {
                    self.facets
                        .value_bits(facet, value)
                        .map_or(0, |bits| base.count_and(bits) as u32)
                })
                .collect();
        }
        counts
    }

    /// For each query word, the dictionary words it is a prefix of.
    fn keyword_ranges(&self, keywords: &str) -> Vec<Range<usize>> {
        query_words(keywords)
            .iter()
            .map(|word| self.keywords.prefix_range(word))
            .collect()
    }

    /// AND with the partners having any chosen value of `facet`.
    fn keep_facet(&self, query: &DirectoryQuery, facet: Facet, matches: &mut Bitset) {
        let values = query.values(facet);
        if !values.is_empty() {
            let any = self.facets.any_of(facet, values, self.len());
            matches.and_words(any.words());
        }
    }

    /// AND with, per query word, the partners having a word it begins.
    fn keep_keywords(&self, ranges: &[Range<usize>], matches: &mut Bitset) {
        let mut word_matches = Bitset::empty(self.len());
        for range in ranges {
            if matches.is_empty() {
                return;
            }
            word_matches.clear();
            self.keywords.or_anywhere(range.clone(), &mut word_matches);
            matches.and_words(word_matches.words());
        }
    }

    /// Score = 2 per query word matching the name, 1 per word matching
    /// elsewhere; every match has all words, so ordering by the number of
    /// name hits (descending) then id is ordering by score then id.
    ///
    /// The hit count of every partner is summed 64 partners at a time in
    /// bit-sliced counters (digit `k` of 64 counters in one `u64`), then each
    /// score's members are emitted in id order: no per-partner loop over
    /// query words, no comparison sort.
    fn by_relevance(&self, matches: &Bitset, ranges: &[Range<usize>]) -> Vec<u32> {
        let mut ids = Vec::with_capacity(matches.count());
        if ranges.is_empty() {
            matches.push_members(&mut ids);
            return ids;
        }
        let chunks = matches.words().len();
        let digits = (usize::BITS - ranges.len().leading_zeros()) as usize;
        let mut counters = vec![0u64; chunks * digits];
        let mut hits = Bitset::empty(self.len());
        for range in ranges {
            hits.clear();
            self.keywords.or_in_name(range.clone(), &mut hits);
            for (chunk, (hit, matched)) in counters
                .chunks_exact_mut(digits)
                .zip(hits.words().iter().zip(matches.words()))
            {
                // Ripple-carry add of one bit per partner.
                let mut carry = hit & matched;
                for digit in chunk.iter_mut() {
                    let sum = *digit ^ carry;
                    carry &= *digit;
                    *digit = sum;
                }
            }
        }
        for score in (0..=ranges.len()).rev() {
            for (i, (chunk, &matched)) in counters
                .chunks_exact(digits)
                .zip(matches.words())
                .enumerate()
            {
                let mut members = matched;
                for (k, digit) in chunk.iter().enumerate() {
                    members &= if (score >> k) & 1 == 1 {
                        *digit
                    } else {
                        !*digit
                    };
                }
                push_bits(members, (i * 64) as u32, &mut ids);
            }
        }
        ids
    }

    /// Name order: walk the precomputed order when most partners match,
    /// sort the few matches by their precomputed rank otherwise.
    fn by_name(&self, matches: &Bitset) -> Vec<u32> {
        let count = matches.count();
        if count * 16 >= self.len() {
            // Branch-free: write every id, advance only past members (a
            // member test that is true ~half the time mispredicts a branch).
            let words = matches.words();
            let mut ids = vec![0u32; count + 1];
            let mut next = 0;
            for &id in &self.by_name {
                let word = words.get(id as usize / 64).copied().unwrap_or(0);
                if let Some(slot) = ids.get_mut(next) {
                    *slot = id;
                }
                next += ((word >> (id % 64)) & 1) as usize;
            }
            ids.truncate(count);
            return ids;
        }
        let mut ids = Vec::with_capacity(count);
        matches.push_members(&mut ids);
        ids.sort_unstable_by_key(|id| {
            self.name_rank
                .get(*id as usize)
                .copied()
                .unwrap_or(u32::MAX)
        });
        ids
    }
}
