//! Live updates (`GET /api/changes`): an open console hears each committed
//! write of its own organization at once, resumes after a dropped
//! connection without missing one, and never hears another
//! organization's.

mod support;

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, StatusCode};
use backend::store::Organization;
use domain::State;
use support::tokens::{bearer, claims, token_auth, ADATUM, CONTOSO, GLOBAL_ADMINISTRATOR};
use support::{now, Events, Server};
use tower::ServiceExt;

const MARK: &str = r#"{"command":{"type":"markAccessReviewed"}}"#;
/// Longer than any answer in-process takes: what does not come by then
/// does not come.
const QUIET: Duration = Duration::from_millis(400);

/// Opens the stream with these headers: its status and its events.
async fn open(server: &Server, headers: &[(&str, &str)]) -> (StatusCode, Events) {
    let mut request = Request::get("/api/changes");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let response = server
        .router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    if status == StatusCode::OK {
        assert_eq!(
            response.headers()["content-type"],
            "text/event-stream",
            "an event stream"
        );
    }
    (status, Events::new(response.into_body()))
}

/// The event a change to `revision` is.
fn change(revision: u64) -> String {
    format!("event: change\ndata: {{\"revision\":{revision}}}\nid: {revision}")
}

/// The same lines in any order (the field order is the server's choice).
fn lines(event: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = event.lines().collect();
    lines.sort_unstable();
    lines
}

fn assert_change(event: Option<String>, revision: u64) {
    let event = event.expect("an event");
    assert_eq!(lines(&event), lines(&change(revision)), "{event}");
}

#[tokio::test]
async fn a_write_reaches_an_open_stream_within_a_second() {
    let server = Server::new();
    let start = server.revision().await;
    // Demo-persona mode: the browser's EventSource sends no X-Persona.
    let (status, mut events) = open(&server, &[]).await;
    assert_eq!(status, StatusCode::OK);
    // No Last-Event-ID: the current revision at once.
    assert_change(events.next(Duration::from_secs(1)).await, start);
    let reply = server
        .write("/api/commands", "global-admin", "k1", MARK)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let written = Instant::now();
    let heard = events.next(Duration::from_secs(1)).await;
    assert!(written.elapsed() < Duration::from_secs(1));
    assert_change(heard, start + 1);
    assert_eq!(server.revision().await, start + 1);
}

#[tokio::test]
async fn a_stream_resumed_from_an_older_revision_hears_the_current_one_at_once() {
    let server = Server::new();
    for key in ["k1", "k2"] {
        let reply = server
            .write("/api/commands", "global-admin", key, MARK)
            .await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    }
    let current = server.revision().await;
    // Dropped while two writes were made.
    let older = (current - 2).to_string();
    let (_, mut events) = open(&server, &[("last-event-id", &older)]).await;
    assert_change(events.next(QUIET).await, current);
    // And nothing more until something changes.
    assert_eq!(events.next(QUIET).await, None);
}

#[tokio::test]
async fn a_stream_resumed_from_the_current_revision_hears_nothing_until_the_next_write() {
    let server = Server::new();
    let current = server.revision().await;
    let (_, mut events) = open(&server, &[("last-event-id", &current.to_string())]).await;
    assert_eq!(events.next(QUIET).await, None, "nothing new yet");
    let reply = server
        .write("/api/commands", "global-admin", "k1", MARK)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_change(events.next(Duration::from_secs(1)).await, current + 1);
}

#[tokio::test]
async fn a_refused_write_moves_the_revision_on_and_is_heard_too() {
    let server = Server::new();
    let (_, mut events) = open(&server, &[]).await;
    let start = server.revision().await;
    assert_change(events.next(QUIET).await, start);
    // A user may not remove roles: refused, and logged in the activity.
    let reply = server
        .write("/api/partners/fabrikam-it/remove-roles", "user", "k1", "")
        .await;
    assert_eq!(reply.status.as_u16(), 403, "{}", reply.text());
    assert_eq!(server.revision().await, start + 1, "the refusal is logged");
    assert_change(events.next(Duration::from_secs(1)).await, start + 1);
}

fn admin_of(tid: &str) -> String {
    bearer(&claims(
        tid,
        "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51",
        "Avery Howard",
        &[GLOBAL_ADMINISTRATOR],
    ))
}

/// Token mode with two organizations, Adatum (the demo data) and Contoso.
async fn two_organizations() -> Server {
    let server = Server::with_token_auth(token_auth(&[]));
    server.current().await;
    let contoso = Organization {
        id: CONTOSO.into(),
        name: "Contoso Ltd".into(),
    };
    server
        .state
        .store
        .enter(&contoso, || State::new(now()))
        .await
        .expect("Contoso");
    server
}

async fn revision_of(server: &Server, organization: &str) -> u64 {
    server.current_of(organization).await.revision
}

async fn mark_reviewed(server: &Server, organization: &str, key: &str) {
    let authorization = admin_of(organization);
    let tag = format!("\"{}\"", revision_of(server, organization).await);
    let reply = server
        .post(
            "/api/commands",
            &[
                ("authorization", &authorization),
                ("idempotency-key", key),
                ("if-match", &tag),
            ],
            MARK,
        )
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
}

#[tokio::test]
async fn a_subscriber_hears_only_its_own_organizations_changes() {
    let server = two_organizations().await;
    let adatum_admin = admin_of(ADATUM);
    let contoso_admin = admin_of(CONTOSO);
    let (status, mut adatum) = open(&server, &[("authorization", &adatum_admin)]).await;
    assert_eq!(status, StatusCode::OK);
    let (status, mut contoso) = open(&server, &[("authorization", &contoso_admin)]).await;
    assert_eq!(status, StatusCode::OK);
    assert_change(adatum.next(QUIET).await, revision_of(&server, ADATUM).await);
    assert_change(
        contoso.next(QUIET).await,
        revision_of(&server, CONTOSO).await,
    );

    mark_reviewed(&server, CONTOSO, "k1").await;
    assert_change(
        contoso.next(Duration::from_secs(1)).await,
        revision_of(&server, CONTOSO).await,
    );
    assert_eq!(
        adatum.next(QUIET).await,
        None,
        "Adatum heard of Contoso's write"
    );

    mark_reviewed(&server, ADATUM, "k2").await;
    assert_change(
        adatum.next(Duration::from_secs(1)).await,
        revision_of(&server, ADATUM).await,
    );
    assert_eq!(
        contoso.next(QUIET).await,
        None,
        "Contoso heard of Adatum's write"
    );
}

#[tokio::test]
async fn without_an_identity_the_stream_is_refused() {
    let server = two_organizations().await;
    let (status, _) = open(&server, &[]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // X-Persona names nobody in token mode.
    let (status, _) = open(&server, &[("x-persona", "global-admin")]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    let (status, _) = open(&server, &[("authorization", "Bearer not-a-token")]).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn closing_the_hub_ends_every_open_stream() {
    let server = Server::new();
    let (_, mut events) = open(&server, &[]).await;
    assert!(events.next(QUIET).await.is_some());
    server.state.changes.close();
    assert!(
        events.ended(Duration::from_secs(1)).await,
        "a shutting-down server must not wait on open streams"
    );
}

#[tokio::test]
async fn a_subscriber_that_fell_behind_hears_the_current_revision() {
    let server = Server::new();
    let (_, mut events) = open(&server, &[]).await;
    let start = server.revision().await;
    assert_change(events.next(QUIET).await, start);
    // While this stream reads nothing, its write is followed by more
    // changes (of other organizations) than the hub keeps for it.
    let reply = server
        .write("/api/commands", "global-admin", "k1", MARK)
        .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    for revision in 1..=1_000 {
        server
            .state
            .changes
            .publish("another-organization", revision);
    }
    assert_change(events.next(Duration::from_secs(1)).await, start + 1);
}
