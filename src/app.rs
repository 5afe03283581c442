//! The router and the shell: header, left navigation and the routed page.

use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route, Router};
use leptos_router::path;

use crate::components::shell::Shell;
use crate::components::toast::Toasts;
use crate::pages;
use crate::pages::find_partner::Selection;
use crate::persona_store::SignedIn;
use crate::store::Store;

#[component]
pub fn App() -> impl IntoView {
    SignedIn::provide();
    Store::provide();
    Toasts::provide();
    Selection::provide();
    let base = crate::base_path::get();
    // The page renders in a task after the header and navigation (the
    // first render of a page is the longest piece of the start-up), and
    // its heading takes the place of the frame's in that same task; at
    // start-up its content comes a task later (Page, later.rs). Asked for
    // here, before the shell asks for its own later parts: the page first.
    let page_due = crate::later::after_a_task();

    view! {
        // FlatRoutes, not Routes: no route here nests, and the flat router
        // is 10.4 KB less wasm brotli (417,924 -> 407,499 bytes).
        <Router base=base>
            <Shell>
                {crate::later::render(Some(page_due), || {
                    crate::startup::mark("page");
                    crate::prerendered::take_heading();
                    view! {
                        <FlatRoutes fallback=pages::not_found::NotFound>
                            <Route path=path!("/") view=pages::home::HomePage />
                            <Route path=path!("/partners/find") view=pages::find_partner::FindPartnerPage />
                            <Route path=path!("/partners/contact") view=pages::contact::ContactPage />
                            <Route path=path!("/partners/requests") view=pages::requests::RequestsPage />
                            <Route path=path!("/partners/invitations") view=pages::invitations::InvitationsPage />
                            <Route path=path!("/partners/invitation/:id") view=pages::invitation::InvitationPage />
                            <Route path=path!("/partners/agreement/:id") view=pages::agreement::AgreementPage />
                            <Route
                                path=path!("/settings/partner-relationships")
                                view=pages::relationships::RelationshipsPage
                            />
                            <Route
                                path=path!("/settings/partner-relationships/:id")
                                view=pages::partner::PartnerPage
                            />
                            <Route path=path!("/settings/access-review") view=pages::access_review::AccessReviewPage />
                            <Route path=path!("/settings/data") view=pages::data::DataPage />
                            <Route path=path!("/billing") view=pages::billing::BillingPage />
                            <Route path=path!("/billing/:section") view=pages::billing::BillingPage />
                            <Route path=path!("/activity") view=pages::activity::ActivityPage />
                            <Route path=path!("/demo/partner-simulator") view=pages::simulator::SimulatorOrOff />
                            // Signed in already (another tab signed in, or Back):
                            // on to the page asked for.
                            <Route path=path!("/sign-in") view=pages::sign_in::AlreadySignedIn />
                            <Route path=path!("/signed-out") view=pages::sign_in::AlreadySignedIn />
                            <Route path=path!("/debug/panic") view=pages::debug_panic::DebugPanicPage />
                        </FlatRoutes>
                    }
                })}
            </Shell>
        </Router>
    }
}
