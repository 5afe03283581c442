//! "Mark as reviewed" on Review partner access goes through
//! `POST /api/commands` like every command: recorded for a Global
//! Administrator, refused for anyone else.

mod support;

use support::Server;

const MARK: &str = r#"{"command":{"type":"markAccessReviewed"}}"#;

#[tokio::test]
async fn a_global_administrator_marks_partner_access_reviewed() {
    let server = Server::new();
    let reply = server
        .write("/api/commands", "global-admin", "k1", MARK)
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    let event = &reply.json()["events"][0];
    assert_eq!(event["type"], "accessReviewed");
    assert_eq!(event["by"], "globalAdministrator");
    let current = server.current().await;
    let state = &current.state;
    let last = state.last_access_review.clone().expect("a review");
    assert_eq!(last.by, domain::Persona::GlobalAdministrator);
    let entry = state.activity.last().expect("logged");
    assert!(
        entry.action.starts_with("Reviewed partner access: "),
        "{}",
        entry.action
    );
    assert_eq!(entry.actor(), "Global Administrator");
}

#[tokio::test]
async fn anyone_else_is_refused_and_nothing_is_recorded() {
    let server = Server::new();
    server
        .write("/api/commands", "billing-admin", "k1", MARK)
        .await
        .assert_problem(403, "notPermitted");
    assert_eq!(server.current().await.state.last_access_review, None);
}
