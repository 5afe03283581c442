//! Checks a bearer token before anything in it is believed.

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{decode, decode_header, Algorithm, DecodingKey, Validation};

use crate::{Identity, IssuerRule, TokenClaims, TokenError};

/// Longer than any token an identity provider issues; refused unread.
const MAX_TOKEN_BYTES: usize = 16 * 1024;

/// Clock skew forgiven on expiry and not-before, in seconds.
const LEEWAY_SECONDS: u64 = 60;

#[derive(Clone, Debug)]
pub struct TokenVerifier {
    issuer: IssuerRule,
    audience: String,
    keys: JwkSet,
}

impl TokenVerifier {
    /// `keys` are the provider's published signing keys (its `jwks_uri`).
    pub fn new(issuer: IssuerRule, audience: impl Into<String>, keys: JwkSet) -> TokenVerifier {
        TokenVerifier {
            issuer,
            audience: audience.into(),
            keys,
        }
    }

    /// Reads the keys from the JSON the provider's `jwks_uri` answers.
    pub fn from_jwks_json(
        issuer: IssuerRule,
        audience: impl Into<String>,
        jwks: &str,
    ) -> Result<TokenVerifier, serde_json::Error> {
        Ok(TokenVerifier::new(
            issuer,
            audience,
            serde_json::from_str(jwks)?,
        ))
    }

    /// The same checks against a fresh set of published keys (the provider
    /// rotated them).
    pub fn with_keys(&self, keys: JwkSet) -> TokenVerifier {
        TokenVerifier {
            issuer: self.issuer.clone(),
            audience: self.audience.clone(),
            keys,
        }
    }

    /// Whether the provider has published this key id (a new one means the
    /// keys should be fetched again).
    pub fn knows_key(&self, kid: &str) -> bool {
        self.keys.find(kid).is_some()
    }

    /// The claims of a token that is signed with a published key (RS256
    /// only: no `none`, no HMAC with a public key as the secret), for this
    /// audience, from the expected issuer, and valid at `now` (seconds
    /// since the Unix epoch).
    pub fn verify(&self, token: &str, now: u64) -> Result<TokenClaims, TokenError> {
        if token.len() > MAX_TOKEN_BYTES {
            return Err(TokenError::Unreadable);
        }
        let header = decode_header(token).map_err(|_| TokenError::Unreadable)?;
        if header.alg != Algorithm::RS256 {
            return Err(TokenError::UnsupportedAlgorithm(format!(
                "{:?}",
                header.alg
            )));
        }
        let jwk = header
            .kid
            .as_deref()
            .and_then(|kid| self.keys.find(kid))
            .ok_or(TokenError::UnknownKey)?;
        let key = DecodingKey::from_jwk(jwk).map_err(|_| TokenError::UnknownKey)?;

        // Lifetime and issuer are checked below against the `now` passed
        // in, so tests and the server read the same clock.
        let mut validation = Validation::new(Algorithm::RS256);
        validation.validate_exp = false;
        validation.validate_nbf = false;
        validation.required_spec_claims.clear();
        validation.set_audience(&[&self.audience]);
        let claims = decode::<TokenClaims>(token, &key, &validation)
            .map_err(|e| match e.kind() {
                ErrorKind::InvalidSignature => TokenError::BadSignature,
                ErrorKind::InvalidAudience | ErrorKind::MissingRequiredClaim(_) => {
                    TokenError::WrongAudience
                }
                _ => TokenError::Unreadable,
            })?
            .claims;

        if !claims.aud.contains(&self.audience) {
            return Err(TokenError::WrongAudience);
        }
        if !self.issuer.accepts(&claims.iss, claims.tid.as_deref()) {
            return Err(TokenError::WrongIssuer);
        }
        let exp = claims.exp.ok_or(TokenError::NoExpiry)?;
        if now >= exp.saturating_add(LEEWAY_SECONDS) {
            return Err(TokenError::Expired);
        }
        if claims
            .nbf
            .is_some_and(|nbf| now.saturating_add(LEEWAY_SECONDS) < nbf)
        {
            return Err(TokenError::NotYetValid);
        }
        Ok(claims)
    }

    /// Verifies the token and reads who it names.
    pub fn identify(&self, token: &str, now: u64) -> Result<Identity, TokenError> {
        let claims = self.verify(token, now)?;
        Ok(Identity::from_claims(&claims)?)
    }
}
