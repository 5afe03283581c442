//! Review partner access: every partner that holds admin roles in your
//! organization now, each role with Entra's privileged marking, and the
//! flags an admin should act on, each with its recommended action.

use serde::Serialize;

use super::review_flag::{ASK_LEAST_PRIVILEGE, ASK_NEW_REQUEST, REMOVE_ROLES, REVIEW_AGREEMENT};
use super::{EndingSoon, ReviewDue, ReviewFlag, ReviewFlagKind};
use crate::{
    roles, AccessReviewRecord, DelegatedAdminRelationship, Partner, PartnerType, RoleDefinitionId,
    State, Timestamp,
};

/// What "Granted through" says of legacy delegated admin roles.
pub const LEGACY_ROLES_SOURCE: &str = "Legacy delegated admin roles";

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccessReview {
    /// Whose partners were reviewed: the printed report says it.
    pub organization: String,
    /// The moment the review describes.
    pub as_of: Timestamp,
    /// Partners holding admin roles, in the state's order.
    pub partners: Vec<PartnerAccess>,
    pub last_review: Option<AccessReviewRecord>,
    pub due: ReviewDue,
}

impl AccessReview {
    pub fn flag_count(&self) -> usize {
        self.partners.iter().map(|p| p.flags.len()).sum()
    }

    /// "5 partners hold admin roles in your organization; 11 flags to act
    /// on." The review's one-line summary.
    pub fn summary(&self) -> String {
        let partners = match self.partners.len() {
            0 => return "No partner holds admin roles in your organization.".to_string(),
            1 => "1 partner holds".to_string(),
            n => format!("{n} partners hold"),
        };
        let flags = match self.flag_count() {
            0 => "nothing is flagged".to_string(),
            1 => "1 flag to look at".to_string(),
            n => format!("{n} flags to look at"),
        };
        format!("{partners} admin roles in your organization; {flags}.")
    }

    /// "Last reviewed on 2026-11-23 at 04:42 UTC by Global Administrator."
    pub fn last_review_line(&self) -> String {
        match &self.last_review {
            Some(r) => {
                let (h, m, _) = r.reviewed_date_time.time_of_day();
                format!(
                    "Last reviewed on {} at {h:02}:{m:02} UTC by {}.",
                    r.reviewed_date_time.date_string(),
                    r.by.label()
                )
            }
            None => "Not reviewed yet.".to_string(),
        }
    }
}

/// One partner that holds admin roles, as the review shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PartnerAccess {
    pub partner_id: String,
    pub partner_name: String,
    /// The partner's program id ("Partner ID" on its page).
    pub partner_program_id: String,
    pub types_label: String,
    pub roles: Vec<ReviewedRole>,
    pub flags: Vec<ReviewFlag>,
}

impl PartnerAccess {
    pub fn privileged_count(&self) -> usize {
        self.roles.iter().filter(|r| r.privileged).count()
    }
}

/// One admin role a partner holds now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewedRole {
    pub id: RoleDefinitionId,
    pub name: String,
    /// Entra's privileged marking; false for a role the catalogue does not
    /// know (it is not claimed privileged, and `known` says why).
    pub privileged: bool,
    pub known: bool,
    /// The GDAP relationship's name, or [`LEGACY_ROLES_SOURCE`].
    pub granted_through: String,
    pub legacy: bool,
    /// `None` for legacy roles, which never end.
    pub end_date_time: Option<Timestamp>,
    pub auto_extend: bool,
}

impl ReviewedRole {
    pub fn privileged_label(&self) -> &'static str {
        match (self.known, self.privileged) {
            (false, _) => "Unknown role",
            (true, true) => "Privileged",
            (true, false) => "Not privileged",
        }
    }

    /// When the partner's use of the role ends, in words.
    pub fn ends_label(&self) -> String {
        match self.end_date_time {
            None if self.legacy => "Never (legacy roles don't end)".to_string(),
            None => "No end date".to_string(),
            Some(end) if self.auto_extend => {
                format!("{} (extends itself by 180 days)", end.date_string())
            }
            Some(end) => end.date_string(),
        }
    }
}

/// The review as of `now`.
pub fn access_review(state: &State, now: Timestamp) -> AccessReview {
    let partners = state
        .partners
        .iter()
        .filter_map(|p| partner_access(state, p, now))
        .collect();
    AccessReview {
        organization: state.organization_name().to_string(),
        as_of: now,
        partners,
        last_review: state.last_access_review.clone(),
        due: ReviewDue::of(state.last_access_review.as_ref(), now),
    }
}

/// `None` for a partner that holds no admin role now.
fn partner_access(state: &State, partner: &Partner, now: Timestamp) -> Option<PartnerAccess> {
    let legacy = state.legacy_roles_of(&partner.id);
    let granular: Vec<&DelegatedAdminRelationship> = state
        .relationships_of(&partner.id)
        .filter(|r| r.grants_access_at(now))
        .collect();

    let mut held: Vec<ReviewedRole> = Vec::new();
    if let Some(legacy) = legacy {
        held.extend(legacy.roles.iter().map(|id| reviewed_role(id, None)));
    }
    for r in &granular {
        held.extend(r.roles().map(|id| reviewed_role(id, Some(r))));
    }
    if held.is_empty() {
        return None;
    }

    let mut flags = Vec::new();
    if held.iter().any(|r| r.id.is_global_administrator()) {
        flags.push(ReviewFlag {
            kind: ReviewFlagKind::GlobalAdministrator,
            message: "Holds Global Administrator, the role with full control of your organization.".to_string(),
            recommendation: "Few partners need it. Ask the partner for a GDAP request with only the roles its work needs, then remove this access.".to_string(),
            links: vec![ASK_LEAST_PRIVILEGE, REMOVE_ROLES],
        });
    }
    if let Some(legacy) = legacy {
        let names: Vec<String> = legacy.roles.iter().map(|r| r.display_name()).collect();
        flags.push(ReviewFlag {
            kind: ReviewFlagKind::LegacyRoles,
            message: format!(
                "Holds legacy delegated admin roles ({}), granted {}. They never end.",
                names.join(", "),
                legacy.granted_date_time.date_string()
            ),
            recommendation: "Ask the partner for a GDAP request with least-privilege roles for a limited time, then remove the legacy roles.".to_string(),
            links: vec![ASK_LEAST_PRIVILEGE, REMOVE_ROLES],
        });
    }
    for r in &granular {
        if let Some(ending) = EndingSoon::of(r, now) {
            let when = match ending.days_left {
                i64::MIN..=0 => "in less than a day".to_string(),
                1 => "in 1 day".to_string(),
                n => format!("in {n} days"),
            };
            flags.push(ReviewFlag {
                kind: ReviewFlagKind::EndingSoon,
                message: format!(
                    "The GDAP relationship “{}” ends {when}, on {}.",
                    r.display_name,
                    ending.end_date_time.date_string()
                ),
                recommendation: "If you still need the partner's help, ask it for a new request with only the roles it needs; otherwise let the access end.".to_string(),
                links: vec![ASK_NEW_REQUEST],
            });
        }
    }
    for r in granular.iter().filter(|r| r.auto_extends()) {
        let next = r
            .end_date_time
            .map(|e| format!(" (next on {})", e.date_string()))
            .unwrap_or_default();
        flags.push(ReviewFlag {
            kind: ReviewFlagKind::AutoExtend,
            message: format!(
                "The GDAP relationship “{}” extends itself by 180 days at each end{next}, so it goes on until someone stops it.",
                r.display_name
            ),
            recommendation: "Check that the partner still needs these roles. If it doesn't, remove them; if it does for a while only, ask it for a request without auto-extend.".to_string(),
            links: vec![REMOVE_ROLES, ASK_LEAST_PRIVILEGE],
        });
    }
    if !partner.agreement.is_signed() {
        flags.push(ReviewFlag {
            kind: ReviewFlagKind::NoCustomerAgreement,
            message: "No Microsoft Customer Agreement is signed for this partner, yet it holds admin roles.".to_string(),
            recommendation: "If you work with this partner, review and accept the agreement; if you don't, remove its roles.".to_string(),
            links: vec![REVIEW_AGREEMENT, REMOVE_ROLES],
        });
    }
    if is_otherwise_only_a_reseller(&partner.types) {
        flags.push(ReviewFlag {
            kind: ReviewFlagKind::ResellerWithAdminRoles,
            message: "Is otherwise only a reseller, yet holds admin roles: selling you products needs none.".to_string(),
            recommendation: "Ask the partner what it manages for you with these roles. If nothing, remove them.".to_string(),
            links: vec![ASK_LEAST_PRIVILEGE, REMOVE_ROLES],
        });
    }

    Some(PartnerAccess {
        partner_id: partner.id.clone(),
        partner_name: partner.name.clone(),
        partner_program_id: partner.mpn_id.clone(),
        types_label: partner.types_label(),
        roles: held,
        flags,
    })
}

fn reviewed_role(
    id: &RoleDefinitionId,
    through: Option<&DelegatedAdminRelationship>,
) -> ReviewedRole {
    let known = roles::lookup(id).is_some();
    ReviewedRole {
        id: id.clone(),
        name: id.display_name(),
        privileged: roles::is_privileged(id),
        known,
        granted_through: through.map_or_else(
            || LEGACY_ROLES_SOURCE.to_string(),
            |r| r.display_name.clone(),
        ),
        legacy: through.is_none(),
        end_date_time: through.and_then(|r| r.end_date_time),
        auto_extend: through.is_some_and(|r| r.auto_extends()),
    }
}

/// Whether the partner's relationship types, leaving out those that exist
/// to hold admin roles, are reseller types only: a reseller sells you
/// products and needs no admin role for that.
fn is_otherwise_only_a_reseller(types: &[PartnerType]) -> bool {
    let mut rest = types
        .iter()
        .map(|t| t.without_admin_roles())
        .filter(|t| {
            !matches!(
                t,
                PartnerType::GranularDelegatedAdmin | PartnerType::DelegatedAdministrator
            )
        })
        .peekable();
    rest.peek().is_some()
        && rest.all(|t| matches!(t, PartnerType::Reseller | PartnerType::IndirectReseller))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::{demo, now};
    use crate::{AgreementStatus, UnifiedRole};
    use ReviewFlagKind::*;

    fn kinds(review: &AccessReview, partner_id: &str) -> Vec<ReviewFlagKind> {
        review
            .partners
            .iter()
            .find(|p| p.partner_id == partner_id)
            .unwrap_or_else(|| panic!("{partner_id} not in the review"))
            .flags
            .iter()
            .map(|f| f.kind)
            .collect()
    }

    fn flag(review: &AccessReview, partner_id: &str, kind: ReviewFlagKind) -> ReviewFlag {
        review
            .partners
            .iter()
            .find(|p| p.partner_id == partner_id)
            .and_then(|p| p.flags.iter().find(|f| f.kind == kind))
            .cloned()
            .unwrap_or_else(|| panic!("no {kind:?} for {partner_id}"))
    }

    #[test]
    fn the_demo_lists_exactly_the_partners_holding_admin_roles_now() {
        let review = access_review(&demo(), now());
        let ids: Vec<&str> = review
            .partners
            .iter()
            .map(|p| p.partner_id.as_str())
            .collect();
        // Litware's roles were removed and Adventure Works' expired: gone.
        assert_eq!(
            ids,
            [
                "fabrikam-it",
                "proseware-advisors",
                "tailspin-toys",
                "alpine-ski-house",
                "northwind-traders"
            ]
        );
        assert_eq!(
            review.summary(),
            "5 partners hold admin roles in your organization; 9 flags to look at."
        );
        assert_eq!(review.organization, "Adatum Corporation");
    }

    #[test]
    fn each_demo_partner_raises_the_flags_its_situation_calls_for() {
        let review = access_review(&demo(), now());
        assert_eq!(
            kinds(&review, "fabrikam-it"),
            [GlobalAdministrator, LegacyRoles, ResellerWithAdminRoles]
        );
        assert_eq!(
            kinds(&review, "proseware-advisors"),
            [GlobalAdministrator, LegacyRoles],
            "an advisor is not a reseller"
        );
        assert_eq!(
            kinds(&review, "tailspin-toys"),
            [EndingSoon, ResellerWithAdminRoles]
        );
        assert_eq!(kinds(&review, "alpine-ski-house"), [AutoExtend]);
        assert_eq!(
            kinds(&review, "northwind-traders"),
            [ResellerWithAdminRoles]
        );
    }

    #[test]
    fn each_flag_says_what_stands_out_what_to_do_and_where() {
        let review = access_review(&demo(), now());
        let ga = flag(&review, "fabrikam-it", GlobalAdministrator);
        assert_eq!(
            ga.message,
            "Holds Global Administrator, the role with full control of your organization."
        );
        let targets = |f: &ReviewFlag| f.links.iter().map(|l| l.target).collect::<Vec<_>>();
        use crate::views::ReviewTarget::*;
        assert_eq!(targets(&ga), [ContactPartner, RemoveRoles]);
        assert_eq!(
            ga.links[0].label,
            "Ask the partner for a least-privilege request"
        );
        assert_eq!(ga.links[1].label, "Remove roles");

        let legacy = flag(&review, "fabrikam-it", LegacyRoles);
        assert!(
            legacy.message.starts_with(
                "Holds legacy delegated admin roles (Global Administrator, Helpdesk Administrator), granted "
            ),
            "{}",
            legacy.message
        );
        assert!(legacy.message.ends_with("They never end."));
        assert_eq!(targets(&legacy), [ContactPartner, RemoveRoles]);

        let ending = flag(&review, "tailspin-toys", EndingSoon);
        assert_eq!(
            ending.message,
            "The GDAP relationship “Tailspin managed helpdesk” ends in 5 days, on 2026-11-28."
        );
        assert_eq!(targets(&ending), [ContactPartner]);

        let extend = flag(&review, "alpine-ski-house", AutoExtend);
        assert_eq!(
            extend.message,
            "The GDAP relationship “Alpine support and licensing” extends itself by 180 days at each end (next on 2027-03-13), so it goes on until someone stops it."
        );
        assert_eq!(targets(&extend), [RemoveRoles, ContactPartner]);

        let reseller = flag(&review, "northwind-traders", ResellerWithAdminRoles);
        assert!(reseller.message.contains("otherwise only a reseller"));
        assert_eq!(targets(&reseller), [ContactPartner, RemoveRoles]);
        for p in &review.partners {
            for f in &p.flags {
                assert!(!f.recommendation.is_empty() && !f.links.is_empty(), "{f:?}");
            }
        }
    }

    /// Northwind made clean: a GDAP partner only, its agreement signed,
    /// no Global Administrator, no auto-extend, ending in months.
    fn clean() -> State {
        let mut state = demo();
        if let Some(p) = state
            .partners
            .iter_mut()
            .find(|p| p.id == "northwind-traders")
        {
            p.types = vec![PartnerType::GranularDelegatedAdmin];
        }
        state
    }

    #[test]
    fn a_clean_partner_is_listed_with_its_roles_and_no_flag() {
        let review = access_review(&clean(), now());
        let northwind = review
            .partners
            .iter()
            .find(|p| p.partner_id == "northwind-traders")
            .unwrap();
        assert!(northwind.flags.is_empty(), "{:?}", northwind.flags);
        assert_eq!(northwind.roles.len(), 4);
        assert!(northwind
            .roles
            .iter()
            .all(|r| r.granted_through == "Northwind device and user management"));
    }

    #[test]
    fn admin_roles_without_a_customer_agreement_are_flagged() {
        let mut state = clean();
        if let Some(p) = state
            .partners
            .iter_mut()
            .find(|p| p.id == "northwind-traders")
        {
            p.agreement = AgreementStatus::NotSigned;
        }
        let review = access_review(&state, now());
        assert_eq!(kinds(&review, "northwind-traders"), [NoCustomerAgreement]);
        let f = flag(&review, "northwind-traders", NoCustomerAgreement);
        assert_eq!(
            f.links.iter().map(|l| l.target).collect::<Vec<_>>(),
            [
                crate::views::ReviewTarget::CustomerAgreement,
                crate::views::ReviewTarget::RemoveRoles
            ]
        );
    }

    #[test]
    fn global_administrator_through_gdap_is_flagged_without_legacy() {
        let mut state = clean();
        if let Some(r) = state
            .relationships
            .iter_mut()
            .find(|r| r.partner_id == "northwind-traders")
        {
            r.access_details
                .unified_roles
                .push(UnifiedRole::new(roles::GLOBAL_ADMINISTRATOR));
        }
        let review = access_review(&state, now());
        assert_eq!(kinds(&review, "northwind-traders"), [GlobalAdministrator]);
    }

    #[test]
    fn a_partner_that_only_resells_but_holds_legacy_roles_is_flagged_as_a_reseller() {
        use PartnerType::*;
        assert!(is_otherwise_only_a_reseller(&[
            ResellerAndDelegatedAdministrator
        ]));
        assert!(is_otherwise_only_a_reseller(&[
            Reseller,
            GranularDelegatedAdmin
        ]));
        assert!(is_otherwise_only_a_reseller(&[
            IndirectReseller,
            DelegatedAdministrator
        ]));
        assert!(!is_otherwise_only_a_reseller(&[GranularDelegatedAdmin]));
        assert!(!is_otherwise_only_a_reseller(&[Reseller, Advisor]));
        assert!(!is_otherwise_only_a_reseller(&[]));
    }

    #[test]
    fn each_role_carries_entras_privileged_marking_and_when_it_ends() {
        let mut state = demo();
        if let Some(r) = state
            .relationships
            .iter_mut()
            .find(|r| r.partner_id == "northwind-traders")
        {
            r.access_details.unified_roles.push(UnifiedRole::new("abc"));
        }
        let review = access_review(&state, now());
        let roles_of = |id: &str| {
            review
                .partners
                .iter()
                .find(|p| p.partner_id == id)
                .unwrap()
                .roles
                .clone()
        };
        let fabrikam = roles_of("fabrikam-it");
        let ga = fabrikam
            .iter()
            .find(|r| r.id.is_global_administrator())
            .unwrap();
        assert!(ga.privileged && ga.legacy);
        assert_eq!(ga.privileged_label(), "Privileged");
        assert_eq!(ga.ends_label(), "Never (legacy roles don't end)");
        assert_eq!(ga.granted_through, "Legacy delegated admin roles");
        for role in roles_of("northwind-traders") {
            assert_eq!(
                role.privileged,
                roles::is_privileged(&role.id),
                "{}",
                role.name
            );
        }
        let unknown = roles_of("northwind-traders")
            .into_iter()
            .find(|r| r.id.as_str() == "abc")
            .unwrap();
        assert_eq!(unknown.name, "Unknown role (abc)");
        assert_eq!(unknown.privileged_label(), "Unknown role");
        let alpine = roles_of("alpine-ski-house");
        assert_eq!(
            alpine[0].ends_label(),
            "2027-03-13 (extends itself by 180 days)"
        );
    }

    #[test]
    fn the_review_shows_who_reviewed_last_and_when() {
        let mut state = demo();
        let review = access_review(&state, now());
        assert_eq!(review.last_review_line(), "Not reviewed yet.");
        assert_eq!(review.due, ReviewDue::Never);
        state.last_access_review = Some(AccessReviewRecord {
            reviewed_date_time: now(),
            by: crate::Persona::GlobalAdministrator,
            partners: 5,
            flags: 9,
        });
        let review = access_review(&state, now());
        assert_eq!(
            review.last_review_line(),
            "Last reviewed on 2026-11-23 at 04:42 UTC by Global Administrator."
        );
        assert!(!review.due.is_overdue());
    }

    #[test]
    fn the_review_names_the_organization_it_was_made_for() {
        let mut contoso = State::new(now());
        contoso.tenant_id = Some("3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94".into());
        contoso.organization_name = Some("Contoso Ltd".into());
        assert_eq!(access_review(&contoso, now()).organization, "Contoso Ltd");

        // A save from before names were stored: the demo tenant is Adatum,
        // any other organization is not given Adatum's name.
        let mut old_demo = demo();
        old_demo.organization_name = None;
        assert_eq!(
            access_review(&old_demo, now()).organization,
            "Adatum Corporation"
        );
        contoso.organization_name = None;
        assert_eq!(
            access_review(&contoso, now()).organization,
            "Your organization"
        );
    }
}
