//! A warning that granular access is about to end.

use serde::{Deserialize, Serialize};

use crate::Timestamp;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    pub id: String,
    pub raised_date_time: Timestamp,
    pub partner_id: String,
    pub partner_name: String,
    pub relationship_id: String,
    pub relationship_name: String,
    /// 30, 7 or 1.
    pub days_before: u32,
    pub end_date_time: Timestamp,
}

impl Notice {
    /// Notices are raised this many days before a granular relationship
    /// ends, each once per end date.
    pub const DAYS_BEFORE: [u32; 3] = [30, 7, 1];

    /// The id of the notice for one relationship, threshold and end date;
    /// a relationship that auto-extends gets fresh notices for its new end.
    pub fn id_for(relationship_id: &str, days_before: u32, end: Timestamp) -> String {
        format!(
            "notice-{relationship_id}-{days_before}d-{}",
            end.unix_seconds()
        )
    }

    pub fn message(&self) -> String {
        let days = match self.days_before {
            1 => "1 day".to_string(),
            n => format!("{n} days"),
        };
        format!(
            "The GDAP relationship “{}” with {} ends in {days}, on {}. Ask the partner for a new request if you want it to continue.",
            self.relationship_name,
            self.partner_name,
            self.end_date_time.date_string()
        )
    }
}
