//! An ISO 8601 duration such as `P1Y6M`, `P90D` or `PT0S`.
//!
//! Kept as calendar parts rather than seconds, because "one month" only has
//! a length once you know where it starts (see [`crate::Timestamp::add`]).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::DurationError;

/// Components are capped on parse so arithmetic can never overflow.
const COMPONENT_MAX: u32 = 1_000_000;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct IsoDuration {
    pub years: u32,
    pub months: u32,
    /// Weeks are read as seven days each.
    pub days: u32,
    pub hours: u32,
    pub minutes: u32,
    pub seconds: u32,
}

impl IsoDuration {
    pub const ZERO: IsoDuration = IsoDuration {
        years: 0,
        months: 0,
        days: 0,
        hours: 0,
        minutes: 0,
        seconds: 0,
    };

    pub const fn days(days: u32) -> IsoDuration {
        IsoDuration { days, ..Self::ZERO }
    }

    pub const fn months(months: u32) -> IsoDuration {
        IsoDuration {
            months,
            ..Self::ZERO
        }
    }

    pub const fn years(years: u32) -> IsoDuration {
        IsoDuration {
            years,
            ..Self::ZERO
        }
    }

    pub fn is_zero(&self) -> bool {
        *self == Self::ZERO
    }

    /// Length with 365-day years and 30-day months: the yardstick Graph uses
    /// when it says "at most 2 years (730 days)".
    pub fn nominal_seconds(&self) -> u64 {
        u64::from(self.years) * 365 * 86_400
            + u64::from(self.months) * 30 * 86_400
            + u64::from(self.days) * 86_400
            + u64::from(self.hours) * 3_600
            + u64::from(self.minutes) * 60
            + u64::from(self.seconds)
    }

    /// Reads `PnYnMnWnDTnHnMnS` (each part optional, at least one present).
    pub fn parse(text: &str) -> Result<IsoDuration, DurationError> {
        parse_iso(text).ok_or_else(|| DurationError::Invalid {
            text: text.chars().take(40).collect(),
        })
    }

    /// Plain words for an admin: "2 years", "90 days", "1 year 6 months".
    pub fn describe(&self) -> String {
        // GDAP's limits are day counts (P730D is its two years): whole years
        // of days read as years, as an admin says them.
        if *self == Self::days(self.days) && self.days >= 365 && self.days.is_multiple_of(365) {
            let years = self.days / 365;
            return format!("{years} year{}", if years == 1 { "" } else { "s" });
        }
        let parts = [
            (self.years, "year"),
            (self.months, "month"),
            (self.days, "day"),
            (self.hours, "hour"),
            (self.minutes, "minute"),
            (self.seconds, "second"),
        ];
        let words: Vec<String> = parts
            .iter()
            .filter(|(n, _)| *n > 0)
            .map(|(n, unit)| format!("{n} {unit}{}", if *n == 1 { "" } else { "s" }))
            .collect();
        if words.is_empty() {
            "no time".to_string()
        } else {
            words.join(" ")
        }
    }
}

impl fmt::Display for IsoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_zero() {
            return f.write_str("PT0S");
        }
        f.write_str("P")?;
        for (n, unit) in [(self.years, 'Y'), (self.months, 'M'), (self.days, 'D')] {
            if n > 0 {
                write!(f, "{n}{unit}")?;
            }
        }
        if self.hours > 0 || self.minutes > 0 || self.seconds > 0 {
            f.write_str("T")?;
            for (n, unit) in [(self.hours, 'H'), (self.minutes, 'M'), (self.seconds, 'S')] {
                if n > 0 {
                    write!(f, "{n}{unit}")?;
                }
            }
        }
        Ok(())
    }
}

impl FromStr for IsoDuration {
    type Err = DurationError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        IsoDuration::parse(s)
    }
}

impl Serialize for IsoDuration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        IsoDuration::parse(&text).map_err(serde::de::Error::custom)
    }
}

fn parse_iso(text: &str) -> Option<IsoDuration> {
    let rest = text.strip_prefix('P')?;
    let (date, time) = match rest.split_once('T') {
        Some((date, time)) if !time.is_empty() => (date, Some(time)),
        Some(_) => return None,
        None => (rest, None),
    };
    let mut out = IsoDuration::ZERO;
    let mut any = false;
    // Units must come in order, each at most once.
    let mut order = 0;
    for (n, unit) in parts(date)? {
        let (rank, slot) = match unit {
            'Y' => (1, &mut out.years),
            'M' => (2, &mut out.months),
            'W' => (3, &mut out.days),
            'D' => (4, &mut out.days),
            _ => return None,
        };
        if rank <= order {
            return None;
        }
        order = rank;
        *slot += if unit == 'W' { n.checked_mul(7)? } else { n };
        any = true;
    }
    if let Some(time) = time {
        let mut order = 0;
        for (n, unit) in parts(time)? {
            let (rank, slot) = match unit {
                'H' => (1, &mut out.hours),
                'M' => (2, &mut out.minutes),
                'S' => (3, &mut out.seconds),
                _ => return None,
            };
            if rank <= order {
                return None;
            }
            order = rank;
            *slot = n;
            any = true;
        }
    }
    let capped = [
        out.years,
        out.months,
        out.days,
        out.hours,
        out.minutes,
        out.seconds,
    ]
    .iter()
    .all(|n| *n <= COMPONENT_MAX);
    (any && capped).then_some(out)
}

/// Splits "1Y6M" into [(1,'Y'), (6,'M')]; `None` on anything malformed.
fn parts(text: &str) -> Option<Vec<(u32, char)>> {
    let mut out = Vec::new();
    let mut number: Option<u32> = None;
    for c in text.chars() {
        if let Some(d) = c.to_digit(10) {
            if !c.is_ascii_digit() {
                return None;
            }
            number = Some(number.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
        } else {
            out.push((number.take()?, c));
        }
    }
    number.is_none().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_durations_round_trip() {
        for text in [
            "P1D", "P730D", "P2Y", "P180D", "PT0S", "P1Y6M", "P1DT12H", "PT30M",
        ] {
            assert_eq!(IsoDuration::parse(text).unwrap().to_string(), text);
        }
    }

    #[test]
    fn weeks_are_read_as_days() {
        assert_eq!(IsoDuration::parse("P2W").unwrap(), IsoDuration::days(14));
    }

    #[test]
    fn zero_durations_print_as_pt0s() {
        assert_eq!(IsoDuration::parse("P0D").unwrap().to_string(), "PT0S");
    }

    #[test]
    fn malformed_durations_are_refused() {
        for text in [
            "",
            "P",
            "PT",
            "1D",
            "P1",
            "PD",
            "P1DT",
            "P-1D",
            "P1.5D",
            "P1M1Y",
            "P1D1D",
            "P1H",
            "PT1D",
            "p1d",
            "P99999999999D",
            "P1000001D",
        ] {
            assert!(
                IsoDuration::parse(text).is_err(),
                "{text} should be refused"
            );
        }
    }

    #[test]
    fn nominal_length_counts_a_year_as_365_days() {
        assert_eq!(IsoDuration::years(2).nominal_seconds(), 730 * 86_400);
        assert_eq!(IsoDuration::months(1).nominal_seconds(), 30 * 86_400);
    }

    #[test]
    fn durations_are_described_in_words() {
        assert_eq!(
            IsoDuration::parse("P1Y6M").unwrap().describe(),
            "1 year 6 months"
        );
        assert_eq!(IsoDuration::days(90).describe(), "90 days");
        assert_eq!(IsoDuration::days(730).describe(), "2 years");
        assert_eq!(IsoDuration::days(365).describe(), "1 year");
        assert_eq!(IsoDuration::days(366).describe(), "366 days");
        assert_eq!(IsoDuration::ZERO.describe(), "no time");
    }
}
