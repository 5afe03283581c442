//! A list that renders only the rows in view, so 100,000 items cost as
//! much DOM as a dozen.
//!
//! Rows have one fixed height. The list is a block as tall as all rows, in
//! the page's own flow: the window scrolls it, so the page has one scroll
//! and no inner box cuts off its last row. The rendered rows sit in a list
//! moved down by CSS `transform` (set through CSSOM, which the CSP allows).
//! Which rows show follows from where the block is in the window, read on
//! the window's scroll and resize and on the block's own resize
//! (a ResizeObserver: the layout around it may move it). Each row carries
//! `aria-setsize`/`aria-posinset`, so a screen reader still hears
//! "3 of 12,408".
//!
//! ```ignore
//! view! {
//!     <VirtualList len=count key_at=move |i| ids.with(|v| v.get(i).copied())
//!         row=move |id, _| view! { <Row id /> } row_height=112 label="Partners" />
//! }
//! ```

use std::hash::Hash;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Rows rendered above and below the visible ones, so a quick scroll or a
/// Tab into the next row finds it already there.
const OVERSCAN: usize = 2;
/// Used until the window has been measured.
const FALLBACK_VIEWPORT_PX: f64 = 640.0;

/// The span of the list, in pixels from its top, that the window shows:
/// `(from, to)`, empty when the list is out of view.
fn span_in_window(el: &web_sys::Element) -> (f64, f64) {
    let top = el.get_bounding_client_rect().top();
    let height = web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(FALLBACK_VIEWPORT_PX);
    ((-top).max(0.0), (height - top).max(0.0))
}

#[component]
pub fn VirtualList<K, KF, V, RF>(
    /// How many rows there are in all.
    #[prop(into)]
    len: Signal<usize>,
    /// The stable key of row `i`: a domain id, so a row's state follows its
    /// item and never the position it happens to be at.
    key_at: KF,
    /// Renders the item with key `K` at position `i`.
    row: RF,
    /// The height of every row, in whole CSS pixels (the CSS must agree).
    /// Whole, so the lengths below print as integers: formatting an `f64`
    /// would pull core's float printing (about 11 KB of wasm) in for this.
    row_height: u32,
    /// Names the list for assistive technology.
    #[prop(into)]
    label: String,
    /// Resets the scroll position whenever it changes (e.g. a new search).
    #[prop(optional, into)]
    reset: Option<Signal<u64>>,
) -> impl IntoView
where
    K: Clone + Eq + Hash + Send + Sync + 'static,
    KF: Fn(usize) -> Option<K> + Send + Sync + 'static,
    V: IntoView + 'static,
    RF: Fn(K, usize) -> V + Send + Sync + Clone + 'static,
{
    let viewport = NodeRef::<html::Div>::new();
    // The part of the list the window shows, in pixels from its top.
    let span = RwSignal::new((0.0f64, FALLBACK_VIEWPORT_PX));
    let row_height = row_height.max(1);
    let row_height_px = f64::from(row_height);

    let measure = move || {
        if let Some(el) = viewport.get_untracked() {
            let (from, to) = span_in_window(&el);
            let (old_from, old_to) = span.get_untracked();
            // Only a move past a row boundary changes which rows show.
            let row = |px: f64| (px / row_height_px).floor();
            if row(from) != row(old_from) || row(to) != row(old_to) {
                span.set((from, to));
            }
        }
    };
    // Where the list sits is known only after layout. A ResizeObserver
    // reports it once the browser has laid the page out anyway, and again
    // whenever the list's box changes; reading it right after mount instead
    // forced a synchronous layout of the whole page before its first paint.
    // The window's scroll and resize move the list in the window.
    let watches = StoredValue::new_local(None::<(Option<ResizeWatch>, WindowWatch)>);
    Effect::new(move |_| {
        if let Some(el) = viewport.get() {
            watches.set_value(Some((
                ResizeWatch::start(&el, measure),
                WindowWatch::start(&["scroll", "resize"], measure),
            )));
        }
    });
    on_cleanup(move || watches.set_value(None));

    if let Some(reset) = reset {
        Effect::new(move |previous: Option<u64>| {
            let now = reset.get();
            if previous.is_some_and(|p| p != now) {
                // A new result list starts at its top: when the window is
                // past it, bring the top back (scroll-margin-top in the CSS
                // keeps it clear of the sticky header).
                if let Some(el) = viewport.get_untracked() {
                    if el.get_bounding_client_rect().top() < 0.0 {
                        el.scroll_into_view();
                    }
                }
                measure();
            }
            now
        });
    }

    let window = Memo::new(move |_| {
        let n = len.get();
        let (from, to) = span.get();
        let first_visible = (from / row_height_px).floor() as usize;
        let end_visible = (to / row_height_px).ceil() as usize;
        let first = first_visible.saturating_sub(OVERSCAN).min(n);
        let end = (end_visible + OVERSCAN).min(n);
        (first, end)
    });
    let items = move || {
        let (first, end) = window.get();
        (first..end)
            .filter_map(|i| key_at(i).map(|k| (i, k)))
            .collect::<Vec<_>>()
    };
    let total = move || format!("{}px", len.get() as u64 * u64::from(row_height));
    let offset = move || {
        let first = window.get().0 as u64;
        format!("translateY({}px)", first * u64::from(row_height))
    };
    let row_px = format!("{row_height}px");
    let list_label = label.clone();

    view! {
        <div class="vlist" node_ref=viewport role="region" aria-label=label>
            <div class="vlist__spacer" style:height=total>
                <ul class="vlist__rows" aria-label=list_label style:transform=offset>
                    <For
                        // Index and key together: scrolling keeps every
                        // rendered row; a new result list re-renders them.
                        each=items
                        key=|(i, k)| (*i, k.clone())
                        children=move |(i, k)| {
                            let row = row.clone();
                            view! {
                                <li
                                    class="vlist__row"
                                    style:height=row_px.clone()
                                    aria-setsize=move || len.get().to_string()
                                    aria-posinset=(i + 1).to_string()
                                >
                                    {row(k, i)}
                                </li>
                            }
                        }
                    />
                </ul>
            </div>
        </div>
    }
}

/// A ResizeObserver on one element, disconnected when dropped.
struct ResizeWatch {
    observer: web_sys::ResizeObserver,
    // Owned here so the callback lives exactly as long as the observer.
    _callback: Closure<dyn FnMut()>,
}

impl ResizeWatch {
    fn start(element: &web_sys::Element, on_resize: impl FnMut() + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut()>::new(on_resize);
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(ResizeWatch {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Listeners for window events, removed when dropped.
struct WindowWatch {
    events: &'static [&'static str],
    callback: Closure<dyn FnMut()>,
}

impl WindowWatch {
    fn start(events: &'static [&'static str], on_event: impl FnMut() + 'static) -> Self {
        let callback = Closure::<dyn FnMut()>::new(on_event);
        if let Some(window) = web_sys::window() {
            for event in events {
                let _ = window
                    .add_event_listener_with_callback(event, callback.as_ref().unchecked_ref());
            }
        }
        WindowWatch { events, callback }
    }
}

impl Drop for WindowWatch {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            for event in self.events {
                let _ = window.remove_event_listener_with_callback(
                    event,
                    self.callback.as_ref().unchecked_ref(),
                );
            }
        }
    }
}
