//! The partner page: details, relationship types, admin roles (legacy and
//! granular), expiry notices, "Remove roles" with its "Remove roles?"
//! dialog, the customer agreement and purchase visibility.

use std::time::Duration;

use domain::permissions::{self, Action, Subject};
use domain::views::{partner_detail, PartnerDetail, RelationshipView, RoleView};
use domain::{Command, Event, PartnerType};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::dialog::{ConfirmDialog, ConfirmTone, DialogHandle};
use crate::components::focus::focus_id_after;
use crate::components::page::{Crumb, Lead, Page};
use crate::components::privileged_badge::PrivilegedBadge;
use crate::components::safe_link::SafeLink;
use crate::components::toast::use_toasts;
use crate::components::url_query::use_last_path_segment;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[
    Crumb {
        label: "Settings",
        href: None,
    },
    Crumb {
        label: "Partner relationships",
        href: Some(routes::RELATIONSHIPS),
    },
];

/// Where focus goes after the roles are removed (the button is gone then).
const ROLES_HEADING_ID: &str = "partner-roles-heading";

#[component]
pub fn PartnerPage() -> impl IntoView {
    let store = use_store();
    let id = use_last_path_segment();
    let detail = Memo::new(move |_| {
        let id = id.get();
        store.with(|s| partner_detail(s, &id, s.now))
    });
    let title = Signal::derive(move || {
        detail.with(|d| {
            d.as_ref()
                .map_or_else(|| "Partner".to_string(), |d| d.partner.name.clone())
        })
    });

    view! {
        <Page title=title trail=TRAIL>
            // The same for every partner, so the served frame shows it
            // before the wasm has read which one this is.
            <Lead words=domain::console::PARTNER_HEAD.lead />
            {move || match detail.get() {
                Some(d) => view! { <PartnerBody detail=d /> }.into_any(),
                None => view! {
                    <div class="notice notice--warning" role="alert">
                        <p>
                            {format!("There's no partner with the id “{}” in your list. It may have been removed, or the link may be mistyped.", id.get())}
                        </p>
                    </div>
                    <p><A href=href(routes::RELATIONSHIPS)>"Back to Partner relationships"</A></p>
                }
                .into_any(),
            }}
        </Page>
    }
}

#[component]
fn PartnerBody(detail: PartnerDetail) -> impl IntoView {
    let signed_in = use_signed_in();
    let partner = detail.partner.clone();
    // What this page offers, so the notice names only what is here.
    let mut actions = Vec::new();
    if !partner.agreement.is_signed() {
        actions.push(Action::AcceptAgreement);
    }
    let is_mpsa = partner.has_type(PartnerType::MpsaPartner);
    if is_mpsa {
        actions.push(Action::SetPurchaseVisibility);
    }
    if detail.can_remove_roles {
        actions.push(Action::RemoveRoles);
    }
    let permission_notice = move || signed_in.page_notice(Subject::Partner, &actions);
    let ending_soon = detail.ending_soon.clone();

    view! {
        {move || permission_notice().map(|n| view! {
            <div class="notice notice--info" data-testid="permission-notice"><p>{n}</p></div>
        })}
        {(!ending_soon.is_empty()).then(|| view! {
            <section class="notice notice--warning" aria-labelledby="expiry-notices-title" data-testid="ending-soon">
                <h2 id="expiry-notices-title" class="notice__title">"Access ending soon"</h2>
                <ul>{ending_soon.iter().map(|e| view! { <li>{e.message()}</li> }).collect_view()}</ul>
            </section>
        })}
        <AgreementSection partner_id=partner.id.clone() signed=partner.agreement.label() is_signed=partner.agreement.is_signed() />
        <section class="card" aria-labelledby="partner-details-title">
            <h2 id="partner-details-title">"Details"</h2>
            <dl class="details">
                <dt><label for="partner-program-id">"Partner ID"</label></dt>
                <dd><CopyableId id="partner-program-id" value=partner.mpn_id.clone() /></dd>
                <dt><label for="partner-record-id">"Record id (for support)"</label></dt>
                <dd><CopyableId id="partner-record-id" value=partner.id.clone() /></dd>
                <dt>"Location"</dt><dd>{or_dash(&partner.location())}</dd>
                <dt>"Contact email"</dt>
                <dd>
                    {if partner.contact_email.is_empty() {
                        "—".into_any()
                    } else {
                        view! { <SafeLink href=format!("mailto:{}", partner.contact_email) text=partner.contact_email.clone() /> }.into_any()
                    }}
                </dd>
                <dt>"Phone"</dt><dd>{or_dash(&partner.contact_phone)}</dd>
                <dt>"Website"</dt>
                <dd>
                    {if partner.website.is_empty() {
                        "—".into_any()
                    } else {
                        view! { <SafeLink href=partner.website.clone() text=partner.website.clone() /> }.into_any()
                    }}
                </dd>
            </dl>
        </section>
        <section class="card" aria-labelledby="partner-types-title">
            <h2 id="partner-types-title">"Relationship types"</h2>
            {if partner.types.is_empty() {
                view! { <p>"No relationship is established yet: this partner has only sent invitations."</p> }.into_any()
            } else {
                view! {
                    <ul class="type-list">
                        {partner.types.iter().map(|t| view! {
                            <li><strong>{t.label()}</strong>" — "{t.description()}</li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
        <RolesSection detail=detail.clone() />
        {is_mpsa.then(|| view! { <PurchaseVisibility /> })}
        {(!detail.pending_invitations.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="partner-invitations-title">
                <h2 id="partner-invitations-title">"Invitations waiting for you"</h2>
                <ul>
                    {detail.pending_invitations.iter().map(|i| view! {
                        <li><A href=href(&routes::invitation(&i.id))>{format!("Invitation received {}", i.created_date_time.date_string())}</A></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}

/// An id an admin may need to give support: a read-only field that selects
/// itself when focused or clicked, ready to copy with the keyboard or menu.
#[component]
fn CopyableId(id: &'static str, value: String) -> impl IntoView {
    if value.trim().is_empty() {
        return view! { <span id=id>"—"</span> }.into_any();
    }
    let size = value.chars().count().max(4);
    view! {
        <input
            id=id
            class="copyable-id"
            type="text"
            readonly
            spellcheck="false"
            size=size
            prop:value=value
            on:focus=|ev| select_all(&ev)
            on:click=|ev| select_all(&ev)
        />
    }
    .into_any()
}

/// A click would otherwise drop the selection focus made.
fn select_all(ev: &web_sys::Event) {
    event_target::<web_sys::HtmlInputElement>(ev).select();
}

fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".to_string()
    } else {
        s.to_string()
    }
}

#[component]
fn AgreementSection(partner_id: String, signed: String, is_signed: bool) -> impl IntoView {
    if is_signed {
        return view! {
            <p class="agreement-line">"Microsoft Customer Agreement: " <strong class="nowrap">{signed}</strong></p>
        }
        .into_any();
    }
    view! {
        <div class="notice notice--warning" data-testid="agreement-not-signed">
            <p>
                "The Microsoft Customer Agreement isn't signed for this partner, so it can't make purchases or manage your subscriptions on your behalf. "
                <A href=href(&routes::agreement(&partner_id))>"Review and accept"</A>
            </p>
        </div>
    }
    .into_any()
}

#[component]
fn RolesSection(detail: PartnerDetail) -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();
    let dialog = DialogHandle::new();
    let partner_id = detail.partner.id.clone();
    let partner_name = detail.partner.name.clone();
    let may_remove = move || permissions::allows(signed_in.get(), Action::RemoveRoles);
    let can_remove = detail.can_remove_roles;
    let nothing_to_remove = detail.nothing_to_remove();
    // What stays after removal, as the engine itself would decide it.
    let remaining: Vec<&'static str> = untrack(|| {
        store.with(|s| {
            let command = Command::RemoveRoles {
                partner_id: partner_id.clone(),
            };
            s.decide(&command, signed_in.0.get_untracked(), s.now)
                .ok()
                .and_then(|events| {
                    events.into_iter().find_map(|e| match e {
                        Event::PartnerTypesChanged { types, .. } => Some(types),
                        _ => None,
                    })
                })
        })
    })
    .unwrap_or_else(|| detail.partner.types.clone())
    .into_iter()
    .map(PartnerType::label)
    .collect();
    let stays_as = if remaining.is_empty() {
        format!("{partner_name} stays in your list of partners.")
    } else {
        format!(
            "{partner_name} stays in your list of partners as {}.",
            remaining.join(", ")
        )
    };
    let live: Vec<&RelationshipView> = detail
        .relationships
        .iter()
        .filter(|r| !r.read_only)
        .collect();
    let lost_legacy: Vec<String> = detail
        .legacy_role_views
        .iter()
        .map(RoleView::marked_name)
        .collect();
    let lost_granular: Vec<(String, String)> = live
        .iter()
        .map(|r| {
            let names: Vec<String> = r.roles.iter().map(RoleView::marked_name).collect();
            (r.relationship.display_name.clone(), names.join(", "))
        })
        .collect();

    let confirm = {
        let partner_id = partner_id.clone();
        let partner_name = partner_name.clone();
        Callback::new(move |_| {
            let command = Command::RemoveRoles {
                partner_id: partner_id.clone(),
            };
            let partner_name = partner_name.clone();
            leptos::task::spawn_local(async move {
                match store.execute(command, signed_in.0.get_untracked()).await {
                    Ok(_) => {
                        toasts.success(format!("Admin roles removed from {partner_name}."));
                        // After the dialog's close event, which gives focus back to
                        // Remove roles (gone now) one task later.
                        focus_id_after(ROLES_HEADING_ID, Duration::from_millis(50));
                    }
                    Err(error) => toasts.error(error.to_string()),
                }
            });
        })
    };

    view! {
        <section class="card" aria-labelledby=ROLES_HEADING_ID>
            <h2 id=ROLES_HEADING_ID tabindex="-1">"Admin roles"</h2>
            <h3>"Delegated admin roles (legacy)"</h3>
            {match &detail.legacy_roles {
                Some(legacy) => view! {
                    <p class="muted">{format!("Granted {}. Legacy roles have no end date.", legacy.granted_date_time.date_string())}</p>
                    <RoleList roles=detail.legacy_role_views.clone() />
                }.into_any(),
                None => view! { <p data-testid="no-legacy-roles">"None."</p> }.into_any(),
            }}
            <h3>"GDAP relationships"</h3>
            {if detail.relationships.is_empty() {
                view! { <p>"None."</p> }.into_any()
            } else {
                detail.relationships.iter().map(|r| view! { <GranularCard view=r.clone() /> }).collect_view().into_any()
            }}
            <h3>"Remove roles"</h3>
            <p>
                "Removing admin roles doesn't end the partner relationship: the partner can still work with you in another capacity, such as a Reseller. If you don't want to work with this partner anymore, contact the partner to end the relationship."
            </p>
            {move || match (can_remove, may_remove()) {
                (true, true) => view! {
                    <button type="button" class="button button--danger" on:click=move |_| dialog.open()>
                        "Remove roles"
                    </button>
                }.into_any(),
                (true, false) => view! {
                    <p class="notice notice--info" data-testid="remove-roles-not-allowed">
                        {move || signed_in.refusal(Action::RemoveRoles)}
                    </p>
                }.into_any(),
                (false, _) => view! {
                    <div class="notice notice--info" data-testid="no-roles-to-remove">
                        <p>{nothing_to_remove.clone()}</p>
                    </div>
                }.into_any(),
            }}
            <ConfirmDialog
                handle=dialog
                id="remove-roles-dialog"
                title="Remove roles?"
                confirm_label="Yes"
                tone=ConfirmTone::Danger
                on_confirm=confirm
            >
                <p>{format!("{partner_name} will lose:")}</p>
                <ul class="loss-list">
                    {(!lost_legacy.is_empty()).then(|| view! {
                        <li>{format!("Delegated admin roles: {}", lost_legacy.join(", "))}</li>
                    })}
                    {lost_granular.iter().map(|(name, roles)| view! {
                        <li>{format!("GDAP relationship “{name}” (ended now): {roles}")}</li>
                    }).collect_view()}
                </ul>
                <p>{stays_as.clone()}</p>
            </ConfirmDialog>
        </section>
    }
}

#[component]
fn GranularCard(view: RelationshipView) -> impl IntoView {
    let r = &view.relationship;
    let date =
        |t: Option<domain::Timestamp>| t.map_or_else(|| "—".to_string(), |t| t.date_string());
    let left = view.days_left.map(|d| match d {
        1 => " (1 day left)".to_string(),
        n => format!(" ({n} days left)"),
    });
    view! {
        <article class="granular" data-relationship-id=r.id.clone()>
            <h4>{r.display_name.clone()}</h4>
            <dl class="details details--compact">
                <dt>"Status"</dt><dd>{view.status_label.clone()}{view.read_only.then_some(" (read-only)")}</dd>
                <dt>"Duration"</dt><dd>{r.duration.as_iso().describe()}</dd>
                <dt>"Created"</dt><dd class="nowrap">{date(Some(r.created_date_time))}</dd>
                <dt>"Activated"</dt><dd class="nowrap">{date(r.activated_date_time)}</dd>
                <dt>"Ends"</dt><dd><span class="nowrap">{date(r.end_date_time)}</span>{left}</dd>
                <dt>"Auto-extend"</dt><dd>{r.auto_extend_duration.label()}</dd>
            </dl>
            <RoleList roles=view.roles.clone() />
        </article>
    }
}

#[component]
fn RoleList(roles: Vec<RoleView>) -> impl IntoView {
    view! {
        <ul class="role-list">
            {roles.into_iter().map(|r| view! {
                <li>
                    <strong>{r.name}</strong>
                    {r.privileged.then(|| view! { " " <PrivilegedBadge focusable=true /> })}
                    <span class="role-list__desc">{r.description}</span>
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Whether MPSA partners may see purchases made through each other.
#[component]
fn PurchaseVisibility() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();
    let allowed = move || store.with(|s| s.purchase_visibility);
    let others = move || store.with(|s| s.mpsa_partners().count());
    let may_set = move || permissions::allows(signed_in.get(), Action::SetPurchaseVisibility);
    let toggle = move |_| {
        let command = Command::SetPurchaseVisibility {
            allowed: !allowed(),
        };
        leptos::task::spawn_local(async move {
            match store.execute(command, signed_in.get()).await {
                Ok(_) if allowed() => {
                    toasts.success("MPSA partners can now see each other's purchases.")
                }
                Ok(_) => toasts.success("MPSA partners no longer see each other's purchases."),
                Err(error) => toasts.error(error.to_string()),
            }
        });
    };
    view! {
        <section class="card" aria-labelledby="purchase-visibility-title">
            <h2 id="purchase-visibility-title">"Purchase visibility"</h2>
            <p>
                {move || format!(
                    "You work with {} partners through the Microsoft Products & Services Agreement (MPSA) program. You can allow them to see purchases made by each other.",
                    others()
                )}
            </p>
            <p data-testid="purchase-visibility-state">
                <strong>
                    {move || if allowed() {
                        "MPSA partners can see each other's purchases."
                    } else {
                        "MPSA partners can't see each other's purchases."
                    }}
                </strong>
            </p>
            <Show
                when=may_set
                fallback=move || view! {
                    <p class="muted">{signed_in.refusal(Action::SetPurchaseVisibility)}</p>
                }
            >
                <button type="button" class="button" on:click=toggle>
                    {move || if allowed() { "Stop sharing purchases" } else { "Allow them to see each other's purchases" }}
                </button>
            </Show>
        </section>
    }
}
