//! One command against the engine on real time, turned into the change to
//! store and the answer to give (and to give again on a retry).
//!
//! The clock: commands run at `max(wall clock, state.now)`, so the demo
//! tool can still move the clock ahead and real time never moves it back.
//! Before a command, time catches up with `AdvanceTime` when something fell
//! due on the way (an expiry, an extension, a notice, a partner's reply) or
//! the day changed; otherwise the saved clock may lag by less than a day,
//! which changes nothing a page shows, and the activity log is not filled
//! with a clock move before every action.

use axum::http::StatusCode;
use domain::{Command, DomainError, Event, Persona, SignedInUser, State, Timestamp};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::clock::effective_now;
use crate::problem;
use crate::store::{Answer, Change, Current};

/// The body of a successful write.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CommandOutcome<'a> {
    pub revision: u64,
    /// What happened, in order: time catching up first, then the command's
    /// own events. A client applying them to the state of `revision - 1`
    /// holds the state of `revision`.
    pub events: &'a [Event],
}

/// Decides `command` for `persona`. A refusal is an answer too: it is
/// logged in the activity (with time caught up) and stored like a success,
/// so a retry never logs it twice.
pub fn run(
    current: &Current,
    persona: Persona,
    user: Option<&SignedInUser>,
    command: &Command,
    wall: Timestamp,
) -> Change {
    let mut state = current.state.clone();
    let now = effective_now(state.now, wall);
    let revision = current.revision + 1;
    let mut events = catch_up(&mut state, now);
    let answer = match state.execute_as(user, command, persona, now) {
        Ok(done) => {
            events.extend(done);
            let outcome = CommandOutcome {
                revision,
                events: &events,
            };
            Answer {
                status: StatusCode::OK.as_u16(),
                body: serde_json::to_string(&outcome).unwrap_or_default(),
                revision,
            }
        }
        Err(error) => {
            state.record_refusal_as(user, command, persona, now, &error);
            refusal(&error, revision)
        }
    };
    Change {
        state,
        events,
        answer,
    }
}

fn refusal(error: &DomainError, revision: u64) -> Answer {
    let (status, mut body) = problem::of_domain(error);
    if let Value::Object(members) = &mut body {
        // The refusal is in the activity log, so the revision moved on.
        members.insert("revision".into(), Value::from(revision));
    }
    Answer {
        status: status.as_u16(),
        body: body.to_string(),
        revision,
    }
}

/// Lets time pass up to `now` when that changes something; the events
/// are the system's (`by: None`).
fn catch_up(state: &mut State, now: Timestamp) -> Vec<Event> {
    if now <= state.now {
        return Vec::new();
    }
    let advance = Command::AdvanceTime { to: now };
    // Every persona may move the demo clock; the persona is erased below.
    let Ok(events) = state.decide(&advance, Persona::GlobalAdministrator, now) else {
        // Only a clock more than five years behind fails; commands still
        // run at `now`.
        return Vec::new();
    };
    let something_due = events.len() > 1;
    if !something_due && state.now.date() == now.date() {
        return Vec::new();
    }
    let events: Vec<Event> = events.into_iter().map(as_system).collect();
    for event in &events {
        state.apply(event);
    }
    events
}

fn as_system(event: Event) -> Event {
    match event {
        Event::ClockAdvanced { at, from, to, .. } => Event::ClockAdvanced {
            at,
            by: None,
            from,
            to,
        },
        other => other,
    }
}

/// The extension members of a problem that the soak and tests read.
pub fn problem_extras(revision: u64) -> Map<String, Value> {
    let mut extra = Map::new();
    extra.insert("revision".into(), Value::from(revision));
    extra
}
