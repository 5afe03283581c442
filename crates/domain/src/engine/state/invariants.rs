//! What must hold in every state the rules can reach. Loading a snapshot
//! refuses a state that breaks one, and the property tests check them after
//! every command.

use std::collections::HashSet;

use crate::{Invitation, State};

impl State {
    /// Every broken invariant, in words; empty when all hold.
    pub fn invariant_violations(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut unique = |kind: &str, ids: Vec<&str>| {
            let mut seen = HashSet::new();
            for id in ids {
                if !seen.insert(id) {
                    problems.push(format!("Two {kind} share the id “{id}”."));
                }
            }
        };
        unique(
            "partners",
            self.partners.iter().map(|p| p.id.as_str()).collect(),
        );
        unique(
            "invitations",
            self.invitations.iter().map(|i| i.id.as_str()).collect(),
        );
        unique(
            "relationships",
            self.relationships.iter().map(|r| r.id.as_str()).collect(),
        );
        unique(
            "contact requests",
            self.contact_requests
                .iter()
                .map(|c| c.id.as_str())
                .collect(),
        );
        unique(
            "notices",
            self.notices.iter().map(|n| n.id.as_str()).collect(),
        );
        unique(
            "legacy role grants",
            self.legacy_roles
                .iter()
                .map(|l| l.partner_id.as_str())
                .collect(),
        );

        let known = |id: &str| self.partner(id).is_some();
        for r in &self.relationships {
            if r.auto_extend_duration.is_on() && r.has_global_administrator() {
                problems.push(format!(
                    "Relationship “{}” auto-extends with Global Administrator.",
                    r.id
                ));
            }
            if let (Some(start), Some(end)) = (r.activated_date_time, r.end_date_time) {
                if end < start {
                    problems.push(format!("Relationship “{}” ends before it starts.", r.id));
                }
            }
            if !known(&r.partner_id) {
                problems.push(format!("Relationship “{}” names an unknown partner.", r.id));
            }
        }
        for i in &self.invitations {
            if i.expires_date_time != i.created_date_time.add(Invitation::LIFETIME) {
                problems.push(format!(
                    "Invitation “{}” does not expire after 90 days.",
                    i.id
                ));
            }
            if i.legacy_roles && i.granular.is_some() {
                problems.push(format!(
                    "Invitation “{}” asks for legacy roles and granular access.",
                    i.id
                ));
            }
            if let Some(g) = &i.granular {
                if g.auto_extend_duration.is_on() && g.has_global_administrator() {
                    problems.push(format!(
                        "Invitation “{}” asks for auto-extend with Global Administrator.",
                        i.id
                    ));
                }
            }
            if !known(&i.partner_id) {
                problems.push(format!("Invitation “{}” names an unknown partner.", i.id));
            }
        }
        for l in &self.legacy_roles {
            if !known(&l.partner_id) {
                problems.push(format!(
                    "Legacy roles are held by an unknown partner “{}”.",
                    l.partner_id
                ));
            }
        }
        problems
    }
}
