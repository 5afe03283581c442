//! Which backend this page uses, decided once before the app mounts:
//! `?backend=local` or `?backend=http` on the URL wins (and is remembered
//! for the tab, so deep links and reloads keep it); otherwise `config.json`
//! next to index.html says (`public/config.json` ships `local`; the server
//! in `crates/backend` answers `http`); with neither, this browser.

use std::rc::Rc;

use serde::Deserialize;

use crate::store::{self, HttpBackend, Loaded};
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

/// Decides and opens the backend. `Err` says why the server could not be
/// reached; the caller shows that instead of the app.
pub async fn open_backend() -> Result<(), String> {
    let base = crate::base_path::get();
    let default_api = format!("{base}/api");
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let wanted = match from_query(&search, &default_api) {
        Some(wanted) => {
            remember(&wanted);
            Some(wanted)
        }
        None => remembered(&default_api),
    };
    let config_url = format!("{base}/config.json");
    let wanted = match wanted {
        Some(wanted) => {
            consume_preload(config_url);
            wanted
        }
        None => fetch_config(&config_url, &default_api)
            .await
            .unwrap_or(Wanted::Local),
    };
    match wanted {
        // The store opens the local backend itself.
        Wanted::Local => Ok(()),
        Wanted::Http { api } => {
            let (backend, loaded): (HttpBackend, Loaded) = HttpBackend::connect(api.clone())
                .await
                .map_err(|failure| format!("{failure} (asked {api}/state)"))?;
            store::choose_backend(Rc::new(backend), loaded);
            Ok(())
        }
    }
}

/// index.html preloads `config.json` so that asking costs no round trip.
/// When the URL or the tab has already chosen, nobody reads it, and the
/// browser warns that a preload went unused. The request is already made;
/// taking its answer costs nothing more.
fn consume_preload(url: String) {
    // Before the app mounts, so Leptos's executor is not set up yet.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = gloo_net::http::Request::get(&url).send().await;
    });
}

async fn fetch_config(url: &str, default_api: &str) -> Option<Wanted> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    from_config(&response.text().await.ok()?, default_api)
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
