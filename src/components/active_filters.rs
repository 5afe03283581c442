//! "Filtered by": the filters in force on a list, as chips, with a link
//! that clears them. A filter that came from a link is as visible as one
//! chosen here, so a list never hides entries without saying why.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;

/// One chip per (label, value) pair, e.g. ("Partner", "Contoso"); nothing
/// at all when `filters` is empty. `clear_href` is the list without them.
#[component]
pub fn ActiveFilters(
    #[prop(into)] filters: Signal<Vec<(String, String)>>,
    #[prop(into)] clear_href: Signal<String>,
) -> impl IntoView {
    view! {
        <Show when=move || filters.with(|f| !f.is_empty())>
            <div class="active-filters" data-testid="active-filters">
                <span class="active-filters__title" id="active-filters-title">"Filtered by"</span>
                <ul class="active-filters__list" aria-labelledby="active-filters-title">
                    {move || filters.get().into_iter().map(|(label, value)| view! {
                        <li class="active-filters__chip">
                            <span class="active-filters__label">{format!("{label}:")}</span>
                            " "
                            <span class="active-filters__value">{value}</span>
                        </li>
                    }).collect_view()}
                </ul>
                <A href=move || href(&clear_href.get()) attr:class="active-filters__clear">"Clear filters"</A>
            </div>
        </Show>
    }
}
