//! A UTC instant with one-second precision.
//!
//! The domain never reads a clock (it also runs as WebAssembly, and tests and
//! the demo move time by hand), so every "now" arrives as a `Timestamp`.
//! Calendar arithmetic uses the days-from-civil algorithms, so a duration of
//! one month added to 31 January lands on the last day of February.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::{IsoDuration, TimestampError};

const SECONDS_PER_DAY: i64 = 86_400;

/// Seconds since 1970-01-01T00:00:00Z, between year 0000 and year 9999 so
/// that every value prints as an RFC 3339 date with a four-digit year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// 0000-01-01T00:00:00Z.
    pub const MIN: Timestamp = Timestamp(-62_167_219_200);
    /// 9999-12-31T23:59:59Z.
    pub const MAX: Timestamp = Timestamp(253_402_300_799);
    pub const UNIX_EPOCH: Timestamp = Timestamp(0);

    /// An instant from seconds since the Unix epoch, if it is within range.
    pub fn from_unix_seconds(seconds: i64) -> Option<Timestamp> {
        (Self::MIN.0..=Self::MAX.0)
            .contains(&seconds)
            .then_some(Timestamp(seconds))
    }

    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// An instant from calendar fields, if they name a real date and time.
    pub fn from_ymd_hms(
        year: i32,
        month: u32,
        day: u32,
        hour: u32,
        minute: u32,
        second: u32,
    ) -> Option<Timestamp> {
        if !(0..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(i64::from(year), month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(i64::from(year), month, day);
        Timestamp::from_unix_seconds(
            days * SECONDS_PER_DAY
                + i64::from(hour) * 3600
                + i64::from(minute) * 60
                + i64::from(second),
        )
    }

    /// Reads RFC 3339 text such as `2026-11-23T04:42:18Z`. Fractions of a
    /// second are dropped and offsets such as `+02:00` are converted to UTC,
    /// because data from Graph-like sources carries both.
    pub fn parse(text: &str) -> Result<Timestamp, TimestampError> {
        parse_rfc3339(text).ok_or_else(|| TimestampError::Invalid {
            text: shorten(text),
        })
    }

    /// (year, month, day) of the UTC date.
    pub fn date(self) -> (i32, u32, u32) {
        let (y, m, d) = civil_from_days(self.0.div_euclid(SECONDS_PER_DAY));
        // The range of `Timestamp` keeps the year within 0..=9999.
        (y as i32, m, d)
    }

    /// (hour, minute, second) of the UTC time of day.
    pub fn time_of_day(self) -> (u32, u32, u32) {
        let secs = self.0.rem_euclid(SECONDS_PER_DAY) as u32;
        (secs / 3600, secs / 60 % 60, secs % 60)
    }

    /// `2026-11-23T04:42:18Z`.
    pub fn to_rfc3339(self) -> String {
        self.to_string()
    }

    /// `2026-11-23`, for tables where the time of day is noise.
    pub fn date_string(self) -> String {
        let (y, m, d) = self.date();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Adds a duration the way a calendar does: years and months first
    /// (clamping the day to the end of a shorter month), then days, then the
    /// time part. Saturates at the ends of the supported range.
    #[allow(clippy::should_implement_trait)] // `Add` is implemented too; this name reads better at call sites.
    pub fn add(self, duration: IsoDuration) -> Timestamp {
        self.checked_add(duration).unwrap_or(Timestamp::MAX)
    }

    /// Like [`Timestamp::add`], but `None` past year 9999.
    pub fn checked_add(self, duration: IsoDuration) -> Option<Timestamp> {
        let (y, m, d) = self.date();
        let secs_of_day = self.0.rem_euclid(SECONDS_PER_DAY);
        let total_months = i64::from(y) * 12
            + i64::from(m - 1)
            + i64::from(duration.years) * 12
            + i64::from(duration.months);
        let year = total_months.div_euclid(12);
        let month = (total_months.rem_euclid(12) + 1) as u32;
        if year > 9999 {
            return None;
        }
        let day = d.min(days_in_month(year, month));
        let days = days_from_civil(year, month, day) + i64::from(duration.days);
        let seconds = days * SECONDS_PER_DAY
            + secs_of_day
            + i64::from(duration.hours) * 3600
            + i64::from(duration.minutes) * 60
            + i64::from(duration.seconds);
        Timestamp::from_unix_seconds(seconds)
    }

    /// Moves by whole days, either way, saturating at the range ends.
    pub fn add_days(self, days: i64) -> Timestamp {
        self.add_seconds(days.saturating_mul(SECONDS_PER_DAY))
    }

    /// Moves by seconds, either way, saturating at the range ends.
    pub fn add_seconds(self, seconds: i64) -> Timestamp {
        Timestamp(
            self.0
                .saturating_add(seconds)
                .clamp(Self::MIN.0, Self::MAX.0),
        )
    }

    /// Seconds from `self` to `later` (negative when `later` is earlier).
    pub fn seconds_until(self, later: Timestamp) -> i64 {
        later.0 - self.0
    }

    /// Whole days from `self` to `later`, rounded down: 4 days and 23 hours
    /// is 4 days. Negative when `later` is earlier.
    pub fn days_until(self, later: Timestamp) -> i64 {
        self.seconds_until(later).div_euclid(SECONDS_PER_DAY)
    }
}

impl std::ops::Add<IsoDuration> for Timestamp {
    type Output = Timestamp;
    fn add(self, duration: IsoDuration) -> Timestamp {
        Timestamp::add(self, duration)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d) = self.date();
        let (h, mi, s) = self.time_of_day();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse(s)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Keeps hostile input from flooding an error message.
fn shorten(text: &str) -> String {
    text.chars().take(40).collect()
}

pub(crate) fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap_year(year) => 29,
        _ => 28,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn parse_rfc3339(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    if b.len() < 20 || b.len() > 40 {
        return None;
    }
    let year = digits(b, 0, 4)?;
    let month = digits(b, 5, 2)?;
    let day = digits(b, 8, 2)?;
    let hour = digits(b, 11, 2)?;
    let minute = digits(b, 14, 2)?;
    let second = digits(b, 17, 2)?;
    if b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') {
        return None;
    }
    if b[13] != b':' || b[16] != b':' {
        return None;
    }
    let mut rest = &b[19..];
    if let Some((b'.', tail)) = rest.split_first() {
        let fraction = tail.iter().take_while(|c| c.is_ascii_digit()).count();
        if fraction == 0 {
            return None;
        }
        rest = &tail[fraction..];
    }
    let offset_seconds: i64 = match rest {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2], 0, 2)?;
            let minutes = digits(&[*m1, *m2], 0, 2)?;
            if hours > 23 || minutes > 59 {
                return None;
            }
            let magnitude = i64::from(hours * 3600 + minutes * 60);
            if *sign == b'+' {
                magnitude
            } else {
                -magnitude
            }
        }
        _ => return None,
    };
    // A leap second is read as the last second of its minute.
    if second > 60 {
        return None;
    }
    let second = second.min(59);
    let local = Timestamp::from_ymd_hms(year as i32, month, day, hour, minute, second)?;
    Timestamp::from_unix_seconds(local.0 - offset_seconds)
}

fn digits(b: &[u8], start: usize, len: usize) -> Option<u32> {
    let slice = b.get(start..start + len)?;
    slice.iter().try_fold(0u32, |acc, c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn rfc3339_text_round_trips() {
        for text in [
            "2026-11-23T04:42:18Z",
            "1970-01-01T00:00:00Z",
            "2000-02-29T23:59:59Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59Z",
            "1969-12-31T23:59:59Z",
        ] {
            assert_eq!(ts(text).to_string(), text);
        }
    }

    #[test]
    fn the_epoch_is_second_zero() {
        assert_eq!(ts("1970-01-01T00:00:00Z").unix_seconds(), 0);
        assert_eq!(ts("2026-11-23T04:42:18Z").unix_seconds(), 1_795_408_938);
    }

    #[test]
    fn fractions_are_dropped_and_offsets_become_utc() {
        assert_eq!(
            ts("2026-11-23T06:42:18.1234567+02:00"),
            ts("2026-11-23T04:42:18Z")
        );
        assert_eq!(ts("2026-11-22T23:42:18-05:00"), ts("2026-11-23T04:42:18Z"));
    }

    #[test]
    fn impossible_dates_and_garbage_are_refused() {
        for text in [
            "",
            "2026-02-30T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2026-13-01T00:00:00Z",
            "2026-11-23T24:00:00Z",
            "2026-11-23T04:42:18",
            "2026-11-23 04:42:18+2",
            "2026-11-23T04:42:18.Z",
            "２０２６-11-23T04:42:18Z",
            "10000-01-01T00:00:00Z",
        ] {
            assert!(Timestamp::parse(text).is_err(), "{text} should be refused");
        }
    }

    #[test]
    fn a_month_added_to_january_31_lands_on_the_last_day_of_february() {
        let jan31 = ts("2026-01-31T10:00:00Z");
        assert_eq!(
            jan31.add(IsoDuration::months(1)),
            ts("2026-02-28T10:00:00Z")
        );
        let leap = ts("2028-01-31T10:00:00Z");
        assert_eq!(leap.add(IsoDuration::months(1)), ts("2028-02-29T10:00:00Z"));
    }

    #[test]
    fn years_and_days_are_added_on_the_calendar() {
        let start = ts("2024-02-29T00:00:00Z");
        assert_eq!(start.add(IsoDuration::years(1)), ts("2025-02-28T00:00:00Z"));
        assert_eq!(
            start.add(IsoDuration::days(730)),
            ts("2026-02-28T00:00:00Z")
        );
        let d: IsoDuration = "P1Y6M".parse().unwrap();
        assert_eq!(
            ts("2026-08-31T00:00:00Z").add(d),
            ts("2028-02-29T00:00:00Z")
        );
        let d: IsoDuration = "P1DT1H".parse().unwrap();
        assert_eq!(
            ts("2026-12-31T23:30:00Z").add(d),
            ts("2027-01-02T00:30:00Z")
        );
    }

    #[test]
    fn adding_past_year_9999_saturates() {
        let late = ts("9999-06-01T00:00:00Z");
        assert_eq!(late.add(IsoDuration::years(2)), Timestamp::MAX);
        assert_eq!(late.checked_add(IsoDuration::years(2)), None);
        assert_eq!(Timestamp::MIN.add_days(-1), Timestamp::MIN);
    }

    #[test]
    fn days_until_counts_whole_days() {
        let now = ts("2026-11-23T12:00:00Z");
        assert_eq!(now.days_until(ts("2026-11-28T12:00:00Z")), 5);
        assert_eq!(now.days_until(ts("2026-11-28T11:59:59Z")), 4);
        assert_eq!(now.days_until(ts("2026-11-22T12:00:00Z")), -1);
    }

    #[test]
    fn every_day_converts_back_to_itself() {
        for days in (-719_528..2_932_896).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn timestamps_serialize_as_rfc3339_strings() {
        let t = ts("2026-11-23T04:42:18Z");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2026-11-23T04:42:18Z\""
        );
        let back: Timestamp = serde_json::from_str("\"2026-11-23T04:42:18Z\"").unwrap();
        assert_eq!(back, t);
        assert!(serde_json::from_str::<Timestamp>("12").is_err());
    }
}
