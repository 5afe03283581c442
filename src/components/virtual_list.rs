//! A list that renders only the rows in view, so 100,000 items cost as
//! much DOM as a dozen.
//!
//! Rows have one fixed height. A scroll container holds a spacer as tall as
//! all rows; the rendered rows sit in a list moved down by CSS `transform`
//! (set through CSSOM, which the CSP allows). Each row carries
//! `aria-setsize`/`aria-posinset`, so a screen reader still hears
//! "3 of 12,408". The container is measured by a ResizeObserver, so the
//! rows follow its height whatever changes it.
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
/// Used until the container has been measured.
const FALLBACK_VIEWPORT_PX: f64 = 640.0;

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
    let scroll_top = RwSignal::new(0.0f64);
    let viewport_px = RwSignal::new(FALLBACK_VIEWPORT_PX);
    let row_height = row_height.max(1);
    let row_height_px = f64::from(row_height);

    let measure = move || {
        if let Some(el) = viewport.get_untracked() {
            let h = f64::from(el.client_height());
            if h > 0.0 && (h - viewport_px.get_untracked()).abs() > 0.5 {
                viewport_px.set(h);
            }
        }
    };
    // The container's height is known only after layout. A ResizeObserver
    // reports it once the browser has laid the page out anyway, and again
    // whenever it changes (window, zoom, surrounding layout); reading it
    // right after mount instead forced a synchronous layout of the whole
    // page before its first paint.
    let observer = StoredValue::new_local(None::<ResizeWatch>);
    Effect::new(move |_| {
        if let Some(el) = viewport.get() {
            observer.set_value(ResizeWatch::start(&el, measure));
        }
    });
    on_cleanup(move || observer.set_value(None));

    if let Some(reset) = reset {
        Effect::new(move |previous: Option<u64>| {
            let now = reset.get();
            if previous.is_some_and(|p| p != now) {
                if let Some(el) = viewport.get_untracked() {
                    el.set_scroll_top(0);
                }
                scroll_top.set(0.0);
            }
            now
        });
    }

    let window = Memo::new(move |_| {
        let n = len.get();
        let first_visible = (scroll_top.get() / row_height_px).floor() as usize;
        let visible = (viewport_px.get() / row_height_px).ceil() as usize + 1;
        let first = first_visible.saturating_sub(OVERSCAN).min(n);
        let end = (first_visible + visible + OVERSCAN).min(n);
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
        <div
            class="vlist"
            node_ref=viewport
            role="region"
            aria-label=label
            tabindex="0"
            on:scroll=move |_| {
                if let Some(el) = viewport.get_untracked() {
                    scroll_top.set(f64::from(el.scroll_top()));
                }
            }
        >
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
