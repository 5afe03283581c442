//! How directory results are ordered.

/// The result order. Relevance is the default and stays out of URLs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum SortOrder {
    /// Best keyword match first: a query word found in the name counts
    /// twice as much as one found elsewhere; ties (and queries without
    /// keywords) in id order.
    #[default]
    Relevance,
    /// By name ignoring case and accents, then by id.
    Name,
}

impl SortOrder {
    pub const ALL: [SortOrder; 2] = [SortOrder::Relevance, SortOrder::Name];

    /// The URL value (`?sort=name`).
    pub fn slug(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::Name => "name",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            SortOrder::Relevance => "Relevance",
            SortOrder::Name => "Name",
        }
    }

    /// The order with this URL value, ignoring ASCII case and spaces.
    pub fn from_slug(slug: &str) -> Option<SortOrder> {
        let slug = slug.trim();
        Self::ALL
            .into_iter()
            .find(|s| s.slug().eq_ignore_ascii_case(slug))
    }
}
