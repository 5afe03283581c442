//! Bearer tokens signed by the test keys (crates/identity/tests/keys), as
//! the development identity provider (idp/) would issue them.

use backend::auth::TokenAuth;
use identity::{IssuerRule, TokenVerifier};
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

pub const ISSUER: &str = "http://127.0.0.1:8091";
pub const AUDIENCE: &str = "api://partner-console";
/// Adatum Corporation: the demo organization.
pub const ADATUM: &str = domain::demo::DEMO_TENANT_ID;
pub const CONTOSO: &str = "3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94";
/// A partner's home organization (its agents act on behalf of Adatum).
pub const FABRIKAM: &str = "a4b8c2d6-1e3f-4a5b-9c7d-0e2f4a6b8c1d";

pub const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
pub const BILLING_ADMINISTRATOR: &str = "b0f54661-2d74-4c50-afa3-1ec803f12efe";
pub const HELPDESK_ADMINISTRATOR: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
pub const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

pub fn key(name: &str) -> EncodingKey {
    let path = format!(
        "{}/../identity/tests/keys/{name}.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    EncodingKey::from_rsa_pem(&std::fs::read(path).expect("key")).expect("pem")
}

/// Token mode trusting the test key; `organizations` is the allow-list
/// (`--organization`), empty for every organization.
pub fn token_auth(organizations: &[&str]) -> TokenAuth {
    let mut jwk = Jwk::from_encoding_key(&key("trusted"), Algorithm::RS256).expect("jwk");
    jwk.common.key_id = Some("k1".into());
    let verifier = TokenVerifier::new(
        IssuerRule::Exact(ISSUER.into()),
        AUDIENCE,
        JwkSet { keys: vec![jwk] },
    );
    let allowed: Vec<String> = organizations.iter().map(|o| o.to_string()).collect();
    TokenAuth::with_keys(verifier, &allowed)
}

/// Claims of a member of `tid` holding `wids`.
pub fn claims(tid: &str, oid: &str, name: &str, wids: &[&str]) -> Value {
    let at = u64::try_from(super::now().unix_seconds()).expect("after 1970");
    json!({
        "iss": ISSUER, "aud": AUDIENCE, "iat": at, "nbf": at, "exp": at + 3600,
        "tid": tid, "oid": oid, "name": name, "wids": wids,
    })
}

pub fn sign(claims: &Value) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("k1".into());
    encode(&header, claims, &key("trusted")).expect("token")
}

/// `Authorization: Bearer …` for these claims.
pub fn bearer(claims: &Value) -> String {
    format!("Bearer {}", sign(claims))
}
