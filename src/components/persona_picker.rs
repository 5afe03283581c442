//! The demo sign-in: choose which persona is signed in.

use domain::Persona;
use leptos::prelude::*;

use crate::persona_store::use_signed_in;

#[component]
pub fn PersonaPicker() -> impl IntoView {
    let signed_in = use_signed_in();
    let on_change = move |ev| {
        // Unknown values cannot come from our own options; ignore them anyway.
        if let Some(p) = Persona::from_id(&event_target_value(&ev)) {
            signed_in.0.set(p);
        }
    };
    view! {
        <div class="persona">
            <span class="persona__avatar" aria-hidden="true">
                {move || initials(signed_in.get())}
            </span>
            <div class="persona__text">
                <span class="persona__caption" id="persona-caption">"Signed in as"</span>
                <span class="persona__name" data-testid="signed-in-persona">
                    {move || signed_in.get().label()}
                </span>
            </div>
            <label class="persona__label" for="persona-select">"Switch persona"</label>
            <select id="persona-select" class="persona__select" on:change=on_change>
                {Persona::ALL
                    .into_iter()
                    .map(|p| {
                        view! {
                            <option value=p.id() selected=move || signed_in.get() == p>
                                {p.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

fn initials(p: Persona) -> &'static str {
    match p {
        Persona::GlobalAdministrator => "GA",
        Persona::BillingAdministrator => "BA",
        Persona::HelpdeskAdministrator => "HA",
        Persona::User => "U",
        Persona::PartnerOnBehalf => "PA",
    }
}
