//! Why verified claims still name nobody the console can serve.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum IdentityError {
    #[error("The token has no “{0}” claim, so the console can't tell who or where you are.")]
    MissingClaim(&'static str),
    #[error("The token's “{0}” claim is not a directory id.")]
    NotAGuid(&'static str),
    /// A good token for an organization this server does not let in (its
    /// `--organization` list names others).
    #[error("The token is for an organization ({0}) this server does not serve.")]
    NotServed(String),
}
