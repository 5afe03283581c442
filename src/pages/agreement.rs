use leptos::prelude::*;

use crate::components::page::{Crumb, NotBuiltYet, Page};
#[allow(unused_imports)]
use crate::routes;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Partner relationships",
    href: Some(routes::RELATIONSHIPS),
}];

#[component]
pub fn AgreementPage() -> impl IntoView {
    view! {
        <Page title="Review and accept" trail=TRAIL>
            <NotBuiltYet what="Reviewing and accepting the Microsoft Customer Agreement is on its way." />
        </Page>
    }
}
