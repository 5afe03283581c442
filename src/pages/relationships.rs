//! Settings › Partner relationships: every partner you work with, searched,
//! filtered and sorted by the domain's projection; the URL holds the
//! filters, so a view can be shared, reloaded and reached with Back.

use domain::permissions::{Action, Subject};
use domain::views::{
    query_rows, relationship_rows, RelationshipRow, RolesFilter, RowFilter, SortDirection, SortKey,
    StatusFilter,
};
use domain::PartnerType;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::params::ParamsMap;
use wasm_bindgen::JsCast;

use crate::base_path::href;
use crate::components::active_filters::ActiveFilters;
use crate::components::download::download;
use crate::components::page::{Crumb, Lead, Page};
use crate::components::privileged_badge::PrivilegedBadge;
use crate::components::status_badge::{AgreementBadge, StatusBadge};
use crate::components::toast::use_toasts;
use crate::components::url_query::{use_query_map, with_changes, Navigator};
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Settings",
    href: None,
}];

/// The table's controls as the URL query states them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableQuery {
    pub filter: RowFilter,
    pub sort: SortKey,
    pub direction: SortDirection,
    pub highlight: Option<String>,
}

impl TableQuery {
    /// Unknown values are ignored: a hand-edited URL still shows the table.
    pub fn parse(map: &ParamsMap) -> TableQuery {
        let yes_no = |key: &str, yes: &str, no: &str| match map.get_str(key) {
            Some(v) if v == yes => Some(true),
            Some(v) if v == no => Some(false),
            _ => None,
        };
        TableQuery {
            filter: RowFilter {
                text: map.get("q").unwrap_or_default(),
                partner_type: map.get_str("type").and_then(PartnerType::from_id),
                roles: map.get_str("roles").and_then(RolesFilter::from_id),
                status: map.get_str("status").and_then(StatusFilter::from_id),
                agreement_signed: yes_no("agreement", "signed", "unsigned"),
            },
            sort: map
                .get_str("sort")
                .and_then(SortKey::from_id)
                .unwrap_or_default(),
            direction: match map.get_str("dir") {
                Some("desc") => SortDirection::Descending,
                _ => SortDirection::Ascending,
            },
            highlight: map.get("highlight").filter(|h| !h.is_empty()),
        }
    }
}

/// What a partner's page offers, reached from this list: the notice says
/// which of these the signed-in persona may do.
const PARTNER_ACTIONS: [Action; 3] = [
    Action::AcceptAgreement,
    Action::SetPurchaseVisibility,
    Action::RemoveRoles,
];

/// The filter keys, cleared together by "Clear filters".
const FILTER_KEYS: [&str; 5] = ["q", "type", "roles", "status", "agreement"];

#[component]
pub fn RelationshipsPage() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let query_map = use_query_map();
    let nav = Navigator::new();
    let query = Memo::new(move |_| query_map.with(TableQuery::parse));
    let rows = Memo::new(move |_| store.with(|s| relationship_rows(s, s.now)));
    let visible = Memo::new(move |_| {
        query.with(|q| {
            rows.with(|rows| {
                let mut out: Vec<RelationshipRow> =
                    query_rows(rows, &q.filter, q.sort, q.direction)
                        .into_iter()
                        .cloned()
                        .collect();
                // A partner just authorized is shown first, wherever it sorts.
                if let Some(h) = &q.highlight {
                    if let Some(at) = out.iter().position(|r| &r.partner_id == h) {
                        let row = out.remove(at);
                        out.insert(0, row);
                    }
                }
                out
            })
        })
    });
    let total = move || rows.with(Vec::len);
    let shown = move || visible.with(Vec::len);

    let set = move |changes: &[(&'static str, Option<String>)], replace: bool| {
        let url = query_map.with_untracked(|m| with_changes(routes::RELATIONSHIPS, m, changes));
        if replace {
            nav.replace(&url);
        } else {
            nav.push(&url);
        }
    };
    let in_force = Signal::derive(move || {
        query.with(|q| {
            q.filter
                .in_force()
                .into_iter()
                .map(|f| (f.name.to_string(), f.value))
                .collect::<Vec<_>>()
        })
    });
    // The same list with every filter gone (the sort stays).
    let clear_href = Signal::derive(move || {
        let changes: Vec<(&str, Option<String>)> = FILTER_KEYS.iter().map(|k| (*k, None)).collect();
        query_map.with(|m| with_changes(routes::RELATIONSHIPS, m, &changes))
    });
    // The empty state's button goes to the same place as the link.
    let clear = move || nav.push(&clear_href.get_untracked());
    let permission_notice = move || signed_in.page_notice(Subject::PartnerList, &PARTNER_ACTIONS);
    let any_shown = move || shown() != 0;
    let any_partners = Signal::derive(move || total() != 0);
    let on_clear = Callback::new(move |_| clear());
    // Every partner and role, whatever the filters show: the file is the
    // record an admin keeps (its columns are in the README).
    let toasts = use_toasts();
    let save_csv = move |_| {
        let (name, text) = untrack(|| {
            store.with(|s| {
                (
                    domain::external::relationships_csv_filename(s.now),
                    domain::external::relationships_csv(s),
                )
            })
        });
        match download(&name, domain::external::csv::CSV_MIME, &text) {
            Ok(()) => toasts.success("Your partner relationships were saved as a CSV file."),
            Err(_) => toasts.error(
                "The browser refused to save the file. Try again, or allow downloads for this site.",
            ),
        }
    };
    let highlighted_name = move || {
        let id = query.with(|q| q.highlight.clone())?;
        rows.with(|rows| {
            rows.iter()
                .find(|r| r.partner_id == id)
                .map(|r| r.partner_name.clone())
        })
    };

    view! {
        <Page title=domain::console::RELATIONSHIPS_HEAD.title trail=TRAIL>
            {move || permission_notice().map(|n| view! {
                <div class="notice notice--info" data-testid="permission-notice"><p>{n}</p></div>
            })}
            <Lead words=domain::console::RELATIONSHIPS_HEAD.lead />
            <div class="page-actions">
                <button type="button" class="button" on:click=save_csv>"Download CSV"</button>
                <span class="muted">"Every partner and role, one row each, whatever the filters show."</span>
            </div>
            {move || {
                highlighted_name()
                    .map(|name| {
                        // Where to look, not the news: the action's own toast
                        // says what happened, once.
                        view! {
                            <p class="muted" data-testid="highlight-note">
                                {format!("{name} is shown first, highlighted.")}
                            </p>
                        }
                    })
            }}
            <form class="table-filters" role="search" aria-label="Partner relationships" on:submit=|ev| ev.prevent_default()>
                <div class="field field--grow">
                    <label for="rel-search">"Search"</label>
                    <input
                        id="rel-search"
                        type="search"
                        placeholder="Name, type, role or location"
                        prop:value=move || query.with(|q| q.filter.text.clone())
                        on:input=move |ev| set(&[("q", Some(event_target_value(&ev)))], true)
                    />
                </div>
                <div class="field">
                    <label for="rel-type">"Relationship type"</label>
                    <select id="rel-type" on:change=move |ev| set(&[("type", Some(event_target_value(&ev)))], false)>
                        <option value="" selected=move || query.with(|q| q.filter.partner_type.is_none())>"All types"</option>
                        {PartnerType::ALL
                            .into_iter()
                            .map(|t| view! {
                                <option value=t.id() selected=move || query.with(|q| q.filter.partner_type == Some(t))>{t.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="rel-roles">"Admin roles"</label>
                    <select id="rel-roles" on:change=move |ev| set(&[("roles", Some(event_target_value(&ev)))], false)>
                        <option value="" selected=move || query.with(|q| q.filter.roles.is_none())>"Any"</option>
                        {RolesFilter::ALL
                            .into_iter()
                            .map(|r| view! {
                                <option value=r.id() selected=move || query.with(|q| q.filter.roles == Some(r))>{r.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="rel-status">"Status"</label>
                    <select id="rel-status" on:change=move |ev| set(&[("status", Some(event_target_value(&ev)))], false)>
                        <option value="" selected=move || query.with(|q| q.filter.status.is_none())>"Any status"</option>
                        {StatusFilter::ALL
                            .into_iter()
                            .map(|s| view! {
                                <option value=s.id() selected=move || query.with(|q| q.filter.status == Some(s))>{s.label()}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="rel-agreement">"Customer agreement"</label>
                    <select id="rel-agreement" on:change=move |ev| set(&[("agreement", Some(event_target_value(&ev)))], false)>
                        <option value="" selected=move || query.with(|q| q.filter.agreement_signed.is_none())>"Any"</option>
                        <option value="signed" selected=move || query.with(|q| q.filter.agreement_signed == Some(true))>"Signed"</option>
                        <option value="unsigned" selected=move || query.with(|q| q.filter.agreement_signed == Some(false))>"Not signed"</option>
                    </select>
                </div>
            </form>
            <ActiveFilters filters=in_force clear_href=clear_href />
            <p class="result-count" role="status" data-testid="relationship-count">
                {move || {
                    let (shown, total) = (shown(), total());
                    if shown == total {
                        format!("{total} partners")
                    } else {
                        format!("Showing {shown} of {total} partners")
                    }
                }}
            </p>
            <Show
                when=any_shown
                fallback=move || view! { <EmptyTable any_partners=any_partners on_clear=on_clear /> }
            >
                <div class="table-wrap">
                    <table class="data-table table--stack" data-testid="relationships-table">
                        <caption class="visually-hidden">"Partner relationships. Column headers with buttons sort the table."</caption>
                        <thead>
                            <tr>
                                <SortHeader label="Partner name" key=SortKey::Name query=query set=set />
                                <SortHeader label="Relationship types" key=SortKey::Types query=query set=set />
                                <th scope="col">"Admin roles"</th>
                                <SortHeader label="Status" key=SortKey::Status query=query set=set />
                                <SortHeader label="Ends" key=SortKey::EndDate query=query set=set />
                                <SortHeader label="Customer agreement" key=SortKey::Agreement query=query set=set />
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || visible.get() key=row_key let:row>
                                <Row row=row query=query nav=nav />
                            </For>
                        </tbody>
                    </table>
                </div>
            </Show>
        </Page>
    }
}

/// Keyed by everything the row shows, so a changed partner re-renders.
fn row_key(r: &RelationshipRow) -> String {
    format!(
        "{}|{}|{:?}|{:?}|{}|{}",
        r.partner_id,
        r.admin_roles.join(","),
        r.access,
        r.earliest_end,
        r.agreement_signed,
        r.types_label()
    )
}

#[component]
fn EmptyTable(any_partners: Signal<bool>, on_clear: Callback<()>) -> impl IntoView {
    view! {
        <div class="empty-state">
            {move || {
                if any_partners.get() {
                    view! {
                        <p>"No partners match these filters."</p>
                        <button type="button" class="button" on:click=move |_| on_clear.run(())>"Clear filters"</button>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>"You don't work with any partners yet."</p>
                        <A href=href(routes::FIND_PARTNER)>"Find a partner"</A>
                    }
                    .into_any()
                }
            }}
        </div>
    }
}

#[component]
fn SortHeader(
    label: &'static str,
    key: SortKey,
    query: Memo<TableQuery>,
    set: impl Fn(&[(&'static str, Option<String>)], bool) + Copy + 'static,
) -> impl IntoView {
    let sorted = move || query.with(|q| (q.sort == key).then_some(q.direction));
    let on_click = move |_| {
        let next = match sorted() {
            Some(direction) => direction.toggled(),
            None => SortDirection::Ascending,
        };
        let sort = (key != SortKey::default()).then(|| key.id().to_string());
        let dir = (next == SortDirection::Descending).then(|| "desc".to_string());
        set(&[("sort", sort), ("dir", dir)], false);
    };
    view! {
        <th scope="col" aria-sort=move || sorted().map(|d| d.aria_sort())>
            <button type="button" class="sort-button" on:click=on_click>
                {label}
                <span class="sort-button__icon" aria-hidden="true">
                    {move || match sorted() {
                        Some(SortDirection::Ascending) => "▲",
                        Some(SortDirection::Descending) => "▼",
                        None => "↕",
                    }}
                </span>
            </button>
        </th>
    }
}

#[component]
fn Row(row: RelationshipRow, query: Memo<TableQuery>, nav: Navigator) -> impl IntoView {
    let path = routes::partner(&row.partner_id);
    let id = row.partner_id.clone();
    let highlighted = move || query.with(|q| q.highlight.as_deref() == Some(id.as_str()));
    let open = {
        let path = path.clone();
        move || nav.push(&path)
    };
    let open_on_click = {
        let open = open.clone();
        move |ev: MouseEvent| {
            // Links, buttons and the roles disclosure do their own thing.
            if !inside_control(ev.target(), "a,button,summary,details") {
                open();
            }
        }
    };
    let open_on_enter = move |ev: KeyboardEvent| {
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if ev.key() == "Enter" && plain && !inside_control(ev.target(), "button,summary") {
            ev.prevent_default();
            open();
        }
    };
    let roles = row.admin_roles.clone();
    let role_count = roles.len();
    let roles_summary = row.roles_summary();
    let name = row.partner_name.clone();
    // The Graph status, when it says more than the badge.
    let access = row.access;
    let name_text = row.partner_name.clone();
    let types = if row.types.is_empty() {
        "None".to_string()
    } else {
        row.types_label()
    };
    let status_detail = row
        .granular_status
        .as_ref()
        .map(|s| s.label())
        .filter(|s| s != access.label());
    let ends = row.earliest_end.map(|end| end.date_string());
    let days_left = row.days_left.map(|d| match d {
        0 => "Ends today".to_string(),
        1 => "1 day left".to_string(),
        n => format!("{n} days left"),
    });
    view! {
        <tr
            class="data-table__row"
            class:data-table__row--highlight=highlighted
            data-partner-id=row.partner_id.clone()
            on:click=open_on_click
            on:keydown=open_on_enter
        >
            <th scope="row" class="data-table__name">
                <A href=href(&path)>{name_text}</A>
            </th>
            <td data-label="Relationship types">{types}</td>
            <td data-label="Admin roles">
                {if role_count == 0 {
                    view! { <span class="muted">"None"</span> }.into_any()
                } else {
                    view! {
                        <details class="roles-disclosure">
                            <summary>
                                {roles_summary}
                                <span class="visually-hidden">{format!(" held by {name}")}</span>
                            </summary>
                            <ul>{roles.into_iter().map(|r| {
                                let legacy = row.is_legacy_role(&r).then_some(" (legacy)");
                                let privileged = row.is_privileged_role(&r).then(|| view! { " " <PrivilegedBadge focusable=true /> });
                                view! { <li>{r}{legacy}{privileged}</li> }
                            }).collect_view()}</ul>
                        </details>
                    }
                    .into_any()
                }}
            </td>
            <td data-label="Status">
                {row.legacy_label().map(|l| view! { <span class="badge badge--warning">{l}</span> " " })}
                {row.shows_access().then(|| view! { <StatusBadge access=row.access /> })}
                {status_detail.map(|s| view! { <span class="data-table__sub">{s}</span> })}
            </td>
            <td class="data-table__date" data-label="Ends">
                {ends.unwrap_or_else(|| "—".to_string())}
                {days_left.map(|d| view! { <span class="data-table__sub">{d}</span> })}
            </td>
            <td data-label="Customer agreement"><AgreementBadge signed=row.agreement_signed /></td>
        </tr>
    }
}

fn inside_control(target: Option<web_sys::EventTarget>, selector: &str) -> bool {
    target
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest(selector).ok().flatten())
        .is_some()
}
