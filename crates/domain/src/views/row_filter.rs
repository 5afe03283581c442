//! The search box and filters of the Partner relationships table.

use serde::{Deserialize, Serialize};

use super::{RelationshipRow, StatusFilter};
use crate::PartnerType;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RowFilter {
    /// Words that must all appear in the name, types, roles or location.
    pub text: String,
    pub partner_type: Option<PartnerType>,
    pub has_roles: Option<bool>,
    pub status: Option<StatusFilter>,
    pub agreement_signed: Option<bool>,
}

impl RowFilter {
    pub fn is_empty(&self) -> bool {
        *self == RowFilter::default()
    }

    /// The search words, lower-cased once per query rather than per row.
    pub(super) fn words(&self) -> Vec<String> {
        self.text
            .split_whitespace()
            .map(str::to_lowercase)
            .collect()
    }

    pub(super) fn matches(&self, row: &RelationshipRow, words: &[String]) -> bool {
        self.partner_type.is_none_or(|t| row.types.contains(&t))
            && self.has_roles.is_none_or(|h| row.has_admin_roles == h)
            && self.status.is_none_or(|s| s.matches(row.access))
            && self
                .agreement_signed
                .is_none_or(|a| row.agreement_signed == a)
            && words.iter().all(|w| row.search_text.contains(w.as_str()))
    }
}
