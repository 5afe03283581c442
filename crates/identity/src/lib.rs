//! Who is acting, decided from a verified token and nothing else.
//!
//! [`TokenVerifier`] checks a JSON Web Token the way server mode needs:
//! signed (RS256) by a key the identity provider publishes, for this
//! audience, from the expected issuer, within its lifetime at a `now`
//! the caller passes. [`Identity::from_claims`] then reads Microsoft Entra
//! ID's claims (`tid`, `oid`, `wids`, `idp`) into the organization, the
//! user and the [`domain::Persona`] whose permissions apply, so the
//! domain's rules decide exactly as they do in the browser.
// Tokens come from outside: nothing here may panic on them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod claims;
mod directory_role;
mod identity;
mod identity_error;
mod issuer;
mod token_error;
mod verifier;

pub use claims::{Audience, TokenClaims};
pub use directory_role::DirectoryRole;
pub use identity::Identity;
pub use identity_error::IdentityError;
pub use issuer::IssuerRule;
pub use token_error::TokenError;
pub use verifier::TokenVerifier;
