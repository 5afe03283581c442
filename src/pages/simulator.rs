use leptos::prelude::*;

use crate::components::page::{Crumb, NotBuiltYet, Page};
#[allow(unused_imports)]
use crate::routes;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Demo",
    href: None,
}];

#[component]
pub fn SimulatorPage() -> impl IntoView {
    view! {
        <Page title="Partner simulator" trail=TRAIL>
            <NotBuiltYet what="The demo partner simulator is on its way." />
        </Page>
    }
}
