//! Where an invitation's deep link leads.

use serde::Serialize;

use super::InvitationView;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum InvitationLink {
    /// The id could never have been issued: the link was cut or altered.
    Malformed,
    /// A well-formed id no invitation has.
    Unknown,
    Found(Box<InvitationView>),
}
