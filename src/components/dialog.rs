//! A modal confirmation dialog on the native `<dialog>` element: the page
//! behind it is inert (so Tab stays inside), Esc cancels, the title labels
//! it, and focus returns to whatever opened it.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Controls one dialog: open it from a button, close it from anywhere.
#[derive(Clone, Copy)]
pub struct DialogHandle {
    open: RwSignal<bool>,
}

impl DialogHandle {
    pub fn new() -> DialogHandle {
        DialogHandle {
            open: RwSignal::new(false),
        }
    }

    pub fn open(&self) {
        self.open.set(true);
    }

    pub fn close(&self) {
        self.open.set(false);
    }

    pub fn is_open(&self) -> bool {
        self.open.get()
    }
}

impl Default for DialogHandle {
    fn default() -> Self {
        Self::new()
    }
}

/// Visual weight of the confirm button.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
pub enum ConfirmTone {
    #[default]
    Primary,
    Danger,
}

/// "Remove roles?" with Yes / Cancel, and the like. `on_confirm` runs on the
/// confirm button; the dialog then closes. Cancel, Esc and the close button
/// only close it.
#[component]
pub fn ConfirmDialog(
    handle: DialogHandle,
    /// Unique in the page: the title's id is derived from it.
    #[prop(into)]
    id: String,
    #[prop(into)] title: String,
    #[prop(into)] confirm_label: String,
    #[prop(into, default = "Cancel".to_string())] cancel_label: String,
    #[prop(optional)] tone: ConfirmTone,
    on_confirm: Callback<()>,
    children: Children,
) -> impl IntoView {
    let dialog_ref = NodeRef::<html::Dialog>::new();
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();

    Effect::new(move |_| {
        let Some(dialog) = dialog_ref.get() else {
            return;
        };
        if handle.open.get() {
            if !dialog.open() {
                opener.set_value(active_element());
                let _ = dialog.show_modal();
            }
        } else if dialog.open() {
            dialog.close();
        }
    });

    // Fired by Esc, by `close()`, and by the buttons: keep the signal in step
    // and hand focus back to the opener. The event is queued as a task, so
    // the dialog may already be open again (Esc then Enter on the opener):
    // a late event must not close the new one.
    let on_close = move |_| {
        if dialog_ref.get_untracked().is_some_and(|d| d.open()) {
            return;
        }
        handle.open.set(false);
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let confirm_class = match tone {
        ConfirmTone::Primary => "button button--primary",
        ConfirmTone::Danger => "button button--danger",
    };

    view! {
        <dialog
            node_ref=dialog_ref
            id=id
            class="dialog"
            aria-labelledby=labelled_by
            on:close=on_close
        >
            <h2 class="dialog__title" id=title_id>{title}</h2>
            <div class="dialog__body">{children()}</div>
            <div class="dialog__actions">
                <button
                    type="button"
                    class=confirm_class
                    on:click=move |_| {
                        on_confirm.run(());
                        handle.close();
                    }
                >
                    {confirm_label}
                </button>
                // A destructive dialog opens on the safe choice: Enter
                // right after opening must not remove anything.
                <button
                    type="button"
                    class="button"
                    autofocus=tone == ConfirmTone::Danger
                    on:click=move |_| handle.close()
                >
                    {cancel_label}
                </button>
            </div>
        </dialog>
    }
}

fn active_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?
        .document()?
        .active_element()?
        .dyn_into::<web_sys::HtmlElement>()
        .ok()
}
