//! What the directory says about a URL it could not fully follow.

use std::fmt;

/// Something in the URL query that was ignored, and why. The page shows
/// the sentence (`Display`, in an admin's words: what was wrong and what
/// the page does instead) next to the filters, and the part of the link
/// concerned (`detail`) under "Details"; nothing is ever fatal.
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
    /// Keywords the link's encoding garbled (`?q=%E0%A4%A`): percent
    /// escapes that do not decode to text were left as they were.
    KeywordsUnreadable { raw: String },
    /// Past `MAX_NOTICES`, the remaining ones are only counted.
    MoreIgnored { count: usize },
}

impl QueryNotice {
    /// At most this many notices are listed, so a garbage URL cannot flood
    /// the page.
    pub const MAX_NOTICES: usize = 10;

    /// The part of the link concerned, as written there, for whoever
    /// supports the admin; `None` when the sentence says it all.
    pub fn detail(&self) -> Option<String> {
        match self {
            QueryNotice::UnknownParameter { key } => Some(format!("Unknown parameter: {key}")),
            QueryNotice::KeywordsUnreadable { raw } => Some(format!("q={raw}")),
            _ => None,
        }
    }
}

impl fmt::Display for QueryNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QueryNotice::UnknownParameter { .. } => {
                write!(f, "The link holds a setting this page does not have; it was left out.")
            }
            QueryNotice::UnknownValue { noun, value } if *noun == "sort order" => write!(
                f,
                "The link asks for an order this page does not offer (“{value}”); the list keeps its usual order."
            ),
            QueryNotice::UnknownValue { noun, value } => write!(
                f,
                "The link asks for the {noun} “{value}”, which the directory does not list; the list is not filtered by it."
            ),
            QueryNotice::ExtraValue { noun, value } => write!(
                f,
                "The link chooses more than one {noun}; only the first is used, not “{value}”."
            ),
            QueryNotice::CityOutsideCountry { city, country } => write!(
                f,
                "The link's city, {city}, is not in {country}; the list is not filtered by city."
            ),
            QueryNotice::KeywordsShortened { max_chars } => write!(
                f,
                "The link's keywords are longer than {max_chars} characters; only the first {max_chars} are searched."
            ),
            QueryNotice::KeywordsUnreadable { .. } => write!(
                f,
                "The link's keywords could not be read (the link may have been cut or changed); the search starts without keywords."
            ),
            QueryNotice::MoreIgnored { count } => {
                write!(f, "{count} more parts of the link could not be used either.")
            }
        }
    }
}
