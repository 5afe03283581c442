use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::page::{Crumb, NotBuiltYet, Page};
use crate::routes;

const TRAIL: &[Crumb] = &[
    Crumb {
        label: "Settings",
        href: None,
    },
    Crumb {
        label: "Partner relationships",
        href: Some(routes::RELATIONSHIPS),
    },
];

#[component]
pub fn PartnerPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    view! {
        <Page title="Partner" trail=TRAIL>
            <p>"Partner " <code>{id}</code></p>
            <NotBuiltYet what="Partner details and Remove roles are on their way." />
        </Page>
    }
}
