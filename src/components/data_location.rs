//! Says in the header where the admin's data lives, so nobody mistakes a
//! private demo in this browser for the shared server, or the reverse.

use leptos::prelude::*;

use crate::store::{use_store, Mode};

#[component]
pub fn DataLocation() -> impl IntoView {
    let (label, detail) = match use_store().mode() {
        Mode::Local => (
            "Data in this browser",
            "Changes are saved in this browser only.".to_string(),
        ),
        Mode::Http { api } => (
            "Data on the server",
            format!("Changes are saved on the server ({api})."),
        ),
    };
    view! {
        <span class="data-location" data-testid="data-location" title=detail>
            {label}
        </span>
    }
}
