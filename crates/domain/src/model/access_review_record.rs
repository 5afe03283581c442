//! The last time someone reviewed partner access and said so with "Mark
//! as reviewed": what the review page and its printed report show.

use serde::{Deserialize, Serialize};

use crate::{Persona, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessReviewRecord {
    pub reviewed_date_time: Timestamp,
    pub by: Persona,
    /// How many partners held admin roles, and how many flags they raised,
    /// when the review was marked: what was looked at.
    #[serde(default)]
    pub partners: u32,
    #[serde(default)]
    pub flags: u32,
}
