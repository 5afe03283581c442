//! The header's account of who is signed in, on a server where people sign
//! in: name, organization and the role that decides what they may do, and
//! Sign out. Replaces the demo's persona picker there.

use domain::signin::initials;
use leptos::prelude::*;

use crate::components::toast::use_toasts;
use crate::session::{self, Session};

#[component]
pub fn SessionHeader(session: Session) -> impl IntoView {
    let toasts = use_toasts();
    let signing_out = RwSignal::new(false);
    let sign_out = move |_| {
        signing_out.set(true);
        leptos::task::spawn_local(async move {
            // On success the page leaves; only a failure comes back here.
            if let Err(why) = session::sign_out().await {
                signing_out.set(false);
                toasts.error(why);
            }
        });
    };
    view! {
        <div class="account" data-testid="account">
            <span class="account__avatar" aria-hidden="true">{initials(&session.user_name)}</span>
            <div class="account__text">
                <span class="account__name" data-testid="account-name" title=session.username.clone()>
                    {session.user_name.clone()}
                </span>
                <span class="account__role" data-testid="account-role">
                    <span class="visually-hidden">"Role: "</span>
                    {session.role.clone()}
                </span>
            </div>
            <button
                type="button"
                class="account__sign-out"
                on:click=sign_out
                disabled=move || signing_out.get()
            >
                "Sign out"
            </button>
        </div>
    }
}
