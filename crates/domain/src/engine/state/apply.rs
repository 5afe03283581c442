//! `State::apply`: folds one event into the state and logs it. It cannot
//! fail: an event that no longer fits (say, a second expiry of the same
//! relationship) changes nothing rather than breaking a load or a replay.

use crate::engine::activity_entry::{contact_partner_words, invitation_words};
use crate::{
    AccessReviewRecord, ActivityEntry, AgreementStatus, ContactRequestStatus, Event,
    InvitationState, LegacyDelegatedRoles, RelationshipStatus, RoleDefinitionId, State, Timestamp,
};

impl State {
    pub fn apply(&mut self, event: &Event) {
        let mut partner_id: Option<String> = None;
        // The partner acted (the simulator stands in for it), not the admin.
        let mut by_partner = false;
        let action = match event {
            Event::ContactRequestSent { request, .. } => {
                if !self.contact_requests.iter().any(|c| c.id == request.id) {
                    self.contact_requests.push(request.clone());
                }
                if let [only] = request.partner_ids.as_slice() {
                    partner_id = Some(only.clone());
                }
                format!(
                    "Sent a contact request to {}",
                    contact_partner_words(&request.partner_ids)
                )
            }
            Event::ContactRequestStatusChanged {
                at,
                request_id,
                status,
                ..
            } => {
                let mut about = None;
                if let Some(c) = self
                    .contact_requests
                    .iter_mut()
                    .find(|c| &c.id == request_id)
                {
                    c.status = *status;
                    c.status_date_time = Some(*at);
                    about = Some((c.partner_ids.clone(), c.sent_date_time.date_string()));
                }
                let (ids, sent) = about.unwrap_or_default();
                if let [only] = ids.as_slice() {
                    partner_id = Some(only.clone());
                }
                let who = if ids.is_empty() {
                    "A partner".to_string()
                } else {
                    contact_partner_words(&ids)
                };
                let of = if sent.is_empty() {
                    String::new()
                } else {
                    format!(" of {sent}")
                };
                match status {
                    ContactRequestStatus::Contacted => {
                        // The reply is the partner's, like its invitations.
                        by_partner = true;
                        format!("{who} got back to you about your contact request{of}")
                    }
                    other => format!("Your contact request{of} to {who}: {}", other.label()),
                }
            }
            Event::PartnerAdded { partner, .. } => {
                if self.partner(&partner.id).is_none() {
                    self.partners.push(partner.clone());
                }
                partner_id = Some(partner.id.clone());
                by_partner = true;
                "Got in touch for the first time".to_string()
            }
            Event::InvitationIssued { invitation, .. } => {
                if self.invitation(&invitation.id).is_none() {
                    self.invitations.push(invitation.clone());
                }
                partner_id = Some(invitation.partner_id.clone());
                by_partner = true;
                format!("Sent an invitation ({})", invitation_summary(invitation))
            }
            Event::InvitationAccepted {
                at,
                invitation_id,
                partner_id: p,
                ..
            } => {
                self.answer_invitation(invitation_id, InvitationState::Accepted, *at);
                partner_id = Some(p.clone());
                format!(
                    "Accepted & authorized {}",
                    invitation_words(self, invitation_id)
                )
            }
            Event::InvitationDeclined {
                at,
                invitation_id,
                partner_id: p,
                ..
            } => {
                self.answer_invitation(invitation_id, InvitationState::Declined, *at);
                partner_id = Some(p.clone());
                format!("Declined {}", invitation_words(self, invitation_id))
            }
            Event::InvitationExpired {
                at,
                invitation_id,
                partner_id: p,
                ..
            } => {
                self.answer_invitation(invitation_id, InvitationState::Expired, *at);
                partner_id = Some(p.clone());
                capitalized(&format!(
                    "{} expired after 90 days",
                    invitation_words(self, invitation_id)
                ))
            }
            Event::AgreementAccepted {
                at, partner_id: p, ..
            } => {
                if let Some(partner) = self.partners.iter_mut().find(|x| &x.id == p) {
                    if !partner.agreement.is_signed() {
                        partner.agreement = AgreementStatus::Signed {
                            signed_date_time: *at,
                        };
                    }
                }
                partner_id = Some(p.clone());
                "Accepted the Microsoft Customer Agreement".to_string()
            }
            Event::PartnerTypesChanged {
                partner_id: p,
                types,
                ..
            } => {
                if let Some(partner) = self.partners.iter_mut().find(|x| &x.id == p) {
                    partner.types = types.clone();
                }
                partner_id = Some(p.clone());
                let labels: Vec<&str> = types.iter().map(|t| t.label()).collect();
                format!(
                    "Relationship types are now: {}",
                    or_none(&labels.join(", "))
                )
            }
            Event::LegacyRolesGranted {
                at,
                partner_id: p,
                roles,
                ..
            } => {
                match self.legacy_roles.iter_mut().find(|l| &l.partner_id == p) {
                    Some(held) => {
                        for role in roles {
                            if !held.roles.contains(role) {
                                held.roles.push(role.clone());
                            }
                        }
                    }
                    None => self.legacy_roles.push(LegacyDelegatedRoles {
                        partner_id: p.clone(),
                        roles: roles.clone(),
                        granted_date_time: *at,
                    }),
                }
                partner_id = Some(p.clone());
                format!("Granted delegated admin roles: {}", role_names(roles))
            }
            Event::LegacyRolesRemoved { partner_id: p, .. } => {
                self.legacy_roles.retain(|l| &l.partner_id != p);
                partner_id = Some(p.clone());
                "Removed delegated admin roles".to_string()
            }
            Event::RelationshipCreated { relationship, .. } => {
                if self.relationship(&relationship.id).is_none() {
                    self.relationships.push(relationship.clone());
                }
                partner_id = Some(relationship.partner_id.clone());
                let roles: Vec<RoleDefinitionId> = relationship.roles().cloned().collect();
                format!(
                    "Approved the GDAP relationship “{}” ({}) until {}",
                    relationship.display_name,
                    role_names(&roles),
                    relationship
                        .end_date_time
                        .map_or_else(|| "no end date".to_string(), |e| e.date_string())
                )
            }
            Event::RelationshipExtended {
                at,
                relationship_id,
                end_date_time,
                ..
            } => {
                let (p, name) = self.change_relationship(relationship_id, *at, |r| {
                    // Only a running relationship extends; a final one stays over.
                    if !r.status.is_final() && !r.status.is_unknown() {
                        r.end_date_time = Some(*end_date_time);
                    }
                });
                partner_id = p;
                format!(
                    "GDAP relationship {name} auto-extended to {}",
                    end_date_time.date_string()
                )
            }
            Event::RelationshipExpired {
                at,
                relationship_id,
                ..
            } => {
                let (p, name) = self.change_relationship(relationship_id, *at, |r| {
                    if r.status.can_become(&RelationshipStatus::Expired) {
                        r.status = RelationshipStatus::Expired;
                    }
                });
                partner_id = p;
                format!("GDAP relationship {name} expired")
            }
            Event::RelationshipTerminated {
                at,
                relationship_id,
                ..
            } => {
                let (p, name) = self.change_relationship(relationship_id, *at, |r| {
                    if r.status.can_become(&RelationshipStatus::Terminated) {
                        r.status = RelationshipStatus::Terminated;
                    }
                });
                partner_id = p;
                format!("GDAP relationship {name} terminated")
            }
            Event::NoticeRaised { notice, .. } => {
                if !self.notices.iter().any(|n| n.id == notice.id) {
                    self.notices.push(notice.clone());
                }
                partner_id = Some(notice.partner_id.clone());
                format!(
                    "Notice: GDAP relationship “{}” ends in {} day{}",
                    notice.relationship_name,
                    notice.days_before,
                    if notice.days_before == 1 { "" } else { "s" }
                )
            }
            Event::PurchaseVisibilitySet { allowed, .. } => {
                self.purchase_visibility = *allowed;
                if *allowed {
                    "Allowed MPSA partners to see each other's purchases".to_string()
                } else {
                    "Stopped MPSA partners seeing each other's purchases".to_string()
                }
            }
            Event::ClockAdvanced { to, .. } => {
                self.now = self.now.max(*to);
                format!("Moved the demo clock to {}", to.date_string())
            }
            Event::AccessReviewed {
                at,
                by,
                partners,
                flags,
            } => {
                // Replaying an older review after a newer one keeps the newer.
                let newer = self
                    .last_access_review
                    .as_ref()
                    .is_none_or(|last| last.reviewed_date_time <= *at);
                if let (true, Some(by)) = (newer, by) {
                    self.last_access_review = Some(AccessReviewRecord {
                        reviewed_date_time: *at,
                        by: *by,
                        partners: *partners,
                        flags: *flags,
                    });
                }
                format!(
                    "Reviewed partner access: {} with admin roles, {}",
                    plural(*partners, "partner"),
                    plural(*flags, "flag")
                )
            }
            Event::InvitationImported { invitation, .. } => {
                if self.invitation(&invitation.id).is_none() {
                    self.invitations.push(invitation.clone());
                }
                partner_id = Some(invitation.partner_id.clone());
                match &invitation.granular {
                    Some(g) => {
                        let roles: Vec<RoleDefinitionId> = g.roles().cloned().collect();
                        format!(
                            "Imported from Microsoft Graph a GDAP request to review: “{}” ({}) for {}",
                            g.display_name,
                            role_names(&roles),
                            g.duration.as_iso().describe()
                        )
                    }
                    None => "Imported from Microsoft Graph a request to review".to_string(),
                }
            }
            Event::RelationshipImported { relationship, .. } => {
                if self.relationship(&relationship.id).is_none() {
                    self.relationships.push(relationship.clone());
                }
                partner_id = Some(relationship.partner_id.clone());
                let roles: Vec<RoleDefinitionId> = relationship.roles().cloned().collect();
                let end = match relationship.end_date_time {
                    Some(end) if !relationship.status.is_final() => {
                        format!(", ending {}", end.date_string())
                    }
                    Some(end) => format!(", ended {}", end.date_string()),
                    None => String::new(),
                };
                format!(
                    "Imported from Microsoft Graph the GDAP relationship “{}” ({}): {}{end}",
                    relationship.display_name,
                    role_names(&roles),
                    relationship.status.label().to_lowercase(),
                )
            }
        };
        let partner_name = partner_id.as_deref().and_then(|id| self.name_of(id));
        self.log(ActivityEntry {
            at: event.at(),
            persona: event.by(),
            action,
            partner_id,
            partner_name,
            outcome: ActivityEntry::SUCCEEDED.to_string(),
            by_partner,
            // `log` names the signed-in user, when there is one.
            by_user: None,
        });
    }

    /// A partner's name: one of yours, or one in the directory (contact
    /// requests go to directory partners, who are not in your list).
    pub(crate) fn name_of(&self, partner_id: &str) -> Option<String> {
        match self.partner(partner_id) {
            Some(p) => Some(p.name.clone()),
            None => crate::directory::listing_of(crate::directory::DIRECTORY_SEED, partner_id)
                .map(|l| l.name),
        }
    }

    fn answer_invitation(&mut self, invitation_id: &str, state: InvitationState, at: Timestamp) {
        if let Some(i) = self.invitations.iter_mut().find(|i| i.id == invitation_id) {
            if i.state == InvitationState::Pending {
                i.state = state;
                i.responded_date_time = Some(at);
            }
        }
    }

    /// Changes one relationship and returns (partner id, quoted display
    /// name) for the log.
    fn change_relationship(
        &mut self,
        relationship_id: &str,
        at: Timestamp,
        change: impl FnOnce(&mut crate::DelegatedAdminRelationship),
    ) -> (Option<String>, String) {
        match self
            .relationships
            .iter_mut()
            .find(|r| r.id == relationship_id)
        {
            Some(r) => {
                let before = r.clone();
                change(r);
                if *r != before {
                    r.last_modified_date_time = at;
                }
                (Some(r.partner_id.clone()), format!("“{}”", r.display_name))
            }
            // Never the id: an admin does not know relationships by it.
            None => (None, "(no longer listed)".to_string()),
        }
    }
}

/// "the invitation…" → "The invitation…".
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn role_names(roles: &[RoleDefinitionId]) -> String {
    let names: Vec<String> = roles.iter().map(RoleDefinitionId::display_name).collect();
    or_none(&names.join(", "))
}

/// "1 partner", "5 partners".
fn plural(n: u32, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn or_none(text: &str) -> String {
    if text.is_empty() {
        "none".to_string()
    } else {
        text.to_string()
    }
}

fn invitation_summary(invitation: &crate::Invitation) -> String {
    let mut parts: Vec<String> = invitation
        .relationship_types
        .iter()
        .map(|t| t.label().to_string())
        .collect();
    if invitation.is_agreement_only() {
        parts.push("customer agreement".to_string());
    }
    if let Some(g) = &invitation.granular {
        parts.push(format!(
            "{} for {}",
            g.display_name,
            g.duration.as_iso().describe()
        ));
    }
    parts.join("; ")
}
