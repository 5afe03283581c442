//! The simulator form's three parts: who the partner is, what kind of
//! invitation it sends, and, for granular access, the relationship's name,
//! duration, auto-extend and roles.

use domain::roles::{CATALOGUE, PRIVILEGED_LABEL, PRIVILEGED_MEANING};
use leptos::prelude::*;

use crate::components::privileged_badge::PrivilegedBadge;

use super::form::{Field, Kind, SimulatorForm};

/// A field's error, announced when it appears.
#[component]
fn FieldError(form: SimulatorForm, field: Field, id: &'static str) -> impl IntoView {
    view! {
        <p id=id class="inv-field-error" role="status">
            {move || form.error_for(field)}
        </p>
    }
}

/// A partner already known (by name, from a list) or a new one (typed).
#[component]
pub fn PartnerFieldset(
    form: SimulatorForm,
    partners: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let use_new = form.use_new;
    view! {
        <fieldset class="inv-fieldset">
            <legend>"Partner"</legend>
            <div class="inv-check">
                <input type="radio" id="sim-partner-existing" name="sim-partner-kind"
                    prop:checked=move || !use_new.get() on:change=move |_| use_new.set(false) />
                <label for="sim-partner-existing">"A partner you already know"</label>
            </div>
            <div class="inv-check">
                <input type="radio" id="sim-partner-new" name="sim-partner-kind"
                    prop:checked=move || use_new.get() on:change=move |_| use_new.set(true) />
                <label for="sim-partner-new">"A new partner"</label>
            </div>
            <Show
                when=move || use_new.get()
                fallback=move || view! {
                    <div class="inv-field">
                        <label for="sim-partner">"Partner"</label>
                        <select id="sim-partner"
                            aria-invalid=move || form.invalid(Field::Partner)
                            aria-describedby="sim-partner-error"
                            on:change:target=move |ev| form.existing.set(ev.target().value())>
                            <For each=move || partners.get() key=|p| p.0.clone() let:p>
                                <option value=p.0.clone() selected=move || form.existing.get() == p.0>{p.1.clone()}</option>
                            </For>
                        </select>
                        <FieldError form field=Field::Partner id="sim-partner-error" />
                    </div>
                }
            >
                <div class="inv-field">
                    <label for="sim-new-name">"Partner name"</label>
                    <input id="sim-new-name" type="text" autocomplete="organization"
                        prop:value=move || form.new_name.get()
                        on:input:target=move |ev| form.new_name.set(ev.target().value())
                        aria-invalid=move || form.invalid(Field::Partner)
                        aria-describedby="sim-partner-error" />
                    <FieldError form field=Field::Partner id="sim-partner-error" />
                </div>
                <div class="inv-field">
                    <label for="sim-new-email">"Partner email (optional)"</label>
                    <input id="sim-new-email" type="email" autocomplete="email"
                        prop:value=move || form.new_email.get()
                        on:input:target=move |ev| form.new_email.set(ev.target().value()) />
                </div>
            </Show>
        </fieldset>
    }
}

/// One radio button per kind of invitation.
#[component]
pub fn KindFieldset(form: SimulatorForm) -> impl IntoView {
    view! {
        <fieldset class="inv-fieldset">
            <legend>"What the partner asks for"</legend>
            {Kind::ALL
                .into_iter()
                .map(|k| {
                    let id = format!("sim-kind-{}", k.id());
                    view! {
                        <div class="inv-check">
                            <input type="radio" id=id.clone() name="sim-kind" value=k.id()
                                prop:checked=move || form.kind.get() == k
                                on:change=move |_| form.kind.set(k) />
                            <label for=id>{k.label()}</label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The relationship a granular invitation would create.
#[component]
pub fn GranularFieldset(form: SimulatorForm) -> impl IntoView {
    // The help always, and the error too while there is one.
    let duration_described_by = move || {
        if form.error_for(Field::Duration).is_some() {
            "sim-duration-help sim-duration-error"
        } else {
            "sim-duration-help"
        }
    };
    view! {
        <fieldset class="inv-fieldset">
            <legend>"GDAP relationship"</legend>
            <div class="inv-field">
                <label for="sim-display-name">"Relationship name"</label>
                <input id="sim-display-name" type="text"
                    prop:value=move || form.display_name.get()
                    on:input:target=move |ev| form.display_name.set(ev.target().value())
                    aria-invalid=move || form.invalid(Field::DisplayName)
                    aria-describedby="sim-display-name-error" />
                <FieldError form field=Field::DisplayName id="sim-display-name-error" />
            </div>
            <div class="inv-field">
                <label for="sim-duration">"Duration"</label>
                <input id="sim-duration" type="text" inputmode="text" spellcheck="false"
                    prop:value=move || form.duration.get()
                    on:input:target=move |ev| form.duration.set(ev.target().value())
                    aria-invalid=move || form.invalid(Field::Duration)
                    aria-describedby=duration_described_by />
                <p id="sim-duration-help" class="inv-muted">"ISO 8601, from P1D to P2Y (730 days): for example P90D, P6M or P1Y."</p>
                <FieldError form field=Field::Duration id="sim-duration-error" />
            </div>
            <div class="inv-field inv-field--check">
                <div class="inv-check">
                    <input id="sim-auto-extend" type="checkbox"
                        prop:checked=move || form.auto_extend.get()
                        on:change:target=move |ev| form.auto_extend.set(ev.target().checked())
                        aria-invalid=move || form.invalid(Field::AutoExtend)
                        aria-describedby="sim-auto-extend-error" />
                    <label for="sim-auto-extend">"Auto-extend by 180 days at the end"</label>
                </div>
                <FieldError form field=Field::AutoExtend id="sim-auto-extend-error" />
            </div>
            <RolePicker form />
        </fieldset>
    }
}

/// A checkbox for every role of the catalogue (over a hundred), with a
/// filter box, a count that says how many are shown and chosen, and the
/// privileged ones badged; the key above says what the badge means.
#[component]
fn RolePicker(form: SimulatorForm) -> impl IntoView {
    let roles = form.roles;
    let (query, set_query) = signal(String::new());
    let shown = move || query.with(|q| CATALOGUE.iter().filter(|r| r.matches(q)).count());
    let count = move || {
        let chosen = roles.with(Vec::len);
        format!(
            "Showing {} of {} roles; {chosen} chosen.",
            shown(),
            CATALOGUE.len()
        )
    };
    view! {
        <fieldset class="inv-fieldset inv-role-picker"
            aria-invalid=move || form.invalid(Field::Roles)
            aria-describedby="sim-roles-error">
            <legend>"Admin roles requested"</legend>
            <FieldError form field=Field::Roles id="sim-roles-error" />
            <p class="inv-role-key">
                <span class="priv-badge__label" aria-hidden="true">{PRIVILEGED_LABEL}</span>
                " " {PRIVILEGED_MEANING}
            </p>
            <div class="inv-field">
                <label for="sim-role-filter">"Filter roles"</label>
                <input id="sim-role-filter" type="search" autocomplete="off" spellcheck="false"
                    aria-describedby="sim-roles-count"
                    prop:value=move || query.get()
                    on:input:target=move |ev| set_query.set(ev.target().value())
                    // Enter here means "this is my search", not "send the invitation".
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default() } />
                <p id="sim-roles-count" class="inv-muted" role="status">{count}</p>
            </div>
            <div class="inv-role-grid">
                {CATALOGUE
                    .iter()
                    .map(|info| {
                        let role_id = info.id;
                        let input_id = format!("sim-role-{role_id}");
                        let meaning_id = info.privileged.then(|| format!("sim-role-{role_id}-meaning"));
                        let hidden = move || query.with(|q| !info.matches(q));
                        view! {
                            <div class="inv-check" hidden=hidden>
                                <input type="checkbox" id=input_id.clone()
                                    aria-describedby=meaning_id.clone()
                                    prop:checked=move || roles.with(|r| r.contains(&role_id))
                                    on:change:target=move |ev| {
                                        let on = ev.target().checked();
                                        roles.update(|r| {
                                            r.retain(|x| *x != role_id);
                                            if on {
                                                r.push(role_id);
                                            }
                                        });
                                    } />
                                <label for=input_id>{info.name}</label>
                                {meaning_id.map(|id| view! { <PrivilegedBadge meaning_id=id /> })}
                            </div>
                        }
                    })
                    .collect_view()}
            </div>
            <p class="inv-muted" hidden=move || shown() != 0>
                "No role matches “" {move || query.get()} "”. Try one word of its name, such as “Exchange”."
            </p>
        </fieldset>
    }
}
