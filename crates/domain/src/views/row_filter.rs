//! The search box and filters of the Partner relationships table.

use serde::{Deserialize, Serialize};

use super::{FilterInForce, RelationshipRow, RolesFilter, StatusFilter};
use crate::PartnerType;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RowFilter {
    /// Words that must all appear in the name, types, roles or location.
    pub text: String,
    pub partner_type: Option<PartnerType>,
    pub roles: Option<RolesFilter>,
    pub status: Option<StatusFilter>,
    pub agreement_signed: Option<bool>,
}

impl RowFilter {
    pub fn is_empty(&self) -> bool {
        *self == RowFilter::default()
    }

    /// Every filter in force, in the order of the controls, so the page can
    /// say what is hiding rows, whether it came from the controls or a link.
    pub fn in_force(&self) -> Vec<FilterInForce> {
        let mut out = Vec::new();
        let text = self.text.trim();
        if !text.is_empty() {
            out.push(FilterInForce::new("Search", format!("“{text}”")));
        }
        if let Some(t) = self.partner_type {
            out.push(FilterInForce::new("Relationship type", t.label()));
        }
        if let Some(r) = self.roles {
            out.push(FilterInForce::new("Admin roles", r.label()));
        }
        if let Some(s) = self.status {
            out.push(FilterInForce::new("Status", s.label()));
        }
        if let Some(signed) = self.agreement_signed {
            let value = if signed { "Signed" } else { "Not signed" };
            out.push(FilterInForce::new("Customer agreement", value));
        }
        out
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
            && self.roles.is_none_or(|r| r.matches(row))
            && self.status.is_none_or(|s| s.matches(row.access))
            && self
                .agreement_signed
                .is_none_or(|a| row.agreement_signed == a)
            && words.iter().all(|w| row.search_text.contains(w.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::PartnerType;

    #[test]
    fn every_filter_in_force_is_named_with_its_value() {
        let filter = RowFilter {
            text: "  north  ".into(),
            partner_type: Some(PartnerType::Reseller),
            roles: Some(RolesFilter::Legacy),
            status: Some(StatusFilter::Expired),
            agreement_signed: Some(false),
        };
        let said: Vec<String> = filter.in_force().iter().map(|f| f.to_string()).collect();
        assert_eq!(
            said,
            [
                "Search: “north”",
                "Relationship type: Reseller",
                "Admin roles: Legacy admin roles",
                "Status: Expired",
                "Customer agreement: Not signed",
            ]
        );
    }

    #[test]
    fn no_filter_says_nothing_and_blank_search_is_no_filter() {
        assert!(RowFilter::default().in_force().is_empty());
        let blank = RowFilter {
            text: "   ".into(),
            ..RowFilter::default()
        };
        assert!(blank.in_force().is_empty());
    }
}
