//! Who may call the API, decided once per request before any handler runs.
//!
//! Two modes. Demo mode believes the `X-Persona` header: it stands in for
//! the in-browser persona picker and authenticates nobody. Token mode
//! (`--oidc-issuer`) believes only a bearer token its identity provider
//! signed for this API, read by `crates/identity`; `X-Persona` grants
//! nothing there. Sign-in mode is token mode plus people: a session
//! cookie from `/auth` (see [`crate::signin`]) names them as a token would.
//! Each organization (the token's `tid`) has its own data;
//! `--organization` may limit which ones a server lets in.

use std::sync::{Mutex, RwLock};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use identity::{Identity, IssuerRule, TokenError, TokenVerifier};
use serde::Deserialize;

use tower_sessions::Session;

use crate::api::ApiError;
use crate::app_state::AppState;
use crate::signin::{csrf, SignIn};

/// The audience API tokens must carry unless configured otherwise.
pub const DEFAULT_AUDIENCE: &str = "api://partner-console";

/// The demo organization's tenant id (Adatum Corporation in the
/// development identity provider).
pub const DEMO_ORGANIZATION: &str = domain::demo::DEMO_TENANT_ID;

/// A provider that rotates its keys publishes the new one before signing
/// with it; an unknown key id fetches the keys again, at most this often.
const KEY_REFRESH_INTERVAL: Duration = Duration::from_secs(60);

pub enum Auth {
    DemoPersona,
    Token(Box<TokenAuth>),
}

pub struct TokenAuth {
    verifier: RwLock<TokenVerifier>,
    /// The organizations let in (lowercase tenant ids); empty: every one
    /// the issuer rule accepts.
    organizations: Vec<String>,
    /// Where fresh keys come from; none when the keys were given.
    jwks_uri: Option<String>,
    last_refresh: Mutex<Option<Instant>>,
    client: reqwest::Client,
}

/// Why token mode could not start: the server refuses to run rather than
/// run with checks it cannot make.
#[derive(Debug, thiserror::Error)]
pub enum AuthSetupError {
    #[error("the identity provider at {url} could not be reached or answered badly: {reason}")]
    Fetch { url: String, reason: String },
    #[error(
        "the identity provider's discovery document says its issuer is {found}, not {configured}"
    )]
    IssuerMismatch { configured: String, found: String },
}

#[derive(Deserialize)]
struct Discovery {
    issuer: String,
    jwks_uri: String,
}

impl TokenAuth {
    /// Token mode with keys already in hand (tests, or keys from a file).
    pub fn with_keys(verifier: TokenVerifier, organizations: &[String]) -> TokenAuth {
        TokenAuth {
            verifier: RwLock::new(verifier),
            organizations: allow_list(organizations),
            jwks_uri: None,
            last_refresh: Mutex::new(None),
            client: reqwest::Client::new(),
        }
    }

    /// Reads the provider's discovery document and its published keys.
    pub async fn discover(
        issuer: &str,
        audience: &str,
        organizations: &[String],
    ) -> Result<TokenAuth, AuthSetupError> {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| AuthSetupError::Fetch {
                url: issuer.to_string(),
                reason: e.to_string(),
            })?;
        let rule = IssuerRule::from_configured(issuer);
        // Entra's multi-tenant template is read from `organizations`.
        let url = crate::signin::oidc::discovery_url(&rule);
        let discovery: Discovery = fetch_json(&client, &url).await?;
        if let IssuerRule::Exact(expected) = &rule {
            if discovery.issuer.trim_end_matches('/') != expected {
                return Err(AuthSetupError::IssuerMismatch {
                    configured: expected.clone(),
                    found: discovery.issuer,
                });
            }
        }
        let keys = fetch_json(&client, &discovery.jwks_uri).await?;
        Ok(TokenAuth {
            verifier: RwLock::new(TokenVerifier::new(rule, audience, keys)),
            organizations: allow_list(organizations),
            jwks_uri: Some(discovery.jwks_uri),
            last_refresh: Mutex::new(Some(Instant::now())),
            client,
        })
    }

    /// The organizations let in; empty: all.
    pub fn organizations(&self) -> &[String] {
        &self.organizations
    }

    /// Whether `organization` may come in (`--organization`; none listed:
    /// every one).
    pub fn lets_in(&self, organization: &str) -> bool {
        self.organizations.is_empty() || self.organizations.iter().any(|o| o == organization)
    }

    /// Who the token names, if it is good and for an organization this
    /// server lets in.
    pub async fn identify(&self, token: &str, now: u64) -> Result<Identity, TokenError> {
        let first = self.verify(token, now);
        let identity = match first {
            Err(TokenError::UnknownKey) if self.refresh_keys().await => self.verify(token, now)?,
            other => other?,
        };
        if !self.lets_in(&identity.organization) {
            return Err(TokenError::Identity(identity::IdentityError::NotServed(
                identity.organization,
            )));
        }
        Ok(identity)
    }

    fn verify(&self, token: &str, now: u64) -> Result<Identity, TokenError> {
        match self.verifier.read() {
            Ok(verifier) => verifier.identify(token, now),
            Err(poisoned) => poisoned.into_inner().identify(token, now),
        }
    }

    /// Fetches the published keys again; false when it is too soon or the
    /// fetch failed (the old keys stay).
    async fn refresh_keys(&self) -> bool {
        let Some(uri) = &self.jwks_uri else {
            return false;
        };
        {
            let Ok(mut last) = self.last_refresh.lock() else {
                return false;
            };
            if last.is_some_and(|at| at.elapsed() < KEY_REFRESH_INTERVAL) {
                return false;
            }
            *last = Some(Instant::now());
        }
        match fetch_json(&self.client, uri).await {
            Ok(keys) => {
                match self.verifier.write() {
                    Ok(mut verifier) => *verifier = verifier.with_keys(keys),
                    Err(poisoned) => {
                        let mut verifier = poisoned.into_inner();
                        *verifier = verifier.with_keys(keys);
                    }
                }
                true
            }
            Err(e) => {
                eprintln!("could not refresh the identity provider's keys: {e}");
                false
            }
        }
    }
}

/// In token mode, every /api request needs a good bearer token, reads too
/// (deny by default); its identity goes into the request's extensions for
/// the handlers. In demo mode it lets everything through. Either way the
/// organization the request acts in goes there too (`api::organization`).
pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let Auth::Token(auth) = state.auth.as_ref() else {
        return admit(&state, request, next).await;
    };
    let Some(token) = bearer_token(&request) else {
        return match (
            &state.sign_in,
            request.extensions().get::<Session>().cloned(),
        ) {
            (Some(sign_in), Some(session)) => {
                with_session(&state, sign_in, &session, request, next).await
            }
            _ => ApiError::token_required().into_response(),
        };
    };
    let now = u64::try_from(state.clock.wall_seconds()).unwrap_or(0);
    match auth.identify(&token, now).await {
        Ok(who) => {
            request.extensions_mut().insert(who);
            admit(&state, request, next).await
        }
        Err(refused) => ApiError::token_refused(refused.to_string()).into_response(),
    }
}

/// Sign-in mode, no bearer token: the session cookie names the person.
/// The cookie rides along with any request the browser makes, so a change
/// must also prove it comes from the console's own pages.
async fn with_session(
    state: &AppState,
    sign_in: &SignIn,
    session: &Session,
    mut request: Request,
    next: Next,
) -> Response {
    let who = match sign_in.identify(session, state.clock.wall_seconds()).await {
        Ok(who) => who,
        Err(refused) => return refused.into_response(),
    };
    if let Some(why) = csrf::refusal(request.method(), request.headers(), sign_in.origin()) {
        return ApiError::cross_site_refused(why).into_response();
    }
    if !crate::signin::lets_in(state, &who.organization) {
        return ApiError::sign_in_required("This server does not serve your organization.")
            .into_response();
    }
    request.extensions_mut().insert(who);
    admit(state, request, next).await
}

/// Lets a request in, in its organization: its identity's, or the demo
/// one in demo-persona mode; created at first use (`api::organization`).
async fn admit(state: &AppState, mut request: Request, next: Next) -> Response {
    match crate::api::organization::enter(state, &mut request).await {
        Ok(()) => next.run(request).await,
        Err(refused) => refused.into_response(),
    }
}

fn allow_list(organizations: &[String]) -> Vec<String> {
    organizations
        .iter()
        .map(|o| o.trim().to_ascii_lowercase())
        .filter(|o| !o.is_empty())
        .collect()
}

fn bearer_token(request: &Request) -> Option<String> {
    let value = request.headers().get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_string())
}

async fn fetch_json<T: serde::de::DeserializeOwned>(
    client: &reqwest::Client,
    url: &str,
) -> Result<T, AuthSetupError> {
    let failed = |reason: String| AuthSetupError::Fetch {
        url: url.to_string(),
        reason,
    };
    let response = client
        .get(url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|e| failed(e.to_string()))?;
    response.json().await.map_err(|e| failed(e.to_string()))
}
