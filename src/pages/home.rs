use leptos::prelude::*;

use crate::components::page::{NotBuiltYet, Page};

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <Page title="Home">
            <p class="lead">
                "Find a partner, accept a partner's invitation, and control which admin roles partners hold in your organization."
            </p>
            <NotBuiltYet what="Counts of partners, pending invitations and relationships expiring soon will appear here." />
        </Page>
    }
}
