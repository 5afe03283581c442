//! Which issuer a token must come from.

/// Entra's multi-tenant discovery document publishes the issuer as
/// `https://login.microsoftonline.com/{tenantid}/v2.0`, a template, so a
/// generic exact check would refuse every real token: each token's `iss`
/// is checked against its own `tid` instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssuerRule {
    /// One issuer, e.g. the development provider or a single-tenant
    /// Entra app registration.
    Exact(String),
    /// Any Entra organization: `iss` must be
    /// `https://login.microsoftonline.com/{tid}/v2.0` for the token's `tid`.
    EntraMultiTenant,
}

const ENTRA_PREFIX: &str = "https://login.microsoftonline.com/";
const ENTRA_SUFFIX: &str = "/v2.0";

impl IssuerRule {
    /// Reads a configured issuer; Entra's template (with `{tenantid}`)
    /// means any organization.
    pub fn from_configured(issuer: &str) -> IssuerRule {
        if issuer.eq_ignore_ascii_case("https://login.microsoftonline.com/{tenantid}/v2.0") {
            IssuerRule::EntraMultiTenant
        } else {
            IssuerRule::Exact(issuer.trim_end_matches('/').to_string())
        }
    }

    pub fn accepts(&self, iss: &str, tid: Option<&str>) -> bool {
        match self {
            IssuerRule::Exact(expected) => iss.trim_end_matches('/') == expected,
            IssuerRule::EntraMultiTenant => {
                let Some(tid) = tid.filter(|t| !t.is_empty()) else {
                    return false;
                };
                iss.strip_prefix(ENTRA_PREFIX)
                    .and_then(|rest| rest.strip_suffix(ENTRA_SUFFIX))
                    .is_some_and(|tenant| tenant.eq_ignore_ascii_case(tid))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TID: &str = "6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c";

    #[test]
    fn an_exact_issuer_matches_itself_only() {
        let rule = IssuerRule::from_configured("http://127.0.0.1:8091/");
        assert!(rule.accepts("http://127.0.0.1:8091", Some(TID)));
        assert!(!rule.accepts("http://127.0.0.1:8092", Some(TID)));
        assert!(!rule.accepts("", Some(TID)));
    }

    #[test]
    fn entras_template_accepts_each_organization_for_its_own_tid_only() {
        let rule = IssuerRule::from_configured("https://login.microsoftonline.com/{tenantid}/v2.0");
        assert_eq!(rule, IssuerRule::EntraMultiTenant);
        let iss = format!("https://login.microsoftonline.com/{TID}/v2.0");
        assert!(rule.accepts(&iss, Some(TID)));
        // Another organization's issuer with this tid, or no tid at all.
        let other = "https://login.microsoftonline.com/3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94/v2.0";
        assert!(!rule.accepts(other, Some(TID)));
        assert!(!rule.accepts(&iss, None));
        assert!(!rule.accepts(&format!("https://evil.example/{TID}/v2.0"), Some(TID)));
    }
}
