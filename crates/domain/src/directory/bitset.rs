//! A fixed-size set of partner positions, one bit each.
//!
//! Filtering 100,000 partners is then a few thousand `u64` operations:
//! AND across facets, OR within one facet's chosen values.

/// A set of positions `0..len`, stored as 64 positions per word.
///
/// Bits past `len` in the last word are always zero, so counts and
/// iteration never see phantom members.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Bitset {
    words: Vec<u64>,
    len: usize,
}

impl Bitset {
    /// The number of `u64` words needed for `len` positions.
    pub(crate) fn words_for(len: usize) -> usize {
        len.div_ceil(64)
    }

    pub(crate) fn empty(len: usize) -> Bitset {
        Bitset {
            words: vec![0; Self::words_for(len)],
            len,
        }
    }

    pub(crate) fn full(len: usize) -> Bitset {
        let mut set = Bitset {
            words: vec![u64::MAX; Self::words_for(len)],
            len,
        };
        set.clear_tail();
        set
    }

    fn clear_tail(&mut self) {
        let used = self.len % 64;
        if used != 0 {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << used) - 1;
            }
        }
    }

    pub(crate) fn words(&self) -> &[u64] {
        &self.words
    }

    /// Adds a position; positions past `len` are ignored.
    pub(crate) fn insert(&mut self, position: u32) {
        let p = position as usize;
        if p < self.len {
            if let Some(w) = self.words.get_mut(p / 64) {
                *w |= 1u64 << (p % 64);
            }
        }
    }

    pub(crate) fn clear(&mut self) {
        self.words.fill(0);
    }

    /// Keeps only positions also in `other` (words of a set of the same len).
    pub(crate) fn and_words(&mut self, other: &[u64]) {
        for (a, b) in self.words.iter_mut().zip(other) {
            *a &= b;
        }
    }

    /// Adds every position of `other` (words of a set of the same len).
    pub(crate) fn or_words(&mut self, other: &[u64]) {
        for (a, b) in self.words.iter_mut().zip(other) {
            *a |= b;
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.words.iter().all(|w| *w == 0)
    }

    pub(crate) fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The size of the intersection with `other`, without building it.
    pub(crate) fn count_and(&self, other: &[u64]) -> usize {
        self.words
            .iter()
            .zip(other)
            .map(|(a, b)| (a & b).count_ones() as usize)
            .sum()
    }

    /// Appends the members to `out` in ascending order (a plain loop: the
    /// hot path of 100,000 results).
    pub(crate) fn push_members(&self, out: &mut Vec<u32>) {
        for (i, &word) in self.words.iter().enumerate() {
            push_bits(word, (i * 64) as u32, out);
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.words.capacity() * 8
    }
}

/// Appends `base + bit` for each set bit of `word`, lowest first.
pub(crate) fn push_bits(mut word: u64, base: u32, out: &mut Vec<u32>) {
    while word != 0 {
        out.push(base + word.trailing_zeros());
        word &= word - 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(set: &Bitset) -> Vec<u32> {
        let mut out = Vec::new();
        set.push_members(&mut out);
        out
    }

    #[test]
    fn a_full_set_has_exactly_len_members() {
        for len in [0, 1, 63, 64, 65, 130] {
            let set = Bitset::full(len);
            assert_eq!(set.count(), len);
            assert_eq!(members(&set).len(), len);
            assert_eq!(
                members(&set).last().copied(),
                len.checked_sub(1).map(|l| l as u32)
            );
        }
    }

    #[test]
    fn positions_past_the_end_are_ignored() {
        let mut set = Bitset::empty(10);
        set.insert(10);
        set.insert(1000);
        assert!(set.is_empty());
    }

    #[test]
    fn members_iterate_in_ascending_order() {
        let mut set = Bitset::empty(200);
        for p in [199, 0, 64, 63, 128, 5] {
            set.insert(p);
        }
        assert_eq!(members(&set), vec![0, 5, 63, 64, 128, 199]);
    }

    #[test]
    fn and_keeps_the_common_members_and_or_joins_them() {
        let mut a = Bitset::empty(100);
        let mut b = Bitset::empty(100);
        for p in [1, 2, 70] {
            a.insert(p);
        }
        for p in [2, 70, 99] {
            b.insert(p);
        }
        assert_eq!(a.count_and(b.words()), 2);
        let mut and = a.clone();
        and.and_words(b.words());
        assert_eq!(members(&and), vec![2, 70]);
        let mut or = a.clone();
        or.or_words(b.words());
        assert_eq!(members(&or), vec![1, 2, 70, 99]);
        or.clear();
        assert!(or.is_empty());
    }
}
