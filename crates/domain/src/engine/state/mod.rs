//! Everything the console knows about the organization's partners, and the
//! engine around it: `decide` (checks, changes nothing), `apply` (cannot
//! fail) and `execute` (both).

mod advance;
mod apply;
mod decide;
mod import;
mod invariants;

pub(crate) use decide::is_valid_id;
pub(crate) use import::{destination, Destination};

use serde::{Deserialize, Serialize};

use crate::{
    AccessReviewRecord, ActivityEntry, Command, ContactRequest, DelegatedAdminRelationship,
    DomainError, Event, Invitation, LegacyDelegatedRoles, Notice, Partner, PartnerType, Persona,
    SignedInUser, Timestamp,
};

/// An organization whose name nobody told us.
pub const UNNAMED_ORGANIZATION: &str = "Your organization";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct State {
    /// The demo clock: how far time has been moved with `AdvanceTime`.
    pub now: Timestamp,
    /// Partners you work with, and partners that have sent you invitations
    /// (those have no relationship types yet).
    #[serde(default)]
    pub partners: Vec<Partner>,
    #[serde(default)]
    pub invitations: Vec<Invitation>,
    /// Granular (GDAP) relationships, shaped like Graph's.
    #[serde(default)]
    pub relationships: Vec<DelegatedAdminRelationship>,
    /// Legacy delegated admin roles, one entry per partner holding them.
    #[serde(default)]
    pub legacy_roles: Vec<LegacyDelegatedRoles>,
    /// Whether MPSA partners may see purchases made through each other.
    #[serde(default)]
    pub purchase_visibility: bool,
    #[serde(default)]
    pub contact_requests: Vec<ContactRequest>,
    #[serde(default)]
    pub notices: Vec<Notice>,
    #[serde(default)]
    pub activity: Vec<ActivityEntry>,
    /// The last "Mark as reviewed" of partner access; absent in saves from
    /// before the review page, which read as never reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_access_review: Option<AccessReviewRecord>,
    /// This organization's Microsoft Entra tenant id, when known: an import
    /// warns about relationships with another customer. An empty
    /// organization has none, and the import says it can't check.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// This organization's name as its sign-in names it, stored when the
    /// server created the organization; absent in older saves (see
    /// [`State::organization_name`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_name: Option<String>,
    /// Who is signed in while one command runs (`execute_as`), for the
    /// entries it logs; never saved.
    #[serde(skip)]
    acting_user: Option<SignedInUser>,
}

impl State {
    /// How many activity entries are kept: the newest.
    pub const ACTIVITY_LIMIT: usize = 1000;

    /// An organization with no partners yet.
    pub fn new(now: Timestamp) -> State {
        State {
            now,
            partners: Vec::new(),
            invitations: Vec::new(),
            relationships: Vec::new(),
            legacy_roles: Vec::new(),
            purchase_visibility: false,
            contact_requests: Vec::new(),
            notices: Vec::new(),
            activity: Vec::new(),
            last_access_review: None,
            tenant_id: None,
            organization_name: None,
            acting_user: None,
        }
    }

    /// What the header and the access review call this organization: its
    /// stored name; for a save from before names were stored, the demo
    /// organization's name when it is the demo tenant, else a neutral one.
    pub fn organization_name(&self) -> &str {
        match (&self.organization_name, self.tenant_id.as_deref()) {
            (Some(name), _) if !name.trim().is_empty() => name,
            (_, Some(tenant)) if tenant.eq_ignore_ascii_case(crate::demo::DEMO_TENANT_ID) => {
                crate::demo::DEMO_ORGANIZATION_NAME
            }
            _ => UNNAMED_ORGANIZATION,
        }
    }

    /// As [`State::execute`], naming `user` in every activity entry it logs
    /// for the persona.
    pub fn execute_as(
        &mut self,
        user: Option<&SignedInUser>,
        command: &Command,
        persona: Persona,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        self.acting_user = user.cloned();
        let result = self.execute(command, persona, now);
        self.acting_user = None;
        result
    }

    /// As [`State::record_refusal`], naming `user`.
    pub fn record_refusal_as(
        &mut self,
        user: Option<&SignedInUser>,
        command: &Command,
        persona: Persona,
        now: Timestamp,
        error: &DomainError,
    ) {
        self.acting_user = user.cloned();
        self.record_refusal(command, persona, now, error);
        self.acting_user = None;
    }

    /// Decides and applies a command: all its events, or an error and no
    /// change at all. A refusal is not logged here; call
    /// [`State::record_refusal`] for that.
    pub fn execute(
        &mut self,
        command: &Command,
        persona: Persona,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        let events = self.decide(command, persona, now)?;
        for event in &events {
            self.apply(event);
        }
        Ok(events)
    }

    /// Logs a refused command with the reason, so the activity log shows
    /// attempts as well as changes.
    pub fn record_refusal(
        &mut self,
        command: &Command,
        persona: Persona,
        now: Timestamp,
        error: &DomainError,
    ) {
        let partner_id = command.partner_id(self);
        let partner_name = partner_id.as_deref().and_then(|id| self.name_of(id));
        self.log(ActivityEntry {
            at: now,
            persona: Some(persona),
            action: crate::engine::activity_entry::describe_attempt(command, self),
            partner_id,
            partner_name,
            outcome: format!("Refused: {error}"),
            by_partner: false,
            by_user: None,
        });
    }

    /// Adds an entry to the activity log, dropping the oldest beyond
    /// [`State::ACTIVITY_LIMIT`] so the saved state and the Activity page
    /// stay small however long the console is used.
    pub(crate) fn log(&mut self, mut entry: ActivityEntry) {
        // What a signed-in person did (not the system, not the partner)
        // carries their name.
        if entry.persona.is_some() && !entry.by_partner {
            entry.by_user = self.acting_user.clone();
        }
        self.activity.push(entry);
        let excess = self.activity.len().saturating_sub(Self::ACTIVITY_LIMIT);
        self.activity.drain(..excess);
    }

    pub fn partner(&self, id: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.id == id)
    }

    pub fn invitation(&self, id: &str) -> Option<&Invitation> {
        self.invitations.iter().find(|i| i.id == id)
    }

    pub fn relationship(&self, id: &str) -> Option<&DelegatedAdminRelationship> {
        self.relationships.iter().find(|r| r.id == id)
    }

    pub fn relationships_of<'a>(
        &'a self,
        partner_id: &'a str,
    ) -> impl Iterator<Item = &'a DelegatedAdminRelationship> + 'a {
        self.relationships
            .iter()
            .filter(move |r| r.partner_id == partner_id)
    }

    pub fn invitations_of<'a>(
        &'a self,
        partner_id: &'a str,
    ) -> impl Iterator<Item = &'a Invitation> + 'a {
        self.invitations
            .iter()
            .filter(move |i| i.partner_id == partner_id)
    }

    pub fn legacy_roles_of(&self, partner_id: &str) -> Option<&LegacyDelegatedRoles> {
        self.legacy_roles
            .iter()
            .find(|l| l.partner_id == partner_id)
    }

    /// Whether "Remove roles" has anything to remove for this partner:
    /// legacy roles, or a granular relationship that is not over (unknown
    /// statuses are read-only and do not count).
    pub fn has_roles_to_remove(&self, partner_id: &str) -> bool {
        self.legacy_roles_of(partner_id).is_some()
            || self
                .relationships_of(partner_id)
                .any(|r| r.status.can_become(&crate::RelationshipStatus::Terminated))
    }

    /// Purchases through a partner are blocked until the customer agreement
    /// is signed for it (and for a partner we do not know).
    pub fn purchase_blocked(&self, partner_id: &str) -> bool {
        self.partner(partner_id)
            .is_none_or(|p| !p.agreement.is_signed())
    }

    /// Partners in the purchasing programme (MPSA).
    pub fn mpsa_partners(&self) -> impl Iterator<Item = &Partner> {
        self.partners
            .iter()
            .filter(|p| p.has_type(PartnerType::MpsaPartner))
    }

    /// The partner's name, or its id when it is not in the list.
    pub fn partner_name(&self, partner_id: &str) -> String {
        self.partner(partner_id)
            .map_or_else(|| partner_id.to_string(), |p| p.name.clone())
    }
}

/// Shared fixtures for the engine's unit tests.
#[cfg(test)]
pub(crate) mod test_support {
    use crate::{
        Command, DomainError, Event, GranularDraft, IsoDuration, Partner, PartnerType, Persona,
        RoleDefinitionId, State, Timestamp,
    };

    pub fn ts(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    pub fn now() -> Timestamp {
        ts("2026-11-23T04:42:18Z")
    }

    pub fn demo() -> State {
        crate::demo::demo_state(now())
    }

    /// Runs a command at the state's clock.
    pub fn run(
        state: &mut State,
        command: Command,
        persona: Persona,
    ) -> Result<Vec<Event>, DomainError> {
        let at = state.now;
        state.execute(&command, persona, at)
    }

    pub fn accept(id: &str) -> Command {
        Command::AcceptInvitation {
            invitation_id: id.to_string(),
            agreement_acknowledged: true,
        }
    }

    pub fn advance_days(state: &mut State, days: i64) -> Vec<Event> {
        let to = state.now.add_days(days);
        run(state, Command::AdvanceTime { to }, Persona::User).unwrap()
    }

    pub fn draft(duration: &str, auto_extend: &str, roles: &[&str]) -> GranularDraft {
        GranularDraft {
            display_name: "Test access".to_string(),
            duration: IsoDuration::parse(duration).unwrap(),
            auto_extend_duration: IsoDuration::parse(auto_extend).unwrap(),
            unified_roles: roles.iter().map(|r| RoleDefinitionId::new(*r)).collect(),
        }
    }

    pub fn issue(
        id: &str,
        partner_id: &str,
        types: &[PartnerType],
        legacy_roles: bool,
        granular: Option<GranularDraft>,
    ) -> Command {
        Command::IssueInvitation {
            invitation_id: Some(id.to_string()),
            partner: Partner::new(partner_id, format!("Partner {partner_id}")),
            relationship_types: types.to_vec(),
            legacy_roles,
            granular,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::*;
    use super::*;

    #[test]
    fn the_activity_log_keeps_the_newest_entries_up_to_its_limit() {
        let mut state = demo();
        let allowed = |n: usize| Command::SetPurchaseVisibility {
            allowed: n.is_multiple_of(2),
        };
        // Successes and refusals both count toward the limit.
        for n in 0..State::ACTIVITY_LIMIT + 5 {
            let _ = run(&mut state, allowed(n), Persona::BillingAdministrator);
            let refused = Command::RemoveRoles {
                partner_id: "no-such-partner".to_string(),
            };
            if let Err(error) = run(&mut state, refused.clone(), Persona::User) {
                state.record_refusal(&refused, Persona::User, state.now, &error);
            }
        }
        assert_eq!(state.activity.len(), State::ACTIVITY_LIMIT);
        let newest = state.activity.last().unwrap();
        assert!(newest.was_refused(), "{newest:?}");
        // The demo's own entries were the oldest, so they went first.
        let demo_entries = demo().activity;
        assert!(!demo_entries.is_empty());
        assert!(state.activity.iter().all(|e| !demo_entries.contains(e)));
    }

    #[test]
    fn a_new_organization_with_no_data_can_still_find_and_contact_partners() {
        // The partner directory is Microsoft's public one, not the
        // organization's data: an empty organization contacts its partners.
        let mut empty = State::new(now());
        let form = crate::ContactForm {
            country: "United States".into(),
            city: "Seattle".into(),
            first_name: "Kai".into(),
            last_name: "Lee".into(),
            email: "kai@contoso.example".into(),
            phone: "+1 425 555 0101".into(),
            organization_size: "50-249 employees".into(),
            organization_name: "Contoso Ltd".into(),
            industry: "Retail".into(),
            business_needs: "Help moving our mailboxes to the cloud.".into(),
        };
        let command = Command::SendContactRequest {
            partner_ids: vec!["p-000042".into()],
            form,
        };
        run(&mut empty, command, Persona::BillingAdministrator).unwrap();
        assert_eq!(empty.contact_requests.len(), 1);
        let listed = crate::directory::listing_of(crate::directory::DIRECTORY_SEED, "p-000042")
            .map(|l| l.name);
        assert!(listed.is_some());
        assert_eq!(empty.name_of("p-000042"), listed);
    }
}
