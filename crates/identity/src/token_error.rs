//! Why a token is refused. Every case answers 401; the words are for the
//! problem+json detail and the server's log.

use thiserror::Error;

use crate::IdentityError;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TokenError {
    #[error("The token can't be read: it is not a signed JSON Web Token.")]
    Unreadable,
    #[error("The token is signed with {0}; only RS256 is accepted.")]
    UnsupportedAlgorithm(String),
    #[error("The token is signed with a key the identity provider does not publish.")]
    UnknownKey,
    #[error("The token's signature does not match its contents.")]
    BadSignature,
    #[error("The token is for another application.")]
    WrongAudience,
    #[error("The token was issued by someone else than the configured identity provider.")]
    WrongIssuer,
    #[error("The token has no expiry.")]
    NoExpiry,
    #[error("The token has expired.")]
    Expired,
    #[error("The token is not valid yet.")]
    NotYetValid,
    #[error("{0}")]
    Identity(#[from] IdentityError),
}
