//! "Accept agreement & authorize partner": the page an invitation's deep
//! link opens. Every refusal shown here is the domain's own answer.

use domain::views::{self, InvitationAvailability, InvitationLink, InvitationView};
use domain::{Command, DomainError};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::acknowledgement::{Acknowledgement, AcknowledgementBox};
use crate::components::agreement_link::AgreementLink;
use crate::components::dialog::{ConfirmDialog, ConfirmTone, DialogHandle};
use crate::components::page::{Crumb, Lead, Page};
use crate::components::safe_link::SafeLink;
use crate::components::toast::use_toasts;
use crate::components::url_query::use_last_path_segment;
use crate::components::url_query::Navigator;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;

mod sections;

use sections::{AskedFor, GranularAccess, PartnerFacts, RolesRequested};

const TRAIL: &[Crumb] = &[Crumb {
    label: "Invitations",
    href: Some(routes::INVITATIONS),
}];

/// Where to go after accepting: the partner list, the partner highlighted.
pub fn highlighted_partner_list(partner_id: &str) -> String {
    format!(
        "{}?highlight={}",
        routes::RELATIONSHIPS,
        routes::encode_segment(partner_id)
    )
}

#[component]
pub fn InvitationPage() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let raw_id = use_last_path_segment();
    let link = Memo::new(move |_| {
        let persona = signed_in.get();
        raw_id.with(|id| store.with(|s| views::invitation_link(s, id, persona, s.now)))
    });
    let title = Signal::derive(move || link.with(title_of).to_string());

    view! {
        <Page title=title trail=TRAIL>
            // The same for every invitation, so the served frame shows it
            // before the wasm has read which one this is.
            <Lead words=domain::console::INVITATION_HEAD.lead />
            {move || match link.get() {
                InvitationLink::Malformed => view! { <BrokenLink /> }.into_any(),
                InvitationLink::Unknown => view! { <UnknownInvitation id=raw_id.get_untracked() /> }.into_any(),
                InvitationLink::Found(view) => match view.availability {
                    InvitationAvailability::Open => view! { <OpenInvitation view=*view /> }.into_any(),
                    _ => view! { <ClosedInvitation view=*view /> }.into_any(),
                },
            }}
        </Page>
    }
}

fn title_of(link: &InvitationLink) -> &'static str {
    match link {
        InvitationLink::Malformed => "This invitation link is broken",
        InvitationLink::Unknown => "Invitation not found",
        InvitationLink::Found(view) => match view.availability {
            InvitationAvailability::Open => domain::console::ACCEPT_TITLE,
            InvitationAvailability::Expired => "This invitation has expired",
            InvitationAvailability::AlreadyAccepted => "This invitation has already been accepted",
            InvitationAvailability::Declined => "This invitation was cancelled",
        },
    }
}

#[component]
fn BrokenLink() -> impl IntoView {
    view! {
        <section class="notice notice--error inv-outcome" data-testid="invitation-outcome">
            <p>
                "The address you opened isn't a complete invitation link: part of it may have been cut off when it was copied, or it was changed."
            </p>
            <p>
                "What to do: open the link again straight from the partner's email, or find the invitation in "
                <A href=href(routes::INVITATIONS)>"Invitations"</A>"."
            </p>
        </section>
    }
}

#[component]
fn UnknownInvitation(id: String) -> impl IntoView {
    view! {
        <section class="notice notice--error inv-outcome" data-testid="invitation-outcome">
            <p>
                "There is no invitation “" <code>{id}</code>
                "” for your organization. It may have been sent to another organization, or the console's data was reset."
            </p>
            <p>
                "What to do: check that you are signed in to the right organization, look for it in "
                <A href=href(routes::INVITATIONS)>"Invitations"</A>
                ", or ask the partner to send the invitation again."
            </p>
        </section>
    }
}

/// Expired, already accepted or cancelled: what happened, and what next.
#[component]
fn ClosedInvitation(view: InvitationView) -> impl IntoView {
    let partner = view.partner.clone();
    let sent = view.invitation.created_date_time.date_string();
    let when = view
        .invitation
        .responded_date_time
        .unwrap_or(view.invitation.expires_date_time)
        .date_string();
    let contact = (!partner.contact_email.is_empty()).then(|| {
        let email = partner.contact_email.clone();
        view! {
            <p>
                "Contact " {partner.name.clone()} ": "
                <SafeLink href=format!("mailto:{email}") text=email.clone() />
            </p>
        }
    });
    let body = match view.availability {
        InvitationAvailability::Expired => view! {
            <p>
                {partner.name.clone()} " sent this invitation on " {sent} ". Invitations last 90 days, and this one expired on "
                {view.invitation.expires_date_time.date_string()} " without an answer, so it can no longer be accepted."
            </p>
            <p>
                "What to do: ask " {partner.name.clone()} " to send you a new invitation. Your other invitations are in "
                <A href=href(routes::INVITATIONS)>"Invitations"</A> "."
            </p>
        }
        .into_any(),
        InvitationAvailability::AlreadyAccepted => view! {
            <p>
                "This invitation from " {partner.name.clone()} " was accepted on " {when}
                ". Nothing more is needed: what it asked for is in place."
            </p>
            <p>
                "What to do: see what " {partner.name.clone()} " can do on "
                <A href=href(&routes::partner(&partner.id))>"its partner page"</A>
                ", or go to " <A href=href(routes::RELATIONSHIPS)>"Partner relationships"</A> "."
            </p>
        }
        .into_any(),
        _ => view! {
            <p>
                "This invitation from " {partner.name.clone()} " was cancelled on " {when}
                ". Nothing it asked for was granted."
            </p>
            <p>
                "What to do: if you change your mind, ask " {partner.name.clone()}
                " to send a new invitation. Your other invitations are in "
                <A href=href(routes::INVITATIONS)>"Invitations"</A> "."
            </p>
        }
        .into_any(),
    };
    let tone = match view.availability {
        InvitationAvailability::AlreadyAccepted => "notice notice--success inv-outcome",
        _ => "notice notice--warning inv-outcome",
    };
    view! {
        <section class=tone data-testid="invitation-outcome">
            {body}
            {contact}
        </section>
    }
}

/// The invitation can be answered: what is asked, the agreement, the box
/// and the two answers.
#[component]
fn OpenInvitation(view: InvitationView) -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();
    let navigator = Navigator::new();
    let decline_dialog = DialogHandle::new();
    let failure = RwSignal::new(None::<String>);

    let invitation_id = view.invitation.id.clone();
    let page_path = routes::invitation(&invitation_id);
    let partner = view.partner.clone();
    let agreement_only = view.invitation.is_agreement_only();
    let accept_label = if agreement_only {
        "Accept"
    } else {
        "Accept & Authorize"
    };

    let acknowledged = Acknowledgement::from_url(page_path.clone());
    let ids = StoredValue::new((
        invitation_id.clone(),
        partner.id.clone(),
        partner.name.clone(),
    ));

    // Ask the engine what would happen, as the signed-in persona: its
    // refusal, if any, is the reason shown instead of the button.
    let refusal_of = move |command: Command| {
        let persona = signed_in.get();
        store.with(|s| s.decide(&command, persona, s.now).err())
    };
    let accept_refusal = Memo::new(move |_| {
        refusal_of(Command::AcceptInvitation {
            invitation_id: ids.with_value(|i| i.0.clone()),
            agreement_acknowledged: true,
        })
    });
    let decline_refusal = Memo::new(move |_| {
        refusal_of(Command::DeclineInvitation {
            invitation_id: ids.with_value(|i| i.0.clone()),
        })
    });

    let accept = move |_| {
        let (invitation_id, partner_id, partner_name) = ids.get_value();
        let command = Command::AcceptInvitation {
            invitation_id,
            agreement_acknowledged: acknowledged.get_untracked(),
        };
        leptos::task::spawn_local(async move {
            match store.execute(command, signed_in.0.get_untracked()).await {
                Ok(_) => {
                    toasts.success(format!(
                        "Invitation accepted: {partner_name} is now one of your partners."
                    ));
                    navigator.push(&highlighted_partner_list(&partner_id));
                }
                Err(error) => failure.set(Some(error.to_string())),
            }
        });
    };
    let decline = Callback::new(move |_: ()| {
        let (invitation_id, _, partner_name) = ids.get_value();
        leptos::task::spawn_local(async move {
            match store
                .execute(
                    Command::DeclineInvitation { invitation_id },
                    signed_in.0.get_untracked(),
                )
                .await
            {
                Ok(_) => toasts.success(format!("Invitation from {partner_name} cancelled.")),
                Err(error) => failure.set(Some(error.to_string())),
            }
        });
    });

    let has_roles = !view.roles.is_empty();
    let partner_page = routes::partner(&partner.id);
    let top_partner_page = partner_page.clone();
    view! {
        <p data-testid="invitation-from">
            {partner.name.clone()}
            " invites your organization to work with it."
        </p>
        // A refusal is said where the eye lands first, and again by the answer.
        {move || accept_refusal.get().map(|reason| view! {
            <Refusal reason partner_page=top_partner_page.clone() testid="accept-refusal-top" />
        })}

        <PartnerFacts view=view.clone() />
        <AskedFor partner_name=partner.name.clone() types=view.invitation.relationship_types.clone() />
        {has_roles.then(|| view! {
            <RolesRequested roles=view.roles.clone() legacy_roles=view.invitation.legacy_roles />
        })}
        <GranularAccess view=view.clone() />

        <section class="inv-card" aria-labelledby="inv-answer">
            <h2 id="inv-answer">"Your answer"</h2>
            {if view.agreement_signed {
                view! {
                    <p>
                        "The " <AgreementLink path=page_path.clone() />
                        " is already in place with this partner; accepting doesn't change it."
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p>
                        "Read the " <AgreementLink path=page_path.clone() />
                        ". By accepting, you agree to it for your organization."
                    </p>
                }
                .into_any()
            }}
            {move || match accept_refusal.get() {
                None => view! {
                    <AcknowledgementBox id="inv-ack" acknowledgement=acknowledged />
                    <p id="inv-accept-hint" class="inv-muted">
                        {move || if acknowledged.get() {
                            "Accepting grants exactly what is listed above."
                        } else {
                            "Check the box to enable the button."
                        }}
                    </p>
                    <div class="inv-actions">
                        <button
                            type="button"
                            class="button button--primary"
                            data-testid="accept"
                            aria-describedby="inv-accept-hint"
                            disabled=move || !acknowledged.get()
                            on:click=accept
                        >
                            {accept_label}
                        </button>
                        <DeclineButton refusal=decline_refusal handle=decline_dialog />
                    </div>
                }
                .into_any(),
                Some(reason) => view! {
                    <Refusal reason partner_page=partner_page.clone() testid="accept-refusal" />
                    <div class="inv-actions">
                        <DeclineButton refusal=decline_refusal handle=decline_dialog />
                    </div>
                }
                .into_any(),
            }}
            {move || failure.get().map(|message| view! {
                <div class="notice notice--error" role="alert"><p>{message}</p></div>
            })}
        </section>

        <ConfirmDialog
            handle=decline_dialog
            id="decline-invitation"
            title="Cancel this invitation?"
            confirm_label="Cancel invitation"
            cancel_label="Keep invitation"
            tone=ConfirmTone::Danger
            on_confirm=decline
        >
            <p>
                {partner.name.clone()}
                " gets nothing it asked for. To work with this partner later, it must send you a new invitation."
            </p>
        </ConfirmDialog>
    }
}

/// "Cancel invitation", or why this persona can't.
#[component]
fn DeclineButton(refusal: Memo<Option<DomainError>>, handle: DialogHandle) -> impl IntoView {
    move || {
        match refusal.get() {
        None => view! {
            <button type="button" class="button" data-testid="decline" on:click=move |_| handle.open()>
                "Cancel invitation"
            </button>
        }
        .into_any(),
        Some(_) => ().into_any(),
    }
    }
}

/// Why this persona can't accept, and the fix where there is one.
#[component]
fn Refusal(reason: DomainError, partner_page: String, testid: &'static str) -> impl IntoView {
    let legacy = matches!(reason, DomainError::LegacyRolesMustBeRemovedFirst { .. });
    view! {
        <div class="notice notice--warning inv-refusal" data-testid=testid>
            <p><strong>"You can't accept this invitation. "</strong>{reason.to_string()}</p>
            {legacy.then(|| view! {
                <p>
                    <A href=href(&partner_page)>"Remove the delegated admin roles on the partner's page"</A>
                    ", then come back to this invitation."
                </p>
            })}
        </div>
    }
}
