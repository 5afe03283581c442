use leptos::prelude::*;

use crate::components::page::{NotBuiltYet, Page};

#[component]
pub fn FindPartnerPage() -> impl IntoView {
    view! {
        <Page title="Find a partner">
            <NotBuiltYet what="The partner directory with its filters, Contact me and Contact selected providers is on its way." />
        </Page>
    }
}
