//! The frame index.html shows before the wasm arrives (header, navigation,
//! the page's heading and lead; written by scripts/build/post_build.py from
//! domain::console). The app does not hydrate it: it mounts its own, which
//! says the same, and removes the frame in the same task. The frame's page
//! head moves into the app's main until the app's page, rendered in a
//! later task (app.rs), takes its place in the task that renders it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What had keyboard focus in the frame, to give it to the same control
/// of the app: a link's address, or the menu button.
pub enum Focused {
    Link(String),
    Menu,
}

const MARK: &str = "data-prerendered";

/// What has keyboard focus in the frame, if anything.
pub fn focused() -> Option<Focused> {
    let document = web_sys::window()?.document()?;
    document
        .active_element()
        .filter(|el| el.closest(&format!("[{MARK}]")).ok().flatten().is_some())
        .and_then(|el| {
            if el.tag_name().eq_ignore_ascii_case("button") {
                Some(Focused::Menu)
            } else {
                el.get_attribute("href").map(Focused::Link)
            }
        })
}

/// Removes the frame's elements (and its page head, once handed over).
pub fn take() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(frame) = document.query_selector_all(&format!("[{MARK}]")) {
        for i in 0..frame.length() {
            if let Some(el) = frame.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
}

/// Moves the frame's page head (breadcrumbs, heading, lead) into the app's
/// main and removes the rest of the frame. The head stays marked as the
/// frame's, so it shows until the app's page is rendered and `take`
/// removes it.
pub fn hand_over_head() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(mains) = document.query_selector_all("main") else {
        take();
        return;
    };
    let mains: Vec<Element> = (0..mains.length())
        .filter_map(|i| mains.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect();
    let is_frame = |el: &Element| el.closest(&format!("[{MARK}]")).ok().flatten().is_some();
    let (Some(from), Some(to)) = (
        mains.iter().find(|m| is_frame(m)),
        mains.iter().find(|m| !is_frame(m)),
    ) else {
        take();
        return;
    };
    let Ok(head) = from.query_selector_all(":scope > *") else {
        take();
        return;
    };
    let head: Vec<Element> = (0..head.length())
        .filter_map(|i| head.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .collect();
    for el in &head {
        let _ = to.append_child(el);
    }
    take();
    for el in &head {
        let _ = el.set_attribute(MARK, "");
    }
}

/// Focuses the app's control matching what had focus in the frame.
pub fn refocus(focused: Option<Focused>) {
    let Some(focused) = focused else { return };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = match focused {
        Focused::Menu => document.query_selector(".app-header__menu"),
        Focused::Link(href) => document.query_selector_all("a[href]").map(|links| {
            (0..links.length())
                .filter_map(|i| links.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
                .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))
        }),
    };
    if let Some(el) = target
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
