//! "I have read the Microsoft Customer Agreement…": the box both accept
//! pages ask for. Whether it is ticked lives in the page's URL
//! (`?acknowledged=yes`), so a reload keeps it.

use leptos::prelude::*;

use crate::components::url_query::{use_query_map, with_changes, Navigator};

const ACK_KEY: &str = "acknowledged";

/// The tick of one page, read from and written to its URL.
#[derive(Clone, Copy)]
pub struct Acknowledgement {
    ticked: Memo<bool>,
    set: Callback<bool>,
}

impl Acknowledgement {
    /// `page_path` is the page's own path; ticking replaces the history
    /// entry so Back leaves the page rather than unticking the box.
    pub fn from_url(page_path: String) -> Acknowledgement {
        let query = use_query_map();
        let navigator = Navigator::new();
        let ticked = Memo::new(move |_| query.with(|q| q.get_str(ACK_KEY) == Some("yes")));
        let set = Callback::new(move |ticked: bool| {
            let url = query.with_untracked(|q| {
                with_changes(&page_path, q, &[(ACK_KEY, ticked.then(|| "yes".into()))])
            });
            navigator.replace(&url);
        });
        Acknowledgement { ticked, set }
    }

    pub fn get(&self) -> bool {
        self.ticked.get()
    }

    pub fn get_untracked(&self) -> bool {
        self.ticked.get_untracked()
    }
}

/// The checkbox and its label; `id` is unique in the page.
#[component]
pub fn AcknowledgementBox(id: &'static str, acknowledgement: Acknowledgement) -> impl IntoView {
    view! {
        <div class="inv-ack">
            <input
                type="checkbox"
                id=id
                prop:checked=move || acknowledgement.get()
                on:change:target=move |ev| acknowledgement.set.run(ev.target().checked())
            />
            <label for=id>
                "I have read the Microsoft Customer Agreement and accept it on behalf of my organization."
            </label>
        </div>
    }
}
