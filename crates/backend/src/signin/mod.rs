//! Sign-in for people, with the backend as the OpenID Connect client
//! (backend-for-frontend): the browser goes to the provider and back
//! through /auth, and holds only an HttpOnly session cookie; tokens stay
//! on the server. The session names the person; `auth::guard` turns it
//! into the same `Identity` a bearer token gives, so the domain's
//! permission rules decide for both.
//!
//! - `GET /auth/sign-in?returnTo=/path`: off to the provider.
//! - `GET /auth/callback`: back from it; a failure comes back to the app's
//!   `/sign-in?problem=...` page, and nobody is signed in.
//! - `POST /auth/sign-out`: ends the session, and says where to end the
//!   provider's.
//! - `GET /auth/session`: who is signed in, for the header.

pub mod csrf;
pub mod oidc;
mod signed_in;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, Method};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use identity::Identity;
use openidconnect::url::form_urlencoded;
use serde::Deserialize;
use tower_sessions::cookie::SameSite;
use tower_sessions::{Expiry, Session, SessionManagerLayer};

use crate::api::ApiError;
use crate::app_state::AppState;
use crate::auth::Auth;
use crate::sessions::Sessions;
use crate::store::Organization;
pub use oidc::{OidcSettings, Pending, Provider};
pub use signed_in::SignedIn;

/// The session cookie's name (HttpOnly: the page never reads it).
pub const COOKIE: &str = "partner_console_session";
/// A sign-in must come back from the provider within this many seconds.
pub const SIGN_IN_TIMEOUT_SECONDS: i64 = 10 * 60;
/// Sign-ins started in one browser and not finished; older ones drop off.
const MAX_PENDING: usize = 5;
const PENDING_KEY: &str = "signIn.pending";
const USER_KEY: &str = "signIn.user";

/// How sign-in is set up.
#[derive(Clone, Debug)]
pub struct SignInConfig {
    pub oidc: OidcSettings,
    /// A session nobody has used for this long ends.
    pub idle_timeout: Duration,
    /// A session ends this long after signing in, used or not.
    pub lifetime: Duration,
}

impl SignInConfig {
    /// An hour idle, eight hours in all: a working day, then sign in again.
    pub const DEFAULT_IDLE: Duration = Duration::from_secs(60 * 60);
    pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(8 * 60 * 60);
}

pub struct SignIn {
    pub provider: Provider,
    pub config: SignInConfig,
    pub sessions: Sessions,
}

impl SignIn {
    /// The console's origin (scheme, host, port), for the cross-site check.
    pub fn origin(&self) -> &str {
        self.config.oidc.public_url.trim_end_matches('/')
    }

    /// The session cookie: HttpOnly, SameSite=Lax (Strict would drop it on
    /// the way back from the provider), Secure whenever the console is
    /// served over https.
    pub fn layer(&self) -> SessionManagerLayer<Sessions> {
        let idle =
            time::Duration::try_from(self.config.idle_timeout).unwrap_or(time::Duration::HOUR);
        SessionManagerLayer::new(self.sessions.clone())
            .with_name(COOKIE)
            .with_http_only(true)
            .with_same_site(SameSite::Lax)
            .with_secure(self.origin().starts_with("https://"))
            .with_path("/")
            .with_expiry(Expiry::OnInactivity(idle))
    }

    /// Who the session names, if it is signed in and has not ended; an
    /// ended one is removed. Each use (at most once a minute) pushes its
    /// idle timeout back.
    pub async fn identify(&self, session: &Session, now: i64) -> Result<Identity, ApiError> {
        let user: Option<SignedIn> = session.get(USER_KEY).await.ok().flatten();
        let Some(mut user) = user else {
            return Err(ApiError::sign_in_required("Sign in to use the console."));
        };
        let lifetime = i64::try_from(self.config.lifetime.as_secs()).unwrap_or(i64::MAX);
        if now.saturating_sub(user.signed_in_at) > lifetime {
            let _ = session.flush().await;
            return Err(ApiError::sign_in_required(
                "Your session has ended: sign in again.",
            ));
        }
        let identity = user
            .identity()
            .map_err(|e| ApiError::sign_in_required(format!("Sign in again: {e}.")))?;
        if now.saturating_sub(user.seen_at) >= 60 {
            user.seen_at = now;
            let _ = session.insert(USER_KEY, &user).await;
        }
        Ok(identity)
    }
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/auth/sign-in", get(sign_in))
        .route("/auth/callback", get(callback))
        .route("/auth/sign-out", post(sign_out))
        .route("/auth/session", get(current_session))
}

/// Whether this server serves the organization (`--organization`).
pub fn lets_in(state: &AppState, organization: &str) -> bool {
    match state.auth.as_ref() {
        Auth::Token(auth) => auth.lets_in(organization),
        Auth::DemoPersona => false,
    }
}

fn sign_in_of(state: &AppState) -> Result<&Arc<SignIn>, ApiError> {
    state
        .sign_in
        .as_ref()
        .ok_or_else(|| ApiError::sign_in_required("This server does not sign people in."))
}

/// Back to the app's sign-in page, which explains `problem` in words.
fn problem(problem: &str, return_to: &str) -> Response {
    let back: String = form_urlencoded::byte_serialize(return_to.as_bytes()).collect();
    Redirect::to(&format!("/sign-in?problem={problem}&returnTo={back}")).into_response()
}

/// The sign-ins this browser started and has not finished.
async fn pending_of(session: &Session) -> Vec<Pending> {
    session
        .get(PENDING_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

#[derive(Deserialize)]
struct SignInQuery {
    #[serde(rename = "returnTo")]
    return_to: Option<String>,
}

async fn sign_in(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<SignInQuery>,
) -> Response {
    // Only a path on this site: the same rule the app follows.
    let back = domain::signin::return_to(query.return_to.as_deref(), "/").to_string();
    let Ok(sign_in) = sign_in_of(&state) else {
        return problem("sign-in-failed", &back);
    };
    let (url, pending) = match sign_in
        .provider
        .start(back.clone(), state.clock.wall_seconds())
        .await
    {
        Ok(started) => started,
        Err(e) => {
            eprintln!("sign-in could not start: {e}");
            return problem("provider-unreachable", &back);
        }
    };
    let mut waiting = pending_of(&session).await;
    waiting.push(pending);
    let excess = waiting.len().saturating_sub(MAX_PENDING);
    waiting.drain(..excess);
    if let Err(e) = session.insert(PENDING_KEY, &waiting).await {
        eprintln!("sign-in could not be kept in the session store: {e}");
        return problem("sign-in-failed", &back);
    }
    Redirect::to(&url).into_response()
}

#[derive(Deserialize)]
struct CallbackQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn callback(
    State(state): State<AppState>,
    session: Session,
    Query(query): Query<CallbackQuery>,
) -> Response {
    let Ok(sign_in) = sign_in_of(&state) else {
        return problem("sign-in-failed", "/");
    };
    let mut waiting = pending_of(&session).await;
    let found = query
        .state
        .as_deref()
        .and_then(|s| waiting.iter().position(|p| p.state == s))
        .map(|i| waiting.remove(i));
    // One use only: whatever happens next, this answer cannot be replayed.
    let _ = session.insert(PENDING_KEY, &waiting).await;
    let Some(pending) = found else {
        // Not a sign-in this browser started (or one already finished).
        return problem("sign-in-failed", "/");
    };
    let back = pending.return_to.clone();
    let now = state.clock.wall_seconds();
    if now.saturating_sub(pending.started_at) > SIGN_IN_TIMEOUT_SECONDS {
        return problem("expired", &back);
    }
    if let Some(error) = query.error {
        let code = if error == "access_denied" {
            "cancelled"
        } else {
            "sign-in-failed"
        };
        return problem(code, &back);
    }
    let Some(code) = query.code else {
        return problem("sign-in-failed", &back);
    };
    let verified = match sign_in.provider.finish(&pending, code).await {
        Ok(verified) => verified,
        Err(oidc::SignInError::Unreachable(e)) => {
            eprintln!("sign-in could not finish: {e}");
            return problem("provider-unreachable", &back);
        }
        Err(oidc::SignInError::Refused(e)) => {
            eprintln!("sign-in refused: {e}");
            return problem("sign-in-failed", &back);
        }
    };
    let user = SignedIn::new(verified, now);
    let who = match user.identity() {
        Ok(who) => who,
        Err(e) => {
            eprintln!("sign-in refused: {e}");
            return problem("sign-in-failed", &back);
        }
    };
    if !lets_in(&state, &who.organization) {
        eprintln!(
            "sign-in refused: organization {} is not served here",
            who.organization
        );
        return problem("not-served", &back);
    }
    // The organization exists from its first sign-in, so the header can
    // name it at once.
    if let Err(e) = crate::api::organization::ensure(&state, &Organization::of(&who)).await {
        eprintln!("the organization could not be created: {e:?}");
        return problem("sign-in-failed", &back);
    }
    // A new session id at sign-in: an id planted before (session fixation)
    // is worth nothing after.
    let stored = async {
        session.cycle_id().await?;
        session.remove_value(PENDING_KEY).await?;
        session.insert(USER_KEY, &user).await
    };
    if let Err(e) = stored.await {
        eprintln!("the session could not be stored: {e}");
        return problem("sign-in-failed", &back);
    }
    Redirect::to(&back).into_response()
}

async fn sign_out(
    State(state): State<AppState>,
    session: Session,
    method: Method,
    headers: HeaderMap,
) -> Response {
    let sign_in = match sign_in_of(&state) {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    if let Some(why) = csrf::refusal(&method, &headers, sign_in.origin()) {
        return ApiError::cross_site_refused(why).into_response();
    }
    let user: Option<SignedIn> = session.get(USER_KEY).await.ok().flatten();
    if let Err(e) = session.flush().await {
        eprintln!("a session could not be ended: {e}");
        return ApiError::unavailable("Signing out did not finish: try again.").into_response();
    }
    let at_provider = match &user {
        Some(user) => sign_in.provider.sign_out_url(Some(&user.id_token)).await,
        None => None,
    };
    let redirect = at_provider.unwrap_or_else(|| "/signed-out".to_string());
    Json(serde_json::json!({ "redirect": redirect })).into_response()
}

async fn current_session(State(state): State<AppState>, session: Session) -> Response {
    let sign_in = match sign_in_of(&state) {
        Ok(s) => s,
        Err(e) => return e.into_response(),
    };
    let who = match sign_in.identify(&session, state.clock.wall_seconds()).await {
        Ok(who) => who,
        Err(e) => return e.into_response(),
    };
    if !lets_in(&state, &who.organization) {
        return ApiError::sign_in_required("This server does not serve your organization.")
            .into_response();
    }
    // The name stored when the organization was created, else the token's.
    let organization_name = match state.store.current(&who.organization).await {
        Ok(Some(current)) => current.state.organization_name().to_string(),
        Ok(None) => who.organization_display_name(),
        Err(e) => return ApiError::from(e).into_response(),
    };
    Json(serde_json::json!({
        "user": { "id": who.user_id, "name": who.name, "username": who.username },
        "organization": { "id": who.organization, "name": organization_name },
        "role": who.role_label(),
        "persona": who.persona.id(),
    }))
    .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;
    use identity::TokenClaims;

    const NOW: i64 = 1_800_000_000;

    fn sign_in(dir: &std::path::Path) -> SignIn {
        let config = SignInConfig {
            oidc: OidcSettings {
                issuer: "http://127.0.0.1:9".into(),
                client_id: "partner-console".into(),
                client_secret: "s".into(),
                public_url: "http://127.0.0.1:8090".into(),
                scopes: vec![],
            },
            idle_timeout: SignInConfig::DEFAULT_IDLE,
            lifetime: SignInConfig::DEFAULT_LIFETIME,
        };
        SignIn {
            provider: Provider::new(config.oidc.clone()).unwrap(),
            config,
            sessions: Sessions::Sqlite(
                crate::sessions::SqliteSessions::open(&dir.join("db.sqlite3")).unwrap(),
            ),
        }
    }

    fn signed_in(at: i64) -> SignedIn {
        let claims = TokenClaims {
            tid: Some("6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c".into()),
            oid: Some("0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51".into()),
            name: Some("Avery Howard".into()),
            wids: vec!["62e90394-69f5-4237-9190-012177145e10".into()],
            ..TokenClaims::default()
        };
        SignedIn::new(
            oidc::Verified {
                claims,
                id_token: "header.payload.signature".into(),
            },
            at,
        )
    }

    async fn session_with(sign_in: &SignIn, user: Option<SignedIn>) -> Session {
        let session = Session::new(None, Arc::new(sign_in.sessions.clone()), None);
        if let Some(user) = user {
            session.insert(USER_KEY, user).await.unwrap();
        }
        session
    }

    fn temp_dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("signin-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[tokio::test]
    async fn a_session_names_its_person_until_its_lifetime_is_over() {
        let dir = temp_dir("lifetime");
        let sign_in = sign_in(&dir);
        let session = session_with(&sign_in, Some(signed_in(NOW))).await;
        let who = sign_in.identify(&session, NOW + 60).await.unwrap();
        assert_eq!(who.name, "Avery Howard");
        assert_eq!(who.persona, domain::Persona::GlobalAdministrator);

        let eight_hours_on = NOW + 8 * 60 * 60 + 1;
        let refused = sign_in
            .identify(&session, eight_hours_on)
            .await
            .unwrap_err();
        assert_eq!(refused.status(), axum::http::StatusCode::UNAUTHORIZED);
        // Ended for good: an earlier clock does not bring it back.
        assert!(sign_in.identify(&session, NOW + 60).await.is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn no_one_signed_in_is_refused() {
        let dir = temp_dir("anonymous");
        let sign_in = sign_in(&dir);
        let session = session_with(&sign_in, None).await;
        let refused = sign_in.identify(&session, NOW).await.unwrap_err();
        assert_eq!(refused.status(), axum::http::StatusCode::UNAUTHORIZED);
        let _ = std::fs::remove_dir_all(dir);
    }
}
