//! `GET /api/changes`: the organization's revisions as server-sent events.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::State;
use axum::http::{HeaderMap, HeaderName, HeaderValue};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use futures_util::stream::{self, Stream};
use tokio::sync::broadcast::error::RecvError;
use tokio::time::{interval_at, Instant, Interval};
use tower_sessions::session::Id;
use tower_sessions::{Session, SessionStore};
use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::Required;
use utoipa::IntoParams;

use super::Subscription;
use crate::api::organization::current;
use crate::api::ApiError;
use crate::app_state::AppState;
use crate::openapi::responses::{InternalError, Unavailable};
use crate::signin::SignIn;
use crate::store::Organization;

/// A comment this often keeps proxies and browsers from closing a quiet
/// stream.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// How often a stream opened with a session checks that the session still
/// exists: signed out (here or in another tab) or timed out, the stream
/// ends, and the console's next request hears 401 and says so.
const SESSION_CHECK: Duration = Duration::from_secs(5);

#[utoipa::path(
    get,
    path = "/api/changes",
    tag = "state",
    summary = "Live updates: the state's revision each time it changes (server-sent events)",
    description = "A text/event-stream that stays open. Each event is `id: <revision>`, \
        `event: change`, data `{\"revision\":N}`: the organization's state is now at N (fetch \
        GET /api/state to see it). Only the caller's own organization's changes are sent. The \
        current revision is sent at once unless Last-Event-ID already names it, so a client \
        that reconnects with the last id it saw misses no change. A comment every 15 s keeps \
        the connection open.",
    params(LastEventId),
    responses(
        (status = 200, description = "The stream of changes (never ends on its own)",
            content_type = "text/event-stream", body = String),
        (status = 500, response = InternalError),
        (status = 503, response = Unavailable),
    )
)]
pub async fn changes_get(
    State(app): State<AppState>,
    organization: Organization,
    session: Option<Extension<Session>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    // Subscribe before reading the revision: a write in between is then
    // heard rather than lost.
    let subscription = app.changes.subscribe();
    let now = current(&app, &organization).await?.revision;
    let last = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    // Unless the client already has this revision, it hears it at once
    // (an older one missed changes; a newer one belongs to another
    // database, and must load this one).
    let first = (last != Some(now)).then_some(now);
    // Only a session that the guard let in (no bearer token) is checked.
    let session = match (&app.sign_in, session) {
        (Some(sign_in), Some(Extension(session))) if bearer(&headers).is_none() => {
            session.id().map(|id| (sign_in.clone(), id))
        }
        _ => None,
    };
    let listener = Listener {
        app,
        organization,
        subscription,
        first,
        sent: now,
        session,
        check: interval_at(Instant::now() + SESSION_CHECK, SESSION_CHECK),
    };
    let mut response = Sse::new(events(listener))
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response();
    // Proxies that buffer answers (nginx) would hold the events back.
    response.headers_mut().insert(
        HeaderName::from_static("x-accel-buffering"),
        HeaderValue::from_static("no"),
    );
    Ok(response)
}

struct Listener {
    app: AppState,
    organization: Organization,
    subscription: Subscription,
    first: Option<u64>,
    /// The newest revision the client has.
    sent: u64,
    /// The session the stream was opened with (sign-in mode).
    session: Option<(Arc<SignIn>, Id)>,
    check: Interval,
}

fn events(listener: Listener) -> impl Stream<Item = Result<Event, Infallible>> {
    stream::unfold(listener, |mut listener| async move {
        let revision = listener.next().await?;
        Some((Ok(change(revision)), listener))
    })
}

impl Listener {
    /// The next revision to send, or `None` when the stream ends.
    async fn next(&mut self) -> Option<u64> {
        if let Some(first) = self.first.take() {
            return Some(first);
        }
        loop {
            let closed = *self.subscription.closed.borrow();
            if closed {
                return None;
            }
            let revision = tokio::select! {
                // The only change is closing (or the hub is gone).
                _ = self.subscription.closed.changed() => return None,
                _ = self.check.tick(), if self.session.is_some() => {
                    if self.signed_out().await {
                        return None;
                    }
                    continue;
                }
                heard = self.subscription.changes.recv() => match heard {
                    Ok(change) if *change.organization == *self.organization.id => change.revision,
                    Ok(_) => continue,
                    // Fell behind: the current revision says it all.
                    Err(RecvError::Lagged(_)) => current(&self.app, &self.organization).await.ok()?.revision,
                    Err(RecvError::Closed) => return None,
                },
            };
            if revision > self.sent {
                self.sent = revision;
                return Some(revision);
            }
        }
    }
}

impl Listener {
    /// Whether the stream's session is gone (signed out, timed out). A
    /// database that does not answer is not taken for an ended session.
    async fn signed_out(&self) -> bool {
        let Some((sign_in, id)) = &self.session else {
            return false;
        };
        matches!(sign_in.sessions.load(id).await, Ok(None))
    }
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
}

fn change(revision: u64) -> Event {
    Event::default()
        .id(revision.to_string())
        .event("change")
        .data(format!("{{\"revision\":{revision}}}"))
}

/// `Last-Event-ID` on `GET /api/changes`.
pub struct LastEventId;

impl IntoParams for LastEventId {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![ParameterBuilder::new()
            .name("Last-Event-ID")
            .parameter_in(ParameterIn::Header)
            .required(Required::False)
            .description(Some(
                "The last revision the client heard (browsers send it when they reconnect): \
                 the current revision is sent at once unless it is this one. Not a number: \
                 ignored.",
            ))
            .schema(Some(ObjectBuilder::new().schema_type(Type::String)))
            .build()]
    }
}
