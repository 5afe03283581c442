//! The store against the browser's real localStorage: nothing an admin
//! saved is ever silently lost.
#![cfg(target_arch = "wasm32")]

mod support;

use domain::{Command, Persona};
use partner_console::store::{StorageProblem, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "partner-console.state";

fn storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("localStorage")
}

fn clear() {
    storage().clear().expect("clear");
}

/// An owner for a test that awaits: the store's signals live while it does.
fn owner() -> leptos::prelude::Owner {
    let owner = leptos::prelude::Owner::new();
    owner.set();
    owner
}

fn with_owner<R>(f: impl FnOnce() -> R) -> R {
    let owner = leptos::prelude::Owner::new();
    owner.with(f)
}

#[wasm_bindgen_test]
fn a_first_visit_shows_demo_data_and_saves_nothing_until_a_change() {
    clear();
    with_owner(|| {
        let store = Store::provide();
        assert!(store.with(|s| !s.partners.is_empty()), "demo partners");
        assert_eq!(store.problem(), None);
        assert_eq!(storage().get_item(KEY).ok().flatten(), None);
    });
}

#[wasm_bindgen_test]
async fn a_change_is_saved_and_a_new_store_reads_it_back() {
    clear();
    let _owner = owner();
    let store = Store::provide();
    let before = store.with(|s| s.purchase_visibility);
    store
        .execute(
            Command::SetPurchaseVisibility { allowed: !before },
            Persona::GlobalAdministrator,
        )
        .await
        .expect("a Global Administrator may set purchase visibility");
    let reloaded = Store::provide();
    assert_eq!(reloaded.with(|s| s.purchase_visibility), !before);
}

#[wasm_bindgen_test]
async fn a_refused_command_changes_nothing_but_is_logged() {
    clear();
    let _owner = owner();
    let store = Store::provide();
    let visibility = store.with(|s| s.purchase_visibility);
    let log_len = store.with(|s| s.activity.len());
    let refused = store
        .execute(
            Command::SetPurchaseVisibility {
                allowed: !visibility,
            },
            Persona::User,
        )
        .await;
    assert!(refused.is_err());
    assert_eq!(store.with(|s| s.purchase_visibility), visibility);
    let last = store.with(|s| s.activity.last().map(|e| e.outcome.clone()));
    assert_eq!(store.with(|s| s.activity.len()), log_len + 1);
    assert!(last.unwrap_or_default().starts_with("Refused"));
}

#[wasm_bindgen_test]
fn corrupt_saved_data_is_set_aside_and_reported_not_dropped() {
    clear();
    storage().set_item(KEY, "{not json").expect("set");
    with_owner(|| {
        let store = Store::provide();
        let Some(StorageProblem::Unreadable {
            kept_as: Some(kept),
            ..
        }) = store.problem()
        else {
            panic!(
                "expected an unreadable-data problem, got {:?}",
                store.problem()
            );
        };
        assert_eq!(
            storage().get_item(&kept).ok().flatten().as_deref(),
            Some("{not json")
        );
        assert!(
            store.with(|s| !s.partners.is_empty()),
            "demo data shown meanwhile"
        );
    });
}

#[wasm_bindgen_test]
async fn data_from_a_newer_console_opens_read_only_and_is_never_overwritten() {
    clear();
    let current = with_owner(|| Store::provide().export_json());
    let newer = current.replacen("\"schemaVersion\":2", "\"schemaVersion\":99", 1);
    assert_ne!(newer, current, "the export names its schema version");
    storage().set_item(KEY, &newer).expect("set");
    let _owner = owner();
    let store = Store::provide();
    assert_eq!(store.problem(), Some(StorageProblem::Newer));
    assert!(store.read_only());
    let refused = store
        .execute(
            Command::SetPurchaseVisibility { allowed: true },
            Persona::GlobalAdministrator,
        )
        .await;
    assert!(refused.is_err());
    assert_eq!(
        storage().get_item(KEY).ok().flatten().as_deref(),
        Some(newer.as_str()),
        "the newer data is left exactly as it was"
    );
}

#[wasm_bindgen_test]
fn a_bad_import_changes_nothing_and_says_why() {
    clear();
    with_owner(|| {
        let store = Store::provide();
        let before = store.export_json();
        let error = store.import_json("[1,2,3]").expect_err("not a saved state");
        assert!(!error.to_string().is_empty());
        assert_eq!(store.export_json(), before);
    });
}

#[wasm_bindgen_test]
async fn two_tabs_writing_in_turn_never_overwrite_each_other() {
    clear();
    let _owner = owner();
    // Two stores over one localStorage stand for two tabs opened together.
    let first = Store::provide();
    let second = Store::provide();
    let visibility = first.with(|s| s.purchase_visibility);
    first
        .execute(
            Command::SetPurchaseVisibility {
                allowed: !visibility,
            },
            Persona::GlobalAdministrator,
        )
        .await
        .expect("first tab's change");
    let log_after_first = first.with(|s| s.activity.len());
    // The second tab has not heard of it yet and writes too.
    second
        .execute(
            Command::AdvanceTime {
                to: second.now().add_days(1),
            },
            Persona::GlobalAdministrator,
        )
        .await
        .expect("second tab's change");
    assert_eq!(second.problem(), Some(StorageProblem::ChangedElsewhere));
    let reloaded = Store::provide();
    assert_eq!(
        reloaded.with(|s| s.purchase_visibility),
        !visibility,
        "the first tab's change survived the second tab's write"
    );
    assert!(reloaded.with(|s| s.activity.len()) > log_after_first);
}
