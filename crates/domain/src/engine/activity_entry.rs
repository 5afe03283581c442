//! One line of the activity log: who did what, when, and how it went.
//!
//! The log is read by admins, so an entry names partners, invitations and
//! contact requests as an admin knows them (the partner's name, the day an
//! invitation was received), never by the console's internal ids.

use serde::{Deserialize, Serialize};

use crate::{Command, Persona, State, Timestamp};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEntry {
    pub at: Timestamp,
    /// `None` when the system did it as time passed (expiry, auto-extend).
    pub persona: Option<Persona>,
    pub action: String,
    pub partner_id: Option<String>,
    pub partner_name: Option<String>,
    /// `Succeeded` or `Refused: <reason>`.
    pub outcome: String,
    /// The partner acted (it sent an invitation), not the signed-in admin:
    /// the partner simulator stands in for the partner. Absent in entries
    /// saved before it existed, which read as `false`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub by_partner: bool,
    /// The signed-in person (or app) behind the persona, when the host
    /// knows one from a verified token. Absent in the demo, where the
    /// persona is all there is, and in entries saved before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by_user: Option<SignedInUser>,
}

/// Who acted, as a verified token names them: the directory id (`oid`)
/// and the display name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignedInUser {
    pub id: String,
    pub name: String,
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl ActivityEntry {
    pub const SUCCEEDED: &'static str = "Succeeded";

    /// Who acted, for the "Who" column: the partner by name when the
    /// partner did it, the persona, or "System" for what time did.
    pub fn actor(&self) -> String {
        if self.by_partner {
            return match &self.partner_name {
                Some(name) => format!("{name} (partner)"),
                None => "The partner".to_string(),
            };
        }
        match (&self.by_user, self.persona) {
            (Some(user), Some(persona)) => format!("{} ({})", user.name, persona.label()),
            (_, persona) => persona.map_or("System", Persona::label).to_string(),
        }
    }

    pub fn was_refused(&self) -> bool {
        self.outcome.starts_with("Refused")
    }

    /// The entries newest first, by time: an import can bring entries
    /// older than the ones already kept, and the log must not show 2024
    /// above 2025 because of the order they arrived in. Entries at the same
    /// moment keep the order they were logged in, the later one first.
    pub fn newest_first(entries: &[ActivityEntry]) -> Vec<&ActivityEntry> {
        let mut sorted: Vec<&ActivityEntry> = entries.iter().rev().collect();
        // Stable, so equal times keep the reversed (latest logged first) order.
        crate::sort::sort_by_key(&mut sorted, |e| std::cmp::Reverse(e.at));
        sorted
    }
}

/// "the invitation from Contoso Cloud Partners, received 2026-11-23", or
/// "an invitation" when the console no longer knows it (never its id).
pub(crate) fn invitation_words(state: &State, invitation_id: &str) -> String {
    match state.invitation(invitation_id) {
        Some(invitation) => match state.partner(&invitation.partner_id) {
            Some(partner) => format!(
                "the invitation from {}, received {}",
                partner.name,
                invitation.created_date_time.date_string()
            ),
            None => format!(
                "an invitation received {}",
                invitation.created_date_time.date_string()
            ),
        },
        None => "an invitation".to_string(),
    }
}

/// A contact request's partners by name: "Northwind Cloud" or "3 partners
/// (A, B and C)". Directory ids the directory does not know (a save from
/// an older console) are counted, not shown.
pub(crate) fn contact_partner_words(partner_ids: &[String]) -> String {
    let names: Vec<String> = partner_ids
        .iter()
        .filter_map(|key| crate::directory::listing_of(crate::directory::DIRECTORY_SEED, key))
        .map(|listing| listing.name)
        .collect();
    match (partner_ids.len(), names.as_slice()) {
        (1, [name]) => name.clone(),
        (1, _) => "1 partner".to_string(),
        (n, []) => format!("{n} partners"),
        // A request goes to up to 20: name the first few only.
        (n, named) if named.len() > 3 => format!(
            "{n} partners ({}, {}, {} and {} more)",
            named[0],
            named[1],
            named[2],
            n - 3
        ),
        (n, named) => format!("{n} partners ({})", and_list(named)),
    }
}

/// "A", "A and B", "A, B and C".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// What an admin tried, for a refused command's entry, with the
/// invitation named rather than given by id.
pub(crate) fn describe_attempt(command: &Command, state: &State) -> String {
    match command {
        Command::AcceptInvitation { invitation_id, .. } => format!(
            "Accept & authorize {}",
            invitation_words(state, invitation_id)
        ),
        Command::DeclineInvitation { invitation_id } => {
            format!("Decline {}", invitation_words(state, invitation_id))
        }
        Command::SendContactRequest { partner_ids, .. } => format!(
            "Send a contact request to {}",
            contact_partner_words(partner_ids)
        ),
        other => other.describe(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::{accept, advance_days, demo, run, ts};
    use crate::{PartnerType, Persona::GlobalAdministrator, Persona::User};

    /// The partner simulator sends an Advisor invitation from a newcomer.
    fn simulated_invitation() -> Command {
        Command::IssueInvitation {
            invitation_id: Some("inv-sim-1".into()),
            partner: crate::Partner::new("sim-partner", "Margie's Travel IT"),
            relationship_types: vec![PartnerType::Advisor],
            legacy_roles: false,
            granular: None,
        }
    }

    /// Every internal id the state holds: partners', invitations',
    /// relationships', contact requests'.
    fn ids(state: &State) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        ids.extend(state.partners.iter().map(|p| p.id.clone()));
        ids.extend(state.invitations.iter().map(|i| i.id.clone()));
        ids.extend(state.relationships.iter().map(|r| r.id.clone()));
        ids.extend(state.contact_requests.iter().map(|c| c.id.clone()));
        ids.extend(
            state
                .contact_requests
                .iter()
                .flat_map(|c| c.partner_ids.iter().cloned()),
        );
        ids
    }

    /// What the Activity page shows of an entry.
    fn shown(entry: &ActivityEntry) -> String {
        format!(
            "{} | {} | {} | {}",
            entry.actor(),
            entry.action,
            entry.partner_name.clone().unwrap_or_default(),
            entry.outcome
        )
    }

    fn assert_no_ids(state: &State) {
        let ids = ids(state);
        assert!(ids.iter().any(|id| id.starts_with("p-0")), "{ids:?}");
        for entry in &state.activity {
            let text = shown(entry);
            for id in &ids {
                assert!(!text.contains(id.as_str()), "{id} in “{text}”");
            }
            // A directory id ("p-000042") in any form.
            assert!(
                !text
                    .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
                    .any(|w| crate::directory::Listing::id_of_key(w).is_some()),
                "a directory id in “{text}”"
            );
        }
    }

    #[test]
    fn the_demo_log_names_partners_invitations_and_requests_never_their_ids() {
        let mut state = demo();
        // Add what an admin does in the flows: accept, a refusal, the
        // simulator, a contact request and time passing.
        run(
            &mut state,
            accept("inv-granular-helpdesk"),
            GlobalAdministrator,
        )
        .unwrap();
        let refused = accept("inv-advisor");
        let error = state.decide(&refused, User, state.now).unwrap_err();
        state.record_refusal(&refused, User, state.now, &error);
        let decline = Command::DeclineInvitation {
            invitation_id: "inv-reseller".into(),
        };
        let error = state.decide(&decline, User, state.now).unwrap_err();
        state.record_refusal(&decline, User, state.now, &error);
        run(&mut state, simulated_invitation(), GlobalAdministrator).unwrap();
        advance_days(&mut state, 100);
        assert_no_ids(&state);
    }

    #[test]
    fn an_accepted_invitation_is_named_by_its_partner_and_the_day_it_came() {
        let mut state = demo();
        let received = state
            .invitation("inv-granular-helpdesk")
            .unwrap()
            .created_date_time
            .date_string();
        run(
            &mut state,
            accept("inv-granular-helpdesk"),
            GlobalAdministrator,
        )
        .unwrap();
        let entry = state
            .activity
            .iter()
            .rev()
            .find(|e| e.action.starts_with("Accepted & authorized"))
            .unwrap();
        assert_eq!(
            entry.action,
            format!(
                "Accepted & authorized the invitation from Contoso Cloud Partners, received {received}"
            )
        );
        assert_eq!(entry.actor(), "Global Administrator");
    }

    #[test]
    fn a_refused_answer_names_the_invitation_too() {
        let mut state = demo();
        let command = accept("inv-granular-helpdesk");
        let error = state.decide(&command, User, state.now).unwrap_err();
        state.record_refusal(&command, User, state.now, &error);
        let entry = state.activity.last().unwrap();
        assert!(
            entry.action.starts_with(
                "Accept & authorize the invitation from Contoso Cloud Partners, received 20"
            ),
            "{}",
            entry.action
        );
    }

    #[test]
    fn what_the_partner_simulator_does_is_the_partner_s_not_the_admin_s() {
        let mut state = demo();
        let events = run(&mut state, simulated_invitation(), GlobalAdministrator).unwrap();
        let entries = &state.activity[state.activity.len() - events.len()..];
        assert_eq!(entries.len(), 2, "got in touch, then invited");
        for entry in entries {
            assert_eq!(entry.actor(), "Margie's Travel IT (partner)");
        }
        assert_eq!(entries[1].action, "Sent an invitation (Advisor)");
    }

    #[test]
    fn a_contact_request_names_the_directory_partners_it_went_to() {
        let state = demo();
        let sent: Vec<&ActivityEntry> = state
            .activity
            .iter()
            .filter(|e| e.action.starts_with("Sent a contact request"))
            .collect();
        let one = crate::directory::listing_of(crate::directory::DIRECTORY_SEED, "p-000042")
            .unwrap()
            .name;
        assert_eq!(sent[0].action, format!("Sent a contact request to {one}"));
        assert_eq!(sent[0].partner_name.as_deref(), Some(one.as_str()));
        assert!(
            sent[1]
                .action
                .starts_with("Sent a contact request to 3 partners ("),
            "{}",
            sent[1].action
        );
        // The partner's reply is the partner's.
        let reply = state
            .activity
            .iter()
            .find(|e| e.action.contains("got back to you"))
            .unwrap();
        assert_eq!(reply.actor(), format!("{one} (partner)"));
    }

    #[test]
    fn a_single_listing_is_the_one_the_whole_directory_holds() {
        let directory = crate::directory::generate(crate::directory::DIRECTORY_SEED, 400);
        for key in ["p-000000", "p-000042", "p-000311"] {
            assert_eq!(
                crate::directory::listing_of(crate::directory::DIRECTORY_SEED, key),
                directory.find_key(key)
            );
        }
        assert_eq!(
            crate::directory::listing_of(crate::directory::DIRECTORY_SEED, "cr-2"),
            None
        );
    }

    fn entry(at: &str, action: &str) -> ActivityEntry {
        ActivityEntry {
            at: ts(at),
            persona: None,
            action: action.to_string(),
            partner_id: None,
            partner_name: None,
            outcome: ActivityEntry::SUCCEEDED.to_string(),
            by_partner: false,
            by_user: None,
        }
    }

    #[test]
    fn a_signed_in_user_is_named_for_what_they_did_and_were_refused() {
        let now = ts("2026-11-23T04:42:18Z");
        let mut state = crate::demo::demo_state(now);
        let avery = SignedInUser {
            id: "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51".into(),
            name: "Avery Howard".into(),
        };
        let before = state.activity.len();
        let accept = Command::AcceptInvitation {
            invitation_id: "inv-reseller".into(),
            agreement_acknowledged: true,
        };
        state
            .execute_as(Some(&avery), &accept, Persona::GlobalAdministrator, now)
            .unwrap();
        let mine = &state.activity[before..];
        assert!(!mine.is_empty());
        for entry in mine {
            assert_eq!(entry.by_user.as_ref(), Some(&avery), "{}", entry.action);
            assert_eq!(entry.actor(), "Avery Howard (Global Administrator)");
        }

        let remove = Command::RemoveRoles {
            partner_id: "fabrikam-it".into(),
        };
        let blair = SignedInUser {
            id: "1c7a4b9f-6d32-4e80-8f25-7b3c9d1e4a62".into(),
            name: "Blair Nguyen".into(),
        };
        let refused = state
            .execute_as(Some(&blair), &remove, Persona::BillingAdministrator, now)
            .unwrap_err();
        state.record_refusal_as(
            Some(&blair),
            &remove,
            Persona::BillingAdministrator,
            now,
            &refused,
        );
        let last = state.activity.last().unwrap();
        assert!(last.was_refused());
        assert_eq!(last.actor(), "Blair Nguyen (Billing Administrator)");

        // Without a user (the demo), entries name the persona as before,
        // and the name is not kept for the next command.
        let decline = Command::DeclineInvitation {
            invitation_id: "inv-delegated-admin".into(),
        };
        state
            .execute(&decline, Persona::GlobalAdministrator, now)
            .unwrap();
        let last = state.activity.last().unwrap();
        assert_eq!(last.by_user, None);
        assert_eq!(last.actor(), "Global Administrator");

        // Saved and read back.
        let json = serde_json::to_string(&state.activity[before]).unwrap();
        assert!(json.contains(r#""byUser":{"id":"0b6f3a8e"#), "{json}");
        let back: ActivityEntry = serde_json::from_str(&json).unwrap();
        assert_eq!(back.by_user.as_ref(), Some(&avery));
    }

    #[test]
    fn the_log_reads_newest_first_even_after_an_import_of_older_entries() {
        // Today's entries, then older ones an import appended.
        let log = vec![
            entry("2025-03-01T10:00:00Z", "a"),
            entry("2025-03-01T10:00:00Z", "b"),
            entry("2025-06-01T10:00:00Z", "c"),
            entry("2024-01-01T10:00:00Z", "d"),
            entry("2024-05-01T10:00:00Z", "e"),
        ];
        let order: Vec<&str> = ActivityEntry::newest_first(&log)
            .iter()
            .map(|e| e.action.as_str())
            .collect();
        assert_eq!(order, ["c", "b", "a", "e", "d"]);
    }

    #[test]
    fn an_entry_saved_before_by_partner_existed_still_reads() {
        let text = r#"{"at":"2026-11-24T10:00:00Z","persona":"globalAdministrator","action":"Declined invitation inv-1","partnerId":"p1","partnerName":"Partner p1","outcome":"Succeeded"}"#;
        let read: ActivityEntry = serde_json::from_str(text).unwrap();
        assert!(!read.by_partner);
        assert_eq!(read.actor(), "Global Administrator");
        // And a new one writes nothing extra when the admin acted.
        let written = serde_json::to_string(&read).unwrap();
        assert!(!written.contains("byPartner"), "{written}");
    }
}
