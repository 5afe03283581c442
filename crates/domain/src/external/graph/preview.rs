//! What an import would change, in words, before anything changes: the
//! command is decided (the same rules as the import itself) and its events
//! are described.

use serde::Serialize;

use crate::{
    Command, DomainError, Event, GraphRelationship, ImportPartner, Persona, State, Timestamp,
};

/// Where one imported relationship lands, for the links after the import.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(
    tag = "kind",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Landing {
    /// An invitation to review, at `/invitations/<id>`.
    Invitation {
        invitation_id: String,
        partner_id: String,
    },
    /// A relationship in force on the partner's page.
    Relationship { partner_id: String },
    /// The partner's history (ended or ending, or a status unknown here).
    History { partner_id: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// "3 relationships: 1 invitation to review, 1 active relationship with
    /// 4 roles ending 2027-06-01, 1 to history".
    pub summary: String,
    /// One line per relationship, in the file's order.
    pub items: Vec<(Landing, String)>,
    /// Partners the import adds, by name.
    pub new_partners: Vec<String>,
    /// Customer tenant ids that are not this organization's, or why they
    /// can't be checked.
    pub warnings: Vec<String>,
}

/// Decides the import for `persona` and says what it would do; the same
/// refusal the import would meet otherwise.
pub fn import_preview(
    state: &State,
    partner: &ImportPartner,
    relationships: &[GraphRelationship],
    persona: Persona,
    now: Timestamp,
) -> Result<ImportPreview, DomainError> {
    let command = Command::ImportRelationships {
        partner: partner.clone(),
        relationships: relationships.to_vec(),
    };
    let events = state.decide(&command, persona, now)?;
    let mut new_partners = Vec::new();
    let mut items = Vec::new();
    let name_of = |id: &str, added: &[(String, String)]| {
        added
            .iter()
            .find(|(a, _)| a == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| state.partner_name(id))
    };
    let mut added: Vec<(String, String)> = Vec::new();
    for event in &events {
        match event {
            Event::PartnerAdded { partner, .. } => {
                added.push((partner.id.clone(), partner.name.clone()));
                new_partners.push(partner.name.clone());
            }
            Event::InvitationImported { invitation, .. } => {
                let who = name_of(&invitation.partner_id, &added);
                let line = match &invitation.granular {
                    Some(g) => format!(
                        "“{}” from {who}: an invitation to review, asking for {} for {}",
                        g.display_name,
                        roles_words(g.unified_roles.len()),
                        g.duration.as_iso().describe()
                    ),
                    None => format!("An invitation from {who} to review"),
                };
                items.push((
                    Landing::Invitation {
                        invitation_id: invitation.id.clone(),
                        partner_id: invitation.partner_id.clone(),
                    },
                    line,
                ));
            }
            Event::RelationshipImported {
                relationship: r, ..
            } => {
                let who = name_of(&r.partner_id, &added);
                let roles = roles_words(r.access_details.unified_roles.len());
                let in_force = matches!(
                    crate::engine::state::destination(&r.status),
                    Ok(crate::engine::state::Destination::InForce)
                );
                let end = r
                    .end_date_time
                    .map(|e| format!(" ending {}", e.date_string()))
                    .unwrap_or_default();
                if in_force {
                    items.push((
                        Landing::Relationship {
                            partner_id: r.partner_id.clone(),
                        },
                        format!(
                            "“{}” with {who}: {} relationship with {roles}{end}",
                            r.display_name,
                            article(&r.status.label().to_lowercase())
                        ),
                    ));
                } else {
                    items.push((
                        Landing::History {
                            partner_id: r.partner_id.clone(),
                        },
                        format!(
                            "“{}” with {who}: {}, to the partner's history",
                            r.display_name,
                            r.status.label().to_lowercase()
                        ),
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(ImportPreview {
        summary: summary(&events),
        items,
        new_partners,
        warnings: warnings(state, relationships),
    })
}

fn roles_words(n: usize) -> String {
    if n == 1 {
        "1 role".to_string()
    } else {
        format!("{n} roles")
    }
}

/// "an active", "an expiring", "an approved", "a …".
fn article(word: &str) -> String {
    let vowel = word.starts_with(['a', 'e', 'i', 'o', 'u']);
    format!("{} {word}", if vowel { "an" } else { "a" })
}

fn summary(events: &[Event]) -> String {
    let mut review = 0;
    let mut in_force: Vec<String> = Vec::new();
    let mut history = 0;
    let mut total = 0;
    for event in events {
        match event {
            Event::InvitationImported { .. } => {
                review += 1;
                total += 1;
            }
            Event::RelationshipImported {
                relationship: r, ..
            } => {
                total += 1;
                if matches!(
                    crate::engine::state::destination(&r.status),
                    Ok(crate::engine::state::Destination::InForce)
                ) {
                    let end = r
                        .end_date_time
                        .map(|e| format!(" ending {}", e.date_string()))
                        .unwrap_or_default();
                    in_force.push(format!(
                        "1 {} relationship with {}{end}",
                        r.status.label().to_lowercase(),
                        roles_words(r.access_details.unified_roles.len())
                    ));
                } else {
                    history += 1;
                }
            }
            _ => {}
        }
    }
    let mut parts = Vec::new();
    match review {
        0 => {}
        1 => parts.push("1 invitation to review".to_string()),
        n => parts.push(format!("{n} invitations to review")),
    }
    // Each relationship in force is said with its own roles and end date,
    // which matter most to an admin; past a few, a count says enough.
    if in_force.len() <= 3 {
        parts.extend(in_force);
    } else {
        parts.push(format!("{} relationships in force", in_force.len()));
    }
    if history > 0 {
        parts.push(format!("{history} to history"));
    }
    let head = if total == 1 {
        "1 relationship".to_string()
    } else {
        format!("{total} relationships")
    };
    format!("{head}: {}", parts.join(", "))
}

fn warnings(state: &State, relationships: &[GraphRelationship]) -> Vec<String> {
    let with_tenant: Vec<&GraphRelationship> = relationships
        .iter()
        .filter(|r| r.customer.as_ref().is_some_and(|c| !c.tenant_id.is_empty()))
        .collect();
    if with_tenant.is_empty() {
        return Vec::new();
    }
    let Some(ours) = state.tenant_id.as_deref() else {
        return vec!["This organization has no tenant id recorded, so the console can't check that these relationships are with your organization.".to_string()];
    };
    with_tenant
        .iter()
        .filter_map(|r| {
            let c = r.customer.as_ref()?;
            (!c.tenant_id.eq_ignore_ascii_case(ours)).then(|| {
                let who = if c.display_name.is_empty() {
                    String::new()
                } else {
                    format!(" ({})", c.display_name)
                };
                format!(
                    "“{}” is with the customer tenant {}{who}, not this organization ({ours}). Check that it is yours before you import it.",
                    r.display_name, c.tenant_id
                )
            })
        })
        .collect()
}
