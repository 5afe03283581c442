//! Which backend this page uses, decided once before the app mounts:
//! `?backend=local` or `?backend=http` on the URL wins (and is remembered
//! for the tab, so deep links and reloads keep it); otherwise `config.json`
//! next to index.html says (`public/config.json` ships `local`; the server
//! in `crates/backend` answers `http`); with neither, this browser.

use std::rc::Rc;

use serde::Deserialize;

use crate::store::http::Failure;
use crate::store::{self, HttpBackend, LocalBackend};
use crate::web_storage;

const REMEMBERED_KEY: &str = "partner-console.backend";

/// A backend as asked for, before it is opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Wanted {
    Local,
    Http { api: String },
}

/// `?backend=…` in a URL's query string, if it names a backend. `api`
/// is the default API address under the app's base path.
/// Plain string work rather than `url_query::parse_query`, which decodes
/// through the browser: the names it looks for need no decoding, and this
/// way it is tested natively.
pub fn from_query(search: &str, default_api: &str) -> Option<Wanted> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(name, _)| *name == "backend")
        .and_then(|(_, value)| named(value, default_api))
}

fn named(name: &str, default_api: &str) -> Option<Wanted> {
    match name {
        "local" => Some(Wanted::Local),
        "http" => Some(Wanted::Http {
            api: default_api.to_string(),
        }),
        _ => None,
    }
}

/// `config.json`: `{"backend": "local"}` or `{"backend": "http", "api": "/api"}`.
pub fn from_config(text: &str, default_api: &str) -> Option<Wanted> {
    #[derive(Deserialize)]
    struct Config {
        backend: String,
        api: Option<String>,
    }
    let config: Config = crate::json::from_text(text).ok()?;
    match named(&config.backend, default_api)? {
        Wanted::Http { .. } => Some(Wanted::Http {
            api: config
                .api
                .filter(|api| is_same_origin_path(api))
                .unwrap_or_else(|| default_api.to_string()),
        }),
        local => Some(local),
    }
}

/// The API must be on this origin: the CSP allows no other, and a
/// config file must not send an admin's data elsewhere.
fn is_same_origin_path(api: &str) -> bool {
    api.starts_with('/') && !api.starts_with("//") && !api.contains('\\')
}

/// What the page shows once the backend is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Opened {
    /// The console itself.
    App,
    /// The server signs people in and nobody is signed in: the sign-in page.
    SignIn,
}

/// `config.json`'s `"signIn": true`: the server signs people in.
pub fn signs_in(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Config {
        #[serde(rename = "signIn", default)]
        sign_in: bool,
    }
    crate::json::from_text::<Config>(text).is_ok_and(|c| c.sign_in)
}

/// Decides and opens the backend. `Err` says why the server could not be
/// reached; the caller shows that instead of the app.
pub async fn open_backend() -> Result<Opened, String> {
    let base = crate::base_path::get();
    let default_api = format!("{base}/api");
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    // Always read (index.html preloads it): even when the URL or the tab
    // chose the server, only the config says whether it signs people in.
    let config = fetch_config(&format!("{base}/config.json")).await;
    let wanted = match from_query(&search, &default_api) {
        Some(wanted) => {
            remember(&wanted);
            Some(wanted)
        }
        None => remembered(&default_api),
    };
    let wanted = wanted
        .or_else(|| {
            config
                .as_deref()
                .and_then(|text| from_config(text, &default_api))
        })
        .unwrap_or(Wanted::Local);
    match wanted {
        // Read here, not in the app's first render: the saved state (or
        // the demo's data) is then a task of its own, and the render,
        // after a yield, is shorter (issue 21: no task over 50 ms, as
        // Lighthouse's 4x slower CPU counts it).
        Wanted::Local => {
            let (backend, loaded) = LocalBackend::open();
            store::choose_backend(Rc::new(backend), loaded);
            Ok(Opened::App)
        }
        Wanted::Http { api } => {
            let sign_in = config.as_deref().is_some_and(signs_in);
            if sign_in && !crate::session::load(base).await? {
                return Ok(Opened::SignIn);
            }
            match HttpBackend::connect(api.clone(), sign_in).await {
                Ok((backend, loaded)) => {
                    store::choose_backend(Rc::new(backend), loaded);
                    Ok(Opened::App)
                }
                // Ended between the two questions.
                Err(Failure::SignedOut) => Ok(Opened::SignIn),
                Err(failure) => Err(format!("{failure} (asked {api}/state)")),
            }
        }
    }
}

/// Marks a step of the start-up on the page's performance timeline
/// (`console-start`, `console-state`, `console-shell`, `console-page`), so
/// a trace or a test can tell which task did what.
pub fn mark(step: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("console-{step}"));
    }
}

/// Lets the browser run what it has queued (input, a paint) before the
/// start-up goes on: a task ends here and the rest runs in a new one.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .map(|w| w.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

async fn fetch_config(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

fn remember(wanted: &Wanted) {
    let name = match wanted {
        Wanted::Local => "local",
        Wanted::Http { .. } => "http",
    };
    if let Some(storage) = web_storage::session() {
        let _ = storage.set_item(REMEMBERED_KEY, name);
    }
}

fn remembered(default_api: &str) -> Option<Wanted> {
    let name = web_storage::session()?
        .get_item(REMEMBERED_KEY)
        .ok()
        .flatten()?;
    named(&name, default_api)
}

#[cfg(test)]
mod tests {
    use super::*;

    const API: &str = "/console/api";

    #[test]
    fn the_query_names_the_backend() {
        assert_eq!(from_query("?backend=local", API), Some(Wanted::Local));
        assert_eq!(
            from_query("?q=x&backend=http", API),
            Some(Wanted::Http { api: API.into() })
        );
        assert_eq!(from_query("?backend=ftp", API), None);
        assert_eq!(from_query("", API), None);
        assert_eq!(from_query("?backend", API), None);
    }

    #[test]
    fn the_config_file_names_the_backend_and_its_address() {
        assert_eq!(
            from_config(r#"{"backend":"local"}"#, API),
            Some(Wanted::Local)
        );
        assert_eq!(
            from_config(r#"{"backend":"http"}"#, API),
            Some(Wanted::Http { api: API.into() })
        );
        assert_eq!(
            from_config(r#"{"backend":"http","api":"/v2/api"}"#, API),
            Some(Wanted::Http {
                api: "/v2/api".into()
            })
        );
        assert_eq!(from_config("not json", API), None);
        assert_eq!(from_config(r#"{"backend":"carrier pigeon"}"#, API), None);
    }

    #[test]
    fn only_sign_in_true_means_people_sign_in() {
        assert!(signs_in(r#"{"backend":"http","api":"/api","signIn":true}"#));
        assert!(!signs_in(r#"{"backend":"http","api":"/api"}"#));
        assert!(!signs_in(r#"{"backend":"http","signIn":false}"#));
        assert!(!signs_in(r#"{"backend":"http","signIn":"yes"}"#));
        assert!(!signs_in("not json"));
    }

    #[test]
    fn a_config_cannot_send_data_to_another_origin() {
        for api in [
            "https://evil.example/api",
            "//evil.example/api",
            "javascript:x",
            "/\\evil",
        ] {
            let text = format!(
                r#"{{"backend":"http","api":"{}"}}"#,
                api.replace('\\', "\\\\")
            );
            assert_eq!(
                from_config(&text, API),
                Some(Wanted::Http { api: API.into() }),
                "{api}"
            );
        }
    }
}
