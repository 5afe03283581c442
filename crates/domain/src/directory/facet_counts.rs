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
        self.known(facet, value).unwrap_or(0)
    }

    /// The count of one value, `None` when nothing was counted (the
    /// default, while the directory is still being built): a filter then
    /// shows no count rather than a wrong 0.
    pub fn known(&self, facet: Facet, value: u16) -> Option<u32> {
        self.get(facet).get(usize::from(value)).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::super::{generate, DirectoryQuery};
    use super::*;

    #[test]
    fn nothing_counted_is_not_zero() {
        assert_eq!(FacetCounts::default().known(Facet::Country, 0), None);
        let counted = generate(1, 50).facet_counts(&DirectoryQuery::default());
        for facet in Facet::ALL {
            for value in 0..facet.value_count() as u16 {
                assert!(counted.known(facet, value).is_some(), "{facet:?} {value}");
            }
        }
    }
}
