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

    /// The contact form's last button, in the seeds' words: reached from a
    /// partner's "Contact me", it ends with "Contact me" (the newer seed);
    /// from "Contact selected providers", with "Send" (the older one).
    pub fn send_label(from_contact_me: bool) -> &'static str {
        if from_contact_me {
            "Contact me"
        } else {
            "Send"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contact_me_ends_with_contact_me_contact_selected_with_send() {
        assert_eq!(ContactRequest::send_label(true), "Contact me");
        assert_eq!(ContactRequest::send_label(false), "Send");
    }

    #[test]
    fn the_demo_organization_writes_from_its_own_domain() {
        let now = crate::Timestamp::parse("2026-11-23T04:42:18Z").unwrap();
        let state = crate::demo::demo_state(now);
        assert!(!state.contact_requests.is_empty());
        for request in &state.contact_requests {
            // The header names Adatum Corporation: its admins write from it.
            assert_eq!(request.details.organization_name(), "Adatum Corporation");
            assert!(
                request.details.email().ends_with("@adatum.example"),
                "{}",
                request.details.email()
            );
        }
    }
}
