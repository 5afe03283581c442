//! Activity: every action taken here, newest first, with who, what, when
//! and how it went; filtered by partner and action through the URL.

use domain::{sort, ActivityEntry, State};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::filter_panel::group_digits;
use crate::components::page::Page;
use crate::components::url_query::{use_query_map, with_changes, Navigator};
use crate::routes;
use crate::store::use_store;

/// The entries' partner ids and names, and their distinct actions, for the
/// filter choices.
fn choices(entries: &[ActivityEntry]) -> (Vec<(String, String)>, Vec<String>) {
    let mut partners: Vec<(String, String)> = Vec::new();
    let mut actions: Vec<String> = Vec::new();
    for e in entries {
        if let Some(id) = &e.partner_id {
            if !partners.iter().any(|(p, _)| p == id) {
                let name = e.partner_name.clone().unwrap_or_else(|| id.clone());
                partners.push((id.clone(), name));
            }
        }
        if !actions.contains(&e.action) {
            actions.push(e.action.clone());
        }
    }
    sort::sort_by_key(&mut partners, |(_, name)| name.to_lowercase());
    sort::sort_by(&mut actions, |a, b| a.cmp(b));
    (partners, actions)
}

#[component]
pub fn ActivityPage() -> impl IntoView {
    let store = use_store();
    let query_map = use_query_map();
    let nav = Navigator::new();
    let partner =
        Memo::new(move |_| query_map.with(|q| q.get("partner").filter(|p| !p.is_empty())));
    let action = Memo::new(move |_| query_map.with(|q| q.get("action").filter(|a| !a.is_empty())));
    let filter_choices = Memo::new(move |_| store.with(|s| choices(&s.activity)));
    let entries = Memo::new(move |_| {
        let (partner, action) = (partner.get(), action.get());
        store.with(|s| {
            s.activity
                .iter()
                .rev()
                .filter(|e| partner.is_none() || e.partner_id == partner)
                .filter(|e| action.as_ref().is_none_or(|a| &e.action == a))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let total = move || store.with(|s| s.activity.len());
    let set = move |key: &'static str, value: String| {
        let url =
            query_map.with_untracked(|m| with_changes(routes::ACTIVITY, m, &[(key, Some(value))]));
        nav.push(&url);
    };

    view! {
        <Page title="Activity">
            <p class="lead">"Every action taken in this console, newest first: who did what, when, and whether it went through."</p>
            <form class="table-filters" role="search" aria-label="Activity" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="activity-partner">"Partner"</label>
                    <select id="activity-partner" on:change=move |ev| set("partner", event_target_value(&ev))>
                        <option value="" selected=move || partner.with(Option::is_none)>"All partners"</option>
                        {move || filter_choices.with(|(partners, _)| partners.iter().map(|(id, name)| {
                            let id2 = id.clone();
                            view! { <option value=id.clone() selected=move || partner.with(|p| p.as_ref() == Some(&id2))>{name.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
                <div class="field">
                    <label for="activity-action">"Action"</label>
                    <select id="activity-action" on:change=move |ev| set("action", event_target_value(&ev))>
                        <option value="" selected=move || action.with(Option::is_none)>"All actions"</option>
                        {move || filter_choices.with(|(_, actions)| actions.iter().map(|a| {
                            let a2 = a.clone();
                            view! { <option value=a.clone() selected=move || action.with(|x| x.as_ref() == Some(&a2))>{a.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
            </form>
            <p class="result-count" role="status" data-testid="activity-count">
                {move || {
                    let shown = entries.with(Vec::len);
                    let total = total();
                    let (shown, total) = (group_digits(shown), group_digits(total));
                    if shown == total { format!("{total} entries") } else { format!("Showing {shown} of {total} entries") }
                }}
            </p>
            <Show when=move || { total() >= State::ACTIVITY_LIMIT }>
                <p class="muted" data-testid="activity-limit">
                    {format!("The log keeps the newest {} entries; older ones are removed as new ones arrive.", group_digits(State::ACTIVITY_LIMIT))}
                </p>
            </Show>
            <Show
                when=move || entries.with(|e| !e.is_empty())
                fallback=|| view! { <p class="empty-state">"No activity matches these filters."</p> }
            >
                <div class="table-wrap">
                    <table class="data-table table--stack" data-testid="activity-table">
                        <caption class="visually-hidden">"Activity, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Time (UTC)"</th>
                                <th scope="col">"Who"</th>
                                <th scope="col">"Action"</th>
                                <th scope="col">"Partner"</th>
                                <th scope="col">"Outcome"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || entries.get().into_iter().map(entry_row).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </Page>
    }
}

fn entry_row(e: ActivityEntry) -> impl IntoView {
    let (y, mo, d) = e.at.date();
    let (h, mi, _) = e.at.time_of_day();
    let when = format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}");
    let refused = e.was_refused();
    let partner = match (&e.partner_id, &e.partner_name) {
        (Some(id), name) => {
            let label = name.clone().unwrap_or_else(|| id.clone());
            view! { <A href=href(&routes::partner(id))>{label}</A> }.into_any()
        }
        (None, _) => view! { <span class="muted">"—"</span> }.into_any(),
    };
    view! {
        <tr>
            <td data-label="Time (UTC)"><time datetime=e.at.to_rfc3339()>{when}</time></td>
            <td data-label="Who">{e.actor()}</td>
            <td data-label="Action">{e.action.clone()}</td>
            <td data-label="Partner">{partner}</td>
            <td data-label="Outcome" class:outcome--refused=refused>{e.outcome.clone()}</td>
        </tr>
    }
}
