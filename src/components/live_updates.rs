//! Says in the header when other admins' changes no longer appear as they
//! happen (the server's live updates cannot be had, so the console checks
//! every few seconds). Nothing is shown while they work.

use domain::live::{LIVE_UPDATES_OFF, LIVE_UPDATES_OFF_MEANS};
use leptos::prelude::*;

use crate::store::use_store;

#[component]
pub fn LiveUpdates() -> impl IntoView {
    let store = use_store();
    // The status region stays in the page so that screen readers announce
    // the notice when it appears.
    view! {
        <span class="live-updates" role="status" data-testid="live-updates">
            <Show when=move || store.live_updates_off()>
                <span class="live-updates__off" title=LIVE_UPDATES_OFF_MEANS>
                    {LIVE_UPDATES_OFF}
                    <span class="visually-hidden">{format!(": {LIVE_UPDATES_OFF_MEANS}")}</span>
                </span>
            </Show>
        </span>
    }
}
