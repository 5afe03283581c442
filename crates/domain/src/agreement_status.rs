//! Whether the Microsoft Customer Agreement is signed for a partner.

use serde::{Deserialize, Serialize};

use crate::Timestamp;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    tag = "status",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum AgreementStatus {
    #[default]
    NotSigned,
    Signed {
        signed_date_time: Timestamp,
    },
}

impl AgreementStatus {
    pub fn is_signed(&self) -> bool {
        matches!(self, AgreementStatus::Signed { .. })
    }

    pub fn signed_date_time(&self) -> Option<Timestamp> {
        match self {
            AgreementStatus::Signed { signed_date_time } => Some(*signed_date_time),
            AgreementStatus::NotSigned => None,
        }
    }

    pub fn label(&self) -> String {
        match self {
            AgreementStatus::Signed { signed_date_time } => {
                format!("Signed {}", signed_date_time.date_string())
            }
            AgreementStatus::NotSigned => "Not signed".to_string(),
        }
    }
}
