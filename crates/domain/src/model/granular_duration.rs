//! How long granular (GDAP) access lasts: from one day to two years.
//!
//! Graph refuses permanent access and anything past 730 days; a value of
//! this type can only be made through a check of that range, so a
//! relationship or an invitation can never hold one outside it.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{DurationError, IsoDuration};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct GranularDuration(IsoDuration);

impl GranularDuration {
    pub const MIN_DAYS: u32 = 1;
    pub const MAX_DAYS: u32 = 730;

    /// Reads text such as `P730D` or `P2Y` and checks the range.
    pub fn parse(text: &str) -> Result<GranularDuration, DurationError> {
        GranularDuration::try_from(IsoDuration::parse(text)?)
    }

    /// A whole number of days, checked against the range.
    pub fn from_days(days: u32) -> Result<GranularDuration, DurationError> {
        GranularDuration::try_from(IsoDuration::days(days))
    }

    pub fn as_iso(&self) -> IsoDuration {
        self.0
    }
}

impl TryFrom<IsoDuration> for GranularDuration {
    type Error = DurationError;

    /// Years count as 365 days and months as 30, the yardstick behind
    /// Graph's "P2Y (730 days)"; so P2Y and P24M pass and P731D does not.
    fn try_from(duration: IsoDuration) -> Result<Self, Self::Error> {
        let seconds = duration.nominal_seconds();
        let min = u64::from(Self::MIN_DAYS) * 86_400;
        let max = u64::from(Self::MAX_DAYS) * 86_400;
        if (min..=max).contains(&seconds) {
            Ok(GranularDuration(duration))
        } else {
            Err(DurationError::OutOfRange {
                text: duration.to_string(),
            })
        }
    }
}

impl fmt::Display for GranularDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for GranularDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for GranularDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let duration = IsoDuration::deserialize(deserializer)?;
        GranularDuration::try_from(duration).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_day_to_two_years_is_accepted() {
        for text in [
            "P1D", "P90D", "P180D", "P730D", "P2Y", "P24M", "P1Y6M", "PT24H",
        ] {
            assert!(GranularDuration::parse(text).is_ok(), "{text} should pass");
        }
    }

    #[test]
    fn durations_outside_p1d_to_p2y_are_refused() {
        for text in ["PT0S", "PT23H", "P731D", "P2Y1D", "P3Y", "P730DT1S"] {
            assert!(
                matches!(
                    GranularDuration::parse(text),
                    Err(DurationError::OutOfRange { .. })
                ),
                "{text} should be out of range"
            );
        }
    }

    #[test]
    fn deserializing_checks_the_range_too() {
        assert!(serde_json::from_str::<GranularDuration>("\"P3Y\"").is_err());
        let ok: GranularDuration = serde_json::from_str("\"P2Y\"").unwrap();
        assert_eq!(ok.to_string(), "P2Y");
    }
}
