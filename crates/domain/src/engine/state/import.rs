//! `ImportRelationships`: Microsoft Graph's relationships land by their
//! status, all of them or none.

use super::decide::{is_reference, is_valid_id, shorten};
use crate::{
    AgreementStatus, DelegatedAdminRelationship, DomainError, Event, GranularRequest,
    GraphRelationship, ImportPartner, Invitation, InvitationState, Partner, PartnerType, Persona,
    RelationshipStatus, State, Timestamp,
};

/// Graph limits a relationship's display name to 50 characters.
const DISPLAY_NAME_MAX: usize = 50;
/// Far more roles than granular admin can grant; bounds hostile input.
const MAX_ROLES: usize = 100;

/// Where one relationship lands, by Graph's status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Destination {
    /// `approvalPending`: an invitation to review on Accept & Authorize.
    Review,
    /// `approved`, `activating`, `active`, `expiring`: in force.
    InForce,
    /// Ended or ending (`expired`, `terminationRequested`, `terminating`,
    /// `terminated`), or a status this console doesn't know (kept read-only).
    History,
}

/// Where a status lands, or why it can't be imported.
pub(crate) fn destination(status: &RelationshipStatus) -> Result<Destination, String> {
    use RelationshipStatus as S;
    match status {
        S::Created => Err("its status is “created”: the partner has not sent it to you yet. Ask the partner to send the request, then import it again.".to_string()),
        S::ApprovalPending => Ok(Destination::Review),
        S::Approved | S::Activating | S::Active | S::Expiring => Ok(Destination::InForce),
        S::Expired | S::TerminationRequested | S::Terminating | S::Terminated | S::Unknown(_) => {
            Ok(Destination::History)
        }
    }
}

impl State {
    pub(super) fn decide_import(
        &self,
        chosen: &ImportPartner,
        relationships: &[GraphRelationship],
        by: Option<Persona>,
        now: Timestamp,
    ) -> Result<Vec<Event>, DomainError> {
        if relationships.is_empty() {
            return Err(DomainError::NothingToImport);
        }
        // Partners added by this import, in order.
        let mut added: Vec<Partner> = Vec::new();
        // The partner the admin chose, for relationships that don't name
        // one; a new one is added only when a relationship is for it.
        let chosen_id = match chosen {
            ImportPartner::Existing { partner_id } => {
                Some(self.known_partner(partner_id)?.id.clone())
            }
            ImportPartner::New { name } => {
                let name = self.new_partner_name(name)?;
                let id = self.new_partner_id(&name);
                if relationships.iter().any(|r| r.partner.is_none()) {
                    added.push(new_partner(&id, &name));
                }
                Some(id)
            }
            ImportPartner::NamedInFile => None,
        };

        let mut events = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut in_force_partners: Vec<String> = Vec::new();
        for (index, r) in relationships.iter().enumerate() {
            let refuse = |reason: String| DomainError::ImportRefused {
                position: index + 1,
                relationship_id: shorten(&r.id),
                reason,
            };
            let landing = destination(&r.status).map_err(refuse)?;
            self.check_imported(r, &seen).map_err(refuse)?;
            seen.push(r.id.to_ascii_lowercase());
            let partner_id = match (&r.partner, &chosen_id) {
                (None, Some(chosen)) => chosen.clone(),
                (None, None) => {
                    return Err(refuse(
                        "it doesn't name its partner: choose the partner who sent it.".to_string(),
                    ))
                }
                (Some(named), _) => self
                    .partner_named_in_file(named, &mut added)
                    .map_err(refuse)?,
            };
            match landing {
                Destination::Review => {
                    let invitation = imported_invitation(r, &partner_id, now).map_err(refuse)?;
                    events.push(Event::InvitationImported {
                        at: now,
                        by,
                        invitation,
                    });
                }
                Destination::InForce | Destination::History => {
                    let relationship =
                        imported_relationship(r, &partner_id, now).map_err(refuse)?;
                    if landing == Destination::InForce && !in_force_partners.contains(&partner_id) {
                        in_force_partners.push(partner_id);
                    }
                    events.push(Event::RelationshipImported {
                        at: now,
                        by,
                        relationship,
                    });
                }
            }
        }

        let mut all: Vec<Event> = added
            .iter()
            .map(|partner| Event::PartnerAdded {
                at: now,
                by,
                partner: partner.clone(),
            })
            .collect();
        all.append(&mut events);
        // A partner holding granular access in force is a GDAP partner.
        for partner_id in in_force_partners {
            let types = self
                .partner(&partner_id)
                .map(|p| p.types.clone())
                .unwrap_or_default();
            if !types.contains(&PartnerType::GranularDelegatedAdmin) {
                let mut types = types;
                types.push(PartnerType::GranularDelegatedAdmin);
                all.push(Event::PartnerTypesChanged {
                    at: now,
                    by,
                    partner_id,
                    types,
                });
            }
        }
        Ok(all)
    }

    /// The rules every imported relationship meets, whatever its status.
    fn check_imported(&self, r: &GraphRelationship, seen: &[String]) -> Result<(), String> {
        if !is_valid_id(&r.id) {
            return Err("its id isn't shaped like Graph's (letters, digits and dashes, at most 80 characters).".to_string());
        }
        if seen.contains(&r.id.to_ascii_lowercase()) {
            return Err("it appears twice in what you're importing.".to_string());
        }
        let same = |id: &str| id.eq_ignore_ascii_case(&r.id);
        if let Some(existing) = self.relationships.iter().find(|x| same(&x.id)) {
            return Err(format!(
                "it is already in the console, on {}'s page.",
                self.partner_name(&existing.partner_id)
            ));
        }
        if let Some(existing) = self.invitations.iter().find(|x| same(&x.id)) {
            return Err(format!(
                "it is already in the console, as an invitation from {}.",
                self.partner_name(&existing.partner_id)
            ));
        }
        let name = r.display_name.trim();
        if name.is_empty()
            || name.chars().count() > DISPLAY_NAME_MAX
            || name.chars().any(char::is_control)
        {
            return Err(
                "its displayName must have 1 to 50 characters, as Graph requires.".to_string(),
            );
        }
        let roles = &r.access_details.unified_roles;
        if roles.is_empty() {
            return Err("it lists no roles in accessDetails.unifiedRoles.".to_string());
        }
        if roles.len() > MAX_ROLES {
            return Err(format!("it lists more than {MAX_ROLES} roles."));
        }
        if let Some(bad) = roles
            .iter()
            .find(|role| !is_reference(role.role_definition_id.as_str()))
        {
            return Err(format!(
                "the role id “{}” isn't a role definition id.",
                shorten(bad.role_definition_id.as_str())
            ));
        }
        if r.auto_extend_duration.is_on()
            && r.access_details.has_global_administrator()
            && !r.status.is_final()
        {
            return Err(DomainError::AutoExtendWithGlobalAdministrator.to_string());
        }
        if let (Some(start), Some(end)) = (r.activated_date_time, r.end_date_time) {
            if end < start {
                return Err("its endDateTime comes before its activatedDateTime.".to_string());
            }
        }
        Ok(())
    }

    fn new_partner_name(&self, name: &str) -> Result<String, DomainError> {
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
            return Err(DomainError::MissingPartnerName);
        }
        if self
            .partners
            .iter()
            .any(|p| p.name.trim().eq_ignore_ascii_case(name))
        {
            return Err(DomainError::PartnerNameTaken {
                partner_name: name.to_string(),
            });
        }
        Ok(name.to_string())
    }

    /// A readable id from the name ("Northwind Traders" → `northwind-traders`),
    /// numbered when taken.
    fn new_partner_id(&self, name: &str) -> String {
        let mut slug = String::new();
        for c in name.chars().flat_map(char::to_lowercase) {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(40).collect();
        let base = if slug.is_empty() {
            "partner".to_string()
        } else {
            slug
        };
        let taken = |id: &str| self.partner(id).is_some();
        if taken(&base) {
            self.fresh_id(&base, 2, taken)
        } else {
            base
        }
    }

    /// The partner this console's export named for a relationship: one of
    /// yours by id, or a new one with that id and name.
    fn partner_named_in_file(
        &self,
        named: &crate::external::graph::GraphPartner,
        added: &mut Vec<Partner>,
    ) -> Result<String, String> {
        if self.partner(&named.id).is_some() || added.iter().any(|p| p.id == named.id) {
            return Ok(named.id.clone());
        }
        let name = named.display_name.trim();
        if !is_valid_id(&named.id)
            || name.is_empty()
            || name.chars().count() > 200
            || name.chars().any(char::is_control)
        {
            return Err(
                "its partner field needs an id (letters, digits, dashes) and a displayName."
                    .to_string(),
            );
        }
        added.push(new_partner(&named.id, name));
        Ok(named.id.clone())
    }
}

/// A partner met through an import: no relationship types and no customer
/// agreement until the console records them.
fn new_partner(id: &str, name: &str) -> Partner {
    Partner {
        agreement: AgreementStatus::NotSigned,
        ..Partner::new(id, name)
    }
}

/// An `approvalPending` relationship becomes a request to review, kept
/// under Graph's id so the link in the partner's email opens it.
fn imported_invitation(
    r: &GraphRelationship,
    partner_id: &str,
    now: Timestamp,
) -> Result<Invitation, String> {
    let created = r.created_date_time.map_or(now, |c| c.min(now));
    let expires = created.add(Invitation::LIFETIME);
    if expires <= now {
        return Err(format!(
            "the partner sent it on {}, and requests expire after 90 days. Ask the partner to send it again.",
            created.date_string()
        ));
    }
    Ok(Invitation {
        id: r.id.clone(),
        partner_id: partner_id.to_string(),
        relationship_types: vec![PartnerType::GranularDelegatedAdmin],
        legacy_roles: false,
        granular: Some(GranularRequest {
            display_name: r.display_name.trim().to_string(),
            duration: r.duration,
            auto_extend_duration: r.auto_extend_duration,
            unified_roles: r.access_details.unified_roles.clone(),
        }),
        created_date_time: created,
        expires_date_time: expires,
        state: InvitationState::Pending,
        responded_date_time: None,
    })
}

/// A relationship in force or in history, with Graph's dates; an end date
/// Graph left out follows from the start and the duration.
fn imported_relationship(
    r: &GraphRelationship,
    partner_id: &str,
    now: Timestamp,
) -> Result<DelegatedAdminRelationship, String> {
    let created = r.created_date_time.unwrap_or(now);
    let end = r.end_date_time.or_else(|| {
        r.activated_date_time
            .map(|start| start.add(r.duration.as_iso()))
    });
    if end.is_none() && destination(&r.status) == Ok(Destination::InForce) {
        let start = r.activated_date_time.unwrap_or(created);
        return Ok(relationship(
            r,
            partner_id,
            created,
            Some(start.add(r.duration.as_iso())),
            now,
        ));
    }
    Ok(relationship(r, partner_id, created, end, now))
}

fn relationship(
    r: &GraphRelationship,
    partner_id: &str,
    created: Timestamp,
    end: Option<Timestamp>,
    now: Timestamp,
) -> DelegatedAdminRelationship {
    DelegatedAdminRelationship {
        id: r.id.clone(),
        display_name: r.display_name.trim().to_string(),
        status: r.status.clone(),
        duration: r.duration,
        auto_extend_duration: r.auto_extend_duration,
        access_details: r.access_details.clone(),
        created_date_time: created,
        activated_date_time: r.activated_date_time,
        end_date_time: end,
        last_modified_date_time: r.last_modified_date_time.unwrap_or(now),
        partner_id: partner_id.to_string(),
        invitation_id: None,
    }
}
