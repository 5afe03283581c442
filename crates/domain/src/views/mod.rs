//! Read-only projections of the state that the UI and the backend share,
//! so both show the same thing without re-implementing a rule.

mod access_review;
mod access_state;
mod ending_soon;
mod filter_in_force;
mod home_counts;
mod invitation_availability;
mod invitation_link;
mod invitation_view;
mod partner_detail;
mod relationship_row;
mod relationship_view;
mod review_due;
mod review_flag;
mod role_view;
mod roles_filter;
mod row_filter;
mod sort_direction;
mod sort_key;
mod status_filter;

pub use access_review::{
    access_review, AccessReview, PartnerAccess, ReviewedRole, LEGACY_ROLES_SOURCE,
};
pub use access_state::AccessState;
pub use ending_soon::EndingSoon;
pub use filter_in_force::FilterInForce;
pub use home_counts::HomeCounts;
pub use invitation_availability::InvitationAvailability;
pub use invitation_link::InvitationLink;
pub use invitation_view::InvitationView;
pub use partner_detail::PartnerDetail;
pub use relationship_row::RelationshipRow;
pub use relationship_view::RelationshipView;
pub use review_due::{ReviewDue, REVIEW_OVERDUE_DAYS};
pub use review_flag::{ReviewFlag, ReviewFlagKind, ReviewLink, ReviewTarget};
pub use role_view::RoleView;
pub use roles_filter::RolesFilter;
pub use row_filter::RowFilter;
pub use sort_direction::SortDirection;
pub use sort_key::SortKey;
pub use status_filter::StatusFilter;

use std::cmp::Ordering;
use std::collections::HashMap;

use crate::permissions::{self, Action};
use crate::sort;
use crate::{
    DelegatedAdminRelationship, InvitationState, LegacyDelegatedRoles, Persona, RelationshipStatus,
    State, Timestamp,
};

/// Granular access ending within this many days counts as expiring soon.
pub const EXPIRING_SOON_DAYS: i64 = 30;

/// One row per partner you have a relationship with (partners that have
/// only sent invitations are left out), in the state's order.
pub fn relationship_rows(state: &State, now: Timestamp) -> Vec<RelationshipRow> {
    let mut by_partner: HashMap<&str, Vec<&DelegatedAdminRelationship>> = HashMap::new();
    for r in &state.relationships {
        by_partner.entry(r.partner_id.as_str()).or_default().push(r);
    }
    let legacy: HashMap<&str, &LegacyDelegatedRoles> = state
        .legacy_roles
        .iter()
        .map(|l| (l.partner_id.as_str(), l))
        .collect();

    let mut rows = Vec::with_capacity(state.partners.len());
    for partner in &state.partners {
        let relationships = by_partner
            .get(partner.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default();
        let legacy_roles = legacy.get(partner.id.as_str()).copied();
        if partner.types.is_empty() && relationships.is_empty() && legacy_roles.is_none() {
            continue;
        }
        let (access, chosen, earliest_end) = summarize(relationships, now);

        let legacy_role_names: Vec<String> = legacy_roles
            .map(|l| l.roles.iter().map(|r| r.display_name()).collect())
            .unwrap_or_default();
        let mut admin_roles: Vec<String> = Vec::new();
        let mut privileged_roles: Vec<String> = Vec::new();
        let mut add = |role: &crate::RoleDefinitionId| {
            let name = role.display_name();
            if !admin_roles.contains(&name) {
                if crate::roles::is_privileged(role) {
                    privileged_roles.push(name.clone());
                }
                admin_roles.push(name);
            }
        };
        if let Some(l) = legacy_roles {
            l.roles.iter().for_each(&mut add);
        }
        for r in relationships.iter().filter(|r| r.grants_access_at(now)) {
            r.roles().for_each(&mut add);
        }

        let types_label: Vec<&str> = partner.types.iter().map(|t| t.label()).collect();
        let types_label = types_label.join(", ");
        let search_text = format!(
            "{} {} {} {} {} {}",
            partner.name,
            partner.id,
            types_label,
            admin_roles.join(" "),
            partner.city,
            partner.country
        )
        .to_lowercase();
        rows.push(RelationshipRow {
            partner_id: partner.id.clone(),
            partner_name: partner.name.clone(),
            types: partner.types.clone(),
            has_admin_roles: !admin_roles.is_empty(),
            admin_roles,
            granular_status: chosen.map(|r| r.status.clone()),
            access,
            earliest_end,
            days_left: earliest_end.map(|end| now.days_until(end)),
            agreement_signed: partner.agreement.is_signed(),
            has_legacy_roles: legacy_roles.is_some(),
            legacy_roles: legacy_role_names,
            privileged_roles,
            search_text,
            sort_name: partner.name.to_lowercase(),
            sort_types: types_label.to_lowercase(),
        });
    }
    rows
}

/// Picks the relationship that best describes a partner's granular access
/// and says how it stands at `now`.
fn summarize<'a>(
    relationships: &[&'a DelegatedAdminRelationship],
    now: Timestamp,
) -> (
    AccessState,
    Option<&'a DelegatedAdminRelationship>,
    Option<Timestamp>,
) {
    if relationships.is_empty() {
        return (AccessState::NoGranularAccess, None, None);
    }
    let in_force = relationships
        .iter()
        .filter(|r| r.grants_access_at(now))
        .min_by_key(|r| r.end_date_time.unwrap_or(Timestamp::MAX));
    if let Some(r) = in_force {
        let end = r.end_date_time;
        let access = if EndingSoon::of(r, now).is_some() {
            AccessState::ExpiringSoon
        } else {
            AccessState::Active
        };
        return (access, Some(*r), end);
    }
    let pending = relationships.iter().find(|r| {
        matches!(
            r.status,
            RelationshipStatus::Created
                | RelationshipStatus::ApprovalPending
                | RelationshipStatus::Approved
                | RelationshipStatus::Activating
        )
    });
    if let Some(r) = pending {
        return (AccessState::Pending, Some(*r), None);
    }
    if let Some(r) = relationships.iter().find(|r| r.status.is_unknown()) {
        return (AccessState::Unknown, Some(*r), None);
    }
    // All over: the latest decides. A relationship still marked active
    // whose end has passed reads as expired.
    let latest = relationships
        .iter()
        .max_by_key(|r| r.last_modified_date_time)
        .copied();
    let access = match latest.map(|r| &r.status) {
        Some(RelationshipStatus::Terminated)
        | Some(RelationshipStatus::Terminating)
        | Some(RelationshipStatus::TerminationRequested) => AccessState::Terminated,
        _ => AccessState::Expired,
    };
    (access, latest, None)
}

/// The rows that pass the filter, in their current order.
pub fn filter_rows<'a>(
    rows: &'a [RelationshipRow],
    filter: &RowFilter,
) -> Vec<&'a RelationshipRow> {
    let words = filter.words();
    rows.iter().filter(|r| filter.matches(r, &words)).collect()
}

/// Sorts rows in place; ties keep a stable order by name.
pub fn sort_rows(rows: &mut [RelationshipRow], key: SortKey, direction: SortDirection) {
    sort::sort_by(rows, |a, b| compare_rows(a, b, key, direction));
}

/// Like [`sort_rows`], for the references [`filter_rows`] returns.
pub fn sort_row_refs(rows: &mut [&RelationshipRow], key: SortKey, direction: SortDirection) {
    sort::sort_by(rows, |a, b| compare_rows(a, b, key, direction));
}

/// Filter then sort, as the table does on every change of its controls.
pub fn query_rows<'a>(
    rows: &'a [RelationshipRow],
    filter: &RowFilter,
    key: SortKey,
    direction: SortDirection,
) -> Vec<&'a RelationshipRow> {
    let mut out = filter_rows(rows, filter);
    sort_row_refs(&mut out, key, direction);
    out
}

fn compare_rows(
    a: &RelationshipRow,
    b: &RelationshipRow,
    key: SortKey,
    direction: SortDirection,
) -> Ordering {
    let primary = match key {
        SortKey::Name => Ordering::Equal,
        SortKey::Types => a.sort_types.cmp(&b.sort_types),
        SortKey::Status => a.access.cmp(&b.access),
        // Partners without an end date sort after every date.
        SortKey::EndDate => match (a.earliest_end, b.earliest_end) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        },
        SortKey::Agreement => a.agreement_signed.cmp(&b.agreement_signed),
    };
    let ordered = primary
        .then_with(|| a.sort_name.cmp(&b.sort_name))
        .then_with(|| a.partner_id.cmp(&b.partner_id));
    match direction {
        SortDirection::Ascending => ordered,
        SortDirection::Descending => ordered.reverse(),
    }
}

/// The numbers on the home page.
pub fn home_counts(state: &State, now: Timestamp) -> HomeCounts {
    let rows = relationship_rows(state, now);
    let running: Vec<&DelegatedAdminRelationship> = state
        .relationships
        .iter()
        .filter(|r| r.grants_access_at(now))
        .collect();
    HomeCounts {
        partners: rows.len(),
        pending_invitations: state
            .invitations
            .iter()
            .filter(|i| i.state_at(now) == InvitationState::Pending)
            .count(),
        active_granular: running.len(),
        expiring_within_30_days: running
            .iter()
            .filter(|r| EndingSoon::of(r, now).is_some())
            .count(),
        // Counted as the list's "Legacy admin roles" filter counts them, so
        // the card's link shows exactly this many.
        partners_with_legacy_roles: rows.iter().filter(|r| r.has_legacy_roles).count(),
        agreements_to_sign: rows.iter().filter(|r| !r.agreement_signed).count(),
        contact_requests_waiting: state
            .contact_requests
            .iter()
            .filter(|c| c.status == crate::ContactRequestStatus::Sent)
            .count(),
    }
}

/// Everything the partner page needs; `None` for an unknown partner.
pub fn partner_detail(state: &State, partner_id: &str, now: Timestamp) -> Option<PartnerDetail> {
    let partner = state.partner(partner_id)?;
    let legacy_roles = state.legacy_roles_of(partner_id).cloned();
    let legacy_role_views = legacy_roles
        .as_ref()
        .map(|l| l.roles.iter().map(RoleView::of).collect())
        .unwrap_or_default();
    let mut relationships: Vec<RelationshipView> = state
        .relationships_of(partner_id)
        .map(|r| RelationshipView {
            roles: r.roles().map(RoleView::of).collect(),
            status_label: r.status.label(),
            days_left: r
                .end_date_time
                .filter(|_| r.grants_access_at(now))
                .map(|e| now.days_until(e)),
            read_only: r.status.is_final() || r.status.is_unknown(),
            relationship: r.clone(),
        })
        .collect();
    sort::sort_by(&mut relationships, |a, b| {
        b.relationship
            .created_date_time
            .cmp(&a.relationship.created_date_time)
    });
    let mut ending_soon: Vec<EndingSoon> = state
        .relationships_of(partner_id)
        .filter_map(|r| EndingSoon::of(r, now))
        .collect();
    sort::sort_by_key(&mut ending_soon, |e| e.end_date_time);
    let mut notices: Vec<_> = state
        .notices
        .iter()
        .filter(|n| n.partner_id == partner_id)
        .cloned()
        .collect();
    sort::sort_by_key(&mut notices, |n| std::cmp::Reverse(n.raised_date_time));
    Some(PartnerDetail {
        partner: partner.clone(),
        legacy_roles,
        legacy_role_views,
        relationships,
        pending_invitations: state
            .invitations_of(partner_id)
            .filter(|i| i.state_at(now) == InvitationState::Pending)
            .cloned()
            .collect(),
        can_remove_roles: state.has_roles_to_remove(partner_id),
        purchase_blocked: state.purchase_blocked(partner_id),
        ending_soon,
        notices,
    })
}

/// The invitation page for `persona`; `None` for an unknown invitation.
pub fn invitation_view(
    state: &State,
    invitation_id: &str,
    persona: Persona,
    now: Timestamp,
) -> Option<InvitationView> {
    let invitation = state.invitation(invitation_id)?;
    let partner = state
        .partner(&invitation.partner_id)
        .cloned()
        .unwrap_or_else(|| crate::Partner::new(&invitation.partner_id, &invitation.partner_id));
    let granular = invitation.granular.as_ref();
    let needed = if invitation.asks_admin_roles() {
        Action::GrantAdminRoles
    } else {
        Action::AcceptInvitationWithoutRoles
    };
    Some(InvitationView {
        availability: invitation.state_at(now).into(),
        roles: invitation
            .requested_roles()
            .iter()
            .map(RoleView::of)
            .collect(),
        duration_label: granular.map(|g| g.duration.as_iso().describe()),
        end_if_accepted_now: granular.map(|g| now.add(g.duration.as_iso())),
        auto_extend_label: granular.map(|g| g.auto_extend_duration.label().to_string()),
        blocked_by_legacy_roles: granular.is_some()
            && state.legacy_roles_of(&invitation.partner_id).is_some(),
        persona_may_accept: permissions::allows(persona, needed),
        persona_may_decline: permissions::allows(persona, Action::DeclineInvitation),
        agreement_signed: partner.agreement.is_signed(),
        days_until_expiry: now.days_until(invitation.expires_date_time),
        partner,
        invitation: invitation.clone(),
    })
}

/// What a deep link `/partners/invitation/<id>` leads to: a link whose id
/// could never have been issued is broken (cut or altered), not unknown.
pub fn invitation_link(
    state: &State,
    raw_id: &str,
    persona: Persona,
    now: Timestamp,
) -> InvitationLink {
    if !crate::engine::state::is_valid_id(raw_id) {
        return InvitationLink::Malformed;
    }
    match invitation_view(state, raw_id, persona, now) {
        Some(view) => InvitationLink::Found(Box::new(view)),
        None => InvitationLink::Unknown,
    }
}

/// The invitations inbox, newest first.
pub fn inbox(state: &State, persona: Persona, now: Timestamp) -> Vec<InvitationView> {
    let mut views: Vec<InvitationView> = state
        .invitations
        .iter()
        .filter_map(|i| invitation_view(state, &i.id, persona, now))
        .collect();
    sort::sort_by(&mut views, |a, b| {
        b.invitation
            .created_date_time
            .cmp(&a.invitation.created_date_time)
    });
    views
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::*;
    use crate::{AgreementStatus, Partner, PartnerType, RoleDefinitionId};

    fn rows() -> Vec<RelationshipRow> {
        relationship_rows(&demo(), now())
    }

    fn ids(rows: &[&RelationshipRow]) -> Vec<String> {
        rows.iter().map(|r| r.partner_id.clone()).collect()
    }

    fn only(status: StatusFilter) -> RowFilter {
        RowFilter {
            status: Some(status),
            ..RowFilter::default()
        }
    }

    #[test]
    fn partners_that_only_sent_invitations_are_not_in_the_table() {
        let rows = rows();
        assert!(rows.iter().all(|r| r.partner_id != "relecloud"));
        assert!(rows.iter().any(|r| r.partner_id == "contoso-cloud"));
    }

    #[test]
    fn the_status_filter_finds_active_expiring_expired_and_terminated() {
        let rows = rows();
        let expiring = filter_rows(&rows, &only(StatusFilter::ExpiringWithin30Days));
        assert_eq!(ids(&expiring), ["tailspin-toys"]);
        let active = ids(&filter_rows(&rows, &only(StatusFilter::Active)));
        assert!(active.contains(&"tailspin-toys".to_string()));
        assert!(active.contains(&"northwind-traders".to_string()));
        assert!(active.contains(&"alpine-ski-house".to_string()));
        assert_eq!(
            ids(&filter_rows(&rows, &only(StatusFilter::Expired))),
            ["adventure-works"]
        );
        assert_eq!(
            ids(&filter_rows(&rows, &only(StatusFilter::Terminated))),
            ["litware-security"]
        );
    }

    #[test]
    fn search_words_must_all_match_in_any_case() {
        let rows = rows();
        let filter = |text: &str| RowFilter {
            text: text.to_string(),
            ..RowFilter::default()
        };
        assert_eq!(
            ids(&filter_rows(&rows, &filter("NORTHWIND"))),
            ["northwind-traders"]
        );
        assert_eq!(
            ids(&filter_rows(&rows, &filter("seattle intune"))),
            ["northwind-traders"]
        );
        assert!(filter_rows(&rows, &filter("zzz")).is_empty());
    }

    #[test]
    fn filters_for_roles_type_and_agreement_combine() {
        let rows = rows();
        let unsigned = RowFilter {
            agreement_signed: Some(false),
            ..RowFilter::default()
        };
        assert_eq!(ids(&filter_rows(&rows, &unsigned)), ["wide-world-tech"]);
        let legacy_resellers = RowFilter {
            roles: Some(RolesFilter::Any),
            partner_type: Some(PartnerType::ResellerAndDelegatedAdministrator),
            ..RowFilter::default()
        };
        assert_eq!(ids(&filter_rows(&rows, &legacy_resellers)), ["fabrikam-it"]);
        let litware = rows
            .iter()
            .find(|r| r.partner_id == "litware-security")
            .unwrap();
        assert!(!litware.has_admin_roles);
    }

    #[test]
    fn sorting_by_end_date_puts_the_soonest_first_and_no_date_last() {
        let mut rows = rows();
        sort_rows(&mut rows, SortKey::EndDate, SortDirection::Ascending);
        assert_eq!(rows[0].partner_id, "tailspin-toys");
        assert!(rows.last().unwrap().earliest_end.is_none());
        sort_rows(&mut rows, SortKey::Name, SortDirection::Descending);
        assert_eq!(rows[0].partner_name, "Woodgrove Volume Licensing");
    }

    #[test]
    fn an_unknown_role_is_shown_as_unknown() {
        let mut state = demo();
        if let Some(r) = state
            .relationships
            .iter_mut()
            .find(|r| r.partner_id == "northwind-traders")
        {
            r.access_details.unified_roles[0].role_definition_id = RoleDefinitionId::new("abc");
        }
        let rows = relationship_rows(&state, now());
        let row = rows
            .iter()
            .find(|r| r.partner_id == "northwind-traders")
            .unwrap();
        assert!(row.admin_roles.contains(&"Unknown role (abc)".to_string()));
    }

    #[test]
    fn a_thousand_rows_build_filter_and_sort_quickly() {
        let mut state = demo();
        for i in 0..1000 {
            let mut p = Partner::new(format!("bulk-{i:04}"), format!("Bulk Partner {}", 1000 - i));
            p.types = vec![PartnerType::Reseller];
            p.agreement = AgreementStatus::Signed {
                signed_date_time: now(),
            };
            state.partners.push(p);
        }
        let started = std::time::Instant::now();
        let rows = relationship_rows(&state, now());
        let filter = RowFilter {
            text: "partner 9".into(),
            ..RowFilter::default()
        };
        for key in SortKey::ALL {
            let found = query_rows(&rows, &filter, key, SortDirection::Descending);
            assert!(!found.is_empty());
        }
        let elapsed = started.elapsed();
        assert!(rows.len() > 1000);
        // Generous for an unoptimized build on a busy machine; release is
        // well under a millisecond.
        assert!(elapsed.as_millis() < 500, "took {elapsed:?}");
    }

    #[test]
    fn home_counts_sum_up_the_demo() {
        let counts = home_counts(&demo(), now());
        assert_eq!(counts.pending_invitations, 7);
        assert_eq!(counts.expiring_within_30_days, 1);
        assert_eq!(counts.active_granular, 3);
        assert_eq!(counts.partners_with_legacy_roles, 2);
        assert_eq!(counts.agreements_to_sign, 1);
        assert_eq!(counts.contact_requests_waiting, 1);
    }

    #[test]
    fn the_partner_page_says_whether_there_are_roles_to_remove() {
        let state = demo();
        let fabrikam = partner_detail(&state, "fabrikam-it", now()).unwrap();
        assert!(fabrikam.can_remove_roles);
        assert_eq!(fabrikam.legacy_role_views.len(), 2);
        assert_eq!(fabrikam.pending_invitations.len(), 1);
        let contoso = partner_detail(&state, "contoso-cloud", now()).unwrap();
        assert!(!contoso.can_remove_roles);
        assert!(partner_detail(&state, "nobody", now()).is_none());
    }

    #[test]
    fn a_deep_link_is_found_unknown_or_broken() {
        let state = demo();
        let link = |id| invitation_link(&state, id, Persona::GlobalAdministrator, now());
        assert!(matches!(link("inv-reseller"), InvitationLink::Found(_)));
        assert_eq!(link("inv-nobody-sent"), InvitationLink::Unknown);
        for broken in ["", "inv reseller", "inv-%ZZ", "../inv", &"x".repeat(129)] {
            assert_eq!(link(broken), InvitationLink::Malformed, "{broken}");
        }
    }

    #[test]
    fn the_invitation_page_knows_who_may_accept_and_what_blocks_it() {
        let state = demo();
        let view = |id, persona| invitation_view(&state, id, persona, now()).unwrap();
        let legacy = view("inv-granular-legacy", Persona::GlobalAdministrator);
        assert!(legacy.blocked_by_legacy_roles);
        assert!(!legacy.can_accept());
        let helpdesk = view("inv-granular-helpdesk", Persona::BillingAdministrator);
        assert!(!helpdesk.persona_may_accept);
        assert!(helpdesk.persona_may_decline);
        assert_eq!(helpdesk.roles.len(), 5);
        assert_eq!(helpdesk.duration_label.as_deref(), Some("2 years"));
        assert!(view("inv-reseller", Persona::BillingAdministrator).can_accept());
        assert_eq!(
            view("inv-expired", Persona::GlobalAdministrator).availability,
            InvitationAvailability::Expired
        );
        assert!(invitation_view(&state, "nope", Persona::GlobalAdministrator, now()).is_none());
        assert_eq!(
            inbox(&state, Persona::User, now()).len(),
            state.invitations.len()
        );
    }

    #[test]
    fn a_list_row_says_what_stands_in_the_way_of_accepting() {
        let state = demo();
        let blocker = |id, persona| {
            invitation_view(&state, id, persona, now())
                .unwrap()
                .accept_blocker()
        };
        use Persona::*;
        assert_eq!(
            blocker("inv-granular-legacy", GlobalAdministrator),
            Some("Remove the partner's legacy admin roles first")
        );
        assert_eq!(
            blocker("inv-granular-helpdesk", BillingAdministrator),
            Some("Needs a Global Administrator")
        );
        assert_eq!(
            blocker("inv-reseller", User),
            Some("Needs a Billing or Global Administrator")
        );
        assert_eq!(blocker("inv-reseller", BillingAdministrator), None);
        assert_eq!(blocker("inv-expired", User), None);
    }

    #[test]
    fn partners_with_legacy_roles_show_them_in_the_list_and_filter_to_exactly_them() {
        let rows = rows();
        let fabrikam = rows.iter().find(|r| r.partner_id == "fabrikam-it").unwrap();
        assert_eq!(fabrikam.legacy_label(), Some("Legacy admin roles"));
        assert!(!fabrikam.shows_access(), "not a grey “No GDAP access”");
        assert!(fabrikam.is_legacy_role("Global Administrator"));
        assert_eq!(fabrikam.roles_summary(), "2 legacy roles");
        let legacy = RowFilter {
            roles: Some(RolesFilter::Legacy),
            ..RowFilter::default()
        };
        let mut found = ids(&filter_rows(&rows, &legacy));
        found.sort();
        assert_eq!(found, ["fabrikam-it", "proseware-advisors"]);
        assert_eq!(
            home_counts(&demo(), now()).partners_with_legacy_roles,
            found.len()
        );
        let northwind = rows
            .iter()
            .find(|r| r.partner_id == "northwind-traders")
            .unwrap();
        assert_eq!(northwind.legacy_label(), None);
        assert!(!northwind.roles_summary().contains("legacy"));
        assert!(northwind.shows_access());
    }

    #[test]
    fn a_row_knows_which_of_its_roles_are_privileged() {
        let rows = rows();
        let fabrikam = rows.iter().find(|r| r.partner_id == "fabrikam-it").unwrap();
        assert!(fabrikam.is_privileged_role("Global Administrator"));
        assert!(fabrikam.is_privileged_role("Helpdesk Administrator"));
        let northwind = rows
            .iter()
            .find(|r| r.partner_id == "northwind-traders")
            .unwrap();
        assert!(northwind.is_privileged_role("Intune Administrator"));
        assert!(northwind
            .admin_roles
            .iter()
            .any(|n| n == "License Administrator"));
        assert!(!northwind.is_privileged_role("License Administrator"));
        for row in &rows {
            assert!(row
                .privileged_roles
                .iter()
                .all(|n| row.admin_roles.contains(n)));
        }
    }

    #[test]
    fn the_partner_page_says_once_per_relationship_when_access_ends_now() {
        let state = demo();
        let tailspin = partner_detail(&state, "tailspin-toys", now()).unwrap();
        // Two notices were raised on the way (30 and 7 days before)...
        assert_eq!(tailspin.notices.len(), 2);
        // ...but the page states one fact, matching the card's days left.
        assert_eq!(tailspin.ending_soon.len(), 1);
        let card_days = tailspin.relationships[0].days_left;
        assert_eq!(Some(tailspin.ending_soon[0].days_left), card_days);
        assert!(tailspin.ending_soon[0]
            .message()
            .contains("ends in 5 days, on "));
        // A week later it has ended: nothing is "ending soon" any more.
        let later = now().add_days(7);
        let after = partner_detail(&state, "tailspin-toys", later).unwrap();
        assert!(after.ending_soon.is_empty());
        let northwind = partner_detail(&state, "northwind-traders", now()).unwrap();
        assert!(northwind.ending_soon.is_empty());
    }
}
