use leptos::prelude::*;

use crate::components::page::{Crumb, NotBuiltYet, Page};

const TRAIL: &[Crumb] = &[Crumb {
    label: "Settings",
    href: None,
}];

#[component]
pub fn RelationshipsPage() -> impl IntoView {
    view! {
        <Page title="Partner relationships" trail=TRAIL>
            <NotBuiltYet what="The partners you work with, their relationship types, admin roles and end dates will be listed here." />
        </Page>
    }
}
