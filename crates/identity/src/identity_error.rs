//! Why verified claims still name nobody the console can serve.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum IdentityError {
    #[error("The token has no “{0}” claim, so the console can't tell who or where you are.")]
    MissingClaim(&'static str),
    #[error("The token's “{0}” claim is not a directory id.")]
    NotAGuid(&'static str),
    /// A good token for an organization whose data is not on this server.
    #[error("The token is for an organization ({0}) whose data this server does not hold.")]
    NotServed(String),
}
