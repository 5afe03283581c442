use leptos::prelude::*;

use crate::components::page::{Crumb, NotBuiltYet, Page};
#[allow(unused_imports)]
use crate::routes;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Settings",
    href: None,
}];

#[component]
pub fn DataPage() -> impl IntoView {
    view! {
        <Page title="Data" trail=TRAIL>
            <NotBuiltYet what="Export, import and reset of your data are on their way." />
        </Page>
    }
}
