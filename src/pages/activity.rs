//! Activity: every action taken here, newest first, with who, what, when
//! and how it went; filtered by partner and action through the URL.

use domain::{sort, ActivityEntry, State};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::filter_panel::group_digits;
use crate::components::focus::focus_id_after_render;
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

/// How many entries the table shows at first, and adds at each "Show more".
const PAGE_SIZE: usize = 100;

#[component]
pub fn ActivityPage() -> impl IntoView {
    let store = use_store();
    let query_map = use_query_map();
    let nav = Navigator::new();
    let partner =
        Memo::new(move |_| query_map.with(|q| q.get("partner").filter(|p| !p.is_empty())));
    let action = Memo::new(move |_| query_map.with(|q| q.get("action").filter(|a| !a.is_empty())));
    let filter_choices = Memo::new(move |_| store.with(|s| choices(&s.activity)));
    // How many entries the table shows, and for which filters: another
    // filter starts again from PAGE_SIZE (in the same render), and coming
    // back to the filters last expanded, with Back say, finds them as left.
    let expanded = RwSignal::new(None::<(Option<String>, Option<String>, usize)>);
    let shown = move || {
        let (partner, action) = (partner.get(), action.get());
        expanded.with(|e| match e {
            Some((p, a, n)) if *p == partner && *a == action => *n,
            _ => PAGE_SIZE,
        })
    };
    // The newest `shown` matching entries, and how many match in all. A
    // page of a thousand rows took 100-250 ms to open and as long again
    // after every change anywhere in the console; a hundred take a tenth.
    let page = Memo::new(move |_| {
        let (partner, action, shown) = (partner.get(), action.get(), shown());
        store.with(|s| {
            let mut matching = s
                .activity
                .iter()
                .rev()
                .filter(|e| partner.is_none() || e.partner_id == partner)
                .filter(|e| action.as_ref().is_none_or(|a| &e.action == a));
            let visible: Vec<ActivityEntry> = matching.by_ref().take(shown).cloned().collect();
            let count = visible.len() + matching.count();
            (count, visible)
        })
    });
    let filtered = move || partner.with(Option::is_some) || action.with(Option::is_some);
    let show_more = move |_| {
        let first_new = untrack(shown);
        expanded.set(Some((
            partner.get_untracked(),
            action.get_untracked(),
            first_new + PAGE_SIZE,
        )));
        // The button may go with the last page: start the keyboard and the
        // screen reader at the first entry it added.
        focus_id_after_render(row_id(first_new));
    };
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
                {move || page.with(|(matching, visible)| count_text(visible.len(), *matching, total(), filtered()))}
            </p>
            <Show when=move || { total() >= State::ACTIVITY_LIMIT }>
                <p class="muted" data-testid="activity-limit">
                    {format!("The log keeps the newest {} entries; older ones are removed as new ones arrive.", group_digits(State::ACTIVITY_LIMIT))}
                </p>
            </Show>
            <Show
                when=move || page.with(|(_, visible)| !visible.is_empty())
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
                            {move || page.get().1.into_iter().enumerate().map(|(i, e)| entry_row(i, e)).collect_view()}
                        </tbody>
                    </table>
                </div>
                {move || {
                    let more = page.with(|(matching, visible)| matching - visible.len()).min(PAGE_SIZE);
                    (more > 0).then(|| view! {
                        <button type="button" class="button show-more" on:click=show_more>
                            {format!("Show {more} more")}
                        </button>
                    })
                }}
            </Show>
        </Page>
    }
}

/// What the count line says: how many entries there are, and how many of
/// them the table shows when a filter or the page size leaves some out.
fn count_text(visible: usize, matching: usize, total: usize, filtered: bool) -> String {
    let (visible_text, matching_text, total_text) = (
        group_digits(visible),
        group_digits(matching),
        group_digits(total),
    );
    match (visible < matching, filtered) {
        (false, false) => format!("{total_text} entries"),
        (false, true) => format!("Showing {visible_text} of {total_text} entries"),
        (true, false) => format!("Showing the newest {visible_text} of {total_text} entries"),
        (true, true) => {
            format!("Showing the newest {visible_text} of {matching_text} matching entries")
        }
    }
}

fn row_id(index: usize) -> String {
    format!("activity-entry-{index}")
}

fn entry_row(index: usize, e: ActivityEntry) -> impl IntoView {
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
        <tr id=row_id(index) tabindex="-1">
            <td data-label="Time (UTC)"><time datetime=e.at.to_rfc3339()>{when}</time></td>
            <td data-label="Who">{e.actor()}</td>
            <td data-label="Action">{e.action.clone()}</td>
            <td data-label="Partner">{partner}</td>
            <td data-label="Outcome" class:outcome--refused=refused>{e.outcome.clone()}</td>
        </tr>
    }
}
