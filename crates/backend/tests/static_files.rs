//! The built app as a good host serves it: the precompressed `.br`/`.gz`
//! siblings by Accept-Encoding, a year's cache for hashed names and
//! revalidation for the pages, and the SPA fallback.

mod support;

use std::io::{Read, Write};

use axum::body::Body;
use axum::http::{HeaderMap, Request};
use http_body_util::BodyExt;
use support::{Server, INDEX};
use tower::ServiceExt;

const WASM: &str = "/partner-console-0123456789abcde_bg.wasm";
const CSS: &str = "/app-0123456789abcdef.css";
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

struct Answer {
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn header(&self, name: &str) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().expect("ascii"))
            .unwrap_or("")
    }

    /// The body as the browser reads it, decoded per Content-Encoding.
    fn decoded(&self) -> Vec<u8> {
        let mut out = Vec::new();
        match self.header("content-encoding") {
            "br" => {
                brotli::Decompressor::new(&self.body[..], 4096)
                    .read_to_end(&mut out)
                    .expect("brotli");
            }
            "gzip" => {
                flate2::read::GzDecoder::new(&self.body[..])
                    .read_to_end(&mut out)
                    .expect("gzip");
            }
            "" => out = self.body.clone(),
            other => panic!("unexpected encoding {other}"),
        }
        out
    }
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        w.write_all(bytes).expect("brotli");
    }
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut w = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    w.write_all(bytes).expect("gzip");
    w.finish().expect("gzip")
}

/// A server whose folder holds what a release build leaves: hashed files
/// and index.html, each with its .br and .gz.
fn built() -> (Server, Vec<u8>, Vec<u8>) {
    let server = Server::new();
    let dist = server.config.dist.clone();
    let wasm: Vec<u8> = (0..20_000u32)
        .flat_map(|i| (i % 251).to_le_bytes())
        .collect();
    let css = b".vlist__row { display: grid; }\n".repeat(200);
    for (path, bytes) in [
        (WASM, &wasm[..]),
        (CSS, &css[..]),
        ("/index.html", INDEX.as_bytes()),
    ] {
        let file = dist.join(&path[1..]);
        std::fs::write(&file, bytes).expect("file");
        std::fs::write(format!("{}.br", file.display()), brotli(bytes)).expect("br");
        std::fs::write(format!("{}.gz", file.display()), gzip(bytes)).expect("gz");
    }
    (server, wasm, css)
}

async fn get(server: &Server, path: &str, accept_encoding: Option<&str>) -> Answer {
    let mut request = Request::get(path);
    if let Some(encodings) = accept_encoding {
        request = request.header("accept-encoding", encodings);
    }
    let response = server
        .router
        .clone()
        .oneshot(request.body(Body::empty()).expect("request"))
        .await
        .expect("response");
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    Answer {
        status,
        headers,
        body,
    }
}

#[tokio::test]
async fn a_brotli_request_gets_the_brotli_file() {
    let (server, wasm, css) = built();
    for (path, file) in [(WASM, &wasm), (CSS, &css)] {
        let answer = get(&server, path, Some("gzip, deflate, br, zstd")).await;
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.header("content-encoding"), "br", "{path}");
        assert!(
            answer.body.len() < file.len() / 4,
            "{path}: sent compressed"
        );
        assert_eq!(&answer.decoded(), file, "{path}");
        assert!(answer.header("vary").contains("accept-encoding"), "{path}");
    }
    let wasm = get(&server, WASM, Some("br")).await;
    assert_eq!(wasm.header("content-type"), "application/wasm");
}

#[tokio::test]
async fn a_gzip_request_gets_the_gzip_file() {
    let (server, wasm, _) = built();
    let answer = get(&server, WASM, Some("gzip")).await;
    assert_eq!(answer.header("content-encoding"), "gzip");
    assert!(answer.body.len() < wasm.len() / 4);
    assert_eq!(answer.decoded(), wasm);
    assert!(answer.header("vary").contains("accept-encoding"));
}

#[tokio::test]
async fn a_request_without_encodings_gets_the_plain_file() {
    let (server, wasm, _) = built();
    for accept in [None, Some("identity")] {
        let answer = get(&server, WASM, accept).await;
        assert_eq!(answer.status, 200);
        assert_eq!(answer.header("content-encoding"), "");
        assert_eq!(answer.body, wasm);
        assert!(answer.header("vary").contains("accept-encoding"));
    }
}

#[tokio::test]
async fn hashed_files_are_cached_for_a_year() {
    let (server, _, _) = built();
    for path in [WASM, CSS] {
        for accept in [None, Some("br"), Some("gzip")] {
            let answer = get(&server, path, accept).await;
            assert_eq!(
                answer.header("cache-control"),
                IMMUTABLE,
                "{path} {accept:?}"
            );
        }
    }
}

#[tokio::test]
async fn the_pages_and_config_are_revalidated_on_every_load() {
    let (server, _, _) = built();
    for path in [
        "/",
        "/index.html",
        "/settings/partner-relationships/p-1",
        "/config.json",
    ] {
        let answer = get(&server, path, Some("br")).await;
        assert_eq!(answer.status, 200, "{path}");
        assert_eq!(answer.header("cache-control"), "no-cache", "{path}");
    }
}

#[tokio::test]
async fn a_deep_link_gets_the_app_compressed() {
    let (server, _, _) = built();
    let answer = get(&server, "/settings/partner-relationships/p-1", Some("br")).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.header("content-encoding"), "br");
    assert_eq!(answer.decoded(), INDEX.as_bytes());
    assert!(answer.header("content-type").starts_with("text/html"));
}

#[tokio::test]
async fn a_missing_hashed_name_is_never_cached_as_that_file() {
    // An old tab asking for the previous build's script gets the fallback
    // page: it must not stay in caches for a year under that name.
    let (server, _, _) = built();
    let answer = get(&server, "/partner-console-fedcba9876543210.js", None).await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, INDEX.as_bytes());
    assert_eq!(answer.header("cache-control"), "no-cache");
}
