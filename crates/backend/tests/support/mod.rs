//! The server in-process on a throwaway folder (an index.html and a fresh
//! SQLite file), with helpers to send requests and read answers.
#![allow(dead_code)]

pub mod postgres;
pub mod tokens;

use std::path::PathBuf;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{HeaderMap, Request, StatusCode};
use axum::Router;
use backend::store::{Current, Organization};
use backend::{app, open, AppState, Clock, Config, FaultConfig};
use domain::Timestamp;
use http_body_util::BodyExt;
use serde_json::Value;
use tower::ServiceExt;

pub const INDEX: &str = r#"<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-x='" /></head><body>app</body></html>"#;

/// The demo's "now": the demo data is built as of this instant.
pub fn now() -> Timestamp {
    Timestamp::parse("2026-11-23T04:42:18Z").expect("timestamp")
}

pub struct Server {
    pub dir: Dir,
    pub config: Config,
    pub state: AppState,
    pub router: Router,
}

impl Server {
    pub fn new() -> Server {
        Server::with_faults(FaultConfig::default())
    }

    pub fn with_faults(faults: FaultConfig) -> Server {
        let dir = Dir::new();
        let mut config = Config::new(dir.path());
        config.db = dir.path().join("test.sqlite3");
        config.faults = faults;
        Server::start(dir, config)
    }

    fn start(dir: Dir, config: Config) -> Server {
        let state = open(&config, Clock::Fixed(now())).expect("open");
        let router = app(&config, state.clone());
        Server {
            dir,
            config,
            state,
            router,
        }
    }

    /// A server in token mode: only bearer tokens verified against these
    /// keys are believed.
    pub fn with_token_auth(auth: backend::auth::TokenAuth) -> Server {
        let dir = Dir::new();
        let mut config = Config::new(dir.path());
        config.db = dir.path().join("test.sqlite3");
        // Adatum's tokens find the demo data, as in demo-persona mode.
        config.demo_data = true;
        let mut state = open(&config, Clock::Fixed(now())).expect("open");
        state.auth = std::sync::Arc::new(backend::auth::Auth::Token(Box::new(auth)));
        let router = app(&config, state.clone());
        Server {
            dir,
            config,
            state,
            router,
        }
    }

    /// Stops this server and starts another on the same files.
    pub fn restart(self) -> Server {
        let Server { dir, config, .. } = self;
        Server::start(dir, config)
    }

    pub async fn send(&self, request: Request<Body>) -> Reply {
        let response = self
            .router
            .clone()
            .oneshot(request)
            .await
            .expect("response");
        let status = response.status();
        let headers = response.headers().clone();
        // A stream of events never ends: its first event stands for it.
        if headers
            .get("content-type")
            .is_some_and(|t| t.as_bytes().starts_with(b"text/event-stream"))
        {
            let mut events = Events::new(response.into_body());
            let first = events.next(std::time::Duration::from_secs(5)).await;
            return Reply {
                status,
                headers,
                body: first.ok_or_else(|| "no event within 5 s".to_string()),
            };
        }
        let body = response.into_body().collect().await.map(|b| b.to_bytes());
        Reply {
            status,
            headers,
            body: body
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|e| e.to_string()),
        }
    }

    pub async fn get(&self, path: &str, persona: Option<&str>) -> Reply {
        let mut request = Request::get(path);
        if let Some(p) = persona {
            request = request.header("x-persona", p);
        }
        self.send(request.body(Body::empty()).expect("request"))
            .await
    }

    /// A POST with the given headers (name, value) and body.
    pub async fn post(&self, path: &str, headers: &[(&str, &str)], body: &str) -> Reply {
        let mut request = Request::post(path).header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        self.send(request.body(Body::from(body.to_string())).expect("request"))
            .await
    }

    /// A well-formed write: persona, key, If-Match of the current revision.
    pub async fn write(&self, path: &str, persona: &str, key: &str, body: &str) -> Reply {
        let tag = format!("\"{}\"", self.revision().await);
        self.post(
            path,
            &[
                ("x-persona", persona),
                ("idempotency-key", key),
                ("if-match", &tag),
            ],
            body,
        )
        .await
    }

    /// An organization's state as stored (it must exist).
    pub async fn current_of(&self, organization: &str) -> Arc<Current> {
        self.state
            .store
            .current(organization)
            .await
            .expect("read")
            .expect("the organization")
    }

    pub async fn revision(&self) -> u64 {
        self.current().await.revision
    }

    /// The demo organization's state, created as its first request would
    /// (with the demo data).
    pub async fn current(&self) -> Arc<Current> {
        self.state
            .store
            .enter(&Organization::demo(), || domain::demo::demo_state(now()))
            .await
            .expect("the demo organization")
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    /// `Err` when the body failed mid-way (a dropped answer).
    pub body: Result<String, String>,
}

impl Reply {
    pub fn text(&self) -> &str {
        self.body.as_deref().expect("a complete body")
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(self.text()).expect("JSON body")
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ascii"))
            .unwrap_or("")
    }

    /// Checks this is a problem+json answer with `status` and `code`.
    pub fn assert_problem(&self, status: u16, code: &str) {
        assert_eq!(self.status.as_u16(), status, "{}", self.text());
        assert_eq!(self.header("content-type"), "application/problem+json");
        let body = self.json();
        assert_eq!(body["status"], status);
        assert_eq!(body["code"], code, "{body}");
        assert!(body["title"].is_string() && body["detail"].is_string());
        assert!(body["type"].as_str().is_some_and(|t| t.ends_with(code)));
    }
}

/// A throwaway folder, removed when dropped.
pub struct Dir(PathBuf);

static NEXT: AtomicU32 = AtomicU32::new(0);

impl Dir {
    pub fn new() -> Dir {
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let path = std::env::temp_dir().join(format!("backend-test-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&path).expect("temp dir");
        std::fs::write(path.join("index.html"), INDEX).expect("index.html");
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

pub fn ok(status: StatusCode) -> bool {
    status == StatusCode::OK
}

/// An open text/event-stream answer, read an event at a time.
pub struct Events {
    body: Body,
    buffer: String,
}

impl Events {
    pub fn new(body: Body) -> Events {
        Events {
            body,
            buffer: String::new(),
        }
    }

    /// The next event (its lines, without the blank line that ends it),
    /// skipping keep-alive comments; `None` when none comes within `wait`
    /// or the stream ends.
    pub async fn next(&mut self, wait: std::time::Duration) -> Option<String> {
        let deadline = tokio::time::Instant::now() + wait;
        loop {
            while let Some(end) = self.buffer.find("\n\n") {
                let event: String = self.buffer.drain(..end + 2).collect();
                if event.lines().any(|l| l.starts_with("data:")) {
                    return Some(event.trim_end().to_string());
                }
            }
            let frame = tokio::time::timeout_at(deadline, self.body.frame())
                .await
                .ok()??
                .ok()?;
            if let Ok(data) = frame.into_data() {
                self.buffer.push_str(&String::from_utf8_lossy(&data));
            }
        }
    }

    /// Whether the stream ended (rather than went quiet) within `wait`.
    pub async fn ended(&mut self, wait: std::time::Duration) -> bool {
        loop {
            match tokio::time::timeout(wait, self.body.frame()).await {
                Ok(None) => return true,
                Ok(Some(Ok(_))) => continue,
                Ok(Some(Err(_))) | Err(_) => return false,
            }
        }
    }
}
