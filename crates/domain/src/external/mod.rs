//! What comes in from outside the console and goes out of it: the links
//! in a partner's email, and Microsoft Graph's JSON.

pub mod graph;
mod partner_link;

pub use graph::{GraphRelationship, ImportPartner};

pub use partner_link::{
    PartnerLink, PartnerLinkError, PARTNER_LINK_LOOKS_FOR, PARTNER_LINK_MAX_LEN,
    PARTNER_LINK_NO_INVITATION,
};
