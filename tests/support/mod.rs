//! Helpers for the browser tests: mount the app at a path, act, read the DOM.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement};

thread_local! {
    /// The app mounted by the running test; dropping it unmounts it.
    static MOUNTED: std::cell::RefCell<Option<Mounted>> =
        const { std::cell::RefCell::new(None) };
}

/// A mounted app and the owner above it. Dropping the unmount handle alone
/// leaves effects and listeners alive while anything still holds the
/// app's owner, so teardown also cleans the parent owner explicitly.
struct Mounted {
    root: leptos::prelude::Owner,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.cleanup();
    }
}

/// Mounts the whole app at `path` in a fresh container and lets it render.
pub async fn mount_app(path: &str) -> Element {
    let window = web_sys::window().expect("window");
    let document = window.document().expect("document");
    // Unmount the previous test's app: its router's document-wide click
    // listener would otherwise take our link clicks.
    MOUNTED.with(|m| m.borrow_mut().take());
    for old in collect(&document.query_selector_all(".test-root").expect("query")) {
        old.remove();
    }
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .expect("replace state");
    let root = document.create_element("div").expect("div");
    root.set_class_name("test-root");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let owner = leptos::prelude::Owner::new();
    let handle = owner.with(|| {
        leptos::mount::mount_to(
            root.clone().unchecked_into::<HtmlElement>(),
            partner_console::app::App,
        )
    });
    MOUNTED.with(|m| {
        *m.borrow_mut() = Some(Mounted {
            root: owner,
            _handle: Box::new(handle),
        })
    });
    settle().await;
    // Find a partner builds its directory in slices, the browser free
    // between them: wait for the results as a person would.
    for _ in 0..500 {
        let loading = root
            .text_content()
            .is_some_and(|t| t.contains("Loading the partner directory"));
        if !loading {
            break;
        }
        gloo_timers_sleep(10).await;
    }
    root
}

/// Lets effects, the router and microtasks run.
pub async fn settle() {
    for _ in 0..3 {
        leptos::task::tick().await;
        gloo_timers_sleep(10).await;
    }
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .expect("timeout");
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn collect(list: &web_sys::NodeList) -> Vec<Element> {
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector)
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_string()
}

pub fn heading(root: &Element) -> String {
    text_of(root, "h1")
}

pub async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    settle().await;
}

pub async fn select_option(root: &Element, selector: &str, value: &str) {
    let select = find(root, selector).unchecked_into::<HtmlSelectElement>();
    select.set_value(value);
    let event = web_sys::Event::new_with_event_init_dict("change", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    select.dispatch_event(&event).expect("dispatch");
    settle().await;
}

/// Types into an input or textarea as a user would: sets the value and
/// fires `input`.
pub async fn type_into(root: &Element, selector: &str, text: &str) {
    let el = find(root, selector);
    if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        area.set_value(text);
    }
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .expect("event");
    el.dispatch_event(&event).expect("dispatch");
    settle().await;
}

/// The current URL's query string, e.g. "?industry=healthcare".
pub fn current_search() -> String {
    web_sys::window()
        .expect("window")
        .location()
        .search()
        .unwrap_or_default()
}
