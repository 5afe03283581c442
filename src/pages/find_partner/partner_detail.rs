//! A partner's details in a modal dialog: everything the row had no room
//! for. Opened from the row's "Details" button (keyboard or pointer); Esc
//! or "Close" returns focus to that button.

use domain::directory::{FacetValue, Listing};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use super::directory::contact_me_href;
use super::Selection;
use crate::base_path::href;
use crate::components::safe_link::SafeLink;

#[component]
pub fn PartnerDetail(
    open: RwSignal<Option<u32>>,
    #[prop(into)] listing: Signal<Option<Listing>>,
    selection: Selection,
    #[prop(into)] can_contact: Signal<bool>,
) -> impl IntoView {
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);

    // Syncs the native dialog with the signal.
    Effect::new(move |_| {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if open.get().is_some() {
            if !dialog.open() {
                opener.set_value(active_element());
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });
    let on_close = move |_| {
        open.set(None);
        if let Some(el) = opener.get_value() {
            if el.is_connected() {
                let _ = el.focus();
            }
        }
    };

    let body = move || {
        listing.get().map(|l| {
            let key = l.key.clone();
            let select_key = key.clone();
            let checked_key = key.clone();
            let website = l.website.clone();
            let email = l.email.clone();
            view! {
                <h2 class="dialog__title" id="partner-detail-title">{l.name.clone()}</h2>
                <div class="dialog__body partner-detail">
                    <p>{l.description.clone()}</p>
                    <dl class="partner-detail__facts">
                        <dt>"Location"</dt><dd>{l.location()}</dd>
                        <dt>"Organization sizes served"</dt><dd>{FacetValue::list(&l.sizes)}</dd>
                        <dt>"Industry focus"</dt><dd>{FacetValue::list(&l.industries)}</dd>
                        <dt>"Products"</dt><dd>{FacetValue::list(&l.products)}</dd>
                        <dt>"Services"</dt><dd>{FacetValue::list(&l.services)}</dd>
                        <dt>"Partner type"</dt><dd>{FacetValue::list(&l.partner_types)}</dd>
                        <dt>"Designations"</dt><dd>{FacetValue::list(&l.designations)}</dd>
                        <dt>"Website"</dt><dd><SafeLink href=website.clone() text=website /></dd>
                        <dt>"Email"</dt><dd><SafeLink href=format!("mailto:{email}") text=email /></dd>
                        <dt>"Phone"</dt><dd>{l.phone.clone()}</dd>
                    </dl>
                </div>
                <div class="dialog__actions">
                    <Show when=move || can_contact.get()>
                        <A href=href(&contact_me_href(&key)) attr:class="button button--primary">
                            "Contact me"
                        </A>
                        // A checkbox, not a pressed button labelled as a state:
                        // its tick says whether the partner is selected.
                        <label class="partner-detail__select">
                            <input
                                type="checkbox"
                                prop:checked={
                                    let k = checked_key.clone();
                                    move || selection.contains(&k)
                                }
                                on:change={
                                    let k = select_key.clone();
                                    move |_| selection.toggle(&k)
                                }
                            />
                            " Select for Contact selected providers"
                        </label>
                    </Show>
                    <button type="button" class="button" on:click=move |_| open.set(None)>
                        "Close"
                    </button>
                </div>
            }
        })
    };

    view! {
        <dialog
            node_ref=dialog_ref
            id="partner-detail"
            class="dialog dialog--wide"
            aria-labelledby="partner-detail-title"
            on:close=on_close
        >
            {body}
        </dialog>
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}
