//! Demo only: the partner simulator stands in for a partner and sends
//! invitations of every kind, so each flow can be tried without one. The
//! domain checks what is sent; its refusals appear next to the field.

use domain::roles::CATALOGUE;
use domain::sort;
use domain::{
    Command, DomainError, Event, GranularDraft, IsoDuration, Partner, PartnerType, RoleDefinitionId,
};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::focus::focus_id_after_render;
use crate::components::page::{Crumb, Page};
use crate::components::toast::use_toasts;
use crate::form_draft::{self, FormDraft};
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::{use_store, ActionError};
use crate::web_storage;

/// Where this tab keeps the form between reloads.
const DRAFT_KEY: &str = "partner-console.simulator-draft";

const TRAIL: &[Crumb] = &[Crumb {
    label: "Demo",
    href: None,
}];

/// The kinds of invitation a partner can send.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Reseller,
    DelegatedAdmin,
    Granular,
    Advisor,
    AgreementOnly,
}

impl Kind {
    const ALL: [Kind; 5] = [
        Kind::Reseller,
        Kind::DelegatedAdmin,
        Kind::Granular,
        Kind::Advisor,
        Kind::AgreementOnly,
    ];

    fn id(self) -> &'static str {
        match self {
            Kind::Reseller => "reseller",
            Kind::DelegatedAdmin => "delegated-admin",
            Kind::Granular => "granular",
            Kind::Advisor => "advisor",
            Kind::AgreementOnly => "agreement",
        }
    }

    fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    fn label(self) -> &'static str {
        match self {
            Kind::Reseller => "Reseller only (no admin roles)",
            Kind::DelegatedAdmin => {
                "Delegated administrator (Global Administrator and Helpdesk Administrator)"
            }
            Kind::Granular => "Granular delegated admin (GDAP): chosen roles, for a limited time",
            Kind::Advisor => "Advisor (Global Administrator and Helpdesk Administrator)",
            Kind::AgreementOnly => "Customer agreement only",
        }
    }
}

/// The form field a refusal belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    Partner,
    DisplayName,
    Roles,
    Duration,
    AutoExtend,
    Form,
}

/// The element to focus when `field` is refused, so the admin lands on it.
fn focus_target(field: Field, new_partner: bool) -> Option<String> {
    match field {
        Field::Partner if new_partner => Some("sim-new-name".into()),
        Field::Partner => Some("sim-partner".into()),
        Field::DisplayName => Some("sim-display-name".into()),
        Field::Roles => CATALOGUE.first().map(|r| format!("sim-role-{}", r.id)),
        Field::Duration => Some("sim-duration".into()),
        Field::AutoExtend => Some("sim-auto-extend".into()),
        Field::Form => None,
    }
}

fn field_of(error: &DomainError) -> Field {
    match error {
        DomainError::MissingPartnerName | DomainError::InvalidId { .. } => Field::Partner,
        DomainError::InvalidDisplayName => Field::DisplayName,
        DomainError::NoRolesRequested | DomainError::TooManyRoles { .. } => Field::Roles,
        DomainError::DurationOutOfRange { .. } => Field::Duration,
        DomainError::AutoExtendWithGlobalAdministrator
        | DomainError::AutoExtendNotAllowed { .. } => Field::AutoExtend,
        _ => Field::Form,
    }
}

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
    // The form starts from this tab's draft, so a reload keeps it.
    let draft = FormDraft::load(web_storage::session(), DRAFT_KEY);
    let text = |name: &str, default: &str| draft.get(name).unwrap_or_else(|| default.to_string());
    let use_new = RwSignal::new(draft.get("partner").as_deref() == Some("new"));
    // A kept partner that has gone since (a reset, an import) is forgotten.
    let kept_partner = draft
        .get("existing")
        .filter(|id| untrack(|| store.with(|s| s.partner(id).is_some())));
    let existing = RwSignal::new(kept_partner.unwrap_or_default());
    let new_name = RwSignal::new(text("newName", ""));
    let new_email = RwSignal::new(text("newEmail", ""));
    let kind = RwSignal::new(
        draft
            .get("kind")
            .and_then(|id| Kind::from_id(&id))
            .unwrap_or(Kind::Reseller),
    );
    let display_name = RwSignal::new(text("displayName", "Granular admin access"));
    // Only ids of the catalogue come back; anything else in storage is dropped.
    let roles = RwSignal::new(
        draft
            .get("roles")
            .map(|ids| {
                CATALOGUE
                    .iter()
                    .map(|r| r.id)
                    .filter(|id| ids.split(',').any(|kept| kept == *id))
                    .collect::<Vec<&'static str>>()
            })
            .unwrap_or_default(),
    );
    let duration = RwSignal::new(text("duration", "P90D"));
    let auto_extend = RwSignal::new(draft.get("autoExtend").as_deref() == Some("true"));
    Effect::new(move |_| {
        let fields = [
            (
                "partner",
                if use_new.get() { "new" } else { "existing" }.to_string(),
            ),
            ("existing", existing.get()),
            ("newName", new_name.get()),
            ("newEmail", new_email.get()),
            ("kind", kind.get().id().to_string()),
            ("displayName", display_name.get()),
            ("roles", roles.with(|r| r.join(","))),
            ("duration", duration.get()),
            ("autoExtend", auto_extend.get().to_string()),
        ];
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        form_draft::save(web_storage::session(), DRAFT_KEY, &fields);
    });
    let error = RwSignal::new(None::<(Field, String)>);
    let issued = RwSignal::new(None::<(String, String)>);

    let error_for = move |field: Field| {
        error.with(|e| {
            e.as_ref()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        })
    };
    let invalid = move |field: Field| error.with(|e| e.as_ref().is_some_and(|(f, _)| *f == field));

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        issued.set(None);
        let partner = if use_new.get_untracked() {
            let name = new_name.get_untracked();
            let id =
                untrack(|| store.with(|s| new_partner_id(&name, |id| s.partner(id).is_some())));
            Partner {
                contact_email: new_email.get_untracked().trim().to_string(),
                ..Partner::new(id, name.trim())
            }
        } else {
            let id = existing
                .get_untracked()
                .is_empty()
                .then(|| partners.with_untracked(|p| p.first().map(|p| p.0.clone())))
                .flatten()
                .unwrap_or_else(|| existing.get_untracked());
            match untrack(|| store.with(|s| s.partner(&id).cloned())) {
                Some(p) => p,
                None => {
                    error.set(Some((
                        Field::Partner,
                        "Choose a partner, or create a new one.".to_string(),
                    )));
                    return;
                }
            }
        };
        let (types, legacy_roles, granular) = match kind.get_untracked() {
            Kind::Reseller => (vec![PartnerType::Reseller], false, None),
            Kind::DelegatedAdmin => (vec![PartnerType::DelegatedAdministrator], true, None),
            Kind::Advisor => (vec![PartnerType::Advisor], true, None),
            Kind::AgreementOnly => (Vec::new(), false, None),
            Kind::Granular => {
                let typed = duration.get_untracked();
                let parsed = match IsoDuration::parse(typed.trim()) {
                    Ok(d) => d,
                    Err(e) => {
                        error.set(Some((Field::Duration, e.to_string())));
                        if let Some(id) = focus_target(Field::Duration, false) {
                            focus_id_after_render(id);
                        }
                        return;
                    }
                };
                let draft = GranularDraft {
                    display_name: display_name.get_untracked(),
                    duration: parsed,
                    auto_extend_duration: if auto_extend.get_untracked() {
                        IsoDuration::days(180)
                    } else {
                        IsoDuration::ZERO
                    },
                    unified_roles: roles
                        .get_untracked()
                        .into_iter()
                        .map(RoleDefinitionId::new)
                        .collect(),
                };
                (Vec::new(), false, Some(draft))
            }
        };
        let name = partner.name.clone();
        let command = Command::IssueInvitation {
            invitation_id: None,
            partner,
            relationship_types: types,
            legacy_roles,
            granular,
        };
        leptos::task::spawn_local(async move {
            match store.execute(command, signed_in.0.get_untracked()).await {
                Ok(events) => {
                    error.set(None);
                    let id = events.iter().find_map(|e| match e {
                        Event::InvitationIssued { invitation, .. } => Some(invitation.id.clone()),
                        _ => None,
                    });
                    if let Some(id) = id {
                        toasts.success(format!("Invitation sent from {name}."));
                        issued.set(Some((id, name)));
                    }
                }
                Err(ActionError::Refused(e)) => {
                    let field = field_of(&e);
                    error.set(Some((field, e.to_string())));
                    if let Some(id) = focus_target(field, use_new.get_untracked()) {
                        focus_id_after_render(id);
                    }
                }
                Err(e) => error.set(Some((Field::Form, e.to_string()))),
            }
        });
    };

    let described = move |field: Field, help: &'static str, err: &'static str| {
        move || {
            if invalid(field) {
                format!("{help} {err}")
            } else {
                help.to_string()
            }
        }
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

            {move || error_for(Field::Form).map(|m| view! {
                <div class="notice notice--error" role="alert"><p>{m}</p></div>
            })}

            <form class="inv-sim-form inv-card" novalidate on:submit=submit>
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
                                    aria-invalid=move || invalid(Field::Partner).to_string()
                                    aria-describedby="sim-partner-error"
                                    on:change:target=move |ev| existing.set(ev.target().value())>
                                    <For each=move || partners.get() key=|p| p.0.clone() let:p>
                                        <option value=p.0.clone() selected=move || existing.get() == p.0>{p.1.clone()}</option>
                                    </For>
                                </select>
                                <FieldError id="sim-partner-error" message=Signal::derive(move || error_for(Field::Partner)) />
                            </div>
                        }
                    >
                        <div class="inv-field">
                            <label for="sim-new-name">"Partner name"</label>
                            <input id="sim-new-name" type="text" autocomplete="organization"
                                prop:value=move || new_name.get()
                                on:input:target=move |ev| new_name.set(ev.target().value())
                                aria-invalid=move || invalid(Field::Partner).to_string()
                                aria-describedby="sim-partner-error" />
                            <FieldError id="sim-partner-error" message=Signal::derive(move || error_for(Field::Partner)) />
                        </div>
                        <div class="inv-field">
                            <label for="sim-new-email">"Partner email (optional)"</label>
                            <input id="sim-new-email" type="email" autocomplete="email"
                                prop:value=move || new_email.get()
                                on:input:target=move |ev| new_email.set(ev.target().value()) />
                        </div>
                    </Show>
                </fieldset>

                <fieldset class="inv-fieldset">
                    <legend>"What the partner asks for"</legend>
                    {Kind::ALL
                        .into_iter()
                        .map(|k| {
                            let id = format!("sim-kind-{}", k.id());
                            view! {
                                <div class="inv-check">
                                    <input type="radio" id=id.clone() name="sim-kind" value=k.id()
                                        prop:checked=move || kind.get() == k
                                        on:change=move |_| kind.set(k) />
                                    <label for=id>{k.label()}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>

                <Show when=move || kind.get() == Kind::Granular>
                    <fieldset class="inv-fieldset">
                        <legend>"Granular access"</legend>
                        <div class="inv-field">
                            <label for="sim-display-name">"Relationship name"</label>
                            <input id="sim-display-name" type="text"
                                prop:value=move || display_name.get()
                                on:input:target=move |ev| display_name.set(ev.target().value())
                                aria-invalid=move || invalid(Field::DisplayName).to_string()
                                aria-describedby="sim-display-name-error" />
                            <FieldError id="sim-display-name-error" message=Signal::derive(move || error_for(Field::DisplayName)) />
                        </div>
                        <div class="inv-field">
                            <label for="sim-duration">"Duration"</label>
                            <input id="sim-duration" type="text" inputmode="text" spellcheck="false"
                                prop:value=move || duration.get()
                                on:input:target=move |ev| duration.set(ev.target().value())
                                aria-invalid=move || invalid(Field::Duration).to_string()
                                aria-describedby=described(Field::Duration, "sim-duration-help", "sim-duration-error") />
                            <p id="sim-duration-help" class="inv-muted">"ISO 8601, from P1D to P2Y (730 days): for example P90D, P6M or P1Y."</p>
                            <FieldError id="sim-duration-error" message=Signal::derive(move || error_for(Field::Duration)) />
                        </div>
                        <div class="inv-field inv-field--check">
                            <div class="inv-check">
                                <input id="sim-auto-extend" type="checkbox"
                                    prop:checked=move || auto_extend.get()
                                    on:change:target=move |ev| auto_extend.set(ev.target().checked())
                                    aria-invalid=move || invalid(Field::AutoExtend).to_string()
                                    aria-describedby="sim-auto-extend-error" />
                                <label for="sim-auto-extend">"Auto-extend by 180 days at the end"</label>
                            </div>
                            <FieldError id="sim-auto-extend-error" message=Signal::derive(move || error_for(Field::AutoExtend)) />
                        </div>
                        <fieldset class="inv-fieldset inv-role-picker"
                            aria-invalid=move || invalid(Field::Roles).to_string()
                            aria-describedby="sim-roles-error">
                            <legend>"Admin roles requested"</legend>
                            <FieldError id="sim-roles-error" message=Signal::derive(move || error_for(Field::Roles)) />
                            <div class="inv-role-grid">
                                {CATALOGUE
                                    .iter()
                                    .map(|info| {
                                        let role_id = info.id;
                                        let input_id = format!("sim-role-{role_id}");
                                        view! {
                                            <div class="inv-check">
                                                <input type="checkbox" id=input_id.clone()
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
                                            </div>
                                        }
                                    })
                                    .collect_view()}
                            </div>
                        </fieldset>
                    </fieldset>
                </Show>

                <div class="inv-actions">
                    <button type="submit" class="button button--primary">"Send invitation"</button>
                </div>
            </form>
        </Page>
    }
}

/// A field's error, announced when it appears.
#[component]
fn FieldError(id: &'static str, message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p id=id class="inv-field-error" role="status">
            {move || message.get()}
        </p>
    }
}
