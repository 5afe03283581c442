//! Who is signed in when the server signs people in (`"signIn": true` in
//! `config.json`): asked once at start from `/auth/session`, before the app
//! mounts. The browser only holds the server's HttpOnly cookie; this is the
//! server's account of it, for the header and the permissions. `None` in
//! the in-browser and demo-persona modes, where the persona picker decides.

use std::cell::RefCell;

use domain::Persona;
use serde::Deserialize;

/// The header every request the app makes carries, so the server can tell
/// them from a form another site posts with the cookie.
pub const REQUESTED_WITH: (&str, &str) = ("X-Requested-With", "partner-console");

/// A signed-in person, as `/auth/session` tells it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub user_id: String,
    pub user_name: String,
    pub username: String,
    pub organization: String,
    /// The role label that decides what they may do ("Global Reader").
    pub role: String,
    pub persona: Persona,
}

thread_local! {
    static CURRENT: RefCell<Option<Session>> = const { RefCell::new(None) };
}

/// The signed-in person, in sign-in mode.
pub fn current() -> Option<Session> {
    CURRENT.with(|c| c.borrow().clone())
}

fn set_current(session: Session) {
    CURRENT.with(|c| *c.borrow_mut() = Some(session));
}

/// Reads `/auth/session`'s answer. An unknown persona id reads as a user
/// with no admin role: the server decides anyway, and the page offers less.
pub fn parse(text: &str) -> Option<Session> {
    #[derive(Deserialize)]
    struct User {
        id: String,
        name: String,
        #[serde(default)]
        username: String,
    }
    #[derive(Deserialize)]
    struct Organization {
        name: String,
    }
    #[derive(Deserialize)]
    struct Answer {
        user: User,
        organization: Organization,
        role: String,
        persona: String,
    }
    let answer: Answer = crate::json::from_text(text).ok()?;
    Some(Session {
        user_id: answer.user.id,
        user_name: answer.user.name,
        username: answer.user.username,
        organization: answer.organization.name,
        role: answer.role,
        persona: Persona::from_id(&answer.persona).unwrap_or(Persona::User),
    })
}

/// Asks the server who is signed in: `Ok(true)` signed in (and kept for
/// `current()`), `Ok(false)` nobody, `Err` the server could not say.
pub async fn load(base: &str) -> Result<bool, String> {
    let url = format!("{base}/auth/session");
    let response = gloo_net::http::Request::get(&url)
        .header(REQUESTED_WITH.0, REQUESTED_WITH.1)
        .header("Accept", "application/json, application/problem+json")
        .send()
        .await
        .map_err(|_| format!("The server could not be reached (asked {url})."))?;
    match response.status() {
        200 => {
            let text = response.text().await.map_err(|e| e.to_string())?;
            let session = parse(&text)
                .ok_or_else(|| format!("The server's answer could not be read (asked {url})."))?;
            set_current(session);
            Ok(true)
        }
        401 => Ok(false),
        status => Err(format!(
            "The server could not say who is signed in (error {status}, asked {url})."
        )),
    }
}

/// This page's path and query, as "Sign in again" should come back to it.
pub fn here() -> String {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| {
            format!(
                "{}{}",
                l.pathname().unwrap_or_default(),
                l.search().unwrap_or_default()
            )
        })
        .unwrap_or_default()
}

/// Leaves for the server's sign-in, which comes back to `return_to`.
pub fn go_sign_in(return_to: &str) {
    let base = crate::base_path::get();
    let home = format!("{base}/");
    let back = domain::signin::return_to(Some(return_to), &home);
    assign(&domain::signin::sign_in_url(base, back));
}

fn assign(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Ends the session on the server, then follows its redirect (the
/// provider's sign-out, which comes back to `/signed-out`). `Err` says why
/// nothing happened.
pub async fn sign_out() -> Result<(), String> {
    #[derive(Deserialize)]
    struct Redirect {
        redirect: String,
    }
    let base = crate::base_path::get();
    let response = gloo_net::http::Request::post(&format!("{base}/auth/sign-out"))
        .header(REQUESTED_WITH.0, REQUESTED_WITH.1)
        .header("Accept", "application/json, application/problem+json")
        .send()
        .await
        .map_err(|_| "The server could not be reached, so you are still signed in. Try again.")?;
    match response.status() {
        200 => {
            let text = response.text().await.map_err(|e| e.to_string())?;
            let target = crate::json::from_text::<Redirect>(&text)
                .map(|r| r.redirect)
                .unwrap_or_else(|_| format!("{base}/signed-out"));
            assign(&target);
            Ok(())
        }
        // Already ended elsewhere: nothing left to end.
        401 => {
            assign(&format!("{base}/signed-out"));
            Ok(())
        }
        status => Err(format!(
            "The server did not sign you out (error {status}). Try again."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_session_answer_names_the_person_their_organization_and_role() {
        let session = parse(
            r#"{"user":{"id":"0b6f","name":"Avery Howard","username":"admin@adatum.example"},
                "organization":{"id":"6f1d","name":"Adatum Corporation"},
                "role":"Global Administrator","persona":"global-admin"}"#,
        );
        assert_eq!(
            session,
            Some(Session {
                user_id: "0b6f".into(),
                user_name: "Avery Howard".into(),
                username: "admin@adatum.example".into(),
                organization: "Adatum Corporation".into(),
                role: "Global Administrator".into(),
                persona: Persona::GlobalAdministrator,
            })
        );
    }

    #[test]
    fn an_unknown_persona_gets_the_read_only_view() {
        let session = parse(
            r#"{"user":{"id":"1","name":"N"},"organization":{"name":"O"},"role":"Someone","persona":"root"}"#,
        );
        assert_eq!(session.map(|s| s.persona), Some(Persona::User));
        assert_eq!(parse("{}"), None);
    }
}
