//! The server backend: the same commands, sent to `crates/backend` over
//! its JSON API. Every write carries an Idempotency-Key and If-Match; a
//! write that got no answer keeps its key, so sending it again can never
//! apply it twice.

mod client;
mod live;
pub mod retry;

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use domain::{snapshot, Command, DomainError, Event, Persona, State};
use leptos::prelude::on_cleanup;
use serde::Deserialize;

use super::backend::{Backend, Executed, Followed, Loaded, Mode, Pending};
use super::{ActionError, StorageProblem};
pub use client::Failure;
use client::{Reply, Request};
use retry::Kind;

/// Failed requests in a row before the admin is told they are offline.
const OFFLINE_AFTER: u32 = 2;
/// How often the console asks the server for changes made elsewhere.
const POLL_MS: u32 = 5_000;
/// How often a poll checks whether it is due. A hidden tab asks nothing
/// (it would only load a server nobody is looking at); once shown again it
/// asks at the next tick instead of waiting out the whole interval.
const POLL_TICK_MS: u32 = 1_000;

#[derive(Clone)]
pub struct HttpBackend(Rc<Inner>);

struct Inner {
    /// The API's base URL, e.g. `/api`.
    api: String,
    /// The server signs people in: it knows who is asking from the
    /// session, and an `X-Persona` header would only be ignored.
    sign_in: bool,
    /// The server's revision of the state this tab shows.
    revision: Cell<u64>,
    /// Requests in a row that got no answer.
    failures: Cell<u32>,
    /// The last write that got no answer, and its key.
    unanswered: RefCell<Option<(String, String)>>,
}

/// A write's success: the events that took revision - 1 to revision.
#[derive(Deserialize)]
struct Written {
    revision: u64,
    events: Vec<Event>,
}

impl HttpBackend {
    /// Loads the state from the server at `api`, or says why it can't.
    pub async fn connect(api: String, sign_in: bool) -> Result<(HttpBackend, Loaded), Failure> {
        let backend = HttpBackend(Rc::new(Inner {
            api,
            sign_in,
            revision: Cell::new(0),
            failures: Cell::new(0),
            unanswered: RefCell::new(None),
        }));
        match backend.0.fetch_state(false).await? {
            Some(loaded) => Ok((backend, loaded)),
            None => Err(Failure::BadAnswer("an empty answer".to_string())),
        }
    }
}

impl Inner {
    /// The saved state, or `None` when `if_changed` and it has not changed.
    async fn fetch_state(&self, if_changed: bool) -> Result<Option<Loaded>, Failure> {
        let url = format!("{}/state", self.api);
        let mut headers = Vec::new();
        if if_changed {
            headers.push(("If-None-Match", etag(self.revision.get())));
        }
        let reply = self.counted(
            client::send(&Request {
                kind: Kind::Read,
                url: &url,
                headers: &headers,
                body: None,
            })
            .await,
        )?;
        match reply.status {
            304 => Ok(None),
            401 => Err(Failure::SignedOut),
            200 => {
                let decoded = snapshot::decode(&reply.body)
                    .map_err(|error| Failure::BadAnswer(error.to_string()))?;
                let revision = reply.etag.as_deref().and_then(parse_etag).ok_or_else(|| {
                    Failure::BadAnswer("no revision (ETag) with the state".to_string())
                })?;
                // A slow answer can arrive after a newer one (a poll sent
                // before our own write landed): never go back.
                if revision < self.revision.get() {
                    return Ok(None);
                }
                self.revision.set(revision);
                Ok(Some(Loaded {
                    problem: decoded.read_only.then_some(StorageProblem::Newer),
                    state: decoded.state,
                    read_only: decoded.read_only,
                }))
            }
            status => Err(Failure::BadAnswer(format!("error {status}"))),
        }
    }

    /// The server's state now, if it can be had; `None` keeps the tab's copy.
    async fn latest_state(&self) -> Option<State> {
        self.fetch_state(false)
            .await
            .ok()
            .flatten()
            .map(|l| l.state)
    }

    /// Fetches the state if it changed and tells `news`; false once the
    /// session has ended (asking again would only be refused again).
    async fn catch_up(&self, news: &Rc<dyn Fn(Followed)>) -> bool {
        match self.fetch_state(true).await {
            Ok(Some(loaded)) => news(Followed::Changed(Box::new(loaded))),
            Err(Failure::SignedOut) => {
                news(Followed::SignedOut);
                return false;
            }
            _ => {}
        }
        true
    }

    /// Keeps count of requests in a row without an answer.
    fn counted(&self, result: Result<Reply, Failure>) -> Result<Reply, Failure> {
        match &result {
            Err(Failure::NoAnswer { .. } | Failure::Busy { .. }) => {
                self.failures.set(self.failures.get() + 1)
            }
            _ => self.failures.set(0),
        }
        result
    }

    fn offline(&self) -> bool {
        self.failures.get() >= OFFLINE_AFTER
    }

    /// The key for this write: the unanswered one's if it is the same
    /// write again, else a fresh one.
    fn key_for(&self, request: &str) -> String {
        let mut unanswered = self.unanswered.borrow_mut();
        if let Some((earlier, key)) = unanswered.as_ref() {
            if earlier == request {
                return key.clone();
            }
        }
        let key = super::random_id::random_id();
        *unanswered = Some((request.to_string(), key.clone()));
        key
    }

    async fn execute(&self, mut copy: State, command: Command, persona: Persona) -> Executed {
        let body = match serde_json::to_string(&command) {
            Ok(command) => format!("{{\"command\":{command}}}"),
            Err(error) => return failed(ActionError::Rejected(error.to_string()), None),
        };
        let key = self.key_for(&format!("{}\n{body}", persona.id()));
        // What the engine here thinks: the server decides, but when it
        // refuses for the same reason, this refusal says it field by field.
        let expected = copy.decide(&command, persona, copy.now).err();
        let url = format!("{}/commands", self.api);
        let mut problem = None;
        // The revision `copy` shows. A poll may move `self.revision` on
        // while this write is out; the copy does not move with it.
        let mut base = self.revision.get();
        // A stale revision means someone saved first: load their change,
        // then send ours again (the server decides on the newer state).
        for _ in 0..3 {
            let mut headers = vec![("Idempotency-Key", key.clone()), ("If-Match", etag(base))];
            if !self.sign_in {
                headers.push(("X-Persona", persona.id().to_string()));
            }
            let request = Request {
                kind: Kind::KeyedWrite,
                url: &url,
                headers: &headers,
                body: Some(&body),
            };
            let reply = match self.counted(client::send(&request).await) {
                Ok(reply) => reply,
                Err(failure) => {
                    let problem = self.offline().then_some(StorageProblem::Offline);
                    return failed(ActionError::NoAnswer(failure.to_string()), problem);
                }
            };
            // The session ended: nothing was done, and the same write,
            // sent again after signing in, is a new request.
            if reply.status == 401 {
                self.unanswered.replace(None);
                return failed(ActionError::SignedOut, None);
            }
            if reply.status == 412 {
                match self.fetch_state(false).await {
                    Ok(Some(loaded)) => {
                        copy = loaded.state;
                        base = self.revision.get();
                    }
                    Err(Failure::SignedOut) => return failed(ActionError::SignedOut, None),
                    _ => {
                        return failed(
                            ActionError::NoAnswer(
                                Failure::BadAnswer("the latest state could not be loaded".into())
                                    .to_string(),
                            ),
                            None,
                        )
                    }
                }
                problem = Some(StorageProblem::ChangedOnServer);
                continue;
            }
            // Answered for good: this key's work is done.
            self.unanswered.replace(None);
            if (200..300).contains(&reply.status) {
                return self.written(copy, base, &reply, problem).await;
            }
            // A refusal is logged in the activity, so the state moved on.
            let refusal = refusal_of(&reply, expected);
            return Executed {
                outcome: Err(refusal),
                state: self.latest_state().await,
                problem,
            };
        }
        failed(
            ActionError::Rejected(
                "Others kept changing the data at the same time. Try again.".into(),
            ),
            problem,
        )
    }

    /// Brings `copy` up to the written revision: its events when it was
    /// one behind, else the whole state again.
    async fn written(
        &self,
        mut copy: State,
        base: u64,
        reply: &Reply,
        problem: Option<StorageProblem>,
    ) -> Executed {
        let written: Written = match crate::json::from_text(&reply.body) {
            Ok(written) => written,
            Err(error) => {
                // It happened, but we can't tell what: show the server's state.
                return Executed {
                    outcome: Err(ActionError::Rejected(format!(
                        "The change was saved, but the server's answer could not be read ({error})."
                    ))),
                    state: self.latest_state().await,
                    problem,
                };
            }
        };
        let state = if written.revision == base + 1 {
            for event in &written.events {
                copy.apply(event);
            }
            self.revision.set(written.revision);
            Some(copy)
        } else {
            self.latest_state().await
        };
        Executed {
            outcome: Ok(written.events),
            state,
            problem,
        }
    }
}

impl Backend for HttpBackend {
    fn mode(&self) -> Mode {
        Mode::Http {
            api: self.0.api.clone(),
        }
    }

    fn execute(&self, copy: State, command: Command, persona: Persona) -> Pending<Executed> {
        let inner = self.0.clone();
        Box::pin(async move { inner.execute(copy, command, persona).await })
    }

    fn replace(&self, _state: &State) -> Result<Option<StorageProblem>, ActionError> {
        Err(ActionError::KeptOnServer)
    }

    /// Hears the server's changes as they happen (its event stream), and
    /// while that stream is down asks for them every few seconds; reports
    /// when the server stops or starts answering, and when live updates
    /// are off.
    fn follow(&self, news: Rc<dyn Fn(Followed)>) {
        let inner = self.0.clone();
        // Stops with the page (the cleanup may run on any thread's terms).
        let alive = Arc::new(AtomicBool::new(true));
        let still = alive.clone();
        on_cleanup(move || still.store(false, Ordering::Relaxed));
        // Heard of a newer revision while the tab was hidden: fetch it
        // once the tab is shown again.
        let behind = Rc::new(Cell::new(false));
        let wake: Rc<dyn Fn(u64)> = {
            let (inner, news, behind) = (inner.clone(), news.clone(), behind.clone());
            Rc::new(move |revision| {
                if revision <= inner.revision.get() {
                    return;
                }
                if page_hidden() {
                    behind.set(true);
                    return;
                }
                let (inner, news) = (inner.clone(), news.clone());
                leptos::task::spawn_local(async move {
                    inner.catch_up(&news).await;
                });
            })
        };
        let live = live::Live::new(format!("{}/changes", inner.api), wake);
        leptos::task::spawn_local(async move {
            let mut was_offline = false;
            let mut told_off = false;
            let mut was_streaming = false;
            let mut waited = 0;
            let mut missed = false;
            while alive.load(Ordering::Relaxed) {
                client::sleep(POLL_TICK_MS).await;
                if !alive.load(Ordering::Relaxed) {
                    break;
                }
                live.tick();
                let off = live.heard().off.get();
                if off != told_off {
                    news(Followed::Live(!off));
                    told_off = off;
                }
                if page_hidden() {
                    missed = true;
                    continue;
                }
                let streaming = live.streaming();
                if streaming {
                    // Changes come by themselves; only catch up on what a
                    // hidden tab heard of, or confirm the server is back.
                    was_streaming = true;
                    waited = 0;
                    missed = false;
                    if (behind.replace(false) || inner.offline()) && !inner.catch_up(&news).await {
                        break;
                    }
                } else {
                    // The stream just dropped: ask at once, then poll.
                    if was_streaming {
                        was_streaming = false;
                        missed = true;
                    }
                    waited += POLL_TICK_MS;
                    if waited < POLL_MS && !missed {
                        continue;
                    }
                    waited = 0;
                    missed = false;
                    behind.set(false);
                    if !inner.catch_up(&news).await {
                        break;
                    }
                }
                let offline = inner.offline();
                if offline != was_offline {
                    news(if offline {
                        Followed::Offline
                    } else {
                        Followed::Online
                    });
                    was_offline = offline;
                }
            }
            live.close();
        });
    }
}

/// Whether the tab is in the background (minimised, another tab shown).
fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

fn failed(error: ActionError, problem: Option<StorageProblem>) -> Executed {
    Executed {
        outcome: Err(error),
        state: None,
        problem,
    }
}

/// A problem+json answer as the admin should read it: the engine's own
/// refusal when this tab's engine expected the same one (it knows which
/// field is wrong), else the server's sentence.
fn refusal_of(reply: &Reply, expected: Option<DomainError>) -> ActionError {
    #[derive(Deserialize)]
    struct Problem {
        code: Option<String>,
        detail: Option<String>,
    }
    let Ok(problem) = crate::json::from_text::<Problem>(&reply.body) else {
        return ActionError::Rejected(format!("The server refused it (error {}).", reply.status));
    };
    match (problem.code.as_deref(), expected, problem.detail) {
        (Some("readOnly"), _, _) => ActionError::ReadOnly,
        (Some(code), Some(expected), _) if expected.code() == code => {
            ActionError::Refused(expected)
        }
        (_, _, Some(detail)) => ActionError::Rejected(detail),
        _ => ActionError::Rejected(format!("The server refused it (error {}).", reply.status)),
    }
}

fn etag(revision: u64) -> String {
    format!("\"{revision}\"")
}

fn parse_etag(value: &str) -> Option<u64> {
    value
        .trim()
        .trim_start_matches("W/")
        .trim_matches('"')
        .parse()
        .ok()
}
