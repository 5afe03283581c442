//! The invitations inbox: it stands in for the partners' emails, and each
//! row opens the invitation's deep link.

use domain::views::{self, InvitationAvailability, InvitationView};
use domain::{PartnerLink, PartnerLinkError, PARTNER_LINK_LOOKS_FOR};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::page::{Crumb, Lead, Page};
use crate::form_draft::{self, FormDraft};
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;
use crate::web_storage;

const TRAIL: &[Crumb] = &[];

/// The inbox split into what needs an answer, what lapsed and what is done.
#[derive(Clone, PartialEq)]
struct Inbox {
    pending: Vec<InvitationView>,
    expired: Vec<InvitationView>,
    handled: Vec<InvitationView>,
    /// Partners you work with whose customer agreement is not signed yet.
    agreements: Vec<(String, String)>,
}

#[component]
pub fn InvitationsPage() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let inbox = Memo::new(move |_| {
        let persona = signed_in.get();
        store.with(|s| {
            let mut inbox = Inbox {
                pending: Vec::new(),
                expired: Vec::new(),
                handled: Vec::new(),
                agreements: views::relationship_rows(s, s.now)
                    .into_iter()
                    .filter(|r| !r.agreement_signed)
                    .map(|r| (r.partner_id, r.partner_name))
                    .collect(),
            };
            for view in views::inbox(s, persona, s.now) {
                match view.availability {
                    InvitationAvailability::Open => inbox.pending.push(view),
                    InvitationAvailability::Expired => inbox.expired.push(view),
                    _ => inbox.handled.push(view),
                }
            }
            inbox
        })
    });

    view! {
        <Page title=domain::console::INVITATIONS_HEAD.title trail=TRAIL>
            <Lead words=domain::console::INVITATIONS_HEAD.lead />
            {move || {
                let agreements = inbox.with(|i| i.agreements.clone());
                (!agreements.is_empty()).then(|| view! {
                    <section class="notice notice--info" aria-labelledby="inbox-agreements">
                        <h2 id="inbox-agreements" class="inv-notice-title">"Customer agreements to accept"</h2>
                        <p>"Purchases through these partners are blocked until you accept the Microsoft Customer Agreement."</p>
                        <ul>
                            {agreements
                                .into_iter()
                                .map(|(id, name)| view! {
                                    <li>
                                        <A href=href(&routes::agreement(&id))>"Review and accept the agreement for " {name}</A>
                                    </li>
                                })
                                .collect_view()}
                        </ul>
                    </section>
                })
            }}
            <PartnerLinkBox />
            <InboxSection
                id="inbox-pending"
                title="Waiting for your answer"
                empty="No invitations are waiting. When a partner invites you, it appears here."
                rows=Signal::derive(move || inbox.with(|i| i.pending.clone()))
                date_label="Answer by"
            />
            <InboxSection
                id="inbox-expired"
                title="Expired"
                empty="No expired invitations."
                rows=Signal::derive(move || inbox.with(|i| i.expired.clone()))
                date_label="Expired on"
            />
            <InboxSection
                id="inbox-handled"
                title="Accepted or cancelled"
                empty="You haven't answered any invitation yet."
                rows=Signal::derive(move || inbox.with(|i| i.handled.clone()))
                date_label="Answered on"
            />
        </Page>
    }
}

#[component]
fn InboxSection(
    id: &'static str,
    title: &'static str,
    empty: &'static str,
    rows: Signal<Vec<InvitationView>>,
    date_label: &'static str,
) -> impl IntoView {
    let heading_id = format!("{id}-title");
    let labelled_by = heading_id.clone();
    let table_labelled_by = StoredValue::new(heading_id.clone());
    let count = move || rows.with(Vec::len);
    view! {
        <section class="inv-section" id=id aria-labelledby=labelled_by>
            <h2 id=heading_id>
                {title} " " <span class="inv-count">"(" {count} ")"</span>
            </h2>
            {move || {
                if rows.with(Vec::is_empty) {
                    return view! { <p class="inv-muted inv-empty">{empty}</p> }.into_any();
                }
                view! {
                    <div class="inv-table-wrap">
                        <table class="inv-table table--stack" aria-labelledby=table_labelled_by.get_value()>
                            <thead>
                                <tr>
                                    <th scope="col">"Partner"</th>
                                    <th scope="col">"What is asked"</th>
                                    <th scope="col">"Sent"</th>
                                    <th scope="col">{date_label}</th>
                                    <th scope="col">"Status"</th>
                                </tr>
                            </thead>
                            <tbody>
                                <For each=move || rows.get() key=|v| v.invitation.id.clone() let:row>
                                    <InboxRow row=row date_label=date_label />
                                </For>
                            </tbody>
                        </table>
                    </div>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn InboxRow(row: InvitationView, date_label: &'static str) -> impl IntoView {
    let invitation = &row.invitation;
    let link = href(&routes::invitation(&invitation.id));
    let asked = asked_summary(&row);
    let sent = invitation.created_date_time.date_string();
    let date = match row.availability {
        InvitationAvailability::Open => format!(
            "{} ({})",
            invitation.expires_date_time.date_string(),
            match row.days_until_expiry {
                d if d <= 0 => "today".to_string(),
                1 => "1 day left".to_string(),
                d => format!("{d} days left"),
            }
        ),
        InvitationAvailability::Expired => invitation.expires_date_time.date_string(),
        _ => invitation
            .responded_date_time
            .map(|t| t.date_string())
            .unwrap_or_default(),
    };
    let (class, status) = match row.availability {
        InvitationAvailability::Open => ("inv-tag inv-tag--info", "Pending"),
        InvitationAvailability::Expired => ("inv-tag inv-tag--muted", "Expired"),
        InvitationAvailability::AlreadyAccepted => ("inv-tag inv-tag--success", "Accepted"),
        InvitationAvailability::Declined => ("inv-tag inv-tag--muted", "Cancelled"),
    };
    let note = row
        .accept_blocker()
        .map(|why| view! { <span class="inv-muted inv-row-note">{why}</span> });
    view! {
        <tr data-invitation=invitation.id.clone()>
            <th scope="row">
                <A href=link>{row.partner.name.clone()}</A>
            </th>
            <td data-label="What is asked">{asked} {note}</td>
            <td class="inv-date" data-label="Sent">{sent}</td>
            <td class="inv-date" data-label=date_label>{date}</td>
            <td data-label="Status"><span class=class>{status}</span></td>
        </tr>
    }
}

/// "Reseller · 5 admin roles for 730 days", in a table cell.
fn asked_summary(view: &InvitationView) -> String {
    let mut parts: Vec<String> = view
        .invitation
        .relationship_types
        .iter()
        .map(|t| t.label().to_string())
        .collect();
    if parts.is_empty() && view.roles.is_empty() {
        parts.push("Customer agreement only".to_string());
    }
    match (view.roles.len(), &view.duration_label) {
        (0, _) => {}
        (n, Some(duration)) => parts.push(format!(
            "{n} admin role{} for {duration}",
            if n == 1 { "" } else { "s" }
        )),
        (n, None) => parts.push(format!(
            "{n} admin role{}, no end date",
            if n == 1 { "" } else { "s" }
        )),
    }
    parts.join(" · ")
}

/// What the console made of a pasted link.
#[derive(Clone, PartialEq)]
enum LinkAnswer {
    Refused(PartnerLinkError),
    /// The console has the request: the invitation's id and partner name.
    Found {
        link: PartnerLink,
        invitation_id: String,
        partner_name: String,
    },
    Missing {
        link: PartnerLink,
        why: Vec<&'static str>,
    },
}

const LINK_DRAFT_KEY: &str = "partner-console.invitation-link-draft";

/// "Paste the link from your partner's email": reads an admin center
/// invitation link and opens the matching invitation. What was pasted is
/// only ever read, never followed or shown as a link.
#[component]
fn PartnerLinkBox() -> impl IntoView {
    let store = use_store();
    // Kept for the tab, like every form: a reload or a session that ends
    // loses nothing pasted.
    let draft_key = form_draft::scoped(LINK_DRAFT_KEY);
    let text = RwSignal::new(
        FormDraft::load(web_storage::session(), &draft_key)
            .get("link")
            .unwrap_or_default(),
    );
    Effect::new(move |_| {
        let link = text.get();
        form_draft::keep(web_storage::session(), &draft_key, &[("link", &link)]);
    });
    let answer = RwSignal::new(None::<LinkAnswer>);
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = match PartnerLink::parse(&text.get_untracked()) {
            Err(error) => LinkAnswer::Refused(error),
            Ok(link) => untrack(|| {
                store.with(|s| match link.find_invitation(s) {
                    Some(invitation_id) => {
                        let partner_name = s
                            .invitation(&invitation_id)
                            .map(|i| s.partner_name(&i.partner_id))
                            .unwrap_or_default();
                        LinkAnswer::Found {
                            link,
                            invitation_id,
                            partner_name,
                        }
                    }
                    None => {
                        let why = link.missing_explanation(s).unwrap_or_default();
                        LinkAnswer::Missing { link, why }
                    }
                })
            }),
        };
        answer.set(Some(found));
    };
    view! {
        <section class="inv-card inv-link" aria-labelledby="inv-link-title">
            <h2 id="inv-link-title">"Open a partner's request from its link"</h2>
            <form class="inv-link-form" on:submit=check>
                <div class="inv-field inv-link-field">
                    <label for="inv-link">"Paste the link from your partner's email"</label>
                    <p id="inv-link-hint" class="inv-muted">
                        "It starts with https://admin.microsoft.com. The console only reads it; it doesn't open it."
                    </p>
                    <div class="inv-link-row">
                        <input id="inv-link" type="text" inputmode="url" autocomplete="off" spellcheck="false"
                            aria-describedby="inv-link-hint"
                            prop:value=move || text.get()
                            on:input:target=move |ev| text.set(ev.target().value()) />
                        <button type="submit" class="button button--primary">"Check link"</button>
                    </div>
                </div>
            </form>
            <div class="inv-link-answer" role="status" aria-live="polite" data-testid="partner-link-answer">
                {move || answer.get().map(answer_view)}
            </div>
        </section>
    }
}

fn answer_view(answer: LinkAnswer) -> AnyView {
    // The kind of request as the heading, then the id the link carries.
    let heading = |link: &PartnerLink| {
        let (label, id) = link.id_fact();
        view! {
            <p class="inv-notice-title"><strong>{link.kind_label()} "."</strong></p>
            <dl class="inv-facts inv-link-facts">
                <dt>{label}</dt>
                <dd class="inv-link-id">{id.to_string()}</dd>
            </dl>
        }
    };
    match answer {
        LinkAnswer::Refused(PartnerLinkError::Empty) => view! {
            <div class="notice notice--warning"><p>{PartnerLinkError::Empty.to_string()}</p></div>
        }
        .into_any(),
        LinkAnswer::Refused(error) => view! {
            <div class="notice notice--warning">
                <p class="inv-notice-title"><strong>"This isn't a partner invitation link."</strong></p>
                <p>{error.to_string()}</p>
                <p>{PARTNER_LINK_LOOKS_FOR}</p>
            </div>
        }
        .into_any(),
        LinkAnswer::Found {
            link,
            invitation_id,
            partner_name,
        } => view! {
            <div class="notice notice--success">
                {heading(&link)}
                <p>
                    "This console has the request. "
                    <A href=href(&routes::invitation(&invitation_id))>
                        "Open the invitation from " {partner_name}
                    </A>
                </p>
            </div>
        }
        .into_any(),
        LinkAnswer::Missing { link, why } => {
            // A GDAP request can be brought in from Graph's JSON instead.
            let import = matches!(link, PartnerLink::Granular { .. }).then(|| {
                view! {
                    <p>
                        <A href=href(routes::GRAPH_IMPORT)>
                            "If you have the relationship's JSON from Microsoft Graph, import it"
                        </A>
                    </p>
                }
            });
            view! {
                <div class="notice notice--info">
                    {heading(&link)}
                    {why.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                    {import}
                </div>
            }
        }
        .into_any(),
    }
}
