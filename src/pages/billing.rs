use leptos::prelude::*;

use crate::components::page::{NotBuiltYet, Page};

#[component]
pub fn BillingPage() -> impl IntoView {
    view! {
        <Page title="Billing">
            <NotBuiltYet what="Purchase services, Your products, Licenses, Bills & payments and Billing notifications are on their way." />
        </Page>
    }
}
