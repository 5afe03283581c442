//! The frame index.html shows before the wasm arrives (header, navigation,
//! the page's heading and lead; written by scripts/build/post_build.py from
//! domain::console). The app does not hydrate it: it removes it and mounts
//! its own, which says the same, in the same task.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// What had keyboard focus in the frame, to give it to the same control
/// of the app: a link's address, or the menu button.
pub enum Focused {
    Link(String),
    Menu,
}

const MARK: &str = "data-prerendered";

/// Removes the frame's elements, saying what had focus in them.
pub fn take() -> Option<Focused> {
    let document = web_sys::window()?.document()?;
    let focused = document
        .active_element()
        .filter(|el| el.closest(&format!("[{MARK}]")).ok().flatten().is_some())
        .and_then(|el| {
            if el.tag_name().eq_ignore_ascii_case("button") {
                Some(Focused::Menu)
            } else {
                el.get_attribute("href").map(Focused::Link)
            }
        });
    if let Ok(frame) = document.query_selector_all(&format!("[{MARK}]")) {
        for i in 0..frame.length() {
            if let Some(el) = frame.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                el.remove();
            }
        }
    }
    focused
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
