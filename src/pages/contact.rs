//! The contact form ("Contact me" / "Contact selected providers"): who the
//! admin is and what they need, checked by the domain's `ContactForm`.
//!
//! The draft is kept in localStorage as typed, so a reload, a failed send
//! or a detour loses nothing; a successful send clears it.

use crate::components::url_query::use_query_map;
use domain::directory::Facet;
use domain::permissions::{self, Action, Subject};
use domain::{
    Command, ContactField, ContactForm, ContactRequest, DomainError, Event, FieldError,
    BUSINESS_NEEDS_MAX,
};
use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::filter_panel::group_digits;
use crate::components::focus::{focus_id, focus_node_after_render};
use crate::components::form_field::{FieldIds, FormField};
use crate::components::page::{Crumb, Page};
use crate::form_draft::{self, FormDraft};
use crate::pages::find_partner::directory::{directory_covering, FROM_CONTACT_ME, FROM_KEY};
use crate::pages::find_partner::use_selection;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::{use_store, ActionError};
use crate::web_storage;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Find a partner",
    href: Some(routes::FIND_PARTNER),
}];

/// Where the draft is kept between reloads.
pub const DRAFT_KEY: &str = "partner-console.contact-draft";

fn draft_key() -> String {
    form_draft::scoped(DRAFT_KEY)
}

/// The partners named by `?partners=`, and notices for the ones that
/// name no partner.
#[derive(Clone, Debug, PartialEq)]
struct Recipients {
    partners: Vec<(String, String)>,
    ignored: Vec<String>,
}

fn recipients(raw: Option<&str>) -> Recipients {
    let keys: Vec<&str> = raw
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|k| !k.is_empty())
        .take(ContactRequest::MAX_PARTNERS * 4)
        .collect();
    let directory = directory_covering(keys.iter().copied());
    let mut partners: Vec<(String, String)> = Vec::new();
    let mut ignored = Vec::new();
    for key in keys {
        match directory.find_key(key) {
            Some(listing) if !partners.iter().any(|(k, _)| *k == listing.key) => {
                partners.push((listing.key.clone(), listing.name))
            }
            Some(_) => {}
            None => ignored.push(format!(
                "The link names a partner the directory does not have (“{}”); it was left out.",
                key.chars().take(40).collect::<String>()
            )),
        }
    }
    Recipients { partners, ignored }
}

/// The saved draft; anything unreadable yields an empty form, never an error.
pub fn load_draft() -> ContactForm {
    let draft = FormDraft::load(web_storage::local(), &draft_key());
    let mut form = ContactForm::default();
    for field in ContactField::ALL {
        if let Some(v) = draft.get(field.name()) {
            *form.value_mut(field) = v;
        }
    }
    form
}

fn save_draft(form: &ContactForm) {
    if *form == ContactForm::default() {
        clear_draft();
        return;
    }
    let fields: Vec<(&str, &str)> = ContactField::ALL
        .iter()
        .map(|&field| (field.name(), form.value(field)))
        .collect();
    form_draft::save(web_storage::local(), &draft_key(), &fields);
}

fn clear_draft() {
    form_draft::clear(web_storage::local(), &draft_key());
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let selection = use_selection();
    let query_map = use_query_map();
    let to = Memo::new(move |_| query_map.with(|m| recipients(m.get_str("partners"))));
    let can_contact = move || permissions::allows(signed_in.get(), Action::ContactPartners);
    let from_contact_me = move || {
        query_map.with(|m| m.get_str(FROM_KEY) == Some(FROM_CONTACT_ME))
            && to.with(|r| r.partners.len() == 1)
    };

    let form = RwSignal::new(load_draft());
    // Syncs the draft to storage as it is typed.
    Effect::new(move |_| form.with(save_draft));
    let submitted = RwSignal::new(false);
    let errors = Memo::new(move |_| {
        if submitted.get() {
            form.with(|f| f.validate().err().unwrap_or_default())
        } else {
            Vec::<FieldError>::new()
        }
    });
    let send_error = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<ContactRequest>);
    let summary_ref = NodeRef::<html::Div>::new();
    let confirmation_ref = NodeRef::<html::Section>::new();

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        send_error.set(None);
        if form.with_untracked(|f| f.validate().is_err()) {
            focus_node_after_render(summary_ref);
            return;
        }
        let partner_ids: Vec<String> =
            to.with_untracked(|r| r.partners.iter().map(|(k, _)| k.clone()).collect());
        let command = Command::SendContactRequest {
            partner_ids: partner_ids.clone(),
            form: form.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match store.execute(command, signed_in.0.get_untracked()).await {
                Ok(events) => {
                    let request = events.into_iter().find_map(|e| match e {
                        Event::ContactRequestSent { request, .. } => Some(request),
                        _ => None,
                    });
                    clear_draft();
                    selection.remove_all(&partner_ids);
                    form.set(ContactForm::default());
                    submitted.set(false);
                    sent.set(request);
                    // Said once: the confirmation below, which takes focus,
                    // and no toast repeating it.
                    focus_node_after_render(confirmation_ref);
                }
                Err(ActionError::Refused(DomainError::InvalidContactRequest { .. })) => {
                    // The form's own check agreed a moment ago; show what the
                    // engine said field by field.
                    focus_node_after_render(summary_ref);
                }
                Err(error) => {
                    let message =
                        format!("Your request was not sent. {error} Your answers are kept.");
                    // Said once, beside the form (an alert), not also in a toast.
                    send_error.set(Some(message));
                }
            }
        });
    };

    let error_of = move |field: ContactField| -> Option<String> {
        errors.with(|list| {
            list.iter()
                .find(|e| e.field == field)
                .map(|e| e.message.clone())
        })
    };

    let text_field = move |field: ContactField, kind: &'static str, autocomplete: &'static str| {
        let ids = FieldIds { id: field.id() };
        view! {
            <FormField ids=ids label=field.label() required=field.is_required() error=Signal::derive(move || error_of(field))>
                <input
                    id=field.id()
                    name=field.name()
                    type=kind
                    autocomplete=autocomplete
                    aria-required=field.is_required().then_some("true")
                    aria-invalid=move || error_of(field).is_some().then_some("true")
                    aria-describedby=move || ids.described_by(error_of(field).is_some(), false)
                    prop:value=move || form.with(|f| f.value(field).to_string())
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| *f.value_mut(field) = v);
                    }
                />
            </FormField>
        }
    };
    let select_field = move |field: ContactField, facet: Facet, placeholder: &'static str| {
        let ids = FieldIds { id: field.id() };
        view! {
            <FormField ids=ids label=field.label() required=field.is_required() error=Signal::derive(move || error_of(field))>
                <select
                    id=field.id()
                    name=field.name()
                    aria-required="true"
                    aria-invalid=move || error_of(field).is_some().then_some("true")
                    aria-describedby=move || ids.described_by(error_of(field).is_some(), false)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        form.update(|f| *f.value_mut(field) = v);
                    }
                >
                    <option value="" prop:selected=move || form.with(|f| f.value(field).is_empty())>{placeholder}</option>
                    {facet
                        .labels()
                        .iter()
                        .map(|label| {
                            let label = *label;
                            view! {
                                <option value=label prop:selected=move || form.with(|f| f.value(field) == label)>
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </FormField>
        }
    };

    let needs_ids = FieldIds {
        id: ContactField::BusinessNeeds.id(),
    };
    let needs_count = move || form.with(|f| f.business_needs.trim().chars().count());
    let needs_hint = Signal::derive(move || {
        format!(
            "{} of {} characters",
            group_digits(needs_count()),
            group_digits(BUSINESS_NEEDS_MAX)
        )
    });

    let form_view = move || {
        view! {
            <form class="contact-form" novalidate=true on:submit=on_submit aria-labelledby="contact-form-title">
                <h2 class="visually-hidden" id="contact-form-title">"Your details"</h2>
                <Show when=move || errors.with(|e| !e.is_empty())>
                    <div
                        class="notice error-summary"
                        id="contact-error-summary"
                        role="alert"
                        tabindex="-1"
                        node_ref=summary_ref
                        aria-labelledby="contact-error-summary-title"
                    >
                        <h2 id="contact-error-summary-title">
                            {move || match errors.with(Vec::len) {
                                1 => "There is 1 problem to fix".to_string(),
                                n => format!("There are {n} problems to fix"),
                            }}
                        </h2>
                        <ul>
                            {move || errors.get().into_iter().map(|e| {
                                let id = e.field.id();
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |ev| {
                                                ev.prevent_default();
                                                focus_id(id);
                                            }
                                        >
                                            {e.message}
                                        </a>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                </Show>
                <p class="form-field__hint">"Fields marked * are required."</p>
                <fieldset>
                    <legend>"Your location"</legend>
                    <div class="form-grid">
                        {select_field(ContactField::Country, Facet::Country, "Select a country/region")}
                        {text_field(ContactField::City, "text", "address-level2")}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>"Contact information"</legend>
                    <div class="form-grid">
                        {text_field(ContactField::FirstName, "text", "given-name")}
                        {text_field(ContactField::LastName, "text", "family-name")}
                        {text_field(ContactField::Email, "email", "email")}
                        {text_field(ContactField::Phone, "tel", "tel")}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>"Your organization"</legend>
                    <div class="form-grid">
                        {select_field(ContactField::OrganizationSize, Facet::Size, "Select a size")}
                        {text_field(ContactField::OrganizationName, "text", "organization")}
                        {select_field(ContactField::Industry, Facet::Industry, "Select an industry")}
                    </div>
                </fieldset>
                <fieldset>
                    <legend>"Business needs"</legend>
                    <div class="form-grid form-grid--one">
                        <FormField
                            ids=needs_ids
                            label=ContactField::BusinessNeeds.label()
                            required=true
                            error=Signal::derive(move || error_of(ContactField::BusinessNeeds))
                            hint=needs_hint
                        >
                            <textarea
                                id=needs_ids.id
                                name="businessNeeds"
                                rows="6"
                                aria-required="true"
                                aria-invalid=move || error_of(ContactField::BusinessNeeds).is_some().then_some("true")
                                aria-describedby=move || needs_ids.described_by(error_of(ContactField::BusinessNeeds).is_some(), true)
                                prop:value=move || form.with(|f| f.business_needs.clone())
                                on:input=move |ev| {
                                    let v = event_target_value(&ev);
                                    form.update(|f| f.business_needs = v);
                                }
                            ></textarea>
                        </FormField>
                    </div>
                </fieldset>
                {move || send_error.get().map(|m| view! { <div class="notice notice--error" role="alert"><p>{m}</p></div> })}
                <div class="form-actions">
                    {move || if can_contact() {
                        // The seeds' last button: "Contact me" for one partner,
                        // "Send" after "Contact selected providers".
                        let label = ContactRequest::send_label(from_contact_me());
                        view! { <button type="submit" class="button button--primary">{label}</button> }.into_any()
                    } else {
                        view! { <p class="form-field__hint">"Sending needs a Billing Administrator or Global Administrator."</p> }.into_any()
                    }}
                    <A href=href(routes::FIND_PARTNER) attr:class="button">"Back to Find a partner"</A>
                </div>
            </form>
        }
    };

    view! {
        <Page title="Contact partners" trail=TRAIL>
            <div class="contact">
                {move || signed_in.page_notice(Subject::Directory, &[Action::ContactPartners]).map(|text| view! {
                    <div class="notice notice--warning" role="note"><p>{text}</p></div>
                })}
                {move || {
                    let ignored = to.with(|r| r.ignored.clone());
                    (!ignored.is_empty()).then(|| view! {
                        <section class="notice notice--warning" aria-label="Ignored partner ids" data-testid="contact-notices">
                            <ul>{ignored.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
                        </section>
                    })
                }}
                {move || match sent.get() {
                    Some(request) => {
                        let n = request.partner_ids.len();
                        let who = if n == 1 { "1 partner".to_string() } else { format!("{n} partners") };
                        view! {
                            <section
                                class="notice notice--success confirmation"
                                tabindex="-1"
                                node_ref=confirmation_ref
                                aria-labelledby="confirmation-title"
                                data-testid="confirmation"
                            >
                                <h2 id="confirmation-title">"Your request was sent"</h2>
                                <p>{format!(
                                    "We sent your business needs to {who}. They will contact you at {} to tell you more about how they can help.",
                                    request.details.email()
                                )}</p>
                                <div class="confirmation__actions">
                                    <A href=href(routes::REQUESTS) attr:class="button button--primary">"View requests sent"</A>
                                    <A href=href(routes::FIND_PARTNER) attr:class="button">"Find more partners"</A>
                                </div>
                            </section>
                        }.into_any()
                    }
                    None if to.with(|r| r.partners.is_empty()) => view! {
                        <div class="notice notice--info">
                            <p>
                                "No partner is selected. Choose one or more on "
                                <A href=href(routes::FIND_PARTNER)>"Find a partner"</A>
                                ", then select Contact me or Contact selected providers."
                            </p>
                        </div>
                    }.into_any(),
                    None => view! {
                        <section class="contact__partners" aria-labelledby="contact-to-title">
                            <h2 class="directory__h2" id="contact-to-title">
                                {move || match to.with(|r| r.partners.len()) {
                                    1 => "You're contacting 1 partner".to_string(),
                                    n => format!("You're contacting {n} partners"),
                                }}
                            </h2>
                            <ul data-testid="contact-recipients">
                                {move || to.get().partners.into_iter().map(|(_, name)| view! { <li>{name}</li> }).collect_view()}
                            </ul>
                        </section>
                        {form_view()}
                    }.into_any(),
                }}
            </div>
        </Page>
    }
}
