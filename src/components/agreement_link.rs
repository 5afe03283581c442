//! The "Microsoft Customer Agreement" link of the invitation and agreement
//! pages. It opens a summary in our own words inside the app (a modal
//! `<dialog>`), which in turn points to the official text. Whether it is
//! open lives in the URL (`?agreement=open`), so a reload keeps it open.

use leptos::html;
use leptos::prelude::*;

use crate::components::url_query::{use_query_map, with_changes, Navigator};

/// The official text; the only external address on these pages.
pub const OFFICIAL_URL: &str = "https://www.microsoft.com/licensing/docs/customeragreement";

const QUERY_KEY: &str = "agreement";
const DIALOG_ID: &str = "customer-agreement";

/// A link-styled button that opens the agreement summary. `path` is the
/// page's own path, so closing the summary returns to the same page.
#[component]
pub fn AgreementLink(#[prop(into)] path: String) -> impl IntoView {
    let query = use_query_map();
    let navigator = Navigator::new();
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let opener_ref = NodeRef::<html::Button>::new();
    let is_open = Memo::new(move |_| query.with(|q| q.get_str(QUERY_KEY) == Some("open")));
    let path = StoredValue::new(path);

    let set_open = move |open: bool| {
        let url = query.with_untracked(|q| {
            path.with_value(|p| with_changes(p, q, &[(QUERY_KEY, open.then(|| "open".into()))]))
        });
        navigator.replace(&url);
    };

    // The URL decides; the element follows (the outside world, so an Effect).
    Effect::new(move |_| {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if is_open.get() {
            if !dialog.open() {
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });

    let on_close = move |_| {
        if is_open.get_untracked() {
            set_open(false);
        }
        if let Some(button) = opener_ref.get_untracked() {
            let _ = button.focus();
        }
    };

    view! {
        <button
            type="button"
            class="inv-link-button"
            node_ref=opener_ref
            aria-haspopup="dialog"
            on:click=move |_| set_open(true)
        >
            "Microsoft Customer Agreement"
        </button>
        <dialog
            node_ref=dialog_ref
            id=DIALOG_ID
            class="dialog inv-agreement-dialog"
            aria-labelledby="customer-agreement-title"
            on:close=on_close
        >
            <h2 class="dialog__title" id="customer-agreement-title">"Microsoft Customer Agreement"</h2>
            <div class="dialog__body inv-agreement-body">
                <p>
                    "A short summary, in our words, of what the agreement covers. It is not the agreement: the official text below is what your organization accepts."
                </p>
                <ul class="inv-agreement-summary">
                    <li><strong>"Who it binds. "</strong>"Your organization and Microsoft, for the products and services you buy from Microsoft, directly or through a partner."</li>
                    <li><strong>"Using what you buy. "</strong>"You may use products for your organization under their product terms, within the licenses and limits you bought."</li>
                    <li><strong>"Partners. "</strong>"A partner you authorize may buy for you and manage your subscriptions. What the partner charges and does for you is agreed between you and the partner."</li>
                    <li><strong>"Your data. "</strong>"Your content stays yours. Microsoft handles it under its privacy and data protection terms."</li>
                    <li><strong>"Paying. "</strong>"Prices, invoices and taxes for what is bought under the agreement, and what happens when a payment is late."</li>
                    <li><strong>"Term and ending. "</strong>"Subscriptions run for their term and may renew; the agreement says how either side can end them."</li>
                    <li><strong>"Limits and disputes. "</strong>"What each side guarantees, the limits of each side's liability, and which law applies."</li>
                </ul>
                <p>
                    <a href=OFFICIAL_URL rel="noopener noreferrer" target="_blank">
                        "Read the full Microsoft Customer Agreement"
                        <span class="visually-hidden">" (opens in a new tab)"</span>
                    </a>
                    " on microsoft.com."
                </p>
            </div>
            <div class="dialog__actions">
                <button type="button" class="button button--primary" on:click=move |_| set_open(false)>
                    "Close"
                </button>
            </div>
        </dialog>
    }
}
