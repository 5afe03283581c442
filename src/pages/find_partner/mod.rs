//! "Find a partner": the directory's filters, its results and the way to
//! contact one partner ("Contact me") or several ("Contact selected
//! providers").
//!
//! The URL query is the source of truth: the filters are read from it and
//! every change navigates (keystrokes replace the history entry, choices add
//! one), so a copied link reproduces the view and back/forward restore it.
//! Keystrokes show their results at once and reach the URL when typing
//! pauses or focus leaves the filters: writing history took about 4 ms a
//! key at 100,000 partners, in the frame that shows the answer.

pub mod directory;
mod partner_detail;
mod partner_row;
mod selection;

use std::sync::Arc;
use std::time::Duration;

use domain::permissions::{self, Action, Subject};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::base_path::href;
use crate::components::active_filters::ActiveFilters;
use crate::components::filter_panel::{group_digits, FilterPanel, QueryChange, SortSelect};
use crate::components::page::{Lead, Page};
use crate::components::url_query::use_query_map;
use crate::components::virtual_list::VirtualList;
use crate::persona_store::use_signed_in;
use directory::{contact_href, find_href, UrlView};
use domain::directory::{DirectoryQuery, Facet};
use partner_detail::PartnerDetail;
use partner_row::PartnerRow;
pub use selection::{use_selection, Selection};

/// The height of a result row in CSS pixels (style/directory.css agrees).
pub const ROW_HEIGHT: u32 = 200;

/// How long typing must pause before the keywords are written to the URL:
/// longer than the gap between keys of a quick typist, short enough that
/// the link is current by the time anyone copies it.
const URL_AFTER_TYPING: Duration = Duration::from_millis(300);

/// The ids of a search, compared by identity: comparing 100,000 ids to
/// learn that a new search differs would cost more than the search.
#[derive(Clone)]
struct Results(Arc<Vec<u32>>);

impl PartialEq for Results {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
pub fn FindPartnerPage() -> impl IntoView {
    let signed_in = use_signed_in();
    let query_map = use_query_map();
    let url = Memo::new(move |_| query_map.with(UrlView::read));
    let count = Memo::new(move |_| url.with(|u| u.count));
    // The keywords typed since the URL was last written (see the module
    // comment); the URL's query otherwise.
    let typed = RwSignal::new(None::<DirectoryQuery>);
    let query = Memo::new(move |_| typed.get().unwrap_or_else(|| url.with(|u| u.query.clone())));
    let notices = Memo::new(move |_| url.with(|u| u.notices.clone()));
    // Built a slice at a time on a first visit (the page shows its frame
    // and "Loading partners" meanwhile), then kept for the session.
    let built = RwSignal::new(directory::cached(count.get_untracked()));
    // The directory the filter panel counts in: after a build, one task
    // after the results, so neither render holds the browser long.
    let counting = RwSignal::new(built.get_untracked());
    Effect::new(move |_| {
        let wanted = count.get();
        if built.with_untracked(|d| d.as_ref().is_some_and(|d| d.len() == wanted)) {
            return;
        }
        leptos::task::spawn_local(async move {
            let dir = directory::build(wanted).await;
            if count.try_get_untracked() != Some(wanted) {
                return;
            }
            built.try_set(Some(dir.clone()));
            crate::startup::yield_to_browser().await;
            if count.try_get_untracked() == Some(wanted) {
                counting.try_set(Some(dir));
            }
        });
    });
    let directory = move || built.get();
    let results = Memo::new(move |_| {
        let found = directory().map(|dir| query.with(|q| directory::search(&dir, q)));
        Results(Arc::new(found.unwrap_or_default()))
    });
    // The filter panel's counts follow the query in a task of their own
    // after the frame that shows the results: recounting and re-rendering
    // some 200 counts doubled a keystroke's work. Quick keys coalesce into
    // one count; the last query is always counted.
    let counted = RwSignal::new(query.get_untracked());
    Effect::new(move |_| {
        query.track();
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if let Some(latest) = query.try_get_untracked() {
                        if counted.with_untracked(|c| *c != latest) {
                            counted.set(latest);
                        }
                    }
                },
                Duration::ZERO,
            )
        });
    });
    let counts = Memo::new(move |_| {
        counting
            .get()
            .map(|dir| counted.with(|q| dir.facet_counts(q)))
            .unwrap_or_default()
    });
    let loading = move || built.with(Option::is_none);
    // Each new result list starts at its top.
    let generation = Memo::new(move |previous: Option<&u64>| {
        results.track();
        previous.map_or(0, |p| p + 1)
    });
    let found = Signal::derive(move || results.with(|r| r.0.len()));
    let can_contact =
        Signal::derive(move || permissions::allows(signed_in.get(), Action::ContactPartners));
    let selection = use_selection();
    let detail = RwSignal::new(None::<u32>);

    let navigate = use_navigate();
    let go = Callback::new(move |(query, replace): (DirectoryQuery, bool)| {
        navigate(
            &find_href(&query, count.get_untracked()),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(handle) = pending.try_get_value().flatten() {
            handle.clear();
            pending.set_value(None);
        }
    };
    // Writes typed keywords to the URL, replacing the entry as each
    // keystroke used to.
    let write_typed = move || {
        cancel_pending();
        if let Some(query) = typed.try_get_untracked().flatten() {
            go.run((query, true));
        }
    };
    // Any change of the URL (written here, back/forward, a link) ends the
    // typed query: the URL holds it, or the admin went elsewhere.
    Effect::new(move |_| {
        url.track();
        cancel_pending();
        typed.set(None);
    });
    on_cleanup(cancel_pending);
    let on_change = Callback::new(move |change: QueryChange| {
        if change.typing {
            typed.set(Some(change.query));
            cancel_pending();
            pending.set_value(set_timeout_with_handle(write_typed, URL_AFTER_TYPING).ok());
        } else {
            // The keywords get their entry first, as when each key wrote
            // it, so back from this choice returns to them.
            write_typed();
            go.run((change.query, false));
        }
    });
    let clear_all = move |_| {
        on_change.run(QueryChange {
            query: query.get_untracked().cleared(),
            typing: false,
        })
    };

    // The count reads as on the other lists: "5,000 partners", and
    // "Showing 12 of 5,000 partners" while a filter is in force.
    let status_text = move || {
        let (n, total) = (found.get(), count.get());
        if loading() {
            "Loading the partner directory…".to_string()
        } else if query.with(DirectoryQuery::has_filters) {
            format!(
                "Showing {} of {} partners",
                group_digits(n),
                group_digits(total)
            )
        } else if total == 1 {
            "1 partner".to_string()
        } else {
            format!("{} partners", group_digits(total))
        }
    };
    let in_force = Signal::derive(move || query.with(filters_in_force));
    let clear_href =
        Signal::derive(move || find_href(&query.with(DirectoryQuery::cleared), count.get()));

    view! {
        <Page title=domain::console::FIND_PARTNER_HEAD.title>
            <Lead words=domain::console::FIND_PARTNER_HEAD.lead />
            {move || {
                signed_in.page_notice(Subject::Directory, &[Action::ContactPartners])
                    .map(|text| view! {
                        <div class="notice notice--warning" role="note"><p>{text}</p></div>
                    })
            }}
            <Show when=move || notices.with(|n| !n.is_empty())>
                <section class="notice notice--warning" aria-labelledby="query-notices-title" data-testid="query-notices">
                    <p id="query-notices-title"><strong>"Parts of this link could not be used."</strong></p>
                    <ul>
                        {move || notices.get().into_iter().map(|n| view! {
                            <li>
                                {n.summary}
                                {n.detail.map(|d| view! {
                                    <details class="notice__details">
                                        <summary>"Details"</summary>
                                        <code>{d}</code>
                                    </details>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            </Show>
            <div class="directory">
                <aside class="directory__filters" aria-label="Filters" on:focusout=move |_| write_typed()>
                    <div class="directory__filters-head">
                        <h2 class="directory__h2">"Filters"</h2>
                        <button
                            type="button"
                            class="button button--subtle"
                            on:click=clear_all
                            disabled=move || query.with(|q| !q.has_filters())
                        >
                            "Clear filters"
                        </button>
                    </div>
                    <FilterPanel query=query counts=counts on_change=on_change />
                </aside>
                <section class="directory__results" aria-labelledby="results-title">
                    <div class="directory__toolbar">
                        <h2 class="directory__h2" id="results-title">"Partners"</h2>
                        <p class="directory__count" role="status" aria-live="polite" data-testid="result-count">
                            {status_text}
                        </p>
                        <SortSelect query=query on_change=on_change />
                        <Show when=move || can_contact.get()>
                            <ContactSelected selection=selection />
                        </Show>
                    </div>
                    <ActiveFilters filters=in_force clear_href=clear_href />
                    <Show
                        when=move || { found.get() > 0 || loading() }
                        fallback=move || view! {
                            <div class="directory__empty">
                                <p>"No partners match these filters."</p>
                                <button type="button" class="button" on:click=clear_all>"Clear filters"</button>
                            </div>
                        }
                    >
                        <VirtualList
                            len=found
                            key_at=move |i| results.with(|r| r.0.get(i).copied())
                            row=move |id: u32, _| {
                                view! {
                                    <PartnerRow
                                        listing=directory().and_then(|d| d.listing(id))
                                        selection=selection
                                        can_contact=can_contact
                                        on_details=Callback::new(move |_| detail.set(Some(id)))
                                    />
                                }
                            }
                            row_height=ROW_HEIGHT
                            label="Partners found"
                            reset=Signal::derive(move || generation.get())
                        />
                    </Show>
                </section>
            </div>
            <PartnerDetail
                open=detail
                listing=Signal::derive(move || detail.get().and_then(|id| directory()?.listing(id)))
                selection=selection
                can_contact=can_contact
            />
        </Page>
    }
}

/// The filters in force as (label, value) chips: the keywords, then each
/// facet's choices in the filter pane's order.
fn filters_in_force(query: &DirectoryQuery) -> Vec<(String, String)> {
    let mut chips = Vec::new();
    let keywords = query.keywords.trim();
    if !keywords.is_empty() {
        chips.push(("Keywords".to_string(), keywords.to_string()));
    }
    for facet in Facet::ALL {
        let values = query.values(facet);
        if !values.is_empty() {
            let labels: Vec<&str> = values.iter().map(|v| facet.label(*v)).collect();
            chips.push((facet.title().to_string(), labels.join(", ")));
        }
    }
    chips
}

/// "Contact selected providers (N)": a link to the form once something is
/// selected, within the most one request may go to.
#[component]
fn ContactSelected(selection: Selection) -> impl IntoView {
    let n = move || selection.0.with(Vec::len);
    let max = domain::ContactRequest::MAX_PARTNERS;
    view! {
        <div class="contact-selected">
            {move || {
                let count = n();
                if count == 0 || count > max {
                    view! {
                        <button type="button" class="button button--primary" disabled=true aria-describedby="contact-selected-hint">
                            {format!("Contact selected providers ({count})")}
                        </button>
                    }
                    .into_any()
                } else {
                    let target = href(&contact_href(&selection.0.get()));
                    view! {
                        <A href=target attr:class="button button--primary" attr:aria-describedby="contact-selected-hint">
                            {format!("Contact selected providers ({count})")}
                        </A>
                    }
                    .into_any()
                }
            }}
            <span id="contact-selected-hint" class="contact-selected__hint">
                {move || match n() {
                    0 => "Select partners with their checkboxes.".to_string(),
                    c if c > max => format!("Select at most {max} partners for one request."),
                    _ => String::new(),
                }}
            </span>
        </div>
    }
}
