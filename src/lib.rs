//! The partner relationships console: a Leptos single-page app.
//!
//! Pages compose components; components read the store and ask the
//! `domain` crate for every rule. Nothing here decides who may do what.
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod base_path;
pub mod components;
pub mod pages;
pub mod panic;
pub mod persona_store;
pub mod routes;
pub mod store;

/// Entry point used by `main.rs`: install the panic screen, then mount.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
