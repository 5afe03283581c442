//! One value of one facet, as a listing carries it.

use std::fmt;

use serde::{Serialize, Serializer};

use super::facet::Facet;

/// A value of a facet ("Healthcare" of Industry): two small integers that
/// name their label and URL slug, so listings hold no strings for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FacetValue {
    pub facet: Facet,
    /// Index into `facet.labels()` and `facet.slugs()`.
    pub index: u16,
}

impl FacetValue {
    pub fn label(self) -> &'static str {
        self.facet.label(self.index)
    }

    pub fn slug(self) -> &'static str {
        self.facet.slug(self.index)
    }

    /// "Healthcare, Retail & consumer goods"; "None" for no values, so a
    /// heading is never followed by nothing.
    pub fn list(values: &[FacetValue]) -> String {
        if values.is_empty() {
            return "None".to_string();
        }
        values
            .iter()
            .map(|v| v.label())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl fmt::Display for FacetValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Serialized as its slug: stable across label rewording.
impl Serialize for FacetValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.slug())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_a_list_and_no_values_as_none() {
        let value = |index| FacetValue {
            facet: Facet::Industry,
            index,
        };
        assert_eq!(
            FacetValue::list(&[value(0), value(1)]),
            format!("{}, {}", Facet::Industry.label(0), Facet::Industry.label(1))
        );
        assert_eq!(FacetValue::list(&[]), "None");
    }
}
