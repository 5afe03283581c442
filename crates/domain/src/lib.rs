//! The partner-relationships engine: model, rules, commands and events.
//!
//! Nothing here touches a browser, a UI or the network, so the in-browser
//! store and the HTTP backend run exactly the same decisions.
//!
//! The engine: [`State::decide`] checks a [`Command`] for a [`Persona`] at
//! a given `now` and returns [`Event`]s or a [`DomainError`], changing
//! nothing; [`State::apply`] folds an event in and cannot fail;
//! [`State::execute`] does both, all or nothing. The domain never reads a
//! clock: the browser passes its demo clock (`state.now`), and a host on
//! real time runs `Command::AdvanceTime { to: now }` before other commands
//! so expiry and auto-extend catch up. Read-only projections for pages are
//! in [`views`], saving and loading in [`snapshot`], demo data in [`demo`].
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod console;
pub mod contact;
pub mod demo;
pub mod directory;
pub mod engine;
pub mod external;
pub mod live;
pub mod model;
pub mod permissions;
pub mod persona;
pub mod roles;
pub mod signin;
pub mod snapshot;
pub mod sort;
pub mod time;
pub mod views;

// The crate's types are used by their short names (`domain::Partner`);
// the folders above are where to read them.
pub use contact::*;
pub use demo::SplitMix64;
pub use engine::*;
pub use external::*;
pub use model::*;
pub use permissions::Action;
pub use persona::Persona;
pub use roles::RoleInfo;
pub use snapshot::{Decoded, SnapshotError};
pub use time::*;
