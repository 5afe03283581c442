//! A granular relationship whose access ends soon, as it stands now: the
//! partner page's "Access ending soon" says this, not the notices raised
//! on the way (those are history, in Activity).

use serde::Serialize;

use super::EXPIRING_SOON_DAYS;
use crate::{DelegatedAdminRelationship, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EndingSoon {
    pub relationship_id: String,
    pub relationship_name: String,
    pub end_date_time: Timestamp,
    /// Whole days from now to the end, as the relationship's card counts them.
    pub days_left: i64,
}

impl EndingSoon {
    /// The rule: a relationship in force whose end is less than
    /// [`EXPIRING_SOON_DAYS`] away and that will not renew itself there
    /// (auto-extend): its access really ends. `None` for any other.
    pub fn of(relationship: &DelegatedAdminRelationship, now: Timestamp) -> Option<EndingSoon> {
        let end = relationship.end_date_time?;
        let days_left = now.days_until(end);
        let ends = relationship.grants_access_at(now) && !relationship.auto_extends();
        (ends && days_left < EXPIRING_SOON_DAYS).then(|| EndingSoon {
            relationship_id: relationship.id.clone(),
            relationship_name: relationship.display_name.clone(),
            end_date_time: end,
            days_left,
        })
    }

    pub fn message(&self) -> String {
        let when = match self.days_left {
            // Under a day: "in 0 days" would read as already over.
            i64::MIN..=0 => "in less than a day".to_string(),
            1 => "in 1 day".to_string(),
            n => format!("in {n} days"),
        };
        format!(
            "The GDAP relationship “{}” ends {when}, on {}. Ask the partner for a new request if you want it to continue.",
            self.relationship_name,
            self.end_date_time.date_string()
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::*;

    fn tailspin() -> DelegatedAdminRelationship {
        demo()
            .relationships
            .iter()
            .find(|r| r.partner_id == "tailspin-toys")
            .cloned()
            .unwrap()
    }

    #[test]
    fn a_relationship_in_force_ending_within_30_days_is_ending_soon() {
        let r = tailspin();
        let soon = EndingSoon::of(&r, now()).unwrap();
        assert_eq!(soon.days_left, 5);
        assert_eq!(
            soon.message(),
            "The GDAP relationship “Tailspin managed helpdesk” ends in 5 days, on 2026-11-28. Ask the partner for a new request if you want it to continue."
        );
    }

    #[test]
    fn the_sentence_counts_from_now_not_from_when_a_notice_was_raised() {
        let r = tailspin();
        let end = r.end_date_time.unwrap();
        let one = EndingSoon::of(&r, end.add_days(-1)).unwrap();
        assert!(one.message().contains("ends in 1 day, on 2026-11-28"));
        let hours = EndingSoon::of(&r, end.add_seconds(-3600)).unwrap();
        assert!(hours
            .message()
            .contains("ends in less than a day, on 2026-11-28"));
    }

    #[test]
    fn far_off_ended_or_endless_relationships_are_not_ending_soon() {
        let r = tailspin();
        let end = r.end_date_time.unwrap();
        assert!(EndingSoon::of(&r, end.add_days(-30)).is_none());
        assert!(EndingSoon::of(&r, end.add_days(-29)).is_some());
        assert!(EndingSoon::of(&r, end).is_none(), "over at its end");
        let mut renews = r.clone();
        renews.auto_extend_duration = crate::AutoExtendDuration::Days180;
        assert!(
            EndingSoon::of(&renews, now()).is_none(),
            "auto-extend renews it at its end"
        );
        let mut endless = r.clone();
        endless.end_date_time = None;
        assert!(EndingSoon::of(&endless, now()).is_none());
    }
}
