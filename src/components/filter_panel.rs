//! The directory's filter form: keywords, country/region and city, and a
//! group of checkboxes per multi-choice facet, each value with the number
//! of partners it would show. It reads the query and reports every change
//! as a whole new query; the page decides where the query lives (the URL).

use domain::directory::{DirectoryQuery, Facet, FacetCounts, SortOrder};
use leptos::prelude::*;

use crate::later::{self, Part};

/// A change of the query. `typing` is true for keystrokes in the keyword
/// box (the page replaces the history entry instead of adding one).
#[derive(Clone, Debug)]
pub struct QueryChange {
    pub query: DirectoryQuery,
    pub typing: bool,
}

const MULTI_FACETS: [Facet; 6] = [
    Facet::Size,
    Facet::Industry,
    Facet::Product,
    Facet::Service,
    Facet::PartnerType,
    Facet::Designation,
];

/// Groups shown open at first: the ones the seeds ask for first, on a
/// screen wide enough to show results beside them. On a phone (or at
/// 200 % zoom) open groups would push the results two screens down.
fn opens_by_default(facet: Facet) -> bool {
    matches!(facet, Facet::Size | Facet::Industry) && !is_narrow_screen()
}

fn is_narrow_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(max-width: 760px)").ok().flatten())
        .is_some_and(|query| query.matches())
}

/// "Germany (412)"; the label alone while nothing is counted yet.
fn with_count(label: &str, count: Option<u32>) -> String {
    match count {
        Some(n) => format!("{label} ({})", group_digits(n as usize)),
        None => label.to_string(),
    }
}

/// 12408 → "12,408".
pub fn group_digits(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[component]
pub fn FilterPanel(
    #[prop(into)] query: Signal<DirectoryQuery>,
    #[prop(into)] counts: Signal<FacetCounts>,
    on_change: Callback<QueryChange>,
) -> impl IntoView {
    let change = move |edit: &dyn Fn(&mut DirectoryQuery), typing: bool| {
        let mut next = query.get_untracked();
        edit(&mut next);
        on_change.run(QueryChange {
            query: next,
            typing,
        });
    };

    let country_options = move || {
        let chosen = query.with(|q| q.country);
        counts.with(|c| {
            (0..Facet::Country.value_count() as u16)
                .map(|v| {
                    view! {
                        <option value=Facet::Country.slug(v) prop:selected=chosen == Some(v)>
                            {with_count(Facet::Country.label(v), c.known(Facet::Country, v))}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    let city_options = move || {
        let (country, chosen) = query.with(|q| (q.country, q.city));
        let cities: Vec<u16> = match country {
            Some(c) => Facet::cities_of(c).collect(),
            None => (0..Facet::City.value_count() as u16).collect(),
        };
        counts.with(|c| {
            cities
                .into_iter()
                .map(|v| {
                    view! {
                        <option value=Facet::City.slug(v) prop:selected=chosen == Some(v)>
                            {with_count(Facet::City.label(v), c.known(Facet::City, v))}
                        </option>
                    }
                })
                .collect_view()
        })
    };

    // At start-up what takes no room yet (the selects' options, the values
    // of closed groups) comes a task after the form (later.rs).
    let choices = later::due(Part::FilterChoices);
    let facet_values = move |facet: Facet| {
        view! {
            <legend class="visually-hidden">{facet.title()}</legend>
            {(0..facet.value_count() as u16)
                .map(|v| {
                    let id = format!("facet-{}-{}", facet.key(), facet.slug(v));
                    view! {
                        <div class="facet__value">
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || query.with(|q| q.values(facet).contains(&v))
                                on:change=move |_| change(&|q: &mut DirectoryQuery| q.toggle(facet, v), false)
                            />
                            <label for=id>
                                {facet.label(v)}
                                <span class="facet__count">
                                    {move || counts.with(|c| c.known(facet, v)).map(|n| format!(" ({})", group_digits(n as usize)))}
                                </span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        }
    };

    view! {
        <form class="filters" role="search" aria-label="Filter partners" on:submit=|ev| ev.prevent_default()>
            <div class="filters__field">
                <label for="filter-keywords">"Keywords"</label>
                <input
                    id="filter-keywords"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="e.g. cloud migration"
                    maxlength=DirectoryQuery::MAX_KEYWORDS_CHARS.to_string()
                    prop:value=move || query.with(|q| q.keywords.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        change(&|q: &mut DirectoryQuery| q.keywords = text.clone(), true);
                    }
                />
            </div>
            <div class="filters__field">
                <label for="filter-country">"Country/region"</label>
                <select
                    id="filter-country"
                    on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        change(
                            &|q: &mut DirectoryQuery| {
                                match Facet::Country.find_slug(&slug) {
                                    Some(v) if q.country != Some(v) => q.toggle(Facet::Country, v),
                                    Some(_) => {}
                                    None => {
                                        if let Some(c) = q.country {
                                            q.toggle(Facet::Country, c);
                                        }
                                    }
                                }
                            },
                            false,
                        );
                    }
                >
                    <option value="" prop:selected=move || query.with(|q| q.country.is_none())>
                        "Any country/region"
                    </option>
                    {later::render(choices, move || country_options)}
                </select>
            </div>
            <div class="filters__field">
                <label for="filter-city">"City"</label>
                <select
                    id="filter-city"
                    on:change=move |ev| {
                        let slug = event_target_value(&ev);
                        change(
                            &|q: &mut DirectoryQuery| {
                                match Facet::City.find_slug(&slug) {
                                    Some(v) if q.city != Some(v) => q.toggle(Facet::City, v),
                                    Some(_) => {}
                                    None => {
                                        if let Some(c) = q.city {
                                            q.toggle(Facet::City, c);
                                        }
                                    }
                                }
                            },
                            false,
                        );
                    }
                >
                    <option value="" prop:selected=move || query.with(|q| q.city.is_none())>
                        "Any city"
                    </option>
                    {later::render(choices, move || city_options)}
                </select>
            </div>
            {MULTI_FACETS
                .into_iter()
                .map(|facet| {
                    let chosen = move || query.with(|q| q.values(facet).len());
                    let open = opens_by_default(facet) || !query.with_untracked(|q| q.values(facet).is_empty());
                    let values = later::render(if open { None } else { choices }, move || facet_values(facet));
                    view! {
                        <details class="facet" open=open>
                            <summary class="facet__summary">
                                {facet.title()}
                                <span class="facet__chosen">
                                    {move || match chosen() {
                                        0 => String::new(),
                                        n => format!(" · {n} selected"),
                                    }}
                                </span>
                            </summary>
                            <fieldset class="facet__values">{values}</fieldset>
                        </details>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// The sort choice, kept apart from the filters: it orders, not filters.
#[component]
pub fn SortSelect(
    #[prop(into)] query: Signal<DirectoryQuery>,
    on_change: Callback<QueryChange>,
) -> impl IntoView {
    view! {
        <div class="sort">
            <label for="directory-sort">"Sort by"</label>
            <select
                id="directory-sort"
                on:change=move |ev| {
                    let mut next = query.get_untracked();
                    if let Some(sort) = SortOrder::from_slug(&event_target_value(&ev)) {
                        next.sort = sort;
                        on_change.run(QueryChange { query: next, typing: false });
                    }
                }
            >
                {SortOrder::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <option value=s.slug() prop:selected=move || query.with(|q| q.sort == s)>
                                {s.label()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}
