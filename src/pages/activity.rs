use leptos::prelude::*;

use crate::components::page::{NotBuiltYet, Page};

#[component]
pub fn ActivityPage() -> impl IntoView {
    view! {
        <Page title="Activity">
            <NotBuiltYet what="Every action taken here, with who, what, when and the outcome, will be listed." />
        </Page>
    }
}
