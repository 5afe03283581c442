use leptos::prelude::*;

use crate::components::page::{NotBuiltYet, Page};

#[component]
pub fn InvitationsPage() -> impl IntoView {
    view! {
        <Page title="Invitations">
            <NotBuiltYet what="Invitations from partners will arrive here, each linking to its Accept agreement & authorize partner page." />
        </Page>
    }
}
