use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page::{Crumb, NotBuiltYet, Page};
use crate::routes;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Invitations",
    href: Some(routes::INVITATIONS),
}];

#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    view! {
        <Page title="Accept agreement & authorize partner" trail=TRAIL>
            <p>"Invitation " <code>{id}</code></p>
            <NotBuiltYet what="Reviewing the agreement and Accept & Authorize are on their way." />
        </Page>
    }
}
