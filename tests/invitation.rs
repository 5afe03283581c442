//! The "Accept agreement & authorize partner" page in a real browser: the
//! button follows the box, a persona who may not grant the roles sees the
//! reason, and invitations that can't be answered get their own page.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, find, heading, mount_app, text_of};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlButtonElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Fresh demo data, signed in as `persona`, with the app mounted at `path`.
async fn open_as(persona: &str, path: &str) -> Element {
    let storage = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage");
    storage
        .remove_item("partner-console.state")
        .expect("clear state");
    storage
        .set_item("partner-console.persona", persona)
        .expect("persona");
    mount_app(path).await
}

fn accept_button(root: &Element) -> HtmlButtonElement {
    find(root, "[data-testid=accept]").unchecked_into::<HtmlButtonElement>()
}

fn current_url() -> String {
    let location = web_sys::window().expect("window").location();
    format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    )
}

#[wasm_bindgen_test]
async fn accept_and_authorize_is_enabled_only_once_the_box_is_ticked() {
    let root = open_as("global-admin", "/partners/invitation/inv-granular-helpdesk").await;
    assert_eq!(heading(&root), "Accept agreement & authorize partner");
    assert_eq!(
        accept_button(&root).text_content().as_deref(),
        Some("Accept & Authorize")
    );
    assert!(
        accept_button(&root).disabled(),
        "disabled before the box is ticked"
    );
    click(&root, "#inv-ack").await;
    assert!(!accept_button(&root).disabled(), "enabled once ticked");
    assert!(
        current_url().contains("acknowledged=yes"),
        "{}",
        current_url()
    );
    click(&root, "#inv-ack").await;
    assert!(
        accept_button(&root).disabled(),
        "disabled again when unticked"
    );
}

#[wasm_bindgen_test]
async fn accepting_shows_the_partner_list_with_the_partner_highlighted() {
    let root = open_as("global-admin", "/partners/invitation/inv-reseller").await;
    click(&root, "#inv-ack").await;
    click(&root, "[data-testid=accept]").await;
    assert_eq!(
        current_url(),
        "/settings/partner-relationships?highlight=relecloud"
    );
    assert_eq!(heading(&root), "Partner relationships");
}

#[wasm_bindgen_test]
async fn a_billing_administrator_sees_why_admin_roles_cannot_be_granted() {
    let root = open_as(
        "billing-admin",
        "/partners/invitation/inv-granular-helpdesk",
    )
    .await;
    assert!(root
        .query_selector("[data-testid=accept]")
        .unwrap()
        .is_none());
    assert!(root.query_selector("#inv-ack").unwrap().is_none());
    let reason = text_of(&root, "[data-testid=accept-refusal]");
    assert!(
        reason.contains("Only a Global Administrator can grant or remove partner admin roles."),
        "{reason}"
    );
    // Declining needs no admin role: it stays.
    assert!(root
        .query_selector("[data-testid=decline]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn legacy_roles_block_granular_access_and_link_to_the_partner() {
    let root = open_as("global-admin", "/partners/invitation/inv-granular-legacy").await;
    let reason = text_of(&root, "[data-testid=accept-refusal]");
    assert!(
        reason.contains("still holds delegated admin roles"),
        "{reason}"
    );
    let link = find(&root, "[data-testid=accept-refusal] a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("/settings/partner-relationships/fabrikam-it")
    );
}

#[wasm_bindgen_test]
async fn invitations_that_cannot_be_answered_each_say_what_happened() {
    for (path, title, next) in [
        (
            "/partners/invitation/inv-expired",
            "This invitation has expired",
            "send you a new invitation",
        ),
        (
            "/partners/invitation/inv-accepted",
            "This invitation has already been accepted",
            "partner page",
        ),
        (
            "/partners/invitation/inv-declined",
            "This invitation was cancelled",
            "new invitation",
        ),
        (
            "/partners/invitation/inv-never-sent",
            "Invitation not found",
            "send the invitation again",
        ),
        (
            "/partners/invitation/bad%20id",
            "This invitation link is broken",
            "open the link again",
        ),
    ] {
        let root = open_as("global-admin", path).await;
        assert_eq!(heading(&root), title, "{path}");
        let outcome = text_of(&root, "[data-testid=invitation-outcome]");
        assert!(outcome.contains(next), "{path}: {outcome}");
        assert!(root
            .query_selector("[data-testid=accept]")
            .unwrap()
            .is_none());
    }
}
