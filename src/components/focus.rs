//! Moving keyboard focus after a change, so screen-reader and keyboard
//! users land on what the change produced (an error summary, a
//! confirmation, the next field to fix). Every helper looks the element up
//! when it runs, not before: the admin may have left the page by then, and
//! a missing element is simply not focused.

use std::time::Duration;

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id now, if it is on the page.
pub fn focus_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Focuses the element with this id once the DOM shows the current change
/// (the next animation frame).
pub fn focus_id_after_render(id: impl Into<String>) {
    let id = id.into();
    request_animation_frame(move || focus_id(&id));
}

/// Focuses the element with this id after `delay`: for a change that ends
/// with a dialog closing, whose close event hands focus back to its opener
/// one task later and would otherwise win.
pub fn focus_id_after(id: &'static str, delay: Duration) {
    set_timeout(move || focus_id(id), delay);
}

/// Focuses the element behind `node` once the DOM shows the current
/// change, if the page is still there (reading a disposed reference would
/// panic).
pub fn focus_node_after_render<E>(node: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + AsRef<web_sys::HtmlElement> + 'static,
{
    request_animation_frame(move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            let el: &web_sys::HtmlElement = el.as_ref();
            let _ = el.focus();
        }
    });
}
