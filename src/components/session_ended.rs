//! Said when the session ends while a page is open: the page stays as it
//! is (forms keep their drafts), and "Sign in again" comes back to it.

use domain::signin;
use leptos::prelude::*;

use crate::session;
use crate::store::use_store;

#[component]
pub fn SessionEnded() -> impl IntoView {
    let store = use_store();
    view! {
        <Show when=move || store.signed_out()>
            <section
                class="notice notice--warning session-ended"
                role="alert"
                aria-labelledby="session-ended-title"
                data-testid="session-ended"
            >
                <h2 id="session-ended-title">
                    {signin::SESSION_ENDED_TITLE}
                </h2>
                <p>{signin::SESSION_ENDED_TEXT}</p>
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| session::go_sign_in(&session::here())
                >
                    "Sign in again"
                </button>
            </section>
        </Show>
    }
}
