//! How many results each facet value would give.

use super::facet::Facet;

/// Per facet, per value: the number of partners matching the query if
/// that value were the facet's only choice, given every *other* filter.
/// So choosing a country shows city counts within it, while the country
/// list still shows what switching country would give.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub(crate) counts: [Vec<u32>; 8],
}

impl FacetCounts {
    /// The counts of every value of `facet`, indexed like its labels.
    pub fn get(&self, facet: Facet) -> &[u32] {
        &self.counts[facet.index()]
    }

    /// The count of one value; 0 for a value the facet lacks.
    pub fn count(&self, facet: Facet, value: u16) -> u32 {
        self.get(facet)
            .get(usize::from(value))
            .copied()
            .unwrap_or(0)
    }
}
