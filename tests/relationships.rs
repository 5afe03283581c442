//! Partner relationships in a real browser: the table sorts, filters and
//! opens a partner with Enter; the "Remove roles?" dialog opens, cancels
//! with focus back on its button, and Yes removes the roles while the
//! partner stays listed.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, find, heading, mount_app, select_option, settle, text_of};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlDialogElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Every test starts from the demo data, signed in as Global Administrator.
fn fresh_storage() {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.remove_item("partner-console.state");
        let _ = storage.set_item("partner-console.persona", "global-admin");
    }
}

async fn open(path: &str) -> Element {
    fresh_storage();
    mount_app(path).await
}

/// Partner ids of the table's rows, top to bottom.
fn row_ids(root: &Element) -> Vec<String> {
    let rows = root
        .query_selector_all("[data-testid=relationships-table] tbody tr")
        .expect("query");
    (0..rows.length())
        .filter_map(|i| rows.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .filter_map(|e| e.get_attribute("data-partner-id"))
        .collect()
}

/// A bubbling, cancelable keyboard event, built through the constructor
/// (the dev-dependencies carry no `KeyboardEventInit`).
fn key_event(kind: &str, key: &str) -> web_sys::Event {
    let global = js_sys::global();
    let constructor =
        js_sys::Reflect::get(&global, &"KeyboardEvent".into()).expect("KeyboardEvent");
    let init = js_sys::Object::new();
    for (name, value) in [
        ("key", wasm_bindgen::JsValue::from_str(key)),
        ("bubbles", true.into()),
        ("cancelable", true.into()),
    ] {
        js_sys::Reflect::set(&init, &name.into(), &value).expect("set");
    }
    let args = js_sys::Array::of2(&kind.into(), &init);
    js_sys::Reflect::construct::<fn() -> wasm_bindgen::JsValue>(constructor.unchecked_ref(), &args)
        .expect("construct")
        .unchecked_into()
}

fn current_path() -> String {
    web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_table_lists_partners_by_name_and_sorts_by_a_header() {
    let root = open("/settings/partner-relationships").await;
    let ids = row_ids(&root);
    assert!(ids.len() >= 10, "{ids:?}");
    assert!(ids.contains(&"fabrikam-it".to_string()));
    let name_header = find(&root, "thead th:first-child");
    assert_eq!(
        name_header.get_attribute("aria-sort").as_deref(),
        Some("ascending")
    );
    let first = ids[0].clone();

    click(&root, "thead th:first-child button").await;
    let name_header = find(&root, "thead th:first-child");
    assert_eq!(
        name_header.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    let reversed = row_ids(&root);
    assert_eq!(reversed.last(), Some(&first));
    assert_ne!(reversed[0], first);

    // Sorting by end date puts the soonest end first; name loses aria-sort.
    click(&root, "thead th:nth-child(5) button").await;
    assert_eq!(
        find(&root, "thead th:first-child").get_attribute("aria-sort"),
        None
    );
    assert_eq!(row_ids(&root)[0], "tailspin-toys");
}

#[wasm_bindgen_test]
async fn filters_narrow_the_table_and_live_in_the_url() {
    let root = open("/settings/partner-relationships").await;
    select_option(&root, "#rel-status", "expired").await;
    assert_eq!(row_ids(&root), ["adventure-works"]);
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    assert!(search.contains("status=expired"), "{search}");
    assert!(text_of(&root, "[data-testid=relationship-count]").starts_with("Showing 1 of"));
    assert!(text_of(&root, "[data-testid=active-filters]").contains("Status: Expired"));

    click(&root, "[data-testid=active-filters] a").await;
    assert!(row_ids(&root).len() > 1);

    let root = open("/settings/partner-relationships?agreement=unsigned").await;
    assert_eq!(row_ids(&root), ["wide-world-tech"]);
}

#[wasm_bindgen_test]
async fn a_highlighted_partner_is_shown_first() {
    let root = open("/settings/partner-relationships?highlight=wingtip-devices").await;
    assert_eq!(row_ids(&root)[0], "wingtip-devices");
    assert!(find(&root, "tbody tr:first-child")
        .class_list()
        .contains("data-table__row--highlight"));
}

#[wasm_bindgen_test]
async fn enter_on_a_row_opens_the_partner_page() {
    let root = open("/settings/partner-relationships").await;
    let link = find(&root, "tr[data-partner-id=fabrikam-it] a");
    link.dispatch_event(&key_event("keydown", "Enter"))
        .expect("dispatch");
    settle().await;
    assert_eq!(
        current_path(),
        "/settings/partner-relationships/fabrikam-it"
    );
    assert_eq!(heading(&root), "Fabrikam IT Services");
}

#[wasm_bindgen_test]
async fn clicking_a_row_opens_the_partner_page() {
    let root = open("/settings/partner-relationships").await;
    click(&root, "tr[data-partner-id=contoso-cloud] td:nth-child(2)").await;
    assert_eq!(
        current_path(),
        "/settings/partner-relationships/contoso-cloud"
    );
    let nothing = text_of(&root, "[data-testid=no-roles-to-remove]");
    assert!(
        nothing.contains("so there's nothing to remove"),
        "{nothing}"
    );
    assert!(!nothing.contains("If you don't see"), "{nothing}");
}

fn dialog(root: &Element) -> HtmlDialogElement {
    find(root, "#remove-roles-dialog").unchecked_into()
}

fn remove_button(root: &Element) -> Element {
    find_remove_button(root).expect("a Remove roles button")
}

fn find_remove_button(root: &Element) -> Option<Element> {
    let buttons = root.query_selector_all("main button").expect("query");
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .find(|b| b.text_content().as_deref().map(str::trim) == Some("Remove roles"))
}

fn active_text() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.text_content())
        .unwrap_or_default()
        .trim()
        .to_string()
}

#[wasm_bindgen_test]
async fn the_dialog_opens_lists_the_losses_and_cancel_returns_focus() {
    let root = open("/settings/partner-relationships/fabrikam-it").await;
    let button = remove_button(&root);
    button
        .unchecked_ref::<web_sys::HtmlElement>()
        .focus()
        .expect("focus");
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    let d = dialog(&root);
    assert!(d.open());
    assert_eq!(
        text_of(&root, "#remove-roles-dialog-title"),
        "Remove roles?"
    );
    let body = text_of(&root, "#remove-roles-dialog");
    assert!(body.contains("Global Administrator"), "{body}");
    assert!(body.contains("as Reseller"), "{body}");
    // Esc closes a modal dialog the way `close()` does: a `close` event.
    d.close();
    settle().await;
    assert!(!d.open());
    assert_eq!(active_text(), "Remove roles");
    // Nothing was removed.
    assert!(text_of(&root, "main").contains("Helpdesk Administrator"));
}

#[wasm_bindgen_test]
async fn reopening_at_once_after_esc_keeps_the_dialog_open() {
    let root = open("/settings/partner-relationships/fabrikam-it").await;
    let button = remove_button(&root);
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    let d = dialog(&root);
    assert!(d.open());
    // Esc, then Enter on the opener before the queued `close` event runs.
    d.close();
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    settle().await;
    assert!(
        d.open(),
        "the late close event of the first opening closed the second"
    );
}

#[wasm_bindgen_test]
async fn yes_removes_the_roles_and_the_partner_stays_listed() {
    let root = open("/settings/partner-relationships/fabrikam-it").await;
    remove_button(&root)
        .unchecked_ref::<web_sys::HtmlElement>()
        .click();
    settle().await;
    click(&root, "#remove-roles-dialog .button--danger").await;
    assert_eq!(text_of(&root, "[data-testid=no-legacy-roles]"), "None.");
    assert!(root
        .query_selector("[data-testid=no-roles-to-remove]")
        .unwrap()
        .is_some());

    click(
        &root,
        "nav[aria-label=Breadcrumb] a[href='/settings/partner-relationships']",
    )
    .await;
    let row = text_of(&root, "tr[data-partner-id=fabrikam-it]");
    assert!(row.contains("Reseller"), "{row}");
    assert!(row.contains("None"), "{row}");
}

#[wasm_bindgen_test]
async fn only_a_global_administrator_sees_the_remove_roles_button() {
    fresh_storage();
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item("partner-console.persona", "billing-admin");
    }
    let root = mount_app("/settings/partner-relationships/fabrikam-it").await;
    assert!(
        text_of(&root, "[data-testid=remove-roles-not-allowed]").contains("Global Administrator")
    );
    assert!(find_remove_button(&root).is_none());
    fresh_storage();
}

#[wasm_bindgen_test]
async fn a_partner_id_in_the_path_is_decoded_exactly_once() {
    use partner_console::components::url_query::last_path_segment;
    assert_eq!(last_path_segment("/a/fabrikam-it"), "fabrikam-it");
    assert_eq!(last_path_segment("/a/100%25/"), "100%");
    assert_eq!(last_path_segment("/a/%253Cb%253E"), "%3Cb%3E");
    // The page says which id it did not find, exactly as it was meant.
    let root = open("/settings/partner-relationships/%253Cb%253E").await;
    let main = text_of(&root, "main");
    assert!(main.contains("“%3Cb%3E”"), "{main}");
}
