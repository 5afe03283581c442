//! One module per route. A page composes components and holds no rules.

pub mod activity;
pub mod billing;
pub mod debug_panic;
pub mod find_partner;
pub mod home;
pub mod invitation;
pub mod invitations;
pub mod not_found;
pub mod partner;
pub mod relationships;
