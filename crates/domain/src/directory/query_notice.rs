//! What the directory says about a URL it could not fully follow.

use std::fmt;

/// Something in the URL query that was ignored, and why. The page shows
/// the sentence (`Display`) next to the filters; nothing is ever fatal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum QueryNotice {
    /// A key the directory does not know (`?colour=blue`).
    UnknownParameter { key: String },
    /// A value the facet (or sort) does not have (`?industry=xyz`);
    /// `noun` names the facet in a sentence ("industry").
    UnknownValue { noun: &'static str, value: String },
    /// A second value for a single-choice parameter (country, city, sort).
    ExtraValue { noun: &'static str, value: String },
    /// A city outside the chosen country/region.
    CityOutsideCountry {
        city: &'static str,
        country: &'static str,
    },
    /// Keywords longer than `DirectoryQuery::MAX_KEYWORDS_CHARS`.
    KeywordsShortened { max_chars: usize },
    /// Past `MAX_NOTICES`, the remaining ones are only counted.
    MoreIgnored { count: usize },
}

impl QueryNotice {
    /// At most this many notices are listed, so a garbage URL cannot flood
    /// the page.
    pub const MAX_NOTICES: usize = 10;
}

impl fmt::Display for QueryNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryNotice::UnknownParameter { key } => {
                write!(f, "Ignored unknown parameter \"{key}\".")
            }
            QueryNotice::UnknownValue { noun, value } => {
                write!(f, "Ignored unknown {noun} \"{value}\".")
            }
            QueryNotice::ExtraValue { noun, value } => {
                write!(
                    f,
                    "Ignored extra {noun} \"{value}\": only one can be chosen."
                )
            }
            QueryNotice::CityOutsideCountry { city, country } => {
                write!(f, "Ignored city \"{city}\": it is not in {country}.")
            }
            QueryNotice::KeywordsShortened { max_chars } => {
                write!(f, "Keywords were shortened to {max_chars} characters.")
            }
            QueryNotice::MoreIgnored { count } => {
                write!(f, "{count} more values were ignored.")
            }
        }
    }
}
