//! The generated partner directory the pages share, and the URL it is
//! described by.
//!
//! Generating and indexing 100,000 partners takes a noticeable moment, so
//! the directory is built once per size and kept for the whole session:
//! leaving "Find a partner" for the contact form and coming back costs
//! nothing.

use std::cell::RefCell;
use std::sync::Arc;

use domain::directory::{
    generate, parse_partner_count, Directory, DirectoryBuild, DirectoryQuery, QueryNotice,
    DEFAULT_PARTNER_COUNT, PARTNERS_KEY,
};
use leptos_router::params::ParamsMap;

use crate::startup::yield_to_browser;

/// Every build of the console shows the same partners: shared links and
/// contact requests keep naming the same companies (the domain's activity
/// log names them from the same seed).
pub use domain::directory::DIRECTORY_SEED;

/// The names of the `performance.measure` entries the benchmark reads.
pub const SEARCH_MEASURE: &str = "directory-search";
pub const BUILD_MEASURE: &str = "directory-build";

thread_local! {
    // The browser runs the app on one thread; the Arc lets reactive
    // closures (which must be Send) hold it.
    static CACHE: RefCell<Option<Arc<Directory>>> = const { RefCell::new(None) };
}

/// The directory of `count` partners, generated on first use.
pub fn directory(count: usize) -> Arc<Directory> {
    if let Some(cached) = CACHE.with(|c| c.borrow().clone()) {
        if cached.len() == count {
            return cached;
        }
    }
    let built = Arc::new(measured(BUILD_MEASURE, || generate(DIRECTORY_SEED, count)));
    CACHE.with(|c| *c.borrow_mut() = Some(built.clone()));
    built
}

/// The directory of `count` partners if it is built already.
pub fn cached(count: usize) -> Option<Arc<Directory>> {
    CACHE
        .with(|c| c.borrow().clone())
        .filter(|cached| cached.len() == count.min(domain::directory::MAX_PARTNER_COUNT))
}

/// How long one slice of a build may hold the browser, in milliseconds:
/// under 50 ms even on a phone four times slower than this machine, so
/// typing and painting are answered while the directory builds.
const SLICE_MS: f64 = 5.0;
/// Partners generated between two looks at the clock.
const BATCH: usize = 32;

/// The directory of `count` partners, built a slice at a time with the
/// browser free between slices (Find a partner shows its frame and a
/// loading count meanwhile), and kept as `directory` keeps it.
pub async fn build(count: usize) -> Arc<Directory> {
    if let Some(cached) = cached(count) {
        return cached;
    }
    // The page paints its frame and "Loading partners" first.
    yield_to_browser().await;
    let performance = web_sys::window().and_then(|w| w.performance());
    let now = || performance.as_ref().map_or(0.0, |p| p.now());
    let start = format!("{BUILD_MEASURE}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let mut build = DirectoryBuild::new(DIRECTORY_SEED, count);
    loop {
        let slice = now();
        let mut done = false;
        while !done && now() - slice < SLICE_MS {
            done = build.step(BATCH);
        }
        if done {
            break;
        }
        yield_to_browser().await;
    }
    // Sorting the names and the dictionary is a slice of its own, and the
    // page's first search and render of the results another.
    yield_to_browser().await;
    let built = Arc::new(build.finish());
    if let Some(p) = &performance {
        // The whole build as the page waits for it, pauses included.
        let _ = p.measure_with_start_mark(BUILD_MEASURE, &start);
        p.clear_marks_with_mark_name(&start);
    }
    // Another build (another size) may have finished meanwhile; the last
    // one asked for stays.
    CACHE.with(|c| *c.borrow_mut() = Some(built.clone()));
    yield_to_browser().await;
    built
}

/// A directory that holds every partner key in `keys` (partner `i` is the
/// same in every size, so a larger one answers for a smaller one).
pub fn directory_covering<'a>(keys: impl IntoIterator<Item = &'a str>) -> Arc<Directory> {
    let needed = keys
        .into_iter()
        .filter_map(domain::directory::Listing::id_of_key)
        .map(|id| id as usize + 1)
        .filter(|n| *n <= domain::directory::MAX_PARTNER_COUNT)
        .max()
        .unwrap_or(0);
    match CACHE.with(|c| c.borrow().clone()) {
        Some(cached) if cached.len() >= needed => cached,
        _ => directory(needed.max(DEFAULT_PARTNER_COUNT)),
    }
}

/// Runs the search, recorded as a `performance.measure` for the benchmark.
pub fn search(directory: &Directory, query: &DirectoryQuery) -> Vec<u32> {
    measured(SEARCH_MEASURE, || directory.search(query))
}

fn measured<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}:start");
    let end = format!("{name}:end");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let out = work();
    if let Some(p) = &performance {
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, &start, &end);
        p.clear_marks_with_mark_name(&start);
        p.clear_marks_with_mark_name(&end);
    }
    out
}

/// One thing in the link the page could not use: the sentence an admin
/// reads, and the part of the link for support (under "Details").
#[derive(Clone, Debug, PartialEq)]
pub struct LinkNotice {
    pub summary: String,
    pub detail: Option<String>,
}

/// What the URL asks for: the directory size (with a notice if `partners`
/// was unusable), the query, and notices for everything ignored.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlView {
    pub count: usize,
    pub query: DirectoryQuery,
    pub notices: Vec<LinkNotice>,
}

impl UrlView {
    pub fn read(map: &ParamsMap) -> UrlView {
        let pairs: Vec<(String, String)> = map
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let (query, notices) = DirectoryQuery::from_query_pairs(&pairs);
        let mut texts: Vec<LinkNotice> = notices
            .iter()
            .map(|n: &QueryNotice| LinkNotice {
                summary: n.to_string(),
                detail: n.detail(),
            })
            .collect();
        let count = match map.get_str(PARTNERS_KEY) {
            None => DEFAULT_PARTNER_COUNT,
            Some(text) => match parse_partner_count(text) {
                Ok(n) => n,
                Err(error) => {
                    texts.insert(
                        0,
                        LinkNotice {
                            summary: error.to_string(),
                            detail: None,
                        },
                    );
                    DEFAULT_PARTNER_COUNT
                }
            },
        };
        UrlView {
            count,
            query,
            notices: texts,
        }
    }
}

/// The path of "Find a partner" showing `query` over `count` partners.
pub fn find_href(query: &DirectoryQuery, count: usize) -> String {
    let mut pairs = query.to_query_pairs();
    if count != DEFAULT_PARTNER_COUNT {
        pairs.push((PARTNERS_KEY.to_string(), count.to_string()));
    }
    with_query(crate::routes::FIND_PARTNER, &pairs)
}

/// The contact form for these partner keys.
pub fn contact_href(keys: &[String]) -> String {
    with_query(
        crate::routes::CONTACT,
        &[("partners".to_string(), keys.join(","))],
    )
}

/// The query key that says the form was reached from a partner's
/// "Contact me" (its button then says "Contact me" too, as in the seeds).
pub const FROM_KEY: &str = "from";
pub const FROM_CONTACT_ME: &str = "contact-me";

/// The contact form for one partner, from its "Contact me".
pub fn contact_me_href(key: &str) -> String {
    with_query(
        crate::routes::CONTACT,
        &[
            ("partners".to_string(), key.to_string()),
            (FROM_KEY.to_string(), FROM_CONTACT_ME.to_string()),
        ],
    )
}

/// `path?k=v&…`, values percent-encoded except the commas that separate
/// facet values (they stay readable in a shared link).
fn with_query(path: &str, pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let encode =
        |s: &str| -> String { String::from(js_sys::encode_uri_component(s)).replace("%2C", ",") };
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}
