use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;

use crate::components::page::Page;
use crate::routes;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <Page title="Page not found">
            <p>"There is no page at this address. It may have been moved, or the link may be mistyped."</p>
            <p><A href=href(routes::HOME) exact=true>"Go to Home"</A></p>
        </Page>
    }
}
