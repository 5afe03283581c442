//! One HTTP exchange with the server, attempts and waits included: the
//! timeout of each attempt, and the retry policy in `retry.rs`.

use gloo_net::http::{RequestBuilder, Response};
use wasm_bindgen::JsCast;

use super::retry::{self, Attempt, Kind, Next};
use crate::session::REQUESTED_WITH;

/// An answer from the server, read whole.
pub struct Reply {
    pub status: u16,
    pub etag: Option<String>,
    pub body: String,
}

/// Why there is no usable answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The server could not be reached, or took longer than the timeout.
    NoAnswer { timed_out: bool },
    /// It kept answering "not now" (5xx, 429) until we ran out of attempts.
    Busy { status: u16 },
    /// It answered something the console can't read.
    BadAnswer(String),
    /// The session ended (401): the person must sign in again.
    SignedOut,
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::NoAnswer { timed_out: true } => {
                f.write_str("The server took too long to answer.")
            }
            Failure::NoAnswer { timed_out: false } => {
                f.write_str("The server could not be reached.")
            }
            Failure::Busy { status } => {
                write!(f, "The server could not do it just now (error {status}).")
            }
            Failure::BadAnswer(what) => write!(f, "The server's answer could not be read: {what}."),
            Failure::SignedOut => f.write_str(domain::signin::SESSION_ENDED_REFUSAL),
        }
    }
}

/// A request, described so it can be sent again as it was.
pub struct Request<'a> {
    pub kind: Kind,
    pub url: &'a str,
    pub headers: &'a [(&'static str, String)],
    /// A JSON body; `None` for reads.
    pub body: Option<&'a str>,
}

/// Sends `request`, repeating it as the policy allows. An answer that is
/// not transient (success or refusal) comes back as it is.
pub async fn send(request: &Request<'_>) -> Result<Reply, Failure> {
    let mut attempt = 1;
    loop {
        let result = send_once(request).await;
        let outcome = match &result {
            Ok(reply) => Attempt::Answered {
                status: reply.0.status,
                retry_after: reply.1.as_deref(),
            },
            Err(_) => Attempt::NoAnswer,
        };
        match retry::next(request.kind, attempt, outcome, js_sys::Math::random()) {
            Next::Stop => return result.map(|(reply, _)| reply),
            Next::RetryIn { ms } => {
                sleep(ms).await;
                attempt += 1;
            }
            Next::GiveUp => {
                return Err(match result {
                    Ok((reply, _)) => Failure::Busy {
                        status: reply.status,
                    },
                    Err(failure) => failure,
                })
            }
        }
    }
}

/// One attempt; the reply and its Retry-After.
async fn send_once(request: &Request<'_>) -> Result<(Reply, Option<String>), Failure> {
    let signal = web_sys::AbortSignal::timeout_with_u32(request.kind.timeout_ms());
    let mut builder = match request.body {
        Some(_) => RequestBuilder::new(request.url).method(gloo_net::http::Method::POST),
        None => RequestBuilder::new(request.url),
    }
    .abort_signal(Some(&signal))
    .header("Accept", "application/json, application/problem+json")
    .header(REQUESTED_WITH.0, REQUESTED_WITH.1);
    for (name, value) in request.headers {
        builder = builder.header(name, value);
    }
    let sent = match request.body {
        Some(body) => match builder
            .header("Content-Type", "application/json")
            .body(body)
        {
            Ok(request) => request.send().await,
            Err(error) => Err(error),
        },
        None => builder.send().await,
    };
    let response = sent.map_err(|error| Failure::NoAnswer {
        timed_out: is_timeout(&error),
    })?;
    read(response).await
}

async fn read(response: Response) -> Result<(Reply, Option<String>), Failure> {
    let headers = response.headers();
    let etag = headers.get("etag");
    let retry_after = headers.get("retry-after");
    // A connection cut while the body streams in is no answer at all.
    let body = response.text().await.map_err(|error| Failure::NoAnswer {
        timed_out: is_timeout(&error),
    })?;
    Ok((
        Reply {
            status: response.status(),
            etag,
            body,
        },
        retry_after,
    ))
}

fn is_timeout(error: &gloo_net::Error) -> bool {
    match error {
        gloo_net::Error::JsError(js) => js.name == "TimeoutError",
        _ => false,
    }
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().map(|window| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(
                resolve.unchecked_ref(),
                ms.min(i32::MAX as u32) as i32,
            )
        });
        // No window (never in the app): resolve at once rather than hang.
        if !matches!(scheduled, Some(Ok(_))) {
            let _ = resolve.call0(&wasm_bindgen::JsValue::UNDEFINED);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
