//! Live updates: an EventSource on `{api}/changes`, which tells the
//! revision each time the server's state changes. The console fetches the
//! state when it hears a revision newer than the one it shows. While the
//! stream is down the console polls (see `follow`), and the header says
//! live updates are off once the stream cannot be opened or keeps failing.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use serde::Deserialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{EventSource, MessageEvent};

/// Ticks (of `follow`'s loop) before a stream the browser gave up on (it
/// answered with an error, not an event stream) is opened again; doubled
/// after each failure up to `REOPEN_MAX_TICKS`.
const REOPEN_FIRST_TICKS: u32 = 5;
const REOPEN_MAX_TICKS: u32 = 60;

/// What the stream's callbacks tell `follow`'s loop.
pub(super) struct Heard {
    /// The newest revision an event named.
    pub revision: Cell<u64>,
    /// The stream is open and has not failed since.
    pub open: Cell<bool>,
    /// Failed without opening since the last failure: live updates are off.
    pub off: Cell<bool>,
    /// Ticks to wait after the next failed attempt to open it again.
    backoff: Cell<u32>,
}

struct Source {
    events: EventSource,
    _on_open: Closure<dyn FnMut(web_sys::Event)>,
    _on_error: Closure<dyn FnMut(web_sys::Event)>,
    _on_change: Closure<dyn FnMut(MessageEvent)>,
}

impl Drop for Source {
    fn drop(&mut self) {
        self.events.close();
    }
}

/// The stream, opened again whenever the browser gives up on it.
pub(super) struct Live {
    url: String,
    heard: Rc<Heard>,
    /// Called when an event names a newer revision.
    wake: Rc<dyn Fn(u64)>,
    source: RefCell<Option<Source>>,
    /// Ticks until the next attempt.
    reopen_in: Cell<u32>,
}

#[derive(Deserialize)]
struct Change {
    revision: u64,
}

impl Live {
    pub fn new(url: String, wake: Rc<dyn Fn(u64)>) -> Live {
        let live = Live {
            url,
            heard: Rc::new(Heard {
                revision: Cell::new(0),
                open: Cell::new(false),
                off: Cell::new(false),
                backoff: Cell::new(REOPEN_FIRST_TICKS),
            }),
            wake,
            source: RefCell::new(None),
            reopen_in: Cell::new(0),
        };
        live.open();
        live
    }

    pub fn heard(&self) -> &Heard {
        &self.heard
    }

    /// Whether changes arrive as they happen right now.
    pub fn streaming(&self) -> bool {
        self.heard.open.get()
            && self
                .source
                .borrow()
                .as_ref()
                .is_some_and(|s| s.events.ready_state() == EventSource::OPEN)
    }

    /// Once a tick: opens the stream again when the browser gave up on it.
    pub fn tick(&self) {
        let closed = self
            .source
            .borrow()
            .as_ref()
            .is_none_or(|s| s.events.ready_state() == EventSource::CLOSED);
        if !closed {
            return;
        }
        let wait = self.reopen_in.get();
        if wait > 0 {
            self.reopen_in.set(wait - 1);
            return;
        }
        let backoff = self.heard.backoff.get();
        self.reopen_in.set(backoff);
        self.heard.backoff.set((backoff * 2).min(REOPEN_MAX_TICKS));
        self.open();
    }

    pub fn close(&self) {
        self.source.replace(None);
    }

    fn open(&self) {
        // Dropping the old one closes it (never from its own callback:
        // only `tick` and `new` get here).
        self.source.replace(None);
        let Ok(events) = EventSource::new(&self.url) else {
            self.heard.off.set(true);
            return;
        };
        let heard = self.heard.clone();
        let on_open = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            heard.open.set(true);
            heard.off.set(false);
            // A stream that opens again is worth the short wait next time.
            heard.backoff.set(REOPEN_FIRST_TICKS);
        });
        let heard = self.heard.clone();
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            // A stream that dropped once is reconnecting (the browser does
            // that itself); one that failed again before opening is off.
            if !heard.open.get() {
                heard.off.set(true);
            }
            heard.open.set(false);
        });
        let heard = self.heard.clone();
        let wake = self.wake.clone();
        let on_change = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let Some(text) = event.data().as_string() else {
                return;
            };
            if let Ok(change) = crate::json::from_text::<Change>(&text) {
                if change.revision > heard.revision.get() {
                    heard.revision.set(change.revision);
                }
                wake(change.revision);
            }
        });
        events.set_onopen(Some(on_open.as_ref().unchecked_ref()));
        events.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        let _ =
            events.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        self.source.replace(Some(Source {
            events,
            _on_open: on_open,
            _on_error: on_error,
            _on_change: on_change,
        }));
    }
}
