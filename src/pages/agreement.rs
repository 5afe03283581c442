//! "Review and accept" the Microsoft Customer Agreement for a partner you
//! already work with. Purchases through it stay blocked until then.

use domain::Command;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::acknowledgement::{Acknowledgement, AcknowledgementBox};
use crate::components::agreement_link::AgreementLink;
use crate::components::page::{Crumb, Page};
use crate::components::toast::use_toasts;
use crate::components::url_query::use_last_path_segment;
use crate::components::url_query::Navigator;
use crate::pages::invitation::highlighted_partner_list;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Partner relationships",
    href: Some(routes::RELATIONSHIPS),
}];

/// What the page knows about the partner named in the link.
#[derive(Clone, PartialEq)]
enum Subject {
    Unknown,
    Signed {
        id: String,
        name: String,
        on: String,
    },
    ToSign {
        id: String,
        name: String,
        purchase_blocked: bool,
    },
}

#[component]
pub fn AgreementPage() -> impl IntoView {
    let store = use_store();
    let raw_id = use_last_path_segment();
    let subject = Memo::new(move |_| {
        raw_id.with(|id| {
            store.with(|s| match s.partner(id) {
                None => Subject::Unknown,
                Some(p) => match p.agreement.signed_date_time() {
                    Some(on) => Subject::Signed {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        on: on.date_string(),
                    },
                    None => Subject::ToSign {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        purchase_blocked: s.purchase_blocked(&p.id),
                    },
                },
            })
        })
    });
    let title = Signal::derive(move || {
        match subject.with(|s| matches!(s, Subject::Unknown)) {
            true => "Partner not found",
            false => "Review and accept the Microsoft Customer Agreement",
        }
        .to_string()
    });

    view! {
        <Page title=title trail=TRAIL>
            {move || match subject.get() {
                Subject::Unknown => view! {
                    <section class="notice notice--error inv-outcome" data-testid="agreement-outcome">
                        <p>
                            "There is no partner “" <code>{raw_id.get_untracked()}</code>
                            "” among the partners you work with, so there is no agreement to accept for it."
                        </p>
                        <p>
                            "What to do: open the link again from the partner's email, or pick the partner in "
                            <A href=href(routes::RELATIONSHIPS)>"Partner relationships"</A> "."
                        </p>
                    </section>
                }
                .into_any(),
                Subject::Signed { id, name, on } => view! {
                    <section class="notice notice--success inv-outcome" data-testid="agreement-outcome">
                        <p>"You accepted the Microsoft Customer Agreement for " {name.clone()} " on " {on} ". Nothing more is needed."</p>
                        <p>
                            "What to do: see " <A href=href(&routes::partner(&id))>{name}"'s partner page"</A>
                            ", or go back to " <A href=href(routes::RELATIONSHIPS)>"Partner relationships"</A> "."
                        </p>
                    </section>
                }
                .into_any(),
                Subject::ToSign { id, name, purchase_blocked } => {
                    view! { <AgreementForm id=id name=name purchase_blocked=purchase_blocked /> }.into_any()
                }
            }}
        </Page>
    }
}

#[component]
fn AgreementForm(id: String, name: String, purchase_blocked: bool) -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();
    let navigator = Navigator::new();
    let failure = RwSignal::new(None::<String>);
    let path = routes::agreement(&id);
    let ids = StoredValue::new((id.clone(), name.clone()));
    let acknowledged = Acknowledgement::from_url(path.clone());
    let refusal = Memo::new(move |_| {
        let persona = signed_in.get();
        let command = Command::AcceptCustomerAgreement {
            partner_id: ids.with_value(|i| i.0.clone()),
            acknowledged: true,
        };
        store.with(|s| s.decide(&command, persona, s.now).err())
    });
    let accept = move |_| {
        let (partner_id, name) = ids.get_value();
        let command = Command::AcceptCustomerAgreement {
            partner_id: partner_id.clone(),
            acknowledged: acknowledged.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match store.execute(command, signed_in.0.get_untracked()).await {
                Ok(_) => {
                    toasts.success(format!(
                    "Agreement accepted: {name} can now buy for you and manage your subscriptions."
                ));
                    navigator.push(&highlighted_partner_list(&partner_id));
                }
                Err(error) => failure.set(Some(error.to_string())),
            }
        });
    };

    view! {
        <p class="lead">
            "You work with " {name.clone()}
            " but haven't accepted the Microsoft Customer Agreement for it yet. You must accept it before the partner can make purchases or manage your subscriptions on your behalf."
        </p>
        {purchase_blocked.then(|| view! {
            <div class="notice notice--warning" data-testid="purchase-blocked">
                <p><strong>"Purchases blocked. "</strong>"Nothing can be bought through " {name.clone()} " until the agreement is accepted."</p>
            </div>
        })}
        <section class="inv-card" aria-labelledby="agreement-answer">
            <h2 id="agreement-answer">"Review and accept"</h2>
            <p>"Read the " <AgreementLink path=path.clone() /> "."</p>
            {move || match refusal.get() {
                None => view! {
                    <AcknowledgementBox id="agreement-ack" acknowledgement=acknowledged />
                    <p id="agreement-hint" class="inv-muted">
                        {move || if acknowledged.get() { "Ready to accept." } else { "Check the box to enable Accept." }}
                    </p>
                    <div class="inv-actions">
                        <button
                            type="button"
                            class="button button--primary"
                            data-testid="accept-agreement"
                            aria-describedby="agreement-hint"
                            disabled=move || !acknowledged.get()
                            on:click=accept
                        >
                            "Accept"
                        </button>
                        <A href=href(routes::RELATIONSHIPS) attr:class="button">"Not now"</A>
                    </div>
                }
                .into_any(),
                Some(reason) => view! {
                    <div class="notice notice--warning" data-testid="accept-refusal">
                        <p><strong>"You can't accept the agreement. "</strong>{reason.to_string()}</p>
                    </div>
                }
                .into_any(),
            }}
            {move || failure.get().map(|message| view! {
                <div class="notice notice--error" role="alert"><p>{message}</p></div>
            })}
        </section>
    }
}
