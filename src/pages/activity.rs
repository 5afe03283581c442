//! Activity: every action taken here, newest first, with who, what, when
//! and how it went; filtered by partner and action through the URL.

use domain::directory::{
    listing_of, DirectoryQuery, Listing, DEFAULT_PARTNER_COUNT, DIRECTORY_SEED,
};
use domain::{sort, ActivityEntry, State};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::active_filters::ActiveFilters;
use crate::components::filter_panel::group_digits;
use crate::components::focus::focus_id_after_render;
use crate::components::page::{Lead, Page};
use crate::components::url_query::{use_query_map, with_changes, Navigator};
use crate::pages::find_partner::directory::find_href;
use crate::routes;
use crate::store::use_store;

/// A partner as the log names it: one of yours (its page), one in the
/// directory (a contact request went to it: Find a partner, searched for
/// its name), or neither (its name, or "a partner not in your list").
#[derive(Clone, Debug, PartialEq)]
struct PartnerRef {
    name: String,
    link: Option<String>,
}

/// Who `partner_id` is, for a link or a filter; `logged_name` is the name
/// the entry was logged with, if any.
fn partner_ref(state: &State, partner_id: &str, logged_name: Option<&str>) -> PartnerRef {
    if let Some(partner) = state.partner(partner_id) {
        return PartnerRef {
            name: partner.name.clone(),
            link: Some(routes::partner(partner_id)),
        };
    }
    if let Some(listing) = listing_of(DIRECTORY_SEED, partner_id) {
        let query = DirectoryQuery {
            keywords: listing.name.clone(),
            ..DirectoryQuery::default()
        };
        // A larger directory than the default holds the partners past it.
        let size = Listing::id_of_key(partner_id).map_or(0, |id| id as usize + 1);
        return PartnerRef {
            link: Some(find_href(&query, size.max(DEFAULT_PARTNER_COUNT))),
            name: listing.name,
        };
    }
    PartnerRef {
        name: logged_name.map_or_else(|| "A partner not in your list".to_string(), str::to_string),
        link: None,
    }
}

/// The entries' partner ids and names, and their distinct actions, for the
/// filter choices.
fn choices(state: &State) -> (Vec<(String, String)>, Vec<String>) {
    let mut partners: Vec<(String, String)> = Vec::new();
    let mut actions: Vec<String> = Vec::new();
    for e in &state.activity {
        if let Some(id) = &e.partner_id {
            if !partners.iter().any(|(p, _)| p == id) {
                let name = partner_ref(state, id, e.partner_name.as_deref()).name;
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
    let filter_choices = Memo::new(move |_| store.with(choices));
    // The filters in force, named: a partner or action from a link that the
    // log does not hold is said so, never shown as "All partners".
    let partner_label = Memo::new(move |_| {
        partner.get().map(|id| {
            filter_choices
                .with(|(partners, _)| {
                    partners
                        .iter()
                        .find(|(p, _)| *p == id)
                        .map(|(_, n)| n.clone())
                })
                .unwrap_or_else(|| store.with(|s| partner_ref(s, &id, None).name))
        })
    });
    let action_known = move || {
        action.with(|a| {
            a.as_ref()
                .is_none_or(|a| filter_choices.with(|(_, actions)| actions.contains(a)))
        })
    };
    let partner_known = move || {
        partner.with(|p| {
            p.as_ref().is_none_or(|p| {
                filter_choices.with(|(partners, _)| partners.iter().any(|(id, _)| id == p))
            })
        })
    };
    let in_force = Signal::derive(move || {
        let mut chips = Vec::new();
        if let Some(name) = partner_label.get() {
            chips.push(("Partner".to_string(), name));
        }
        if let Some(a) = action.get() {
            let shown = if action_known() {
                a
            } else {
                format!("{a} (not in the log)")
            };
            chips.push(("Action".to_string(), shown));
        }
        chips
    });
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
            let mut matching = ActivityEntry::newest_first(&s.activity)
                .into_iter()
                .filter(|e| partner.is_none() || e.partner_id == partner)
                .filter(|e| action.as_ref().is_none_or(|a| &e.action == a));
            let visible: Vec<(ActivityEntry, PartnerRef)> = matching
                .by_ref()
                .take(shown)
                .map(|e| {
                    let who = e
                        .partner_id
                        .as_deref()
                        .map(|id| partner_ref(s, id, e.partner_name.as_deref()));
                    (
                        e.clone(),
                        who.unwrap_or(PartnerRef {
                            name: String::new(),
                            link: None,
                        }),
                    )
                })
                .collect();
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
        <Page title=domain::console::ACTIVITY_HEAD.title>
            <Lead words=domain::console::ACTIVITY_HEAD.lead />
            <form class="table-filters" role="search" aria-label="Activity" on:submit=|ev| ev.prevent_default()>
                <div class="field">
                    <label for="activity-partner">"Partner"</label>
                    <select id="activity-partner" on:change=move |ev| set("partner", event_target_value(&ev))>
                        <option value="" selected=move || partner.with(Option::is_none)>"All partners"</option>
                        // A partner from a link that the log does not name.
                        {move || (!partner_known()).then(|| view! {
                            <option value=partner.get().unwrap_or_default() selected=true>
                                {partner_label.get().unwrap_or_default()}
                            </option>
                        })}
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
                        {move || (!action_known()).then(|| view! {
                            <option value=action.get().unwrap_or_default() selected=true>"An action not in the log"</option>
                        })}
                        {move || filter_choices.with(|(_, actions)| actions.iter().map(|a| {
                            let a2 = a.clone();
                            view! { <option value=a.clone() selected=move || action.with(|x| x.as_ref() == Some(&a2))>{a.clone()}</option> }
                        }).collect_view())}
                    </select>
                </div>
            </form>
            <ActiveFilters filters=in_force clear_href=Signal::derive(|| routes::ACTIVITY.to_string()) />
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
                fallback=move || if filtered() {
                    view! {
                        <div class="empty-state" data-testid="activity-empty">
                            <p>"No activity matches these filters."</p>
                            <A href=href(routes::ACTIVITY) attr:class="button">"Clear filters"</A>
                        </div>
                    }.into_any()
                } else {
                    view! { <p class="empty-state" data-testid="activity-empty">"Nothing has happened in this console yet."</p> }.into_any()
                }
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
                            {move || page.get().1.into_iter().enumerate().map(|(i, (e, who))| entry_row(i, e, who)).collect_view()}
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

fn entry_row(index: usize, e: ActivityEntry, who: PartnerRef) -> impl IntoView {
    let (y, mo, d) = e.at.date();
    let (h, mi, _) = e.at.time_of_day();
    let when = format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}");
    let refused = e.was_refused();
    let partner = match (&e.partner_id, who.link) {
        (Some(_), Some(link)) => view! { <A href=href(&link)>{who.name}</A> }.into_any(),
        (Some(_), None) => view! { <span>{who.name}</span> }.into_any(),
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
