//! Whether a review of partner access is due: Microsoft recommends
//! reviewing partner admin privileges regularly, and the console asks for
//! one at least every 90 days.

use serde::Serialize;

use crate::{AccessReviewRecord, Timestamp};

/// A review older than this many days is overdue.
pub const REVIEW_OVERDUE_DAYS: i64 = 90;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(
    tag = "state",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum ReviewDue {
    /// Nobody has marked partner access reviewed yet.
    Never,
    /// The last review is more than [`REVIEW_OVERDUE_DAYS`] old.
    Overdue {
        days_since: i64,
        reviewed_date_time: Timestamp,
    },
    /// Reviewed recently; the next review is due by `due_date_time`.
    UpToDate {
        days_since: i64,
        reviewed_date_time: Timestamp,
        due_date_time: Timestamp,
    },
}

impl ReviewDue {
    /// The rule: whole days since the last review, overdue after 90 (day
    /// 90 itself is still in time).
    pub fn of(last: Option<&AccessReviewRecord>, now: Timestamp) -> ReviewDue {
        let Some(last) = last else {
            return ReviewDue::Never;
        };
        let reviewed = last.reviewed_date_time;
        let days_since = reviewed.days_until(now).max(0);
        if days_since > REVIEW_OVERDUE_DAYS {
            ReviewDue::Overdue {
                days_since,
                reviewed_date_time: reviewed,
            }
        } else {
            ReviewDue::UpToDate {
                days_since,
                reviewed_date_time: reviewed,
                due_date_time: reviewed.add_days(REVIEW_OVERDUE_DAYS),
            }
        }
    }

    pub fn is_overdue(self) -> bool {
        !matches!(self, ReviewDue::UpToDate { .. })
    }

    /// The sentence the review page and its report show.
    pub fn message(self) -> String {
        match self {
            ReviewDue::Never => format!(
                "Partner access has never been reviewed. Review it now, then mark it as reviewed: a review is due at least every {REVIEW_OVERDUE_DAYS} days."
            ),
            ReviewDue::Overdue {
                days_since,
                reviewed_date_time,
            } => format!(
                "A review is overdue: the last one was {days_since} days ago, on {}, and reviews are due every {REVIEW_OVERDUE_DAYS} days.",
                reviewed_date_time.date_string()
            ),
            ReviewDue::UpToDate {
                days_since,
                due_date_time,
                ..
            } => format!(
                "Reviewed {}. The next review is due by {}.",
                days_ago(days_since),
                due_date_time.date_string()
            ),
        }
    }
}

fn days_ago(days: i64) -> String {
    match days {
        0 => "today".to_string(),
        1 => "yesterday".to_string(),
        n => format!("{n} days ago"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::{now, ts};
    use crate::Persona;

    fn reviewed(days_ago: i64) -> AccessReviewRecord {
        AccessReviewRecord {
            reviewed_date_time: now().add_days(-days_ago),
            by: Persona::GlobalAdministrator,
            partners: 5,
            flags: 9,
        }
    }

    #[test]
    fn a_review_is_overdue_after_90_days_and_when_there_was_none() {
        let due = |days| ReviewDue::of(Some(&reviewed(days)), now());
        assert!(!due(89).is_overdue());
        assert!(!due(90).is_overdue(), "day 90 is still in time");
        assert!(due(91).is_overdue());
        assert!(ReviewDue::of(None, now()).is_overdue());
        // 90 days and 23 hours is still 90 whole days.
        let almost = AccessReviewRecord {
            reviewed_date_time: now().add_days(-91).add_seconds(60),
            ..reviewed(0)
        };
        assert!(!ReviewDue::of(Some(&almost), now()).is_overdue());
    }

    #[test]
    fn the_page_says_when_the_next_review_is_due_or_that_one_is_overdue() {
        let due = |days| ReviewDue::of(Some(&reviewed(days)), now()).message();
        assert_eq!(
            due(10),
            "Reviewed 10 days ago. The next review is due by 2027-02-11."
        );
        assert_eq!(
            due(0),
            "Reviewed today. The next review is due by 2027-02-21."
        );
        assert_eq!(
            due(91),
            "A review is overdue: the last one was 91 days ago, on 2026-08-24, and reviews are due every 90 days."
        );
        assert!(ReviewDue::of(None, now())
            .message()
            .starts_with("Partner access has never been reviewed."));
        assert_eq!(ts("2026-08-24T04:42:18Z"), now().add_days(-91));
    }
}
