//! A partner's granular access in one coloured word, with the colour only
//! repeating what the text says.

use domain::views::AccessState;
use leptos::prelude::*;

fn tone(access: AccessState) -> &'static str {
    match access {
        AccessState::Active => "badge badge--success",
        AccessState::ExpiringSoon => "badge badge--warning",
        AccessState::Pending => "badge badge--info",
        AccessState::Expired | AccessState::Terminated => "badge badge--neutral",
        AccessState::Unknown => "badge badge--danger",
        AccessState::NoGranularAccess => "badge badge--muted",
    }
}

#[component]
pub fn StatusBadge(access: AccessState) -> impl IntoView {
    view! { <span class=tone(access)>{access.label()}</span> }
}

/// "Signed" or "Not signed" for the customer agreement.
#[component]
pub fn AgreementBadge(signed: bool) -> impl IntoView {
    let (class, label) = if signed {
        ("badge badge--success", "Signed")
    } else {
        ("badge badge--warning", "Not signed")
    };
    view! { <span class=class>{label}</span> }
}
