//! Parts of the app's first render that wait for a task of their own.
//!
//! V8 compiles each wasm function on its first call, on the main thread,
//! so a first render costs several times a later one. `start` (lib.rs)
//! asks for the shell's secondary parts and the first page's body to come
//! a task after what the served frame already shows (the header, the
//! navigation, the page's heading): the browser paints and takes input in
//! between, and no start-up task is long. Everywhere else (moves inside
//! the app, the wasm tests) everything renders at once.

use std::cell::Cell;

use leptos::prelude::*;

/// A part of the first render that may come a task later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// Who is signed in, live updates, where the data is, banners, toasts.
    ShellExtras,
    /// The first page's content under its heading.
    FirstPageBody,
    /// Find a partner's choices that take no room yet: the options of its
    /// selects and the values of its closed filter groups.
    FilterChoices,
}

thread_local! {
    static ASKED: Cell<[bool; 3]> = const { Cell::new([false; 3]) };
}

fn index(part: Part) -> usize {
    match part {
        Part::ShellExtras => 0,
        Part::FirstPageBody => 1,
        Part::FilterChoices => 2,
    }
}

/// Asks for these parts to come a task later, the next time each renders.
pub fn ask(parts: &[Part]) {
    ASKED.with(|asked| {
        let mut now = asked.get();
        for part in parts {
            now[index(*part)] = true;
        }
        asked.set(now);
    });
}

/// Whether `part` was asked to come later; the answer is given once.
fn take(part: Part) -> bool {
    ASKED.with(|asked| {
        let mut now = asked.get();
        let was = std::mem::replace(&mut now[index(part)], false);
        asked.set(now);
        was
    })
}

/// `None` when `part` renders at once; otherwise a signal that turns true
/// one task from now.
pub fn due(part: Part) -> Option<RwSignal<bool>> {
    take(part).then(after_a_task)
}

/// A signal that turns true one task from now.
pub fn after_a_task() -> RwSignal<bool> {
    let due = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        crate::startup::yield_to_browser().await;
        due.set(true);
    });
    due
}

/// `view` at once when `due` is `None`, else when it turns true. The view
/// is built once, untracked: a signal it reads cannot rebuild it.
pub fn render<V, F>(due: Option<RwSignal<bool>>, view: F) -> AnyView
where
    V: IntoView + 'static,
    F: FnOnce() -> V + Send + 'static,
{
    match due {
        None => view().into_any(),
        // Boxed: one waiting view for every caller, not one per view type
        // (each would be more wasm to download).
        Some(due) => waiting(due, Box::new(move || view().into_any())),
    }
}

fn waiting(due: RwSignal<bool>, view: Box<dyn FnOnce() -> AnyView + Send>) -> AnyView {
    let view = Cell::new(Some(view));
    (move || {
        due.get()
            .then(|| view.take().map(|view| untrack(view)))
            .flatten()
    })
    .into_any()
}
