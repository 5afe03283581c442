//! The frame index.html shows before the wasm arrives (header, navigation,
//! the page's heading and lead; written by scripts/build/post_build.py from
//! domain::console). The app does not hydrate it: it mounts its own, which
//! says the same, and removes the frame in the same task. The frame's page
//! head moves into the app's main until the app's page, rendered in a
//! later task (app.rs), takes its place in the task that renders it: its
//! heading first, its lead with the page's content a task after that. The
//! stand-ins keeping room for who is signed in move into the app's header
//! until the shell's secondary parts replace them (later.rs), and so do the
//! navigation's links into the app's navigation.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, NodeList};

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
    document.active_element().filter(in_frame).and_then(|el| {
        if el.class_list().contains("app-header__menu") {
            Some(Focused::Menu)
        } else {
            el.get_attribute("href").map(Focused::Link)
        }
    })
}

/// Removes the frame's elements (and its page head, once handed over).
pub fn take() {
    remove(&format!("[{MARK}]"));
}

/// Moves the frame's page head (breadcrumbs, heading, lead) into the app's
/// main, the header's stand-ins into the app's header and the navigation's
/// links into the app's navigation, then removes the rest of the frame. What moved stays marked as the frame's, so it
/// shows until what replaces it is rendered and removes it.
pub fn hand_over_head() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let moved: Vec<Element> = [
        ("main", ":scope > *"),
        ("header", ":scope > [data-reserve]"),
        ("nav.app-nav", ":scope > ul"),
    ]
    .into_iter()
    .flat_map(|(tag, children)| {
        let (frame, app): (Vec<Element>, Vec<Element>) =
            elements(document.query_selector_all(tag)).partition(in_frame);
        let (Some(from), Some(to)) = (frame.first(), app.first()) else {
            return Vec::new();
        };
        let moving: Vec<Element> = elements(from.query_selector_all(children)).collect();
        for el in &moving {
            let _ = to.append_child(el);
        }
        moving
    })
    .collect();
    take();
    for el in &moved {
        let _ = el.set_attribute(MARK, "");
    }
}

/// Removes the frame's breadcrumbs and heading, which the app's page has
/// just replaced, and keeps its lead until the page's content comes.
pub fn take_heading() {
    remove(&format!("main [{MARK}]:not(.lead)"));
}

/// Removes what is left of the frame's page head: the page's content,
/// lead included, has come.
pub fn take_head() {
    remove(&format!("main [{MARK}]"));
}

/// Removes the frame's navigation links, which the app's replace.
pub fn take_links() {
    remove(&format!("nav.app-nav > [{MARK}]"));
}

/// Removes the stand-ins that kept room in the header for who is signed in.
pub fn take_stand_ins() {
    remove(&format!("header [{MARK}]"));
}

fn remove(selector: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for el in elements(document.query_selector_all(selector)) {
        el.remove();
    }
}

/// Whether `el` is the frame's or inside it.
fn in_frame(el: &Element) -> bool {
    el.closest(&format!("[{MARK}]")).ok().flatten().is_some()
}

/// The elements of a `query_selector_all` answer, in document order (none
/// for a selector the browser refused).
fn elements(list: Result<NodeList, JsValue>) -> impl Iterator<Item = Element> {
    let list = list.ok();
    let length = list.as_ref().map_or(0, NodeList::length);
    (0..length).filter_map(move |i| {
        list.as_ref()
            .and_then(|l| l.item(i))
            .and_then(|n| n.dyn_into::<Element>().ok())
    })
}

/// Focuses the app's control matching what had focus in the frame.
pub fn refocus(focused: Option<Focused>) {
    let Some(focused) = focused else { return };
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target = match focused {
        Focused::Menu => document.query_selector(".app-header__menu"),
        Focused::Link(href) => Ok(elements(document.query_selector_all("a[href]"))
            .find(|a| a.get_attribute("href").as_deref() == Some(href.as_str()))),
    };
    if let Some(el) = target
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
