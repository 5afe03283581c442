//! The partners one keyword occurs in.

use super::bitset::Bitset;

/// The partner positions of one dictionary word, in whichever form is
/// smaller: a sorted list while the word is rare, a bitset once it occurs in
/// at least 1 partner in 32 (where 4 bytes per entry outgrow 1 bit per
/// partner). Memory is thus bounded by `min(4 × count, partners / 8)` bytes.
#[derive(Clone, Debug)]
pub(crate) enum Postings {
    Sparse(Vec<u32>),
    Dense(Bitset),
}

impl Default for Postings {
    fn default() -> Self {
        Postings::Sparse(Vec::new())
    }
}

impl Postings {
    /// Adds `position`; positions must arrive in ascending order, which they
    /// do as the index is built partner by partner.
    pub(crate) fn push(&mut self, position: u32, partners: usize) {
        match self {
            Postings::Sparse(list) => {
                list.push(position);
                if list.len() * 32 >= partners {
                    let mut set = Bitset::empty(partners);
                    for &p in list.iter() {
                        set.insert(p);
                    }
                    *self = Postings::Dense(set);
                }
            }
            Postings::Dense(set) => set.insert(position),
        }
    }

    /// Drops the spare capacity left by growing the list.
    pub(crate) fn shrink(&mut self) {
        if let Postings::Sparse(list) = self {
            list.shrink_to_fit();
        }
    }

    /// Adds every position to `target`.
    pub(crate) fn or_into(&self, target: &mut Bitset) {
        match self {
            Postings::Sparse(list) => {
                for &p in list {
                    target.insert(p);
                }
            }
            Postings::Dense(set) => target.or_words(set.words()),
        }
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        match self {
            Postings::Sparse(list) => list.capacity() * 4,
            Postings::Dense(set) => set.heap_bytes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn members(postings: &Postings, partners: usize) -> Vec<u32> {
        let mut set = Bitset::empty(partners);
        postings.or_into(&mut set);
        let mut out = Vec::new();
        set.push_members(&mut out);
        out
    }

    #[test]
    fn a_rare_word_stays_a_list_and_a_common_one_becomes_a_bitset() {
        let mut rare = Postings::default();
        rare.push(3, 6400);
        assert!(matches!(rare, Postings::Sparse(_)));
        let mut common = Postings::default();
        for p in 0..200 {
            common.push(p * 2, 6400);
        }
        assert!(matches!(common, Postings::Dense(_)));
        assert_eq!(
            members(&common, 6400),
            (0..200).map(|p| p * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn both_forms_hold_the_same_members() {
        let mut postings = Postings::default();
        let pushed = [1, 7, 9, 40];
        for p in pushed {
            postings.push(p, 64);
        }
        assert_eq!(members(&postings, 64), pushed);
    }
}
