//! A labelled form field: the label, the control, a hint and an inline
//! error. The control itself is the caller's; it takes its `aria-invalid`
//! and `aria-describedby` from [`FieldIds`], so the error and hint are read
//! with it.

use leptos::prelude::*;

/// The ids a control and its texts share.
#[derive(Clone, Copy)]
pub struct FieldIds {
    pub id: &'static str,
}

impl FieldIds {
    pub fn error_id(self) -> String {
        format!("{}-error", self.id)
    }

    pub fn hint_id(self) -> String {
        format!("{}-hint", self.id)
    }

    /// `aria-describedby` for the control: its error (when there is one)
    /// first, so it is heard first, then its hint.
    pub fn described_by(self, has_error: bool, has_hint: bool) -> Option<String> {
        let mut ids = Vec::new();
        if has_error {
            ids.push(self.error_id());
        }
        if has_hint {
            ids.push(self.hint_id());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

#[component]
pub fn FormField(
    ids: FieldIds,
    label: &'static str,
    #[prop(optional)] required: bool,
    /// The current error of this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// A hint shown under the control (give `FieldIds::hint_id` to the control).
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    children: Children,
) -> impl IntoView {
    let error_id = ids.error_id();
    let hint_id = ids.hint_id();
    view! {
        <div class="form-field">
            <label class="form-field__label" for=ids.id>
                {label}
                {required.then(|| view! { <span class="form-field__required" aria-hidden="true">" *"</span> })}
                {(!required).then(|| view! { <span class="form-field__hint">" (optional)"</span> })}
            </label>
            {children()}
            {hint.map(|hint| view! { <p class="form-field__hint" id=hint_id>{move || hint.get()}</p> })}
            {move || error.get().map(|message| view! {
                <p class="form-field__error" id=error_id.clone()>{message}</p>
            })}
        </div>
    }
}
