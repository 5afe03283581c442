//! The facet side of the directory index.

use super::bitset::Bitset;
use super::facet::Facet;

/// One bitset per facet value, all in one contiguous buffer: value `v` of
/// facet `f` owns `stride` words starting at `(first[f] + v) * stride`.
/// One allocation instead of ~150 keeps the wasm heap compact.
#[derive(Clone, Debug, Default)]
pub(crate) struct FacetIndex {
    stride: usize,
    first: [usize; 8],
    bits: Vec<u64>,
}

impl FacetIndex {
    pub(crate) fn new(partners: usize) -> Self {
        let mut first = [0; 8];
        let mut slots = 0;
        for facet in Facet::ALL {
            first[facet.index()] = slots;
            slots += facet.value_count();
        }
        let stride = Bitset::words_for(partners);
        FacetIndex {
            stride,
            first,
            bits: vec![0; slots * stride],
        }
    }

    fn slot(&self, facet: Facet, value: u16) -> Option<usize> {
        let value = usize::from(value);
        (value < facet.value_count()).then(|| self.first[facet.index()] + value)
    }

    /// Marks the partner at `position` as having `value`.
    pub(crate) fn insert(&mut self, facet: Facet, value: u16, position: u32) {
        let Some(slot) = self.slot(facet, value) else {
            return;
        };
        let p = position as usize;
        if let Some(word) = self.bits.get_mut(slot * self.stride + p / 64) {
            *word |= 1u64 << (p % 64);
        }
    }

    /// The partners having `value`; `None` for a value the facet lacks.
    pub(crate) fn value_bits(&self, facet: Facet, value: u16) -> Option<&[u64]> {
        let slot = self.slot(facet, value)?;
        self.bits.get(slot * self.stride..(slot + 1) * self.stride)
    }

    /// The partners having any of `values` (OR within one facet).
    pub(crate) fn any_of(&self, facet: Facet, values: &[u16], partners: usize) -> Bitset {
        let mut set = Bitset::empty(partners);
        for &value in values {
            if let Some(bits) = self.value_bits(facet, value) {
                set.or_words(bits);
            }
        }
        set
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.bits.capacity() * 8
    }
}
