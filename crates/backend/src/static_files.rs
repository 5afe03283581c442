//! The built app, served as a good host serves it:
//!
//! - brotli or gzip by the request's Accept-Encoding, from the `.br`/`.gz`
//!   files the release build leaves beside each file (nothing is compressed
//!   per request), with `Vary: Accept-Encoding` so caches keep one copy per
//!   encoding;
//! - files whose names carry their content's hash (Trunk's `name-<hash>.js`,
//!   `_bg.wasm`, the bundled `app-<hash>.css`) are cacheable for a year and
//!   never revalidated: a new build has new names;
//! - everything else (index.html, 404.html, the SPA fallback for deep
//!   links, unhashed public files) is `no-cache`: the browser revalidates it
//!   (Last-Modified) on every load, so a new build is picked up at once.

use std::path::Path;

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, VARY};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::response::Response;
use axum::Router;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeader;

pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
pub const NO_CACHE: &str = "no-cache";

/// Serves `dist`; unknown paths get index.html (the app's router shows the
/// page, or its own "Page not found").
pub fn router(dist: &Path) -> Router {
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    // The fallback answers any path, hashed-looking or not: never cache it
    // as if it were the file asked for.
    let fallback = SetResponseHeader::overriding(index, CACHE_CONTROL, no_cache());
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(fallback);
    Router::new()
        .fallback_service(files)
        .layer(from_fn(cache_headers))
}

fn no_cache() -> HeaderValue {
    HeaderValue::from_static(NO_CACHE)
}

async fn cache_headers(request: Request, next: Next) -> Response {
    let hashed = is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let fresh = matches!(
        response.status(),
        StatusCode::OK | StatusCode::PARTIAL_CONTENT | StatusCode::NOT_MODIFIED
    );
    let html = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    let headers = response.headers_mut();
    headers.append(VARY, HeaderValue::from_static("accept-encoding"));
    if !headers.contains_key(CACHE_CONTROL) {
        let policy = if hashed && fresh && !html {
            HeaderValue::from_static(IMMUTABLE)
        } else {
            no_cache()
        };
        headers.insert(CACHE_CONTROL, policy);
    }
    response
}

/// Whether the last segment of `path` is a name with a content hash, as
/// Trunk and scripts/build/post_build.py write them: `stem-<hex>.ext` or
/// `stem-<hex>_bg.wasm`, the hash 8 to 16 lowercase hex digits (Trunk
/// prints a 64-bit hash without leading zeros).
pub fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let Some((stem, _ext)) = name.split_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    (8..=16).contains(&hash.len())
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::is_hashed;

    #[test]
    fn trunk_and_build_names_are_hashed() {
        for path in [
            "/partner-console-96447c970c20652.js",
            "/partner-console-96447c970c20652_bg.wasm",
            "/console/app-6f71f288fb88af0c.css",
            "/favicon-d6b5892e3f9e4321.svg",
            "/partner-console-96447c970c20652_bg.wasm.br",
        ] {
            assert!(is_hashed(path), "{path}");
        }
    }

    #[test]
    fn pages_and_plain_names_are_not() {
        for path in [
            "/",
            "/index.html",
            "/404.html",
            "/config.json",
            "/public/favicon.svg",
            "/settings/partner-relationships/p-1",
            "/partners/acme-deadbeef",
            "/app-6F71F288FB88AF0C.css",
            "/app-1234.css",
        ] {
            assert!(!is_hashed(path), "{path}");
        }
    }
}
