//! The "Privileged" badge beside a role Entra marks privileged. The word
//! is what the eye reads; the sentence saying what it means is what a
//! screen reader reads, and what shows on hover or keyboard focus.

use domain::roles::{PRIVILEGED_LABEL, PRIVILEGED_MEANING};
use leptos::prelude::*;

/// The badge. `meaning_id` names the sentence, for a control that wants it
/// as its description; `focusable` lets a keyboard reach the badge to read
/// the sentence where no control beside it does.
#[component]
pub fn PrivilegedBadge(
    #[prop(optional)] focusable: bool,
    #[prop(optional, into)] meaning_id: Option<String>,
) -> impl IntoView {
    view! {
        <span class="priv-badge" tabindex=focusable.then_some("0") data-testid="privileged-badge">
            <span class="priv-badge__label" aria-hidden="true">{PRIVILEGED_LABEL}</span>
            <span class="priv-badge__meaning" id=meaning_id>{PRIVILEGED_MEANING}</span>
        </span>
    }
}
