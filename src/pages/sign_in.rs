//! The pages of a server where people sign in, for someone who is not
//! signed in: "Sign in" (at `/sign-in`, and at whatever page was asked
//! for), with the server's reason when a sign-in failed, and "You're
//! signed out". No navigation: every other page needs data.

use domain::signin::{self, SignInProblem};
use leptos::html;
use leptos::prelude::*;

use crate::components::url_query::parse_query;
use crate::routes;
use crate::session;

/// Shown instead of the app while nobody is signed in.
#[component]
pub fn SignInApp() -> impl IntoView {
    let base = crate::base_path::get();
    let location = web_sys::window().map(|w| w.location());
    let pathname = location
        .as_ref()
        .and_then(|l| l.pathname().ok())
        .unwrap_or_default();
    let search = location
        .as_ref()
        .and_then(|l| l.search().ok())
        .unwrap_or_default();
    let route = pathname.strip_prefix(base).unwrap_or(&pathname).to_string();
    let query = parse_query(&search);
    let home = format!("{base}/");
    let page = if route == routes::SIGNED_OUT {
        view! { <SignedOut home=home /> }.into_any()
    } else if route == routes::SIGN_IN {
        let problem = query.get_str("problem").and_then(SignInProblem::from_code);
        let back = signin::return_to(query.get_str("returnTo"), &home).to_string();
        view! { <SignIn problem=problem return_to=back /> }.into_any()
    } else {
        // Any other page asked for: sign in, then come back to it.
        view! { <SignIn problem=None return_to=session::here() /> }.into_any()
    };
    view! {
        <header class="app-header">
            <div class="app-header__brand">
                <span class="app-header__logo" aria-hidden="true"></span>
                <span class="app-header__names">
                    <span class="app-header__product">"Partner console"</span>
                </span>
            </div>
        </header>
        <main id="main" class="sign-in">
            {page}
        </main>
    }
}

/// The page heading takes focus, so a screen reader starts from it.
fn focused_heading(id: &'static str, text: &'static str) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    view! { <h1 id=id class="sign-in__title" tabindex="-1" node_ref=heading>{text}</h1> }
}

#[component]
fn SignIn(problem: Option<SignInProblem>, return_to: String) -> impl IntoView {
    let title = if problem.is_some() {
        "Sign-in didn't work"
    } else {
        "Sign in to the partner console"
    };
    set_title(title);
    let base = crate::base_path::get();
    let home = format!("{base}/");
    let url = signin::sign_in_url(base, signin::return_to(Some(&return_to), &home));
    let action = if problem.is_some() {
        "Try again"
    } else {
        "Sign in"
    };
    view! {
        <section class="sign-in__card" aria-labelledby="sign-in-title">
            {focused_heading("sign-in-title", title)}
            {problem.map(|p| view! {
                <div class="notice notice--error" role="alert" data-testid="sign-in-problem">
                    <p>{p.message()}</p>
                </div>
            })}
            <p class="lead">{signin::SIGN_IN_LEAD}</p>
            <p class="sign-in__who">{signin::SIGN_IN_WHO}</p>
            <a class="button button--primary sign-in__action" href=url>{action}</a>
        </section>
    }
}

#[component]
fn SignedOut(home: String) -> impl IntoView {
    set_title(signin::SIGNED_OUT_TITLE);
    let url = signin::sign_in_url(crate::base_path::get(), &home);
    view! {
        <section class="sign-in__card" aria-labelledby="signed-out-title">
            {focused_heading("signed-out-title", signin::SIGNED_OUT_TITLE)}
            <p class="lead">{signin::SIGNED_OUT_TEXT}</p>
            <a class="button button--primary sign-in__action" href=url>"Sign in"</a>
        </section>
    }
}

fn set_title(title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&format!("{title} · Partner console"));
    }
}

/// `/sign-in` or `/signed-out` while signed in: goes on to the page the
/// sign-in was for (or Home), replacing this entry in the history.
#[component]
pub fn AlreadySignedIn() -> impl IntoView {
    let base = crate::base_path::get();
    let home = format!("{base}/");
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let query = parse_query(&search);
    let back = signin::return_to(query.get_str("returnTo"), &home).to_string();
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(&back);
    }
    view! { <p>"You're signed in. Opening the console…"</p> }
}
