//! A test hook: opening this page panics on purpose, so the end-to-end
//! tests can prove a panic shows the recovery panel instead of freezing.

use leptos::prelude::*;

#[component]
pub fn DebugPanicPage() -> impl IntoView {
    let (armed, set_armed) = signal(false);
    Effect::new(move |_| {
        if armed.get() {
            panic!("deliberate panic from /debug/panic");
        }
    });
    view! {
        <h1>"Panic test"</h1>
        <button type="button" on:click=move |_| set_armed.set(true)>"Panic now"</button>
    }
}
