//! Who is acting: the organization, the user and the persona whose
//! permissions apply, read from verified claims.

use domain::Persona;

use crate::{DirectoryRole, IdentityError, TokenClaims};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    /// The organization (`tid`): every read and write runs in it.
    pub organization: String,
    /// Its name when the token says it (`tenant_name`); see
    /// [`Identity::organization_display_name`] for what is shown without.
    pub organization_name: Option<String>,
    /// The user's or app's immutable id (`oid`).
    pub user_id: String,
    /// For the header and the activity log; never for decisions.
    pub name: String,
    pub username: Option<String>,
    /// The role that decides what they may do, if any.
    pub role: Option<DirectoryRole>,
    /// What the domain's permission rules are asked about.
    pub persona: Persona,
    /// A partner's agent acting on behalf of the organization: their own
    /// organization's tenant id, from `idp`.
    pub acting_from: Option<String>,
}

impl Identity {
    /// Reads verified claims. `tid` and `oid` must be GUIDs: they key the
    /// organization's data and name the user in its activity log.
    pub fn from_claims(claims: &TokenClaims) -> Result<Identity, IdentityError> {
        let organization = guid_claim("tid", claims.tid.as_deref())?;
        let user_id = guid_claim("oid", claims.oid.as_deref())?;
        let acting_from = claims
            .idp
            .as_deref()
            .and_then(entra_tenant_of)
            .filter(|home| !home.eq_ignore_ascii_case(&organization));
        let role = DirectoryRole::strongest(&claims.wids);
        // Someone from another organization acts on its behalf: the
        // partner's view, whatever role the relationship lends them.
        let persona = match (&acting_from, role) {
            (Some(_), _) => Persona::PartnerOnBehalf,
            (None, Some(role)) => role.persona(),
            (None, None) => Persona::User,
        };
        let username = claims
            .preferred_username
            .as_deref()
            .map(printable)
            .filter(|u| !u.is_empty());
        let name = claims
            .name
            .as_deref()
            .map(printable)
            .filter(|n| !n.is_empty())
            .or_else(|| username.clone())
            .or_else(|| claims.azp.as_deref().map(printable))
            .unwrap_or_else(|| user_id.clone());
        let organization_name = claims
            .tenant_name
            .as_deref()
            .map(printable)
            .filter(|n| !n.is_empty());
        Ok(Identity {
            organization,
            organization_name,
            user_id,
            name,
            username,
            role,
            persona,
            acting_from,
        })
    }

    /// The organization's name for the header and the access review: the
    /// token's `tenant_name`, else the domain of a member's sign-in name
    /// (contoso.example), else "Your organization". A partner's agent signs
    /// in with their own organization's domain, so it never names this one.
    pub fn organization_display_name(&self) -> String {
        if let Some(name) = &self.organization_name {
            return name.clone();
        }
        let domain = match &self.acting_from {
            Some(_) => None,
            None => self
                .username
                .as_deref()
                .and_then(|u| u.rsplit_once('@'))
                .map(|(_, domain)| domain.trim())
                .filter(|d| !d.is_empty()),
        };
        domain.map_or_else(
            || domain::UNNAMED_ORGANIZATION.to_string(),
            str::to_ascii_lowercase,
        )
    }

    /// What the header says decides their permissions.
    pub fn role_label(&self) -> &'static str {
        match (&self.acting_from, self.role) {
            (Some(_), _) => Persona::PartnerOnBehalf.label(),
            (None, Some(role)) => role.name(),
            (None, None) => "No admin role",
        }
    }
}

fn guid_claim(name: &'static str, value: Option<&str>) -> Result<String, IdentityError> {
    let value = value.ok_or(IdentityError::MissingClaim(name))?;
    if is_guid(value) {
        Ok(value.to_ascii_lowercase())
    } else {
        Err(IdentityError::NotAGuid(name))
    }
}

fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.len() == 5
        && groups
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(g, n)| g.len() == n && g.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The tenant in an Entra `idp` value, `https://sts.windows.net/{tid}/`.
/// Other providers (a Microsoft account's `live.com`) name no tenant.
fn entra_tenant_of(idp: &str) -> Option<String> {
    let tenant = idp
        .strip_prefix("https://sts.windows.net/")?
        .trim_end_matches('/');
    is_guid(tenant).then(|| tenant.to_ascii_lowercase())
}

/// Display text from a token: no control characters, bounded.
fn printable(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect::<String>()
        .trim()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ADATUM: &str = "6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c";
    const FABRIKAM: &str = "a4b8c2d6-1e3f-4a5b-9c7d-0e2f4a6b8c1d";
    const USER: &str = "1c7a4b9f-6d32-4e80-8f25-7b3c9d1e4a62";

    fn claims(wids: &[DirectoryRole]) -> TokenClaims {
        TokenClaims {
            tid: Some(ADATUM.into()),
            oid: Some(USER.into()),
            name: Some("Blair Nguyen".into()),
            preferred_username: Some("billing@adatum.example".into()),
            wids: wids.iter().map(|r| r.template_id().to_string()).collect(),
            ..TokenClaims::default()
        }
    }

    #[test]
    fn each_role_acts_with_its_persona_and_is_named_in_the_header() {
        use DirectoryRole::*;
        for (role, persona) in [
            (GlobalAdministrator, Persona::GlobalAdministrator),
            (BillingAdministrator, Persona::BillingAdministrator),
            (HelpdeskAdministrator, Persona::HelpdeskAdministrator),
            (GlobalReader, Persona::User),
        ] {
            let who = Identity::from_claims(&claims(&[role])).unwrap();
            assert_eq!(who.persona, persona, "{role:?}");
            assert_eq!(who.role_label(), role.name());
            assert_eq!(who.organization, ADATUM);
            assert_eq!(who.user_id, USER);
        }
    }

    #[test]
    fn no_admin_role_is_the_read_only_view() {
        let who = Identity::from_claims(&claims(&[])).unwrap();
        assert_eq!(who.persona, Persona::User);
        assert_eq!(who.role_label(), "No admin role");
        assert!(!domain::permissions::allows(
            who.persona,
            domain::Action::ContactPartners
        ));
    }

    #[test]
    fn someone_from_another_tenant_acts_on_behalf_whatever_role_they_hold() {
        let mut agent = claims(&[DirectoryRole::GlobalAdministrator]);
        agent.idp = Some(format!("https://sts.windows.net/{FABRIKAM}/"));
        let who = Identity::from_claims(&agent).unwrap();
        assert_eq!(who.persona, Persona::PartnerOnBehalf);
        assert_eq!(who.acting_from.as_deref(), Some(FABRIKAM));
        assert_eq!(who.organization, ADATUM);

        // Entra may name the issuer's own tenant in idp: that is a member.
        let mut member = claims(&[DirectoryRole::BillingAdministrator]);
        member.idp = Some(format!(
            "https://sts.windows.net/{}/",
            ADATUM.to_uppercase()
        ));
        let who = Identity::from_claims(&member).unwrap();
        assert_eq!(who.persona, Persona::BillingAdministrator);
        assert_eq!(who.acting_from, None);
    }

    #[test]
    fn the_organization_and_user_must_be_guids() {
        let mut no_tid = claims(&[]);
        no_tid.tid = None;
        assert_eq!(
            Identity::from_claims(&no_tid),
            Err(IdentityError::MissingClaim("tid"))
        );
        for bad in [
            "",
            "adatum",
            "../6f1d2c3b",
            "6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c/x",
        ] {
            let mut c = claims(&[]);
            c.tid = Some(bad.into());
            assert_eq!(
                Identity::from_claims(&c),
                Err(IdentityError::NotAGuid("tid")),
                "{bad}"
            );
        }
        let mut no_oid = claims(&[]);
        no_oid.oid = None;
        assert_eq!(
            Identity::from_claims(&no_oid),
            Err(IdentityError::MissingClaim("oid"))
        );
    }

    #[test]
    fn the_organization_is_named_by_the_token_else_by_the_sign_in_domain() {
        let mut c = claims(&[]);
        c.tenant_name = Some("Adatum\u{7} Corporation ".into());
        let who = Identity::from_claims(&c).unwrap();
        assert_eq!(who.organization_name.as_deref(), Some("Adatum Corporation"));
        assert_eq!(who.organization_display_name(), "Adatum Corporation");

        // Entra sends no tenant name: the domain of the sign-in name.
        c.tenant_name = None;
        c.preferred_username = Some("kai.lee@Contoso.example".into());
        let who = Identity::from_claims(&c).unwrap();
        assert_eq!(who.organization_name, None);
        assert_eq!(who.organization_display_name(), "contoso.example");

        // A partner's agent signs in with their own domain: not this one's.
        c.idp = Some(format!("https://sts.windows.net/{FABRIKAM}/"));
        c.preferred_username = Some("agent@fabrikam.example".into());
        let agent = Identity::from_claims(&c).unwrap();
        assert_eq!(agent.organization_display_name(), "Your organization");

        c.idp = None;
        c.preferred_username = None;
        let app = Identity::from_claims(&c).unwrap();
        assert_eq!(app.organization_display_name(), "Your organization");
    }

    #[test]
    fn the_name_shown_is_printable_and_falls_back_sensibly() {
        let mut c = claims(&[]);
        c.name = Some("Blair\u{0}\n Nguyen".into());
        assert_eq!(Identity::from_claims(&c).unwrap().name, "Blair Nguyen");
        c.name = None;
        assert_eq!(
            Identity::from_claims(&c).unwrap().name,
            "billing@adatum.example"
        );
        c.preferred_username = None;
        c.azp = Some("adatum-automation".into());
        assert_eq!(Identity::from_claims(&c).unwrap().name, "adatum-automation");
        c.azp = None;
        assert_eq!(Identity::from_claims(&c).unwrap().name, USER);
    }
}
