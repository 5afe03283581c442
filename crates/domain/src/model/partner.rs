//! A partner organization, as the customer sees it.

use serde::{Deserialize, Serialize};

use crate::{AgreementStatus, PartnerType};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Partner {
    /// Stable id; the same id the partner directory uses.
    pub id: String,
    pub name: String,
    /// Relationship types established with you; empty while the partner has
    /// only sent invitations.
    #[serde(default)]
    pub types: Vec<PartnerType>,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_phone: String,
    #[serde(default)]
    pub website: String,
    #[serde(default)]
    pub country: String,
    #[serde(default)]
    pub city: String,
    /// The partner's program id (MPN / Partner Center id).
    #[serde(default)]
    pub mpn_id: String,
    #[serde(default)]
    pub organization_sizes: Vec<String>,
    #[serde(default)]
    pub industries: Vec<String>,
    #[serde(default)]
    pub products: Vec<String>,
    #[serde(default)]
    pub services: Vec<String>,
    #[serde(default)]
    pub designations: Vec<String>,
    #[serde(default)]
    pub agreement: AgreementStatus,
}

impl Partner {
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Partner {
        Partner {
            id: id.into(),
            name: name.into(),
            ..Partner::default()
        }
    }

    pub fn has_type(&self, t: PartnerType) -> bool {
        self.types.contains(&t)
    }

    /// "Reseller, Advisor": the types as one line for a table cell.
    pub fn types_label(&self) -> String {
        let labels: Vec<&str> = self.types.iter().map(|t| t.label()).collect();
        labels.join(", ")
    }

    /// "Seattle, United States", leaving out whatever is blank.
    pub fn location(&self) -> String {
        [self.city.as_str(), self.country.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    }
}
