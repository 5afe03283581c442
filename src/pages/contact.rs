use leptos::prelude::*;

use crate::components::page::{Crumb, NotBuiltYet, Page};
#[allow(unused_imports)]
use crate::routes;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Find a partner",
    href: Some(routes::FIND_PARTNER),
}];

#[component]
pub fn ContactPage() -> impl IntoView {
    view! {
        <Page title="Contact partners" trail=TRAIL>
            <NotBuiltYet what="The contact form is on its way." />
        </Page>
    }
}
