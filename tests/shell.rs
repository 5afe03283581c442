//! The shell in a real browser: it mounts, the persona picker changes the
//! header, and the left navigation changes the page.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, heading, mount_app, select_option, text_of};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn the_shell_mounts_with_header_navigation_and_a_page() {
    let root = mount_app("/").await;
    assert_eq!(heading(&root), "Home");
    let nav = text_of(&root, "nav[aria-label=Main]");
    for label in [
        "Home",
        "Find a partner",
        "Invitations",
        "Partner relationships",
        "Billing",
        "Activity",
    ] {
        assert!(nav.contains(label), "navigation lacks {label}: {nav}");
    }
}

#[wasm_bindgen_test]
async fn choosing_a_persona_changes_the_header_and_is_remembered() {
    let root = mount_app("/").await;
    select_option(&root, "#persona-select", "billing-admin").await;
    assert_eq!(
        text_of(&root, "[data-testid=signed-in-persona]"),
        "Billing Administrator"
    );
    let stored = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item("partner-console.persona").ok().flatten());
    assert_eq!(stored.as_deref(), Some("billing-admin"));
    select_option(&root, "#persona-select", "global-admin").await;
    assert_eq!(
        text_of(&root, "[data-testid=signed-in-persona]"),
        "Global Administrator"
    );
}

#[wasm_bindgen_test]
async fn the_navigation_changes_the_page_and_marks_the_current_link() {
    let root = mount_app("/").await;
    click(&root, "nav[aria-label=Main] a[href='/partners/find']").await;
    assert_eq!(heading(&root), "Find a partner");
    let current = text_of(&root, "nav[aria-label=Main] a[aria-current=page]");
    assert_eq!(current, "Find a partner");
    click(
        &root,
        "nav[aria-label=Main] a[href='/settings/partner-relationships']",
    )
    .await;
    assert_eq!(heading(&root), "Partner relationships");
    assert!(text_of(&root, "nav[aria-label=Breadcrumb]").contains("Settings"));
}
