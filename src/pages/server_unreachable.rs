//! Shown instead of the app when it was asked to use the server and the
//! server did not answer: what happened, and the two ways on.

use leptos::prelude::*;

#[component]
pub fn ServerUnreachable(reason: String) -> impl IntoView {
    let reload = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    view! {
        <main class="server-unreachable" id="main">
            <h1>"The console can't reach its server"</h1>
            <p>{reason}</p>
            <p>"Check that the server is running, then try again. Nothing you saved on it is lost."</p>
            <div class="server-unreachable__actions">
                <button type="button" class="button button--primary" on:click=reload>
                    "Try again"
                </button>
                <a class="button" href="?backend=local">"Use this browser's data instead"</a>
            </div>
        </main>
    }
}
