//! Shared by the soak and load clients: a small HTTP/1.1 client over one
//! keep-alive loopback connection, and starting the server in-process.
#![allow(dead_code)]

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use axum::body::Bytes;
use backend::{app, connect, AppState, Clock, Config, FaultConfig};
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1::{self, SendRequest};
use hyper_util::rt::TokioIo;

pub struct Reply {
    pub status: u16,
    pub headers: hyper::HeaderMap,
    pub body: Bytes,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// One connection, reopened after any failure.
pub struct Conn {
    addr: SocketAddr,
    sender: Option<SendRequest<Full<Bytes>>>,
}

impl Conn {
    pub fn new(addr: SocketAddr) -> Conn {
        Conn { addr, sender: None }
    }

    /// Sends one request; a transport failure or the timeout is an `Err`.
    pub async fn send(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &str,
        timeout: Duration,
    ) -> Result<Reply, String> {
        match tokio::time::timeout(timeout, self.send_once(method, path, headers, body)).await {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(e)) => {
                self.sender = None;
                Err(e)
            }
            Err(_) => {
                self.sender = None;
                Err("timed out".to_string())
            }
        }
    }

    async fn send_once(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &str,
    ) -> Result<Reply, String> {
        if self.sender.as_ref().is_none_or(|s| s.is_closed()) {
            let stream = tokio::net::TcpStream::connect(self.addr)
                .await
                .map_err(|e| e.to_string())?;
            let _ = stream.set_nodelay(true);
            let (sender, connection) = http1::handshake(TokioIo::new(stream))
                .await
                .map_err(|e| e.to_string())?;
            tokio::spawn(connection);
            self.sender = Some(sender);
        }
        let Some(sender) = self.sender.as_mut() else {
            return Err("no connection".to_string());
        };
        sender.ready().await.map_err(|e| e.to_string())?;
        let mut request = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", self.addr.to_string());
        if !body.is_empty() {
            request = request.header("content-type", "application/json");
        }
        for (name, value) in headers {
            request = request.header(*name, value.as_str());
        }
        let request = request
            .body(Full::new(Bytes::from(body.to_string())))
            .map_err(|e| e.to_string())?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| e.to_string())?;
        let (parts, body) = response.into_parts();
        let body = body.collect().await.map_err(|e| e.to_string())?.to_bytes();
        Ok(Reply {
            status: parts.status.as_u16(),
            headers: parts.headers,
            body,
        })
    }
}

/// A server on 127.0.0.1 (a free port) over a fresh SQLite file in `dir`,
/// or on the PostgreSQL database at `database_url` (which the caller makes
/// fresh).
pub async fn start_server(
    dir: &Path,
    database_url: Option<&str>,
    faults: FaultConfig,
) -> Result<(SocketAddr, AppState, PathBuf), String> {
    start_server_serving(dir, dir, database_url, faults).await
}

/// The same, serving the built app in `dist`.
pub async fn start_server_serving(
    dir: &Path,
    dist: &Path,
    database_url: Option<&str>,
    faults: FaultConfig,
) -> Result<(SocketAddr, AppState, PathBuf), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let db = dir.join("soak.sqlite3");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let mut config = Config::new(dist.to_path_buf());
    config.db = db.clone();
    config.database_url = database_url.map(str::to_string);
    config.faults = faults;
    let state = connect(&config, Clock::System)
        .await
        .map_err(|e| e.to_string())?;
    let router = app(&config, state.clone());
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0))
        .await
        .map_err(|e| e.to_string())?;
    let addr = listener.local_addr().map_err(|e| e.to_string())?;
    tokio::spawn(async move {
        if let Err(e) = backend::serve(listener, router).await {
            eprintln!("server stopped: {e}");
        }
    });
    Ok((addr, state, db))
}

/// `--name value` flags into (name, value) pairs.
pub fn flags() -> Result<Vec<(String, String)>, String> {
    let mut args = std::env::args().skip(1);
    let mut found = Vec::new();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        found.push((flag, value));
    }
    Ok(found)
}

pub fn parse<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag}: not a valid value: {value}"))
}
