//! "Requests sent": every contact request, newest first, with the partners
//! it went to, when, and whether they have got back to you.

use domain::{ContactRequest, ContactRequestStatus};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::page::{Crumb, Page};
use crate::pages::find_partner::directory::directory_covering;
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Find a partner",
    href: Some(routes::FIND_PARTNER),
}];

/// One table row: the request with its partners' names resolved.
#[derive(Clone, Debug, PartialEq)]
struct RequestRow {
    id: String,
    partners: Vec<String>,
    sent: String,
    status: ContactRequestStatus,
    contact: String,
}

fn rows(requests: &[ContactRequest]) -> Vec<RequestRow> {
    let directory = directory_covering(
        requests
            .iter()
            .flat_map(|r| r.partner_ids.iter().map(String::as_str)),
    );
    let mut rows: Vec<RequestRow> = requests
        .iter()
        .map(|r| RequestRow {
            id: r.id.clone(),
            // A key the directory does not know (older data) shows as is.
            partners: r
                .partner_ids
                .iter()
                .map(|key| {
                    directory
                        .find_key(key)
                        .map_or_else(|| key.clone(), |l| l.name)
                })
                .collect(),
            sent: r.sent_date_time.date_string(),
            status: r.status,
            contact: format!(
                "{} {} · {}",
                r.details.first_name(),
                r.details.last_name(),
                r.details.email()
            ),
        })
        .collect();
    rows.reverse();
    rows
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|s| rows(&s.contact_requests)));
    view! {
        <Page title="Requests sent" trail=TRAIL>
            <p class="lead">"Partners you contacted get back to you by email or phone. If you decide to work with one, they send you an invitation."</p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! {
                    <div class="directory__empty">
                        <p>"You haven't contacted any partners yet."</p>
                        <A href=href(routes::FIND_PARTNER) attr:class="button button--primary">"Find a partner"</A>
                    </div>
                }
            >
                // Focusable, so the keyboard can scroll it on a narrow screen.
                <div class="data-table-wrap" role="region" tabindex="0" aria-label="Contact requests you sent">
                    <table class="requests-table table--stack" data-testid="requests-table">
                        <caption class="visually-hidden">"Contact requests you sent, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Partner"</th>
                                <th scope="col">"Sent"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Your contact details"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| r.id.clone() let:row>
                                <tr>
                                    <th scope="row">
                                        <ul>{row.partners.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                                    </th>
                                    <td data-label="Sent">{row.sent.clone()}</td>
                                    <td data-label="Status">
                                        <span class=match row.status {
                                            ContactRequestStatus::Sent => "status-pill",
                                            ContactRequestStatus::Contacted => "status-pill status-pill--contacted",
                                        }>{row.status.label()}</span>
                                    </td>
                                    <td data-label="Your contact details">{row.contact.clone()}</td>
                                </tr>
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </Page>
    }
}
