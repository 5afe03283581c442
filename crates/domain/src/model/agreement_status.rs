//! Whether the Microsoft Customer Agreement is signed for a partner.

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

use crate::Timestamp;

/// On the wire `{"status": "notSigned"}` or
/// `{"status": "signed", "signedDateTime": "…"}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
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

/// Reads what `Serialize` writes. Not derived: the derive for an internally
/// tagged enum buffers through serde's `Content` and compiles `Timestamp`'s
/// visitor again for it; this reads a `serde_json::Value` instead, as the
/// rest of the state is read.
impl<'de> Deserialize<'de> for AgreementStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Signed {
            signed_date_time: Timestamp,
        }
        let value = Value::deserialize(deserializer)?;
        match value.get("status").map(Value::as_str) {
            Some(Some("notSigned")) => Ok(AgreementStatus::NotSigned),
            Some(Some("signed")) => Signed::deserialize(value)
                .map(|signed| AgreementStatus::Signed {
                    signed_date_time: signed.signed_date_time,
                })
                .map_err(D::Error::custom),
            Some(Some(other)) => Err(D::Error::unknown_variant(other, &["notSigned", "signed"])),
            Some(None) => Err(D::Error::custom("an agreement's `status` must be a string")),
            None => Err(D::Error::missing_field("status")),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_statuses_read_back_as_written() {
        let signed = AgreementStatus::Signed {
            signed_date_time: Timestamp::parse("2026-11-23T04:42:18Z").unwrap(),
        };
        for status in [AgreementStatus::NotSigned, signed] {
            let text = serde_json::to_string(&status).unwrap();
            assert_eq!(
                serde_json::from_str::<AgreementStatus>(&text).unwrap(),
                status
            );
            let value = serde_json::to_value(status).unwrap();
            assert_eq!(
                serde_json::from_value::<AgreementStatus>(value).unwrap(),
                status
            );
        }
        assert_eq!(
            serde_json::from_str::<AgreementStatus>(
                r#"{"signedDateTime":"2026-11-23T04:42:18Z","status":"signed","by":"x"}"#
            )
            .unwrap(),
            signed
        );
    }

    #[test]
    fn a_status_that_does_not_read_is_refused() {
        for text in [
            "{}",
            "null",
            r#""notSigned""#,
            r#"{"status":1}"#,
            r#"{"status":"lost"}"#,
            r#"{"status":"signed"}"#,
            r#"{"status":"signed","signedDateTime":"yesterday"}"#,
        ] {
            assert!(
                serde_json::from_str::<AgreementStatus>(text).is_err(),
                "{text}"
            );
        }
    }
}
