//! Settings › Data › "Download as Microsoft Graph JSON": the granular
//! relationships in Graph's shape, which the Graph import reads back.

use domain::external::graph::write_graph;
use leptos::prelude::*;

use crate::components::download::download;
use crate::components::toast::use_toasts;
use crate::store::use_store;

#[component]
pub fn GraphExport() -> impl IntoView {
    let store = use_store();
    let toasts = use_toasts();
    let save = move |_| {
        let (date, text) = untrack(|| store.with(|s| (s.now.date_string(), write_graph(s))));
        match download(
            &format!("gdap-relationships-{date}.json"),
            "application/json",
            &text,
        ) {
            Ok(()) => toasts.success("The relationships were saved as Microsoft Graph JSON."),
            Err(_) => toasts.error("The browser refused to save the file. Try again, or allow downloads for this site."),
        }
    };
    view! {
        <section class="card graph-import" aria-labelledby="graph-export-title">
            <h2 id="graph-export-title">"Export as Microsoft Graph JSON"</h2>
            <p>
                "Download your GDAP relationships, and the requests still waiting for review, as Graph's collection "
                <code>"{\"value\": [...]}"</code>
                " of delegatedAdminRelationship objects. Each names its partner, so the import above reads it back without losing anything."
            </p>
            <button type="button" class="button" on:click=save>"Download as Microsoft Graph JSON"</button>
        </section>
    }
}
