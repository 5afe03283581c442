//! One module per route. A page composes components and holds no rules.

pub mod access_review;
pub mod activity;
pub mod agreement;
pub mod billing;
pub mod contact;
pub mod data;
pub mod debug_panic;
pub mod find_partner;
pub mod home;
pub mod invitation;
pub mod invitations;
pub mod not_found;
pub mod partner;
pub mod relationships;
pub mod requests;
pub mod server_unreachable;
pub mod sign_in;
pub mod simulator;
