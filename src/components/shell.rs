//! The frame around every page: skip link, header, left navigation, main.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;

use crate::components::data_location::DataLocation;
use crate::components::demo_clock::DemoClock;
use crate::components::persona_picker::PersonaPicker;
use crate::components::storage_banner::StorageBanner;
use crate::components::toast::ToastRegion;
use crate::routes::NAV;

/// Id of the `<main>` landmark, target of the skip link.
pub const MAIN_ID: &str = "main";

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href=format!("#{MAIN_ID}") on:click=skip_to_main>
            "Skip to main content"
        </a>
        <header class="app-header">
            <div class="app-header__brand">
                <span class="app-header__logo" aria-hidden="true"></span>
                <span class="app-header__product">"Partner console"</span>
                <span class="app-header__tenant" title="Adatum Corporation">"Adatum Corporation"</span>
            </div>
            <DemoClock />
            <PersonaPicker />
        </header>
        <div class="app-body">
            <nav class="app-nav" aria-label="Main">
                <ul>{NAV.iter().enumerate().map(|(i, item)| nav_entry(i, item)).collect_view()}</ul>
                <DataLocation />
            </nav>
            <main id=MAIN_ID class="app-main" tabindex="-1">
                <StorageBanner />
                {children()}
            </main>
        </div>
        <ToastRegion />
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

fn nav_entry(index: usize, item: &'static crate::routes::NavItem) -> impl IntoView {
    // Home is active only on "/" itself; the others also for their sub-pages.
    let exact = item.path == crate::routes::HOME;
    // A group's heading shows once, above its first item.
    let previous_group = index.checked_sub(1).and_then(|i| NAV[i].group);
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
