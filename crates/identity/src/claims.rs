//! The claims server mode reads, named as Entra names them.

use serde::Deserialize;

/// A token's claims. Only those the console relies on are read; the rest
/// are ignored.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct TokenClaims {
    #[serde(default)]
    pub iss: String,
    #[serde(default)]
    pub aud: Audience,
    /// Expiry, in seconds since the Unix epoch.
    #[serde(default)]
    pub exp: Option<u64>,
    /// Not valid before, in seconds since the Unix epoch.
    #[serde(default)]
    pub nbf: Option<u64>,
    /// The organization (tenant) the token was issued in.
    #[serde(default)]
    pub tid: Option<String>,
    /// The organization's name: the development provider sends it; Entra
    /// does not.
    #[serde(default)]
    pub tenant_name: Option<String>,
    /// The user's (or app's) immutable object id.
    #[serde(default)]
    pub oid: Option<String>,
    #[serde(default)]
    pub sub: Option<String>,
    /// Display only, never for decisions.
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub preferred_username: Option<String>,
    /// Directory role template ids the subject holds in `tid`.
    #[serde(default)]
    pub wids: Vec<String>,
    /// The identity provider that authenticated the subject, when it is not
    /// the token's issuer: someone from another organization.
    #[serde(default)]
    pub idp: Option<String>,
    /// The app a client-credentials token was issued to.
    #[serde(default)]
    pub azp: Option<String>,
}

/// `aud` is a string or an array of strings (RFC 7519 §4.1.3).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(untagged)]
pub enum Audience {
    #[default]
    None,
    One(String),
    Many(Vec<String>),
}

impl Audience {
    pub fn contains(&self, audience: &str) -> bool {
        match self {
            Audience::None => false,
            Audience::One(one) => one == audience,
            Audience::Many(many) => many.iter().any(|a| a == audience),
        }
    }
}
