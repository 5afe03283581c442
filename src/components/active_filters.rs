//! The filters in force above a filtered list, each named with its value,
//! and "Clear filters": a filter that came from a link is as visible as one
//! chosen on the page, so rows never go missing without a word.

use domain::views::FilterInForce;
use leptos::prelude::*;

/// Shows nothing while no filter is in force.
#[component]
pub fn ActiveFilters(
    #[prop(into)] filters: Signal<Vec<FilterInForce>>,
    on_clear: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || filters.with(|f| !f.is_empty())>
            <div class="active-filters" data-testid="active-filters">
                <span class="active-filters__title" id="active-filters-title">"Filtered by"</span>
                <ul class="active-filters__list" aria-labelledby="active-filters-title">
                    {move || filters.get().into_iter().map(|f| view! {
                        <li class="active-filters__item">
                            <span class="active-filters__name">{f.name}": "</span>
                            <strong>{f.value}</strong>
                        </li>
                    }).collect_view()}
                </ul>
                <button type="button" class="button" on:click=move |_| on_clear.run(())>"Clear filters"</button>
            </div>
        </Show>
    }
}
