//! /openapi.json lists exactly the routes the router serves.

mod support;

use axum::body::Body;
use axum::http::Request;
use support::Server;

fn router_operations() -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = backend::api::routes()
        .into_iter()
        .map(|(method, path, _)| (method.to_string(), path.to_string()))
        .chain([
            ("GET".to_string(), "/health".to_string()),
            ("GET".to_string(), "/openapi.json".to_string()),
            ("GET".to_string(), "/config.json".to_string()),
        ])
        .collect();
    found.sort();
    found
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    assert_eq!(backend::openapi::operations(), router_operations());
}

#[tokio::test]
async fn every_documented_operation_is_served_with_that_method() {
    let server = Server::new();
    for (method, path) in backend::openapi::operations() {
        let path = path.replace("{id}", "x");
        let request = Request::builder()
            .method(method.as_str())
            .uri(&path)
            .body(Body::empty())
            .expect("request");
        let reply = server.send(request).await;
        let code = reply
            .body
            .as_deref()
            .ok()
            .and_then(|b| serde_json::from_str::<serde_json::Value>(b).ok())
            .map(|v| v["code"].clone());
        assert_ne!(reply.status.as_u16(), 405, "{method} {path}");
        assert_ne!(code, Some("noSuchRoute".into()), "{method} {path}");
        assert!(
            !reply.text().contains("<body>app</body>"),
            "{method} {path} fell back to the app"
        );
    }
}

#[tokio::test]
async fn the_document_is_served_as_openapi_3_1() {
    let server = Server::new();
    let reply = server.get("/openapi.json", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    let doc = reply.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["components"]["schemas"]["Problem"].is_object());
}
