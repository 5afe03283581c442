//! The engine: a [`Command`] is decided against the [`State`] into
//! [`Event`]s or a [`DomainError`]; events are applied and recorded as
//! [`ActivityEntry`]s.

pub(crate) mod activity_entry;
mod command;
mod domain_error;
mod event;
pub(crate) mod state;

pub use activity_entry::{ActivityEntry, SignedInUser};
pub use command::Command;
pub use domain_error::DomainError;
pub use event::Event;
pub use state::{State, UNNAMED_ORGANIZATION};
