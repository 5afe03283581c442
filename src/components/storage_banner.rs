//! Tells the admin when their saved data could not be read or written.

use leptos::prelude::*;

use crate::store::use_store;

#[component]
pub fn StorageBanner() -> impl IntoView {
    let store = use_store();
    move || {
        store.problem().map(|problem| {
            view! {
                <div class="notice notice--warning storage-banner" role="alert">
                    <p>{problem.to_string()}</p>
                    <button type="button" class="button" on:click=move |_| store.dismiss_problem()>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
