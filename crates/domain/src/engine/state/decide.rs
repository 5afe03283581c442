//! `State::decide`: every rule of the product, checked before anything
//! changes.

use crate::{
    permissions, roles, AutoExtendDuration, Command, ContactForm, ContactRequest,
    ContactRequestStatus, DelegatedAdminRelationship, DomainError, Event, GranularDraft,
    GranularDuration, GranularRequest, Invitation, InvitationState, Partner, PartnerType, Persona,
    RelationshipStatus, RolesBrought, State, Timestamp, UnifiedRole,
};

/// Most roles one granular request may ask for (Graph's own limit is
/// lower than the catalogue anyway; this bounds hostile input).
pub const MAX_REQUESTED_ROLES: usize = 40;
/// Graph limits a relationship's display name to 50 characters.
const DISPLAY_NAME_MAX: usize = 50;

impl State {
    /// Checks permissions and rules and says what would happen, without
    /// changing anything.
    pub fn decide(
        &self,
        command: &Command,
        persona: Persona,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        permissions::check(persona, command, self)?;
        let by = Some(persona);
        match command {
            Command::SendContactRequest { partner_ids, form } => {
                self.decide_contact_request(partner_ids, form, by, now)
            }
            Command::AcceptInvitation {
                invitation_id,
                agreement_acknowledged,
            } => self.decide_accept(invitation_id, *agreement_acknowledged, by, now),
            Command::DeclineInvitation { invitation_id } => {
                let invitation = self.open_invitation(invitation_id, now)?;
                Ok(vec![Event::InvitationDeclined {
                    at: now,
                    by,
                    invitation_id: invitation.id.clone(),
                    partner_id: invitation.partner_id.clone(),
                }])
            }
            Command::AcceptCustomerAgreement {
                partner_id,
                acknowledged,
            } => {
                let partner = self.known_partner(partner_id)?;
                if partner.agreement.is_signed() {
                    return Err(DomainError::AgreementAlreadySigned {
                        partner_id: partner.id.clone(),
                        partner_name: partner.name.clone(),
                    });
                }
                if !acknowledged {
                    return Err(DomainError::AgreementNotAcknowledged);
                }
                Ok(vec![Event::AgreementAccepted {
                    at: now,
                    by,
                    partner_id: partner.id.clone(),
                }])
            }
            Command::RemoveRoles { partner_id } => self.decide_remove_roles(partner_id, by, now),
            Command::SetPurchaseVisibility { allowed } => {
                if self.mpsa_partners().count() < 2 {
                    return Err(DomainError::NotEnoughPurchasingPartners);
                }
                Ok(vec![Event::PurchaseVisibilitySet {
                    at: now,
                    by,
                    allowed: *allowed,
                }])
            }
            Command::IssueInvitation {
                invitation_id,
                partner,
                relationship_types,
                legacy_roles,
                granular,
            } => self.decide_issue(
                invitation_id.as_deref(),
                partner,
                relationship_types,
                *legacy_roles,
                granular.as_ref(),
                by,
                now,
            ),
            Command::AdvanceTime { to } => self.decide_advance(*to, by),
            Command::MarkAccessReviewed => {
                // What was reviewed, counted as the page showed it.
                let review = crate::views::access_review(self, now);
                Ok(vec![Event::AccessReviewed {
                    at: now,
                    by,
                    partners: count(review.partners.len()),
                    flags: count(review.flag_count()),
                }])
            }
            Command::ImportRelationships {
                partner,
                relationships,
            } => self.decide_import(partner, relationships, by, now),
        }
    }

    pub(super) fn known_partner(&self, partner_id: &str) -> Result<&Partner, DomainError> {
        self.partner(partner_id)
            .ok_or_else(|| DomainError::PartnerNotFound {
                partner_id: shorten(partner_id),
            })
    }

    /// The invitation, if it can still be answered at `now`.
    fn open_invitation(
        &self,
        invitation_id: &str,
        now: Timestamp,
    ) -> Result<&Invitation, DomainError> {
        let invitation =
            self.invitation(invitation_id)
                .ok_or_else(|| DomainError::InvitationNotFound {
                    invitation_id: shorten(invitation_id),
                })?;
        let invitation_id = invitation.id.clone();
        match invitation.state_at(now) {
            InvitationState::Pending => Ok(invitation),
            InvitationState::Accepted => {
                Err(DomainError::InvitationAlreadyAccepted { invitation_id })
            }
            InvitationState::Declined => Err(DomainError::InvitationDeclined { invitation_id }),
            InvitationState::Expired => Err(DomainError::InvitationExpired { invitation_id }),
        }
    }

    fn decide_contact_request(
        &self,
        partner_ids: &[String],
        form: &ContactForm,
        by: Option<Persona>,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        let mut ids: Vec<String> = Vec::new();
        for id in partner_ids {
            if !is_reference(id) {
                return Err(DomainError::InvalidId { id: shorten(id) });
            }
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
        if ids.is_empty() {
            return Err(DomainError::NoPartnersSelected);
        }
        if ids.len() > ContactRequest::MAX_PARTNERS {
            return Err(DomainError::TooManyPartnersSelected {
                max: ContactRequest::MAX_PARTNERS,
            });
        }
        let details = form
            .validate()
            .map_err(|errors| DomainError::InvalidContactRequest { errors })?;
        let id = self.fresh_id("cr", self.contact_requests.len() + 1, |id| {
            self.contact_requests.iter().any(|c| c.id == id)
        });
        Ok(vec![Event::ContactRequestSent {
            at: now,
            by,
            request: ContactRequest {
                id,
                partner_ids: ids,
                details,
                sent_date_time: now,
                status: ContactRequestStatus::Sent,
                status_date_time: None,
            },
        }])
    }

    /// "Accept & Authorize": everything the invitation asks for, or nothing.
    fn decide_accept(
        &self,
        invitation_id: &str,
        agreement_acknowledged: bool,
        by: Option<Persona>,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        let invitation = self.open_invitation(invitation_id, now)?;
        if !agreement_acknowledged {
            return Err(DomainError::AgreementNotAcknowledged);
        }
        let partner = self.known_partner(&invitation.partner_id)?;
        if let Some(granular) = &invitation.granular {
            if self.legacy_roles_of(&partner.id).is_some() {
                return Err(DomainError::LegacyRolesMustBeRemovedFirst {
                    partner_id: partner.id.clone(),
                    partner_name: partner.name.clone(),
                });
            }
            // Issued invitations cannot carry this; stored or received data might.
            if granular.auto_extend_duration.is_on() && granular.has_global_administrator() {
                return Err(DomainError::AutoExtendWithGlobalAdministrator);
            }
        }

        let partner_id = partner.id.clone();
        let mut events = vec![Event::InvitationAccepted {
            at: now,
            by,
            invitation_id: invitation.id.clone(),
            partner_id: partner_id.clone(),
        }];
        // The acknowledgement on the invitation page covers the agreement.
        if !partner.agreement.is_signed() {
            events.push(Event::AgreementAccepted {
                at: now,
                by,
                partner_id: partner_id.clone(),
            });
        }
        let mut types = partner.types.clone();
        for t in &invitation.relationship_types {
            if !types.contains(t) {
                types.push(*t);
            }
        }
        if types != partner.types {
            events.push(Event::PartnerTypesChanged {
                at: now,
                by,
                partner_id: partner_id.clone(),
                types,
            });
        }
        if invitation.legacy_roles {
            events.push(Event::LegacyRolesGranted {
                at: now,
                by,
                partner_id: partner_id.clone(),
                roles: roles::legacy_delegated_roles(),
            });
        }
        if let Some(granular) = &invitation.granular {
            events.push(Event::RelationshipCreated {
                at: now,
                by,
                relationship: self.new_relationship(invitation, granular, now),
            });
        }
        Ok(events)
    }

    /// Approved granular access starts now and ends after the duration the
    /// partner asked for, on the calendar.
    fn new_relationship(
        &self,
        invitation: &Invitation,
        granular: &GranularRequest,
        now: Timestamp,
    ) -> DelegatedAdminRelationship {
        let base = format!("rel-{}", invitation.id);
        let id = if self.relationship(&base).is_none() {
            base
        } else {
            self.fresh_id(&base, 2, |id| self.relationship(id).is_some())
        };
        DelegatedAdminRelationship {
            id,
            display_name: granular.display_name.clone(),
            status: RelationshipStatus::Active,
            duration: granular.duration,
            auto_extend_duration: granular.auto_extend_duration,
            access_details: crate::AccessDetails {
                unified_roles: granular.unified_roles.clone(),
            },
            created_date_time: invitation.created_date_time,
            activated_date_time: Some(now),
            end_date_time: Some(now.add(granular.duration.as_iso())),
            last_modified_date_time: now,
            partner_id: invitation.partner_id.clone(),
            invitation_id: Some(invitation.id.clone()),
        }
    }

    /// "Remove roles": legacy roles go, granular relationships end; the
    /// partner and its other relationship types stay.
    fn decide_remove_roles(
        &self,
        partner_id: &str,
        by: Option<Persona>,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        let partner = self.known_partner(partner_id)?;
        if !self.has_roles_to_remove(&partner.id) {
            return Err(DomainError::NoRolesToRemove {
                partner_id: partner.id.clone(),
                partner_name: partner.name.clone(),
            });
        }
        let mut events = Vec::new();
        if self.legacy_roles_of(&partner.id).is_some() {
            events.push(Event::LegacyRolesRemoved {
                at: now,
                by,
                partner_id: partner.id.clone(),
            });
        }
        for r in self.relationships_of(&partner.id) {
            if r.status.can_become(&RelationshipStatus::Terminated) {
                events.push(Event::RelationshipTerminated {
                    at: now,
                    by,
                    relationship_id: r.id.clone(),
                });
            }
        }
        let mut types: Vec<PartnerType> = Vec::new();
        for t in partner.types.iter().map(|t| t.without_admin_roles()) {
            if !types.contains(&t) {
                types.push(t);
            }
        }
        if types != partner.types {
            events.push(Event::PartnerTypesChanged {
                at: now,
                by,
                partner_id: partner.id.clone(),
                types,
            });
        }
        Ok(events)
    }

    /// The partner simulator (demo only). It obeys the same rules a real
    /// partner request would: a valid duration, auto-extend only PT0S or
    /// P180D and never with Global Administrator.
    #[allow(clippy::too_many_arguments)] // the fields of one command variant, passed through
    fn decide_issue(
        &self,
        invitation_id: Option<&str>,
        partner: &Partner,
        relationship_types: &[PartnerType],
        legacy_roles: bool,
        granular: Option<&GranularDraft>,
        by: Option<Persona>,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        if !is_valid_id(&partner.id) {
            return Err(DomainError::InvalidId {
                id: shorten(&partner.id),
            });
        }
        // Control characters (NUL, tabs, line breaks) in a name are never
        // what a partner meant, and the contact form refuses them too.
        let name = partner.name.trim();
        if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
            return Err(DomainError::MissingPartnerName);
        }
        let id = match invitation_id {
            Some(id) if !is_valid_id(id) => {
                return Err(DomainError::InvalidId { id: shorten(id) });
            }
            Some(id) if self.invitation(id).is_some() => {
                return Err(DomainError::InvitationIdTaken {
                    invitation_id: id.to_string(),
                })
            }
            Some(id) => id.to_string(),
            None => self.fresh_id("inv", self.invitations.len() + 1, |id| {
                self.invitation(id).is_some()
            }),
        };

        let mut types: Vec<PartnerType> = Vec::new();
        for t in relationship_types {
            if !types.contains(t) {
                types.push(*t);
            }
        }
        // The roles follow from the types (the seeds' table) and vice versa.
        let brings_legacy = types
            .iter()
            .any(|t| t.roles_brought() == RolesBrought::LegacyAdminRoles);
        let legacy_roles = legacy_roles || brings_legacy;
        if legacy_roles && granular.is_some() {
            return Err(DomainError::LegacyAndGranularTogether);
        }
        if legacy_roles && !brings_legacy {
            types.push(PartnerType::DelegatedAdministrator);
        }
        let granular = granular.map(check_granular).transpose()?;
        if granular.is_some() && !types.contains(&PartnerType::GranularDelegatedAdmin) {
            types.push(PartnerType::GranularDelegatedAdmin);
        }

        let mut events = Vec::new();
        if self.partner(&partner.id).is_none() {
            // A newcomer: no relationship and no agreement until accepted.
            events.push(Event::PartnerAdded {
                at: now,
                by,
                partner: Partner {
                    name: name.to_string(),
                    types: Vec::new(),
                    agreement: crate::AgreementStatus::NotSigned,
                    ..partner.clone()
                },
            });
        }
        events.push(Event::InvitationIssued {
            at: now,
            by,
            invitation: Invitation {
                id,
                partner_id: partner.id.clone(),
                relationship_types: types,
                legacy_roles,
                granular,
                created_date_time: now,
                expires_date_time: now.add(Invitation::LIFETIME),
                state: InvitationState::Pending,
                responded_date_time: None,
            },
        });
        Ok(events)
    }

    /// `prefix-n`, counting up from `n` until `taken` says no.
    pub(super) fn fresh_id(&self, prefix: &str, n: usize, taken: impl Fn(&str) -> bool) -> String {
        (n..)
            .map(|k| format!("{prefix}-{k}"))
            .find(|id| !taken(id))
            .unwrap_or_else(|| prefix.to_string())
    }
}

/// The checks that turn a draft into a request a customer may approve.
fn check_granular(draft: &GranularDraft) -> Result<GranularRequest, DomainError> {
    let display_name = draft.display_name.trim();
    if display_name.is_empty()
        || display_name.chars().count() > DISPLAY_NAME_MAX
        || display_name.chars().any(char::is_control)
    {
        return Err(DomainError::InvalidDisplayName);
    }
    let duration = GranularDuration::try_from(draft.duration).map_err(|_| {
        DomainError::DurationOutOfRange {
            duration: draft.duration.to_string(),
        }
    })?;
    let auto_extend_duration =
        AutoExtendDuration::try_from(draft.auto_extend_duration).map_err(|_| {
            DomainError::AutoExtendNotAllowed {
                value: draft.auto_extend_duration.to_string(),
            }
        })?;
    let mut unified_roles: Vec<UnifiedRole> = Vec::new();
    for id in &draft.unified_roles {
        if !is_reference(id.as_str()) {
            return Err(DomainError::InvalidId {
                id: shorten(id.as_str()),
            });
        }
        if !unified_roles.iter().any(|r| &r.role_definition_id == id) {
            unified_roles.push(UnifiedRole {
                role_definition_id: id.clone(),
            });
        }
    }
    if unified_roles.is_empty() {
        return Err(DomainError::NoRolesRequested);
    }
    if unified_roles.len() > MAX_REQUESTED_ROLES {
        return Err(DomainError::TooManyRoles {
            max: MAX_REQUESTED_ROLES,
        });
    }
    let request = GranularRequest {
        display_name: display_name.to_string(),
        duration,
        auto_extend_duration,
        unified_roles,
    };
    if request.auto_extend_duration.is_on() && request.has_global_administrator() {
        return Err(DomainError::AutoExtendWithGlobalAdministrator);
    }
    Ok(request)
}

/// A count for an event, saturating far beyond any real organization.
fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The longest id we accept. Graph's relationship ids are two GUIDs joined
/// by a dash (73 characters), so 64 was too short for a real one.
pub(crate) const MAX_ID_LEN: usize = 128;

/// Ids we create or accept for URLs: 1 to `MAX_ID_LEN` of `[A-Za-z0-9._-]`.
pub(crate) fn is_valid_id(id: &str) -> bool {
    (1..=MAX_ID_LEN).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Ids that come from elsewhere (the directory, role ids): printable and
/// not too long.
pub(super) fn is_reference(id: &str) -> bool {
    (1..=128).contains(&id.chars().count())
        && !id.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// Keeps hostile input from flooding an error message.
pub(super) fn shorten(text: &str) -> String {
    text.chars().take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roles::{GLOBAL_ADMINISTRATOR as GA, HELPDESK_ADMINISTRATOR as HELPDESK};
    use crate::state::test_support::*;
    use crate::{AgreementStatus, ContactField, Persona::*};

    const LICENSE: &str = "4d6ac14f-3453-41d0-bef9-a3e0c569773a";

    fn fresh() -> State {
        State::new(now())
    }

    #[test]
    fn auto_extend_is_refused_with_global_administrator() {
        let mut state = fresh();
        let command = issue(
            "inv-x",
            "p1",
            &[],
            false,
            Some(draft("P90D", "P180D", &[HELPDESK, GA])),
        );
        assert_eq!(
            run(&mut state, command, GlobalAdministrator),
            Err(DomainError::AutoExtendWithGlobalAdministrator)
        );
        assert_eq!(state, fresh());
    }

    #[test]
    fn a_stored_invitation_with_auto_extend_and_global_administrator_cannot_be_accepted() {
        let mut state = fresh();
        run(
            &mut state,
            issue(
                "inv-x",
                "p1",
                &[],
                false,
                Some(draft("P90D", "PT0S", &[GA])),
            ),
            User,
        )
        .unwrap();
        // Tampered data: the rule holds on accept too.
        if let Some(g) = state.invitations[0].granular.as_mut() {
            g.auto_extend_duration = AutoExtendDuration::Days180;
        }
        assert_eq!(
            run(&mut state, accept("inv-x"), GlobalAdministrator),
            Err(DomainError::AutoExtendWithGlobalAdministrator)
        );
    }

    #[test]
    fn durations_outside_p1d_to_p2y_are_refused() {
        for duration in ["PT12H", "P731D", "P3Y", "P2Y1D"] {
            let mut state = fresh();
            let command = issue(
                "inv-x",
                "p1",
                &[],
                false,
                Some(draft(duration, "PT0S", &[HELPDESK])),
            );
            assert!(
                matches!(
                    run(&mut state, command, User),
                    Err(DomainError::DurationOutOfRange { .. })
                ),
                "{duration}"
            );
        }
        for duration in ["P1D", "P730D", "P2Y"] {
            let mut state = fresh();
            let command = issue(
                "inv-x",
                "p1",
                &[],
                false,
                Some(draft(duration, "PT0S", &[HELPDESK])),
            );
            assert!(run(&mut state, command, User).is_ok(), "{duration}");
        }
    }

    #[test]
    fn auto_extend_is_only_off_or_180_days() {
        let mut state = fresh();
        let command = issue(
            "inv-x",
            "p1",
            &[],
            false,
            Some(draft("P90D", "P90D", &[HELPDESK])),
        );
        assert!(matches!(
            run(&mut state, command, User),
            Err(DomainError::AutoExtendNotAllowed { .. })
        ));
    }

    #[test]
    fn legacy_roles_must_be_removed_before_granular_access_is_approved() {
        let mut state = demo();
        let before = state.clone();
        assert!(matches!(
            run(&mut state, accept("inv-granular-legacy"), GlobalAdministrator),
            Err(DomainError::LegacyRolesMustBeRemovedFirst { ref partner_id, .. }) if partner_id == "fabrikam-it"
        ));
        assert_eq!(state, before);
        run(
            &mut state,
            Command::RemoveRoles {
                partner_id: "fabrikam-it".into(),
            },
            GlobalAdministrator,
        )
        .unwrap();
        run(
            &mut state,
            accept("inv-granular-legacy"),
            GlobalAdministrator,
        )
        .unwrap();
        assert!(state.relationship("rel-inv-granular-legacy").is_some());
    }

    #[test]
    fn accepting_is_all_or_nothing() {
        let mut state = demo();
        let before = state.clone();
        let refused = Command::AcceptInvitation {
            invitation_id: "inv-granular-helpdesk".into(),
            agreement_acknowledged: false,
        };
        assert_eq!(
            run(&mut state, refused, GlobalAdministrator),
            Err(DomainError::AgreementNotAcknowledged)
        );
        assert_eq!(state, before);

        let events = run(
            &mut state,
            accept("inv-delegated-admin"),
            GlobalAdministrator,
        )
        .unwrap();
        let kinds: Vec<&str> = events
            .iter()
            .map(|e| match e {
                Event::InvitationAccepted { .. } => "accepted",
                Event::AgreementAccepted { .. } => "agreement",
                Event::PartnerTypesChanged { .. } => "types",
                Event::LegacyRolesGranted { .. } => "legacy",
                _ => "other",
            })
            .collect();
        assert_eq!(kinds, ["accepted", "agreement", "types", "legacy"]);
        let coho = state.partner("coho-vineyard-it").unwrap();
        assert_eq!(coho.types, [PartnerType::ResellerAndDelegatedAdministrator]);
        assert!(coho.agreement.is_signed());
    }

    #[test]
    fn the_customer_gets_exactly_the_roles_and_duration_the_partner_asked_for() {
        let mut state = demo();
        // Extra fields in a received command are ignored, not applied.
        let command: Command = serde_json::from_str(
            r#"{"type":"acceptInvitation","invitationId":"inv-granular-helpdesk","agreementAcknowledged":true,
                "duration":"P1D","unifiedRoles":[{"roleDefinitionId":"62e90394-69f5-4237-9190-012177145e10"}]}"#,
        )
        .unwrap();
        run(&mut state, command, GlobalAdministrator).unwrap();
        let asked = state
            .invitation("inv-granular-helpdesk")
            .unwrap()
            .granular
            .clone()
            .unwrap();
        let granted = state.relationship("rel-inv-granular-helpdesk").unwrap();
        assert_eq!(granted.duration, asked.duration);
        assert_eq!(granted.access_details.unified_roles, asked.unified_roles);
        assert_eq!(granted.auto_extend_duration, asked.auto_extend_duration);
    }

    #[test]
    fn approved_granular_access_is_active_from_now_until_now_plus_the_duration() {
        let mut state = State::new(ts("2026-01-31T09:00:00Z"));
        run(
            &mut state,
            issue(
                "inv-x",
                "p1",
                &[],
                false,
                Some(draft("P1M", "PT0S", &[LICENSE])),
            ),
            User,
        )
        .unwrap();
        run(&mut state, accept("inv-x"), GlobalAdministrator).unwrap();
        let r = state.relationship("rel-inv-x").unwrap();
        assert_eq!(r.status, RelationshipStatus::Active);
        assert_eq!(r.activated_date_time, Some(ts("2026-01-31T09:00:00Z")));
        assert_eq!(r.end_date_time, Some(ts("2026-02-28T09:00:00Z")));
        assert_eq!(
            state.partner("p1").unwrap().types,
            [PartnerType::GranularDelegatedAdmin]
        );
    }

    #[test]
    fn an_invitation_expires_90_days_after_it_was_created() {
        let mut state = fresh();
        run(
            &mut state,
            issue("inv-x", "p1", &[PartnerType::Reseller], false, None),
            User,
        )
        .unwrap();
        let created = state.now;
        let expires = state.invitation("inv-x").unwrap().expires_date_time;
        assert_eq!(expires, created.add_days(90));
        assert!(state
            .decide(
                &accept("inv-x"),
                BillingAdministrator,
                expires.add_seconds(-1)
            )
            .is_ok());
        assert_eq!(
            state.decide(&accept("inv-x"), BillingAdministrator, expires),
            Err(DomainError::InvitationExpired {
                invitation_id: "inv-x".into()
            })
        );
    }

    #[test]
    fn an_invitation_can_be_answered_only_once() {
        let mut state = demo();
        assert_eq!(
            run(&mut state, accept("inv-accepted"), GlobalAdministrator),
            Err(DomainError::InvitationAlreadyAccepted {
                invitation_id: "inv-accepted".into()
            })
        );
        assert_eq!(
            run(&mut state, accept("inv-declined"), GlobalAdministrator),
            Err(DomainError::InvitationDeclined {
                invitation_id: "inv-declined".into()
            })
        );
        assert_eq!(
            run(&mut state, accept("inv-expired"), GlobalAdministrator),
            Err(DomainError::InvitationExpired {
                invitation_id: "inv-expired".into()
            })
        );
        assert_eq!(
            run(&mut state, accept("inv-nope"), GlobalAdministrator),
            Err(DomainError::InvitationNotFound {
                invitation_id: "inv-nope".into()
            })
        );
        run(
            &mut state,
            Command::DeclineInvitation {
                invitation_id: "inv-reseller".into(),
            },
            BillingAdministrator,
        )
        .unwrap();
        assert_eq!(
            run(&mut state, accept("inv-reseller"), BillingAdministrator),
            Err(DomainError::InvitationDeclined {
                invitation_id: "inv-reseller".into()
            })
        );
    }

    #[test]
    fn a_billing_administrator_accepts_invitations_without_roles_only() {
        let mut state = demo();
        run(&mut state, accept("inv-reseller"), BillingAdministrator).unwrap();
        run(&mut state, accept("inv-agreement"), BillingAdministrator).unwrap();
        for id in [
            "inv-delegated-admin",
            "inv-granular-helpdesk",
            "inv-advisor",
        ] {
            assert_eq!(
                run(&mut state, accept(id), BillingAdministrator),
                Err(DomainError::NotPermitted {
                    persona: BillingAdministrator,
                    action: crate::Action::GrantAdminRoles
                }),
                "{id}"
            );
        }
    }

    #[test]
    fn accepting_an_invitation_also_accepts_the_customer_agreement() {
        let mut state = demo();
        assert!(state.purchase_blocked("wide-world-tech"));
        run(&mut state, accept("inv-agreement"), BillingAdministrator).unwrap();
        let partner = state.partner("wide-world-tech").unwrap();
        assert_eq!(
            partner.agreement,
            AgreementStatus::Signed {
                signed_date_time: now()
            }
        );
        assert_eq!(partner.types, [PartnerType::Reseller]);
        assert!(!state.purchase_blocked("wide-world-tech"));
    }

    #[test]
    fn purchases_are_blocked_until_the_agreement_is_accepted() {
        let mut state = demo();
        let sign = |acknowledged| Command::AcceptCustomerAgreement {
            partner_id: "wide-world-tech".into(),
            acknowledged,
        };
        assert_eq!(
            run(&mut state, sign(false), BillingAdministrator),
            Err(DomainError::AgreementNotAcknowledged)
        );
        assert!(state.purchase_blocked("wide-world-tech"));
        run(&mut state, sign(true), BillingAdministrator).unwrap();
        assert!(!state.purchase_blocked("wide-world-tech"));
        assert!(matches!(
            run(&mut state, sign(true), BillingAdministrator),
            Err(DomainError::AgreementAlreadySigned { .. })
        ));
        assert!(state.purchase_blocked("nobody"));
    }

    #[test]
    fn removing_roles_keeps_the_partner_and_its_reseller_relationship() {
        let mut state = demo();
        run(
            &mut state,
            Command::RemoveRoles {
                partner_id: "fabrikam-it".into(),
            },
            GlobalAdministrator,
        )
        .unwrap();
        let fabrikam = state.partner("fabrikam-it").unwrap();
        assert_eq!(fabrikam.types, [PartnerType::Reseller]);
        assert!(state.legacy_roles_of("fabrikam-it").is_none());

        run(
            &mut state,
            Command::RemoveRoles {
                partner_id: "northwind-traders".into(),
            },
            GlobalAdministrator,
        )
        .unwrap();
        let northwind = state.relationship("rel-inv-northwind-gdap").unwrap();
        assert_eq!(northwind.status, RelationshipStatus::Terminated);
        assert!(state
            .partner("northwind-traders")
            .unwrap()
            .has_type(PartnerType::Reseller));
    }

    #[test]
    fn removing_roles_is_for_a_global_administrator_only() {
        let mut state = demo();
        let remove = || Command::RemoveRoles {
            partner_id: "fabrikam-it".into(),
        };
        for persona in [
            BillingAdministrator,
            HelpdeskAdministrator,
            User,
            PartnerOnBehalf,
        ] {
            assert!(run(&mut state, remove(), persona)
                .unwrap_err()
                .is_not_permitted());
        }
    }

    #[test]
    fn removing_roles_when_there_are_none_points_to_the_partner() {
        let mut state = demo();
        let error = run(
            &mut state,
            Command::RemoveRoles {
                partner_id: "contoso-cloud".into(),
            },
            GlobalAdministrator,
        )
        .unwrap_err();
        assert_eq!(
            error.to_string(),
            "Contoso Cloud Partners has no admin roles to remove. To end the relationship, contact the partner's support."
        );
        assert!(matches!(
            run(
                &mut state,
                Command::RemoveRoles {
                    partner_id: "nobody".into()
                },
                GlobalAdministrator
            ),
            Err(DomainError::PartnerNotFound { .. })
        ));
    }

    #[test]
    fn a_relationship_in_an_unknown_status_is_left_alone() {
        let mut state = demo();
        if let Some(r) = state
            .relationships
            .iter_mut()
            .find(|r| r.partner_id == "northwind-traders")
        {
            r.status = RelationshipStatus::Unknown("suspendedByMicrosoft".into());
        }
        assert!(matches!(
            run(
                &mut state,
                Command::RemoveRoles {
                    partner_id: "northwind-traders".into()
                },
                GlobalAdministrator
            ),
            Err(DomainError::NoRolesToRemove { .. })
        ));
        advance_days(&mut state, 1000);
        let r = state.relationship("rel-inv-northwind-gdap").unwrap();
        assert_eq!(
            r.status,
            RelationshipStatus::Unknown("suspendedByMicrosoft".into())
        );
    }

    #[test]
    fn purchase_visibility_needs_two_purchasing_partners() {
        let mut state = demo();
        run(
            &mut state,
            Command::SetPurchaseVisibility { allowed: false },
            BillingAdministrator,
        )
        .unwrap();
        assert!(!state.purchase_visibility);
        let mut empty = fresh();
        assert_eq!(
            run(
                &mut empty,
                Command::SetPurchaseVisibility { allowed: true },
                BillingAdministrator
            ),
            Err(DomainError::NotEnoughPurchasingPartners)
        );
    }

    #[test]
    fn a_contact_request_needs_a_valid_form_and_at_least_one_partner() {
        let mut state = fresh();
        let send = |ids: Vec<&str>, form: ContactForm| Command::SendContactRequest {
            partner_ids: ids.into_iter().map(String::from).collect(),
            form,
        };
        let Err(DomainError::InvalidContactRequest { errors }) = run(
            &mut state,
            send(vec!["p-000001"], ContactForm::default()),
            BillingAdministrator,
        ) else {
            panic!("an empty form must be refused");
        };
        assert_eq!(errors[0].field, ContactField::Country);
        let form = demo().contact_requests[0].details.as_form().clone();
        assert_eq!(
            run(&mut state, send(vec![], form.clone()), BillingAdministrator),
            Err(DomainError::NoPartnersSelected)
        );
        let events = run(
            &mut state,
            send(vec!["p-000001", "p-000001", "p-000002"], form),
            BillingAdministrator,
        )
        .unwrap();
        assert_eq!(events.len(), 1);
        assert_eq!(
            state.contact_requests[0].partner_ids,
            ["p-000001", "p-000002"]
        );
    }

    #[test]
    fn a_refused_command_is_logged_with_its_reason() {
        let mut state = demo();
        let command = Command::RemoveRoles {
            partner_id: "fabrikam-it".into(),
        };
        let error = state.decide(&command, User, now()).unwrap_err();
        state.record_refusal(&command, User, now(), &error);
        let entry = state.activity.last().unwrap();
        assert_eq!(entry.persona, Some(User));
        assert_eq!(entry.partner_name.as_deref(), Some("Fabrikam IT Services"));
        assert_eq!(
            entry.outcome,
            "Refused: Only a Global Administrator can grant or remove partner admin roles."
        );
    }

    #[test]
    fn every_applied_event_is_logged() {
        let mut state = demo();
        let before = state.activity.len();
        let events = run(
            &mut state,
            accept("inv-granular-helpdesk"),
            GlobalAdministrator,
        )
        .unwrap();
        assert_eq!(state.activity.len(), before + events.len());
        let last = state.activity.last().unwrap();
        assert_eq!(last.persona, Some(GlobalAdministrator));
        assert_eq!(last.partner_name.as_deref(), Some("Contoso Cloud Partners"));
        assert_eq!(last.outcome, "Succeeded");
    }

    #[test]
    fn one_invitation_cannot_ask_for_legacy_roles_and_granular_access() {
        let mut state = fresh();
        let command = issue(
            "inv-x",
            "p1",
            &[PartnerType::Advisor],
            false,
            Some(draft("P90D", "PT0S", &[HELPDESK])),
        );
        assert_eq!(
            run(&mut state, command, User),
            Err(DomainError::LegacyAndGranularTogether)
        );
    }

    #[test]
    fn issued_invitations_get_types_matching_their_roles() {
        let mut state = fresh();
        run(
            &mut state,
            issue("inv-a", "p1", &[PartnerType::Advisor], false, None),
            User,
        )
        .unwrap();
        run(&mut state, issue("inv-b", "p2", &[], true, None), User).unwrap();
        assert!(state.invitation("inv-a").unwrap().legacy_roles);
        assert_eq!(
            state.invitation("inv-b").unwrap().relationship_types,
            [PartnerType::DelegatedAdministrator]
        );
        assert!(matches!(
            run(&mut state, issue("inv-a", "p1", &[], false, None), User),
            Err(DomainError::InvitationIdTaken { .. })
        ));
        assert!(matches!(
            run(&mut state, issue("bad id", "p1", &[], false, None), User),
            Err(DomainError::InvalidId { .. })
        ));
    }

    #[test]
    fn a_graph_relationship_id_of_two_guids_is_a_valid_invitation_id() {
        let mut state = fresh();
        let graph_id = "5e5594d3-6f82-458b-b567-77db4811f0cd-00000000-0000-0000-0000-000000000000";
        assert_eq!(graph_id.len(), 73);
        run(&mut state, issue(graph_id, "p1", &[], true, None), User).unwrap();
        assert!(state.invitation(graph_id).is_some());
        let too_long = "a".repeat(MAX_ID_LEN + 1);
        assert!(matches!(
            run(&mut state, issue(&too_long, "p2", &[], true, None), User),
            Err(DomainError::InvalidId { .. })
        ));
        let message = DomainError::InvalidId { id: "x y".into() }.to_string();
        assert!(
            message.contains(&format!("1 to {MAX_ID_LEN} letters")),
            "{message}"
        );
    }

    #[test]
    fn a_partner_name_must_be_short_plain_text() {
        let mut state = fresh();
        for name in [
            "",
            "   ",
            "Tab\tinside",
            "NUL\u{0}inside",
            "Line\nbreak",
            &"x".repeat(201),
        ] {
            let mut command = issue("inv-n", "p-n", &[], false, None);
            if let Command::IssueInvitation { partner, .. } = &mut command {
                partner.name = name.to_string();
            }
            assert_eq!(
                run(&mut state, command, User),
                Err(DomainError::MissingPartnerName),
                "{name:?}"
            );
        }
        let mut command = issue("inv-n", "p-n", &[], false, None);
        if let Command::IssueInvitation { partner, .. } = &mut command {
            partner.name = "  Ünïcode & <Sons> \u{202e}ltd  ".to_string();
        }
        assert!(run(&mut state, command, User).is_ok());
    }

    #[test]
    fn every_error_code_is_its_serialized_tag() {
        let samples = [
            DomainError::AgreementNotAcknowledged,
            DomainError::NoRolesToRemove {
                partner_id: "a".into(),
                partner_name: "A".into(),
            },
            DomainError::ClockStepTooLarge { max_years: 5 },
        ];
        for e in samples {
            assert_eq!(serde_json::to_value(&e).unwrap()["code"], e.code());
        }
    }

    #[test]
    fn marking_partner_access_reviewed_records_who_and_when_in_the_log() {
        let mut state = demo();
        assert_eq!(state.last_access_review, None);
        let events = run(&mut state, Command::MarkAccessReviewed, GlobalAdministrator).unwrap();
        assert_eq!(
            events,
            [Event::AccessReviewed {
                at: now(),
                by: Some(GlobalAdministrator),
                partners: 5,
                flags: 9,
            }]
        );
        let last = state.last_access_review.clone().unwrap();
        assert_eq!(last.reviewed_date_time, now());
        assert_eq!(last.by, GlobalAdministrator);
        let entry = state.activity.last().unwrap();
        assert_eq!(
            entry.action,
            "Reviewed partner access: 5 partners with admin roles, 9 flags"
        );
        assert_eq!(entry.actor(), "Global Administrator");
        assert_eq!(entry.at, now());
        assert_eq!(entry.partner_name, None);
        // A later review replaces it; replaying the older one keeps the later.
        advance_days(&mut state, 30);
        run(&mut state, Command::MarkAccessReviewed, GlobalAdministrator).unwrap();
        let later = state.last_access_review.clone().unwrap();
        assert_eq!(later.reviewed_date_time, now().add_days(30));
        state.apply(&events[0]);
        assert_eq!(state.last_access_review, Some(later));
    }

    #[test]
    fn only_a_global_administrator_may_mark_partner_access_reviewed() {
        for persona in [BillingAdministrator, HelpdeskAdministrator, User] {
            let mut state = demo();
            let error = run(&mut state, Command::MarkAccessReviewed, persona).unwrap_err();
            assert_eq!(
                error.to_string(),
                "Only a Global Administrator can mark partner access as reviewed: it signs off every partner's admin roles."
            );
            assert_eq!(state.last_access_review, None);
        }
        let mut state = demo();
        let error = run(&mut state, Command::MarkAccessReviewed, PartnerOnBehalf).unwrap_err();
        assert!(error.to_string().starts_with(
            "A partner signed in on behalf of the customer can't mark partner access as reviewed here."
        ));
        assert_eq!(
            crate::permissions::refusal(User, crate::Action::MarkAccessReviewed).as_deref(),
            Some("To mark partner access as reviewed, you need to be a Global Administrator. You're signed in as User (no admin role).")
        );
    }

    #[test]
    fn the_last_review_is_saved_and_a_save_from_before_reads_as_never_reviewed() {
        let mut state = demo();
        let before = crate::snapshot::encode(&state);
        assert!(
            !before.contains("lastAccessReview"),
            "nothing new in old-style saves"
        );
        assert_eq!(
            crate::snapshot::decode(&before)
                .unwrap()
                .state
                .last_access_review,
            None
        );
        run(&mut state, Command::MarkAccessReviewed, GlobalAdministrator).unwrap();
        let saved = crate::snapshot::encode(&state);
        assert_eq!(crate::snapshot::decode(&saved).unwrap().state, state);
        let command: Command = serde_json::from_str(r#"{"type":"markAccessReviewed"}"#).unwrap();
        assert_eq!(command, Command::MarkAccessReviewed);
    }
}
