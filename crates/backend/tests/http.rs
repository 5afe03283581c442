//! The server in-process: health, the SPA fallback and the security headers.

mod support;

use support::Server;

#[tokio::test]
async fn health_says_ok() {
    let server = Server::new();
    let reply = server.get("/health", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    assert_eq!(reply.text(), r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn an_app_served_from_here_is_told_to_use_this_api() {
    let server = Server::new();
    let reply = server.get("/config.json", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    assert_eq!(
        reply.text(),
        r#"{"api":"/api","backend":"http","signIn":false}"#
    );
}

#[tokio::test]
async fn a_deep_link_gets_the_app() {
    let server = Server::new();
    let reply = server
        .get("/settings/partner-relationships/p-1", None)
        .await;
    assert_eq!(reply.status.as_u16(), 200);
    assert!(reply.text().contains("<body>app</body>"));
}

#[tokio::test]
async fn every_response_carries_the_pages_policy_and_more() {
    let server = Server::new();
    for path in ["/", "/api/state", "/api/nothing-here"] {
        let reply = server.get(path, None).await;
        assert_eq!(
            reply.header("content-security-policy"),
            "default-src 'self'; script-src 'self' 'sha256-x='; frame-ancestors 'none'"
        );
        assert_eq!(reply.header("x-content-type-options"), "nosniff");
        assert_eq!(reply.header("referrer-policy"), "no-referrer");
        assert_eq!(reply.header("x-frame-options"), "DENY");
    }
}
