//! What a session keeps about the person signed in: the verified claims
//! that decide who they are, read again through `Identity::from_claims` on
//! every request (one path for sessions and bearer tokens), and the ID
//! token for signing out at the provider. Never sent to the browser.

use identity::{Identity, IdentityError, TokenClaims};
use serde::{Deserialize, Serialize};

use super::oidc::Verified;

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct SignedIn {
    tid: Option<String>,
    oid: Option<String>,
    name: Option<String>,
    preferred_username: Option<String>,
    #[serde(default)]
    wids: Vec<String>,
    idp: Option<String>,
    tenant_name: Option<String>,
    pub id_token: String,
    /// Seconds since the Unix epoch: the session's absolute lifetime counts
    /// from here.
    pub signed_in_at: i64,
    /// Last use, to push the idle timeout back.
    pub seen_at: i64,
}

impl SignedIn {
    pub fn new(verified: Verified, now: i64) -> SignedIn {
        let Verified { claims, id_token } = verified;
        SignedIn {
            tid: claims.tid,
            oid: claims.oid,
            name: claims.name,
            preferred_username: claims.preferred_username,
            wids: claims.wids,
            idp: claims.idp,
            tenant_name: claims.tenant_name,
            id_token,
            signed_in_at: now,
            seen_at: now,
        }
    }

    pub fn identity(&self) -> Result<Identity, IdentityError> {
        Identity::from_claims(&TokenClaims {
            tid: self.tid.clone(),
            oid: self.oid.clone(),
            name: self.name.clone(),
            preferred_username: self.preferred_username.clone(),
            wids: self.wids.clone(),
            idp: self.idp.clone(),
            tenant_name: self.tenant_name.clone(),
            ..TokenClaims::default()
        })
    }
}
