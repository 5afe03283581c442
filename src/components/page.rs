//! The top of every page: breadcrumbs, the heading and the document title.

use std::cell::Cell;

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::later;

/// A step of the breadcrumb trail before the current page.
#[derive(Clone, Copy)]
pub struct Crumb {
    pub label: &'static str,
    /// `None` for a grouping with no page of its own (e.g. "Settings").
    pub href: Option<&'static str>,
}

thread_local! {
    /// Whether a page was shown before in this visit.
    static SHOWN_BEFORE: Cell<bool> = const { Cell::new(false) };
}

/// Lays out one page: breadcrumb trail ending at `title`, an `h1`, children.
///
/// After a move inside the app (not on the first page of a visit), focus
/// goes to the new page's heading: screen readers announce the page, and
/// the keyboard carries on from its top instead of from a link that may
/// have just been hidden (the folded Menu on a phone).
#[component]
pub fn Page(
    #[prop(into)] title: Signal<String>,
    #[prop(optional)] trail: &'static [Crumb],
    children: Children,
) -> impl IntoView {
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&format!("{} · {}", title.get(), domain::console::PRODUCT));
        }
    });
    let heading = NodeRef::<html::H1>::new();
    if SHOWN_BEFORE.with(|shown| shown.replace(true)) {
        Effect::new(move |_| {
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        });
    }
    // Home is the root of every trail: a trail to itself says nothing.
    let is_home = trail.is_empty() && title.get_untracked() == "Home";
    let crumbs = (!is_home).then(|| view! {
        <nav class="breadcrumbs" aria-label=domain::console::BREADCRUMB_LABEL>
            <ol>
                <li><A href=href(crate::routes::HOME) exact=true>"Home"</A></li>
                {trail
                    .iter()
                    .map(|c| match c.href {
                        Some(path) => view! { <li><A href=href(path)>{c.label}</A></li> }.into_any(),
                        None => view! { <li><span>{c.label}</span></li> }.into_any(),
                    })
                    .collect_view()}
                <li><span aria-current="page">{move || title.get()}</span></li>
            </ol>
        </nav>
    });
    // At start-up the content comes a task after the heading, and the
    // frame's lead shows under the heading until then (later.rs).
    let due = later::due(later::Part::FirstPageBody);
    let from_frame = due.is_some();
    let body = later::render(due, move || {
        if from_frame {
            crate::prerendered::take_head();
            crate::startup::mark("body");
        }
        children()
    });
    view! {
        {crumbs}
        <h1 class="page-title" tabindex="-1" node_ref=heading>{move || title.get()}</h1>
        {body}
    }
}

/// A page's lead paragraph as the domain words it (domain::console): the
/// release build writes the same words into index.html.
#[component]
pub fn Lead(words: &'static [domain::console::Words]) -> impl IntoView {
    use domain::console::Words;
    view! {
        <p class="lead">
            {words
                .iter()
                .map(|w| match *w {
                    Words::Plain(text) => text.into_any(),
                    Words::Strong(text) => view! { <strong>{text}</strong> }.into_any(),
                })
                .collect_view()}
        </p>
    }
}

/// An honest placeholder for a capability that is not built yet.
#[component]
pub fn NotBuiltYet(#[prop(into)] what: String) -> impl IntoView {
    view! {
        <section class="notice notice--info" aria-label="Not built yet">
            <p><strong>"Not built yet. "</strong>{what}</p>
        </section>
    }
}
