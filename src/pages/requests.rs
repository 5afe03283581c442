//! "Requests sent": every contact request, newest first, one row per
//! partner it went to (a link to that partner in Find a partner), with
//! when, whether they have got back to you, and the business needs sent.

use domain::directory::{DirectoryQuery, Listing, DEFAULT_PARTNER_COUNT};
use domain::{ContactRequest, ContactRequestStatus};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::page::{Crumb, Lead, Page};
use crate::pages::find_partner::directory::{directory_covering, find_href};
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Find a partner",
    href: Some(routes::FIND_PARTNER),
}];

/// One table row: a partner a request went to, by name, with the request.
#[derive(Clone, Debug, PartialEq)]
struct RequestRow {
    key: (String, String),
    partner: String,
    /// Find a partner, searched for this partner's name; `None` for a key
    /// the directory does not know (older data), shown as is.
    link: Option<String>,
    sent: String,
    status: ContactRequestStatus,
    needs: String,
    contact: String,
}

/// Find a partner showing the partner named `key` (its name searched, in a
/// directory large enough to hold it).
fn partner_href(key: &str, name: &str) -> String {
    let query = DirectoryQuery {
        keywords: name.to_string(),
        ..DirectoryQuery::default()
    };
    let size = Listing::id_of_key(key).map_or(0, |id| id as usize + 1);
    find_href(&query, size.max(DEFAULT_PARTNER_COUNT))
}

fn rows(requests: &[ContactRequest]) -> Vec<RequestRow> {
    let directory = directory_covering(
        requests
            .iter()
            .flat_map(|r| r.partner_ids.iter().map(String::as_str)),
    );
    let mut rows: Vec<RequestRow> = Vec::new();
    for r in requests.iter().rev() {
        let contact = format!(
            "{} {} · {}",
            r.details.first_name(),
            r.details.last_name(),
            r.details.email()
        );
        for key in &r.partner_ids {
            let (partner, link) = match directory.find_key(key) {
                Some(l) => {
                    let link = partner_href(key, &l.name);
                    (l.name, Some(link))
                }
                None => (key.clone(), None),
            };
            rows.push(RequestRow {
                key: (r.id.clone(), key.clone()),
                partner,
                link,
                sent: r.sent_date_time.date_string(),
                status: r.status,
                needs: r.details.business_needs().to_string(),
                contact: contact.clone(),
            });
        }
    }
    rows
}

#[component]
pub fn RequestsPage() -> impl IntoView {
    let store = use_store();
    let rows = Memo::new(move |_| store.with(|s| rows(&s.contact_requests)));
    view! {
        <Page title=domain::console::REQUESTS_HEAD.title trail=TRAIL>
            <Lead words=domain::console::REQUESTS_HEAD.lead />
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
                                <th scope="col">"Business needs"</th>
                                <th scope="col">"Your contact details"</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || rows.get() key=|r| r.key.clone() let:row>
                                <tr>
                                    <th scope="row">
                                        {match row.link.clone() {
                                            Some(link) => view! { <A href=href(&link)>{row.partner.clone()}</A> }.into_any(),
                                            None => view! { <span>{row.partner.clone()}</span> }.into_any(),
                                        }}
                                    </th>
                                    <td data-label="Sent">{row.sent.clone()}</td>
                                    <td data-label="Status">
                                        <span class=match row.status {
                                            ContactRequestStatus::Sent => "status-pill",
                                            ContactRequestStatus::Contacted => "status-pill status-pill--contacted",
                                        }>{row.status.label()}</span>
                                    </td>
                                    <td data-label="Business needs" class="requests-table__needs">{row.needs.clone()}</td>
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
