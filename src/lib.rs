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
pub mod form_draft;
pub mod json;
pub mod later;
pub mod pages;
pub mod panic;
pub mod persona_store;
pub mod prerendered;
pub mod routes;
pub mod session;
pub mod startup;
pub mod store;
pub mod web_storage;

/// Entry point used by `main.rs`: install the panic screen, open the
/// chosen backend, then mount the app (or the sign-in page when the server
/// signs people in and nobody is, or say why the server is missing) in
/// place of the frame the served HTML shows until then.
pub fn start() {
    panic::install();
    // Leptos's executor starts with the mount; before it, the browser's.
    startup::mark("start");
    wasm_bindgen_futures::spawn_local(async {
        // Instantiating the wasm is a long task already: reading the
        // configuration and the state starts in the next one.
        startup::yield_to_browser().await;
        let opened = startup::open_backend().await;
        startup::mark("state");
        let Ok(startup::Opened::App) = opened else {
            // Removed and mounted in one task: the browser paints the
            // frame, then the page, never a blank page between them.
            let focused = prerendered::focused();
            prerendered::take();
            match opened {
                Err(reason) => leptos::mount::mount_to_body(move || {
                    pages::server_unreachable::ServerUnreachable(
                        pages::server_unreachable::ServerUnreachableProps { reason },
                    )
                }),
                _ => leptos::mount::mount_to_body(pages::sign_in::SignInApp),
            }
            prerendered::refocus(focused);
            return;
        };
        // The state was read in the task that ends here; the app's header
        // and navigation mount in the next, and its page in the one after
        // (app.rs): short tasks rather than one long one, so a tap or a key
        // never waits long for the start-up.
        startup::yield_to_browser().await;
        // And within them, the shell's secondary parts and the page's
        // content a task after what the frame shows (later.rs).
        later::ask(&[
            later::Part::ShellExtras,
            later::Part::FirstPageBody,
            later::Part::FilterChoices,
        ]);
        let focused = prerendered::focused();
        leptos::mount::mount_to_body(app::App);
        startup::mark("shell");
        // The frame's page head stays, in the app's main, until the app's
        // page replaces it: never a blank page between them.
        prerendered::hand_over_head();
        prerendered::refocus(focused);
    });
}
