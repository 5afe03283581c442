//! The frame around every page: skip link, header, left navigation, main.

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::later::{self, Part};

use crate::components::data_location::DataLocation;
use crate::components::demo_clock::DemoClock;
use crate::components::live_updates::LiveUpdates;
use crate::components::persona_picker::PersonaPicker;
use crate::components::session_ended::SessionEnded;
use crate::components::session_header::SessionHeader;
use crate::components::storage_banner::StorageBanner;
use crate::components::toast::ToastRegion;
use crate::routes::{NavItem, NAV, SIMULATOR};

/// Id of the `<main>` landmark, target of the skip link.
pub const MAIN_ID: &str = "main";
/// Id of the main navigation, which the menu button controls.
const NAV_ID: &str = "app-nav";

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    // On narrow screens the navigation folds behind a Menu button, so the
    // page itself starts on the first screen; wide screens ignore `open`.
    let open = RwSignal::new(false);
    let session = crate::session::current();
    // Signed in on a server: the organization is the session's, and the
    // demo tools (clock, simulator), which that server refuses, are gone.
    let organization = session.as_ref().map_or_else(
        || domain::console::DEMO_ORGANIZATION.to_string(),
        |s| s.organization.clone(),
    );
    let nav: Vec<&'static NavItem> = NAV
        .iter()
        .filter(|item| session.is_none() || item.path != SIMULATOR)
        .collect();
    // At start-up these come a task after the header and navigation; the
    // frame's invisible stand-ins keep their room until then.
    let extras = later::due(Part::ShellExtras);
    let from_frame = extras.is_some();
    let who = later::render(extras, move || {
        if from_frame {
            crate::startup::mark("extras");
            crate::prerendered::take_stand_ins();
        }
        match session {
            Some(session) => view! { <SessionHeader session=session /> }.into_any(),
            None => view! { <DemoClock /> <PersonaPicker /> }.into_any(),
        }
    });
    let menu_button = NodeRef::<html::Button>::new();
    let close_on_escape = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            if let Some(button) = menu_button.get_untracked() {
                let _ = button.focus();
            }
        }
    };
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            {domain::console::SKIP_LINK}
        </a>
        <header class="app-header">
            <div class="app-header__brand">
                <button
                    type="button"
                    class="app-header__menu"
                    node_ref=menu_button
                    aria-controls=NAV_ID
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    on:click=move |_| open.update(|o| *o = !*o)
                    on:keydown=close_on_escape
                >
                    <span class="app-header__menu-icon" aria-hidden="true"></span>
                    {domain::console::MENU}
                </button>
                <span class="app-header__logo" aria-hidden="true"></span>
                // The organization under the product name, so a desktop
                // header has room for both in full.
                <span class="app-header__names">
                    <span class="app-header__product">{domain::console::PRODUCT}</span>
                    <span class="app-header__tenant" title=organization.clone() data-testid="organization">{organization.clone()}</span>
                </span>
                {later::render(extras, || view! { <LiveUpdates /> })}
            </div>
            {who}
        </header>
        <div class="app-body">
            <nav
                id=NAV_ID
                class="app-nav"
                class:app-nav--open=move || open.get()
                aria-label=domain::console::NAV_LABEL
                on:keydown=close_on_escape
            >
                {later::render(extras, move || {
                    // The frame's links, kept until now, give way to the
                    // app's, and a link that had focus keeps it.
                    if from_frame {
                        let focused = crate::prerendered::focused();
                        crate::prerendered::take_links();
                        leptos::task::spawn_local(async move { crate::prerendered::refocus(focused) });
                    }
                    view! {
                        // A chosen page closes the menu (links fill their items).
                        <ul on:click=move |_| open.set(false)>{nav.iter().enumerate().map(|(i, item)| nav_entry(&nav, i, item)).collect_view()}</ul>
                    }
                })}
                {later::render(extras, || view! { <DataLocation /> })}
            </nav>
            <main id=MAIN_ID class="app-main" tabindex="-1">
                {later::render(extras, || view! { <SessionEnded /> <StorageBanner /> })}
                {children()}
            </main>
        </div>
        {later::render(extras, || view! { <ToastRegion /> })}
    }
}

/// The router takes over fragment links, so the skip link moves focus itself.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let main = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(MAIN_ID))
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(main) = main {
        let _ = main.focus();
    }
}

fn nav_entry(nav: &[&'static NavItem], index: usize, item: &'static NavItem) -> impl IntoView {
    // Home is active only on "/" itself; the others also for their sub-pages.
    let exact = item.path == crate::routes::HOME;
    // A group's heading shows once, above its first item.
    let previous_group = index.checked_sub(1).and_then(|i| nav[i].group);
    let heading = item.group.filter(|g| previous_group != Some(*g));
    view! {
        <li>
            {heading.map(|g| view! { <span class="app-nav__group" aria-hidden="true">{g}</span> })}
            <A href=href(item.path) exact=exact attr:class="app-nav__link">
                {item.group.map(|g| view! { <span class="visually-hidden">{format!("{g}: ")}</span> })}
                {item.label}
            </A>
        </li>
    }
}
