//! The links partners send in their invitation emails, read by hand.
//!
//! The Microsoft 365 admin center opens a partner's request from one of two
//! link shapes:
//!
//! - GDAP: `https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{relationship id}`
//! - reseller or delegated admin: `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={partner tenant id}&msppId=0&DAP=true#/BillingAccounts/partner-invitation`
//!   (also `DAP=false`, no `DAP`, the `#/partners/invitation` fragment, and
//!   `invType=Administration` for delegated admin roles alone).
//!
//! The grammar is this narrow, so a small parser reads it rather than a URL
//! library: https only, host `admin.microsoft.com` only, then the path, the
//! query pairs and the fragment. Anything else is refused with a sentence an
//! admin can act on; the console never follows or renders what was pasted.

use thiserror::Error;

use crate::State;

/// Longer than any real invitation link by far; longer input is refused
/// before it is read, so a pasted document costs nothing.
pub const PARTNER_LINK_MAX_LEN: usize = 2048;

/// What the box looks for, said to an admin whose paste was refused.
pub const PARTNER_LINK_LOOKS_FOR: &str = "A partner invitation link starts with https://admin.microsoft.com/AdminPortal/Home and either ends with #/partners/invitation/granularAdminRelationships/ and the relationship id (a GDAP relationship), or carries invType=ResellerRelationship or invType=Administration with the partner's partnerId (a reseller or delegated admin request).";

/// A partner's request, as its link names it. The ids are checked and kept
/// in lower case, so two spellings of one link compare equal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartnerLink {
    /// `invType=ResellerRelationship` without delegated admin roles.
    Reseller { partner_tenant_id: String },
    /// `invType=ResellerRelationship&DAP=true`: reseller, and the legacy
    /// delegated admin roles with it.
    ResellerWithDap { partner_tenant_id: String },
    /// `invType=Administration`: the delegated admin roles alone.
    DelegatedAdmin { partner_tenant_id: String },
    /// A GDAP relationship waiting for the customer's approval.
    Granular { relationship_id: String },
}

/// Why a paste is not a partner invitation link, in an admin's words.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum PartnerLinkError {
    #[error("Paste the link from the partner's email first.")]
    Empty,
    #[error("This is far longer than an invitation link, so it wasn't read.")]
    TooLong,
    #[error("This link uses http://; invitation links always use https://.")]
    NotHttps,
    #[error("This isn't a web link.")]
    NotALink,
    #[error("This link goes to another site, not to the Microsoft 365 admin center (admin.microsoft.com).")]
    OtherSite,
    #[error("This admin center link doesn't open a partner invitation.")]
    NotAnInvitation,
    #[error("This invitation link has no partner id (partnerId), so it can't say which partner sent it.")]
    MissingPartnerId,
    #[error("The id in this link isn't shaped like the ids Microsoft issues; it may have been cut short when it was copied.")]
    BadId,
}

impl PartnerLink {
    /// Reads a pasted link; surrounding whitespace is ignored.
    pub fn parse(input: &str) -> Result<PartnerLink, PartnerLinkError> {
        // Checked before trimming too, so a huge paste is never scanned.
        if input.len() > PARTNER_LINK_MAX_LEN * 4 {
            return Err(PartnerLinkError::TooLong);
        }
        let text = input.trim();
        if text.is_empty() {
            return Err(PartnerLinkError::Empty);
        }
        if text.len() > PARTNER_LINK_MAX_LEN {
            return Err(PartnerLinkError::TooLong);
        }
        let rest = strip_prefix_ignore_case(text, "https://").ok_or_else(|| {
            if strip_prefix_ignore_case(text, "http://").is_some() {
                PartnerLinkError::NotHttps
            } else {
                PartnerLinkError::NotALink
            }
        })?;
        let (before_fragment, fragment) = split_once_or_all(rest, '#');
        let (before_query, query) = split_once_or_all(before_fragment, '?');
        let (host, path) = match before_query.find('/') {
            Some(i) => before_query.split_at(i),
            None => (before_query, ""),
        };
        // The exact host only: no user info, no port, no look-alike suffix.
        if !host.eq_ignore_ascii_case("admin.microsoft.com") {
            return Err(PartnerLinkError::OtherSite);
        }
        let path = path.strip_suffix('/').unwrap_or(path);
        if !path.eq_ignore_ascii_case("/adminportal/home") {
            return Err(PartnerLinkError::NotAnInvitation);
        }
        let fragment = fragment.unwrap_or("");
        if let Some(id) =
            strip_prefix_ignore_case(fragment, "/partners/invitation/granularAdminRelationships/")
        {
            let id = id.strip_suffix('/').unwrap_or(id);
            return relationship_id(id)
                .map(|relationship_id| PartnerLink::Granular { relationship_id })
                .ok_or(PartnerLinkError::BadId);
        }
        let invitation_fragment = [
            "/BillingAccounts/partner-invitation",
            "/partners/invitation",
        ]
        .iter()
        .any(|f| fragment.eq_ignore_ascii_case(f));
        if !invitation_fragment {
            return Err(PartnerLinkError::NotAnInvitation);
        }
        let pairs = query_pairs(query.unwrap_or(""));
        let value = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v.as_str())
        };
        let partner = || match value("partnerId") {
            None | Some("") => Err(PartnerLinkError::MissingPartnerId),
            Some(id) => guid(id).ok_or(PartnerLinkError::BadId),
        };
        match value("invType") {
            Some(t) if t.eq_ignore_ascii_case("ResellerRelationship") => {
                let partner_tenant_id = partner()?;
                let dap = value("DAP").is_some_and(|d| d.eq_ignore_ascii_case("true"));
                Ok(if dap {
                    PartnerLink::ResellerWithDap { partner_tenant_id }
                } else {
                    PartnerLink::Reseller { partner_tenant_id }
                })
            }
            Some(t) if t.eq_ignore_ascii_case("Administration") => {
                Ok(PartnerLink::DelegatedAdmin {
                    partner_tenant_id: partner()?,
                })
            }
            _ => Err(PartnerLinkError::NotAnInvitation),
        }
    }

    /// What is asked, in the console's words.
    pub fn kind_label(&self) -> &'static str {
        match self {
            PartnerLink::Reseller { .. } => "A request for a reseller relationship",
            PartnerLink::ResellerWithDap { .. } => {
                "A request for a reseller relationship with delegated admin roles (DAP)"
            }
            PartnerLink::DelegatedAdmin { .. } => "A request for delegated admin roles (DAP)",
            PartnerLink::Granular { .. } => "A request for a GDAP relationship",
        }
    }

    /// What the id in the link names, and the id: ("Partner tenant id", "…").
    pub fn id_fact(&self) -> (&'static str, &str) {
        match self {
            PartnerLink::Reseller { partner_tenant_id }
            | PartnerLink::ResellerWithDap { partner_tenant_id }
            | PartnerLink::DelegatedAdmin { partner_tenant_id } => {
                ("Partner tenant id", partner_tenant_id)
            }
            PartnerLink::Granular { relationship_id } => ("GDAP relationship id", relationship_id),
        }
    }

    /// The invitation in this console the link is for, if there is one.
    ///
    /// A GDAP link matches an invitation kept under the relationship's id,
    /// or the invitation a relationship with that id was approved from.
    /// Partners are not recorded with their tenant ids, so a reseller or
    /// delegated admin link matches nothing.
    pub fn find_invitation(&self, state: &State) -> Option<String> {
        let PartnerLink::Granular { relationship_id } = self else {
            return None;
        };
        let same = |id: &str| id.eq_ignore_ascii_case(relationship_id);
        if let Some(invitation) = state.invitations.iter().find(|i| same(&i.id)) {
            return Some(invitation.id.clone());
        }
        state
            .relationships
            .iter()
            .find(|r| same(&r.id))
            .and_then(|r| r.invitation_id.clone())
            .filter(|id| state.invitation(id).is_some())
    }

    /// Why the console can't open the request, and what to ask for; `None`
    /// when [`PartnerLink::find_invitation`] found it.
    pub fn missing_explanation(&self, state: &State) -> Option<Vec<&'static str>> {
        if self.find_invitation(state).is_some() {
            return None;
        }
        let why = match self {
            PartnerLink::Granular { .. } => "The link names the relationship only: the roles and how long they last are in the request itself, which this console hasn't received.",
            _ => "This console doesn't record partners' tenant ids, so it can't tell which of your partners this is.",
        };
        Some(vec![why, PARTNER_LINK_NO_INVITATION])
    }
}

/// What the admin needs from the partner when the console lacks the request.
pub const PARTNER_LINK_NO_INVITATION: &str = "This console has no invitation for it yet: ask the partner to send it again, or import the relationship's JSON.";

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

fn split_once_or_all(text: &str, at: char) -> (&str, Option<&str>) {
    match text.split_once(at) {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    }
}

/// `a=1&b=2` as decoded pairs; a pair that doesn't decode is dropped.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

/// `%2D` and `+` as the characters they stand for; `None` when malformed.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// A GUID in its 8-4-4-4-12 form, lower-cased.
fn guid(text: &str) -> Option<String> {
    let groups: Vec<&str> = text.split('-').collect();
    let shaped = groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()));
    shaped.then(|| text.to_ascii_lowercase())
}

/// A GDAP relationship id as Graph issues them: a GUID, optionally followed
/// by `-` and a second GUID (the customer's tenant id).
fn relationship_id(text: &str) -> Option<String> {
    if text.len() == 36 {
        return guid(text);
    }
    let (first, second) = (text.get(..36)?, text.get(37..)?);
    (text.get(36..37) == Some("-") && guid(second).is_some())
        .then(|| guid(first))
        .flatten()
        .map(|_| text.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::demo;

    const TENANT: &str = "47c1f6d2-b112-48e0-915f-4304efffb3e8";
    const RELATIONSHIP: &str =
        "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836";

    fn reseller(dap: &str, fragment: &str) -> String {
        format!("https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={TENANT}&msppId=0{dap}#{fragment}")
    }

    fn granular(id: &str) -> String {
        format!("https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{id}")
    }

    fn tenant() -> String {
        TENANT.to_string()
    }

    #[test]
    fn a_reseller_link_with_dap_true_asks_for_delegated_admin_roles_too() {
        let link = PartnerLink::parse(&reseller(
            "&DAP=true",
            "/BillingAccounts/partner-invitation",
        ));
        assert_eq!(
            link,
            Ok(PartnerLink::ResellerWithDap {
                partner_tenant_id: tenant()
            })
        );
        let link = link.unwrap();
        assert_eq!(
            link.kind_label(),
            "A request for a reseller relationship with delegated admin roles (DAP)"
        );
        assert_eq!(link.id_fact(), ("Partner tenant id", TENANT));
    }

    #[test]
    fn a_reseller_link_with_dap_false_or_none_is_reseller_only() {
        for dap in ["&DAP=false", ""] {
            for fragment in [
                "/BillingAccounts/partner-invitation",
                "/partners/invitation",
            ] {
                assert_eq!(
                    PartnerLink::parse(&reseller(dap, fragment)),
                    Ok(PartnerLink::Reseller {
                        partner_tenant_id: tenant()
                    }),
                    "{dap} {fragment}"
                );
            }
        }
        assert_eq!(
            PartnerLink::Reseller {
                partner_tenant_id: tenant()
            }
            .kind_label(),
            "A request for a reseller relationship"
        );
    }

    #[test]
    fn the_administration_form_asks_for_delegated_admin_roles_alone() {
        let link = PartnerLink::parse(
            "https://admin.microsoft.com/Adminportal/Home?invType=Administration&partnerId=c7e52a77-e461-4f2e-a652-573305414be9#/BillingAccounts/partner-invitation",
        );
        assert_eq!(
            link,
            Ok(PartnerLink::DelegatedAdmin {
                partner_tenant_id: "c7e52a77-e461-4f2e-a652-573305414be9".into()
            })
        );
        assert_eq!(
            link.unwrap().kind_label(),
            "A request for delegated admin roles (DAP)"
        );
    }

    #[test]
    fn a_granular_link_names_its_relationship() {
        let link = PartnerLink::parse(&granular(RELATIONSHIP)).unwrap();
        assert_eq!(
            link,
            PartnerLink::Granular {
                relationship_id: RELATIONSHIP.into()
            }
        );
        assert_eq!(link.kind_label(), "A request for a GDAP relationship");
        assert_eq!(link.id_fact(), ("GDAP relationship id", RELATIONSHIP));
        // A bare GUID is an id Graph issues too.
        assert!(PartnerLink::parse(&granular(&RELATIONSHIP[..36])).is_ok());
    }

    #[test]
    fn case_whitespace_and_extra_parameters_do_not_matter() {
        let shouting = format!(
            "  \n HTTPS://ADMIN.MICROSOFT.COM/ADMINPORTAL/HOME?INVTYPE=resellerrelationship&PARTNERID={}&extra=1&MSPPID=0&dap=TRUE&utm_source=mail#/billingaccounts/PARTNER-INVITATION \t",
            TENANT.to_uppercase()
        );
        assert_eq!(
            PartnerLink::parse(&shouting),
            Ok(PartnerLink::ResellerWithDap {
                partner_tenant_id: tenant()
            })
        );
        let granular = format!(
            "https://Admin.Microsoft.com/AdminPortal/Home/#/Partners/Invitation/GranularAdminRelationships/{}/",
            RELATIONSHIP.to_uppercase()
        );
        assert_eq!(
            PartnerLink::parse(&granular),
            Ok(PartnerLink::Granular {
                relationship_id: RELATIONSHIP.into()
            })
        );
    }

    #[test]
    fn percent_encoded_partner_ids_are_decoded() {
        let link = format!(
            "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId={}#/partners/invitation",
            TENANT.replace('-', "%2d")
        );
        assert_eq!(
            PartnerLink::parse(&link),
            Ok(PartnerLink::Reseller {
                partner_tenant_id: tenant()
            })
        );
    }

    #[test]
    fn http_is_refused() {
        let link = reseller("&DAP=true", "/partners/invitation").replacen("https", "http", 1);
        assert_eq!(PartnerLink::parse(&link), Err(PartnerLinkError::NotHttps));
    }

    #[test]
    fn other_hosts_are_refused_however_they_dress_up() {
        for link in [
            granular(RELATIONSHIP).replace("admin.microsoft.com", "admin.microsoft.com.evil.example"),
            format!("https://evil.example/?admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{RELATIONSHIP}"),
            granular(RELATIONSHIP).replace("admin.microsoft.com", "admin.microsoft.com@evil.example"),
            granular(RELATIONSHIP).replace("admin.microsoft.com", "evil.example@admin.microsoft.com"),
            granular(RELATIONSHIP).replace("admin.microsoft.com", "admin.microsoft.com:8443"),
            granular(RELATIONSHIP).replace("admin.microsoft.com", "admin-microsoft.com"),
            granular(RELATIONSHIP).replace("admin.microsoft.com", "portal.microsoft.com"),
        ] {
            assert_eq!(
                PartnerLink::parse(&link),
                Err(PartnerLinkError::OtherSite),
                "{link}"
            );
        }
    }

    #[test]
    fn script_data_and_plain_text_are_not_links() {
        for text in [
            "javascript:alert(document.cookie)",
            "JavaScript://admin.microsoft.com/%0Aalert(1)",
            "data:text/html,<script>alert(1)</script>",
            "Please accept our invitation",
            "admin.microsoft.com/AdminPortal/Home#/partners/invitation",
            "//admin.microsoft.com/AdminPortal/Home",
        ] {
            assert_eq!(
                PartnerLink::parse(text),
                Err(PartnerLinkError::NotALink),
                "{text}"
            );
        }
    }

    #[test]
    fn admin_center_links_that_are_not_invitations_are_refused() {
        for link in [
            "https://admin.microsoft.com/AdminPortal/Home#/users".to_string(),
            "https://admin.microsoft.com/".to_string(),
            "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=47c1f6d2-b112-48e0-915f-4304efffb3e8#/users".to_string(),
            "https://admin.microsoft.com/Adminportal/Home?invType=Other&partnerId=47c1f6d2-b112-48e0-915f-4304efffb3e8#/partners/invitation".to_string(),
            "https://admin.microsoft.com/Adminportal/Home#/partners/invitation".to_string(),
            granular(RELATIONSHIP).replace("/AdminPortal/Home", "/AdminPortal/Elsewhere"),
        ] {
            assert_eq!(
                PartnerLink::parse(&link),
                Err(PartnerLinkError::NotAnInvitation),
                "{link}"
            );
        }
    }

    #[test]
    fn ids_must_be_shaped_like_microsofts() {
        let cut_short = &RELATIONSHIP[..30];
        for link in [
            granular(cut_short),
            granular(""),
            granular(&format!("{RELATIONSHIP}<script>")),
            granular("relationship-1"),
            reseller("", "/partners/invitation").replace(TENANT, "contoso"),
        ] {
            assert_eq!(
                PartnerLink::parse(&link),
                Err(PartnerLinkError::BadId),
                "{link}"
            );
        }
        assert_eq!(
            PartnerLink::parse(
                "https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&msppId=0#/partners/invitation"
            ),
            Err(PartnerLinkError::MissingPartnerId)
        );
    }

    #[test]
    fn empty_and_very_long_input_is_refused_quickly() {
        assert_eq!(PartnerLink::parse(""), Err(PartnerLinkError::Empty));
        assert_eq!(PartnerLink::parse(" \n\t "), Err(PartnerLinkError::Empty));
        let huge = format!("{}{}", granular(RELATIONSHIP), "a".repeat(10_000));
        assert_eq!(PartnerLink::parse(&huge), Err(PartnerLinkError::TooLong));
        let enormous = " ".repeat(50_000_000);
        let started = std::time::Instant::now();
        assert_eq!(
            PartnerLink::parse(&enormous),
            Err(PartnerLinkError::TooLong)
        );
        assert!(started.elapsed() < std::time::Duration::from_millis(50));
    }

    #[test]
    fn every_refusal_is_a_sentence_and_the_box_says_what_it_looks_for() {
        let message = PartnerLinkError::OtherSite.to_string();
        assert!(message.contains("admin.microsoft.com"), "{message}");
        assert!(PARTNER_LINK_LOOKS_FOR.contains("granularAdminRelationships"));
        assert!(PARTNER_LINK_LOOKS_FOR.contains("invType=ResellerRelationship"));
    }

    #[test]
    fn a_link_the_console_has_no_invitation_for_says_what_to_ask_for() {
        let state = demo();
        for link in [
            PartnerLink::parse(&granular(RELATIONSHIP)).unwrap(),
            PartnerLink::parse(&reseller("&DAP=true", "/partners/invitation")).unwrap(),
        ] {
            assert_eq!(link.find_invitation(&state), None);
            let said = link.missing_explanation(&state).unwrap();
            assert_eq!(
                said.last().copied(),
                Some("This console has no invitation for it yet: ask the partner to send it again, or import the relationship's JSON.")
            );
            // It never claims to know the roles.
            assert!(said.iter().all(|s| !s.contains("Administrator")));
        }
    }

    #[test]
    fn a_granular_link_opens_the_invitation_kept_under_its_relationship_id() {
        let mut state = demo();
        let mut invitation = state.invitations[0].clone();
        invitation.id = RELATIONSHIP.to_string();
        state.invitations.push(invitation);
        let link = PartnerLink::parse(&granular(&RELATIONSHIP.to_uppercase())).unwrap();
        assert_eq!(link.find_invitation(&state), Some(RELATIONSHIP.to_string()));
        assert_eq!(link.missing_explanation(&state), None);
    }

    #[test]
    fn a_granular_link_opens_the_invitation_its_relationship_was_approved_from() {
        let mut state = demo();
        let mut relationship = state
            .relationships
            .iter()
            .find(|r| r.invitation_id.is_some())
            .unwrap()
            .clone();
        relationship.id = RELATIONSHIP.to_string();
        let from = relationship.invitation_id.clone();
        state.relationships.push(relationship);
        let link = PartnerLink::parse(&granular(RELATIONSHIP)).unwrap();
        assert_eq!(link.find_invitation(&state), from);
        // A reseller link matches nothing: partners carry no tenant ids.
        let reseller = PartnerLink::parse(&reseller("", "/partners/invitation")).unwrap();
        assert_eq!(reseller.find_invitation(&state), None);
    }
}
