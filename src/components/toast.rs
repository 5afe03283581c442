//! Short confirmations after an action ("Roles removed"), announced politely
//! to screen readers and dismissed by the admin or after a while.

use leptos::prelude::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

impl ToastKind {
    fn class(self) -> &'static str {
        match self {
            ToastKind::Success => "toast toast--success",
            ToastKind::Error => "toast toast--error",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Toast {
    id: u32,
    kind: ToastKind,
    message: String,
}

/// The toast queue, provided once at the root.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u32>,
}

/// How long a toast stays before it goes by itself.
const TOAST_MS: u64 = 8000;

impl Toasts {
    pub fn provide() -> Toasts {
        let toasts = Toasts {
            items: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    pub fn show(&self, kind: ToastKind, message: impl Into<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id.wrapping_add(1));
        // Only the newest is shown: a stack of them covers the page's end
        // and says old news.
        self.items.update(|items| {
            items.clear();
            items.push(Toast {
                id,
                kind,
                message: message.into(),
            })
        });
        let items = self.items;
        set_timeout(
            move || items.update(|items| items.retain(|t| t.id != id)),
            std::time::Duration::from_millis(TOAST_MS),
        );
    }

    pub fn success(&self, message: impl Into<String>) {
        self.show(ToastKind::Success, message);
    }

    pub fn error(&self, message: impl Into<String>) {
        self.show(ToastKind::Error, message);
    }
}

pub fn use_toasts() -> Toasts {
    use_context::<Toasts>().unwrap_or_else(Toasts::provide)
}

/// The live region where toasts appear; rendered once by the shell.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = use_toasts();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <For each=move || toasts.items.get() key=|t| t.id let:toast>
                <div class=toast.kind.class()>
                    <span class="toast__message">{toast.message.clone()}</span>
                    <button
                        type="button"
                        class="toast__close"
                        aria-label="Dismiss"
                        on:click=move |_| toasts.items.update(|items| items.retain(|t| t.id != toast.id))
                    >
                        "×"
                    </button>
                </div>
            </For>
        </div>
    }
}
