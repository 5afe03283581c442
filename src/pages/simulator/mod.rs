//! Demo only: the partner simulator stands in for a partner and sends
//! invitations of every kind, so each flow can be tried without one. The
//! domain checks what is sent; its refusals appear next to the field.

mod fieldsets;
mod form;

use domain::sort;
use domain::{Command, Event, Partner};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::page::{Crumb, Page};
use crate::components::toast::use_toasts;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::{use_store, ActionError};
use fieldsets::{GranularFieldset, KindFieldset, PartnerFieldset};
use form::{Field, Kind, SimulatorForm};

const TRAIL: &[Crumb] = &[Crumb {
    label: "Demo",
    href: None,
}];

/// A partner id from a typed name: lower-case words joined by dashes,
/// made unique among the partners already known.
fn new_partner_id(name: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut slug = String::new();
    for c in name.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let base: String = slug.trim_end_matches('-').chars().take(48).collect();
    let base = if base.is_empty() {
        "partner".to_string()
    } else {
        base
    };
    (1..)
        .map(|n| {
            if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            }
        })
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The simulator, or on a server where people sign in (which refuses
/// invented invitations) a page that says it is off.
#[component]
pub fn SimulatorOrOff() -> impl IntoView {
    if crate::session::current().is_some() {
        view! {
            <Page title="Partner simulator" trail=TRAIL>
                <div class="notice notice--info" role="note">
                    <p>"The partner simulator is a demo tool, so it is off on a server where people sign in. Invitations come from your partners."</p>
                </div>
            </Page>
        }
        .into_any()
    } else {
        view! { <SimulatorPage /> }.into_any()
    }
}

#[component]
pub fn SimulatorPage() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();

    let partners = Memo::new(move |_| {
        store.with(|s| {
            let mut list: Vec<(String, String)> = s
                .partners
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
            sort::sort_by_key(&mut list, |p| p.1.to_lowercase());
            list
        })
    });
    let form = SimulatorForm::from_draft(|id| untrack(|| store.with(|s| s.partner(id).is_some())));
    form.keep_draft();
    let issued = RwSignal::new(None::<(String, String)>);

    // The partner the invitation comes from: a new one (its id made from
    // the name) or the one chosen, else the first in the list.
    let partner = move || -> Option<Partner> {
        if form.use_new.get_untracked() {
            let name = form.new_name.get_untracked();
            let id =
                untrack(|| store.with(|s| new_partner_id(&name, |id| s.partner(id).is_some())));
            return Some(Partner {
                contact_email: form.new_email.get_untracked().trim().to_string(),
                ..Partner::new(id, name.trim())
            });
        }
        let chosen = form.existing.get_untracked();
        let id = if chosen.is_empty() {
            partners.with_untracked(|p| p.first().map(|p| p.0.clone()))?
        } else {
            chosen
        };
        untrack(|| store.with(|s| s.partner(&id).cloned()))
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        issued.set(None);
        let Some(partner) = partner() else {
            form.refuse(
                Field::Partner,
                "Choose a partner, or create a new one.".to_string(),
            );
            return;
        };
        let request = match form.request() {
            Ok(request) => request,
            Err((field, message)) => return form.refuse(field, message),
        };
        let name = partner.name.clone();
        let command = Command::IssueInvitation {
            invitation_id: None,
            partner,
            relationship_types: request.relationship_types,
            legacy_roles: request.legacy_roles,
            granular: request.granular,
        };
        leptos::task::spawn_local(async move {
            match store.execute(command, signed_in.0.get_untracked()).await {
                Ok(events) => {
                    form.clear_refusal();
                    let id = events.iter().find_map(|e| match e {
                        Event::InvitationIssued { invitation, .. } => Some(invitation.id.clone()),
                        _ => None,
                    });
                    if let Some(id) = id {
                        toasts.success(format!("Invitation sent from {name}."));
                        issued.set(Some((id, name)));
                    }
                }
                Err(ActionError::Refused(e)) => form.refuse(Field::of(&e), e.to_string()),
                Err(e) => form.refuse(Field::Form, e.to_string()),
            }
        });
    };

    view! {
        <Page title="Partner simulator" trail=TRAIL>
            <div class="notice notice--warning inv-demo-banner" role="note" aria-label="Demo only">
                <p>
                    <strong>"Demo only. "</strong>
                    "This page plays the partner's side: it sends your organization an invitation, as a partner's email would. No email is sent: the invitation appears in Invitations."
                </p>
            </div>

            {move || issued.get().map(|(id, name)| view! {
                <div class="notice notice--success" data-testid="issued">
                    <p>
                        <strong>"Invitation sent. "</strong>
                        {name} " has invited your organization. "
                        <A href=href(&routes::invitation(&id))>"Open the invitation"</A>
                        " (" <code>{routes::invitation(&id)}</code> ") or see it in "
                        <A href=href(routes::INVITATIONS)>"Invitations"</A> "."
                    </p>
                </div>
            })}

            {move || form.error_for(Field::Form).map(|m| view! {
                <div class="notice notice--error" role="alert"><p>{m}</p></div>
            })}

            <form class="inv-sim-form inv-card" novalidate on:submit=submit>
                <PartnerFieldset form partners />
                <KindFieldset form />
                <Show when=move || form.kind.get() == Kind::Granular>
                    <GranularFieldset form />
                </Show>
                <div class="inv-actions">
                    <button type="submit" class="button button--primary">"Send invitation"</button>
                </div>
            </form>
        </Page>
    }
}
