//! The server in-process: health, the SPA fallback and the security headers.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use backend::{app, Config};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn built_dist() -> tempdir::Dir {
    tempdir::Dir::with_index(
        r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-x='" /></head><body>app</body></html>"#,
    )
}

async fn get(dist: &tempdir::Dir, path: &str) -> (StatusCode, axum::http::HeaderMap, String) {
    let response = app(&Config { dist: dist.path() })
        .oneshot(Request::get(path).body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, headers, String::from_utf8_lossy(&body).into_owned())
}

#[tokio::test]
async fn health_says_ok() {
    let dist = built_dist();
    let (status, _, body) = get(&dist, "/health").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(body, r#"{"status":"ok"}"#);
}

#[tokio::test]
async fn a_deep_link_gets_the_app() {
    let dist = built_dist();
    let (status, _, body) = get(&dist, "/settings/partner-relationships/p-1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<body>app</body>"));
}

#[tokio::test]
async fn every_response_carries_the_pages_policy_and_more() {
    let dist = built_dist();
    let (_, headers, _) = get(&dist, "/").await;
    let csp = headers["content-security-policy"].to_str().expect("ascii");
    assert_eq!(
        csp,
        "default-src 'self'; script-src 'self' 'sha256-x='; frame-ancestors 'none'"
    );
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "no-referrer");
    assert_eq!(headers["x-frame-options"], "DENY");
}

/// A throwaway dist folder, removed when dropped.
mod tempdir {
    use std::path::PathBuf;
    use std::sync::atomic::{AtomicU32, Ordering};

    pub struct Dir(PathBuf);

    static NEXT: AtomicU32 = AtomicU32::new(0);

    impl Dir {
        pub fn with_index(html: &str) -> Dir {
            let n = NEXT.fetch_add(1, Ordering::Relaxed);
            let path =
                std::env::temp_dir().join(format!("backend-test-{}-{n}", std::process::id()));
            std::fs::create_dir_all(&path).expect("temp dir");
            std::fs::write(path.join("index.html"), html).expect("index.html");
            Dir(path)
        }

        pub fn path(&self) -> PathBuf {
            self.0.clone()
        }
    }

    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}
