//! The keyword side of the directory index.

use std::ops::Range;

use super::bitset::Bitset;
use super::postings::Postings;

/// Every distinct normalized word of the partners' searchable text, sorted,
/// in one contiguous buffer with offsets, and for each word the partners
/// whose text contains it (anywhere, and in the name).
///
/// Because the dictionary is sorted, the words starting with a typed prefix
/// form one contiguous range found by two binary searches; a keyword's
/// matches are the union of that range's postings. A few thousand distinct
/// words cover 100,000 generated partners, so the dictionary is tiny and the
/// cost of a keystroke is a handful of bitset ORs.
#[derive(Clone, Debug, Default)]
pub(crate) struct KeywordIndex {
    text: String,
    /// Word `i` is `text[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    anywhere: Vec<Postings>,
    in_name: Vec<Postings>,
}

impl KeywordIndex {
    /// Assembles the index from words in ascending byte order and their
    /// postings (the builder guarantees both).
    pub(crate) fn from_sorted(
        words: &[&str],
        anywhere: Vec<Postings>,
        in_name: Vec<Postings>,
    ) -> Self {
        let mut text = String::with_capacity(words.iter().map(|w| w.len()).sum());
        let mut starts = Vec::with_capacity(words.len() + 1);
        for word in words {
            starts.push(text.len() as u32);
            text.push_str(word);
        }
        starts.push(text.len() as u32);
        KeywordIndex {
            text,
            starts,
            anywhere,
            in_name,
        }
    }

    pub(crate) fn word_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    fn word(&self, i: usize) -> &str {
        let start = self.starts.get(i).copied().unwrap_or(0) as usize;
        let end = self.starts.get(i + 1).copied().unwrap_or(0) as usize;
        self.text.get(start..end).unwrap_or("")
    }

    /// The first word index for which `before(word)` is false; `before` must
    /// be true for a prefix of the sorted dictionary and false after it.
    fn partition(&self, before: impl Fn(&str) -> bool) -> usize {
        let (mut lo, mut hi) = (0, self.word_count());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if before(self.word(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The dictionary words that start with `prefix` (a normalized word).
    pub(crate) fn prefix_range(&self, prefix: &str) -> Range<usize> {
        let start = self.partition(|w| w < prefix);
        let end = self.partition(|w| w < prefix || w.starts_with(prefix));
        start..end
    }

    /// Adds the partners whose text has a word in `words`.
    pub(crate) fn or_anywhere(&self, words: Range<usize>, target: &mut Bitset) {
        for postings in self.anywhere.get(words).unwrap_or_default() {
            postings.or_into(target);
        }
    }

    /// Adds the partners whose name has a word in `words`.
    pub(crate) fn or_in_name(&self, words: Range<usize>, target: &mut Bitset) {
        for postings in self.in_name.get(words).unwrap_or_default() {
            postings.or_into(target);
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        let postings: usize = self
            .anywhere
            .iter()
            .chain(&self.in_name)
            .map(|p| p.heap_bytes() + std::mem::size_of::<Postings>())
            .sum();
        self.text.capacity() + self.starts.capacity() * 4 + postings
    }
}
