//! One result of the directory: who the partner is, what it serves, and
//! the actions on it.

use domain::directory::{FacetValue, Listing};
use leptos::prelude::*;
use leptos_router::components::A;

use super::directory::contact_me_href;
use super::Selection;
use crate::base_path::href;

#[component]
pub fn PartnerRow(
    listing: Option<Listing>,
    selection: Selection,
    #[prop(into)] can_contact: Signal<bool>,
    on_details: Callback<()>,
) -> impl IntoView {
    let Some(listing) = listing else {
        return ().into_any();
    };
    let key = listing.key.clone();
    let checkbox_id = format!("select-{key}");
    let name = listing.name.clone();
    let toggle_key = key.clone();
    let checked_key = key.clone();
    let contact_link = href(&contact_me_href(&key));
    let contact_name = format!(" ({})", listing.name);
    view! {
        <article class="partner-row" data-key=key.clone()>
            <Show when=move || can_contact.get()>
                <div class="partner-row__select">
                    <input
                        type="checkbox"
                        id=checkbox_id.clone()
                        aria-label=format!("Select {name}")
                        prop:checked={
                            let k = checked_key.clone();
                            move || selection.contains(&k)
                        }
                        on:change={
                            let k = toggle_key.clone();
                            move |_| selection.toggle(&k)
                        }
                    />
                </div>
            </Show>
            <div class="partner-row__body">
                <h3 class="partner-row__name">{listing.name.clone()}</h3>
                <p class="partner-row__location">{listing.location()}</p>
                // Types first and on a line of their own that may wrap: they
                // are what admins compare, and were cut off sharing a line.
                <p class="partner-row__line partner-row__line--types">
                    <span class="partner-row__label">"Types "</span>
                    {FacetValue::list(&listing.partner_types)}
                </p>
                <p class="partner-row__line">
                    <span class="partner-row__label">"Serves "</span>
                    {FacetValue::list(&listing.sizes)}
                </p>
                <p class="partner-row__line">
                    <span class="partner-row__label">"Industries "</span>
                    {FacetValue::list(&listing.industries)}
                </p>
                <p class="partner-row__line">
                    <span class="partner-row__label">"Designations "</span>
                    {FacetValue::list(&listing.designations)}
                </p>
            </div>
            <div class="partner-row__actions">
                <button type="button" class="button button--subtle" on:click=move |_| on_details.run(())>
                    "Details"<span class="visually-hidden">{format!(" of {}", listing.name)}</span>
                </button>
                {move || {
                    let (link, name) = (contact_link.clone(), contact_name.clone());
                    can_contact.get().then(move || view! {
                        <A href=link attr:class="button">
                            "Contact me"<span class="visually-hidden">{name}</span>
                        </A>
                    })
                }}
            </div>
        </article>
    }
    .into_any()
}
