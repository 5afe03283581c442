//! Fault injection for the API (never the app's files): added latency,
//! failed requests, and answers dropped after their write committed, so a
//! client's retries can be tested against a server that misbehaves on
//! purpose. Seeded, so a soak run is repeatable.

use std::pin::Pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::SplitMix64;
use serde_json::Map;

use crate::problem;

/// One injected failure in this many carries `Retry-After: 1` (a 503, as
/// an overloaded server says); the others are bare 500s.
const RETRY_AFTER_ONE_IN: u64 = 20;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct FaultConfig {
    /// Share of API requests that fail before they are handled.
    pub error_rate: f64,
    /// Added to every API request.
    pub latency_ms: u64,
    /// Share of committed writes whose answer is dropped mid-response.
    pub drop_after_commit_rate: f64,
    pub seed: u64,
}

impl FaultConfig {
    pub fn is_off(&self) -> bool {
        self.error_rate <= 0.0 && self.latency_ms == 0 && self.drop_after_commit_rate <= 0.0
    }
}

/// Set on a response whose write committed just now (not a replay).
#[derive(Clone, Copy, Debug)]
pub struct Committed;

pub struct Faults {
    config: FaultConfig,
    rng: Mutex<SplitMix64>,
    failed: AtomicU64,
    dropped: AtomicU64,
}

impl Faults {
    pub fn new(config: FaultConfig) -> Faults {
        Faults {
            config,
            rng: Mutex::new(SplitMix64::new(config.seed)),
            failed: AtomicU64::new(0),
            dropped: AtomicU64::new(0),
        }
    }

    pub fn config(&self) -> FaultConfig {
        self.config
    }

    /// Requests failed on purpose so far.
    pub fn failed(&self) -> u64 {
        self.failed.load(Ordering::Relaxed)
    }

    /// Committed answers dropped on purpose so far.
    pub fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }

    fn roll(&self, rate: f64) -> Option<u64> {
        if rate <= 0.0 {
            return None;
        }
        let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
        let unit = (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        (unit < rate).then(|| rng.next_u64())
    }
}

/// The middleware around every API route.
pub async fn inject(State(faults): State<Arc<Faults>>, request: Request, next: Next) -> Response {
    let config = faults.config;
    if config.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(config.latency_ms)).await;
    }
    if let Some(draw) = faults.roll(config.error_rate) {
        faults.failed.fetch_add(1, Ordering::Relaxed);
        return injected_failure(draw % RETRY_AFTER_ONE_IN == 0);
    }
    let response = next.run(request).await;
    if response.extensions().get::<Committed>().is_some()
        && faults.roll(config.drop_after_commit_rate).is_some()
    {
        faults.dropped.fetch_add(1, Ordering::Relaxed);
        let (mut parts, _) = response.into_parts();
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::new(Aborted));
    }
    response
}

fn injected_failure(overloaded: bool) -> Response {
    let status = if overloaded {
        StatusCode::SERVICE_UNAVAILABLE
    } else {
        StatusCode::INTERNAL_SERVER_ERROR
    };
    let body = problem::body(
        status,
        "faultInjected",
        "A fault was injected on purpose (the server runs with fault flags). Retry.",
        Map::new(),
    );
    let mut response = (status, body.to_string()).into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(problem::CONTENT_TYPE),
    );
    if overloaded {
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response
}

/// A body that fails at once: the server closes the connection, and the
/// client never learns that the write committed.
struct Aborted;

impl http_body::Body for Aborted {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "answer dropped on purpose (fault injection)",
        ))))
    }
}
