use leptos::prelude::*;

use crate::components::page::{Crumb, NotBuiltYet, Page};
#[allow(unused_imports)]
use crate::routes;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Find a partner",
    href: Some(routes::FIND_PARTNER),
}];

#[component]
pub fn RequestsPage() -> impl IntoView {
    view! {
        <Page title="Requests sent" trail=TRAIL>
            <NotBuiltYet what="Contact requests you sent will be listed here." />
        </Page>
    }
}
