//! Whether a granular relationship renews itself: Graph allows only `PT0S`
//! (off) or `P180D`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{DurationError, IsoDuration};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AutoExtendDuration {
    #[default]
    Off,
    /// Renews for another 180 days each time the end date is reached.
    Days180,
}

impl AutoExtendDuration {
    pub const EXTENSION_DAYS: u32 = 180;

    pub fn parse(text: &str) -> Result<AutoExtendDuration, DurationError> {
        AutoExtendDuration::try_from(IsoDuration::parse(text)?)
    }

    pub fn is_on(self) -> bool {
        self == AutoExtendDuration::Days180
    }

    pub fn as_iso(self) -> IsoDuration {
        match self {
            AutoExtendDuration::Off => IsoDuration::ZERO,
            AutoExtendDuration::Days180 => IsoDuration::days(Self::EXTENSION_DAYS),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AutoExtendDuration::Off => "Off",
            AutoExtendDuration::Days180 => "On, 180 days at a time",
        }
    }
}

impl TryFrom<IsoDuration> for AutoExtendDuration {
    type Error = DurationError;
    fn try_from(duration: IsoDuration) -> Result<Self, Self::Error> {
        if duration.is_zero() {
            Ok(AutoExtendDuration::Off)
        } else if duration == IsoDuration::days(Self::EXTENSION_DAYS) {
            Ok(AutoExtendDuration::Days180)
        } else {
            Err(DurationError::AutoExtendValue {
                text: duration.to_string(),
            })
        }
    }
}

impl fmt::Display for AutoExtendDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_iso().fmt(f)
    }
}

impl Serialize for AutoExtendDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.as_iso().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for AutoExtendDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let duration = IsoDuration::deserialize(deserializer)?;
        AutoExtendDuration::try_from(duration).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_off_and_180_days_are_accepted() {
        assert_eq!(
            AutoExtendDuration::parse("PT0S").unwrap(),
            AutoExtendDuration::Off
        );
        assert_eq!(
            AutoExtendDuration::parse("P180D").unwrap(),
            AutoExtendDuration::Days180
        );
        assert!(AutoExtendDuration::parse("P90D").is_err());
        assert!(AutoExtendDuration::parse("P6M").is_err());
    }

    #[test]
    fn auto_extend_serializes_like_graph() {
        let json = serde_json::to_string(&AutoExtendDuration::Days180).unwrap();
        assert_eq!(json, "\"P180D\"");
        let off: AutoExtendDuration = serde_json::from_str("\"PT0S\"").unwrap();
        assert_eq!(off, AutoExtendDuration::Off);
    }
}
