//! Fault injection touches the API only, fails requests on demand, and
//! drops answers after their write committed (a retry then replays).

mod support;

use backend::FaultConfig;
use support::Server;

#[tokio::test]
async fn injected_failures_hit_the_api_but_never_the_app() {
    let server = Server::with_faults(FaultConfig {
        error_rate: 1.0,
        seed: 7,
        ..FaultConfig::default()
    });
    let reply = server.get("/api/state", None).await;
    assert!(matches!(reply.status.as_u16(), 500 | 503));
    assert_eq!(reply.json()["code"], "faultInjected");
    assert_eq!(server.get("/health", None).await.status.as_u16(), 200);
    assert_eq!(server.get("/", None).await.status.as_u16(), 200);
    assert_eq!(server.get("/openapi.json", None).await.status.as_u16(), 200);
    assert_eq!(server.state.faults.failed(), 1);
}

#[tokio::test]
async fn a_dropped_answer_still_committed_and_the_retry_replays_it() {
    let server = Server::with_faults(FaultConfig {
        drop_after_commit_rate: 1.0,
        seed: 7,
        ..FaultConfig::default()
    });
    let dropped = server
        .write(
            "/api/partners/fabrikam-it/remove-roles",
            "global-admin",
            "k1",
            "",
        )
        .await;
    assert!(dropped.body.is_err(), "the answer should have been cut");
    assert_eq!(server.revision().await, 2);
    let retry = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", "k1"),
                ("if-match", "\"1\""),
            ],
            "",
        )
        .await;
    assert_eq!(retry.status.as_u16(), 200);
    assert_eq!(retry.header("idempotent-replayed"), "true");
    assert_eq!(retry.json()["revision"], 2);
    assert_eq!(server.revision().await, 2);
    assert_eq!(server.state.faults.dropped(), 1);
}
