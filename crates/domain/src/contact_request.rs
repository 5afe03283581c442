//! A "Contact me" request sent to one or more directory partners.

use serde::{Deserialize, Serialize};

use crate::{ContactRequestDetails, ContactRequestStatus, IsoDuration, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ContactRequest {
    pub id: String,
    /// Ids from the partner directory.
    pub partner_ids: Vec<String>,
    pub details: ContactRequestDetails,
    pub sent_date_time: Timestamp,
    pub status: ContactRequestStatus,
    #[serde(default)]
    pub status_date_time: Option<Timestamp>,
}

impl ContactRequest {
    /// How long the simulated partners take to get back to you.
    pub const REPLY_AFTER: IsoDuration = IsoDuration::days(2);
    /// The most partners one request may go to.
    pub const MAX_PARTNERS: usize = 20;
}
