//! Load on loopback: the server in-process on 127.0.0.1 over a fresh demo
//! database, serving the built app in `--dist` (default `dist`), and
//! `--connections` keep-alive clients for `--seconds` per run, at most
//! `--max-requests` requests per run. Prints requests, errors, throughput
//! and latency percentiles of each run:
//!
//! - the API: `--path` (by default alternating /api/state and
//!   /api/relationships), as `requests`, `throughput_rps`, `p50_ms`, ...;
//! - then, when `--dist` holds a build, the static files as a browser asks
//!   for them (`Accept-Encoding: br`): index.html (`index_html_br_...`) and
//!   the wasm (`wasm_br_...`), each answer checked to be 200 and brotli.
//!
//! `cargo run --release -p backend --example load -- --connections 50 --seconds 30`

mod common;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use backend::FaultConfig;
use common::{flags, parse, start_server_serving, Conn};

const TIMEOUT: Duration = Duration::from_secs(5);
const PATHS: [&str; 2] = ["/api/state", "/api/relationships"];

struct Options {
    connections: u64,
    seconds: u64,
    max_requests: u64,
    path: Option<String>,
    dist: PathBuf,
}

/// One run: which paths, with which Accept-Encoding, and what a good
/// answer's Content-Encoding is.
#[derive(Clone)]
struct Run {
    paths: Vec<String>,
    accept_encoding: Option<&'static str>,
    encoding: Option<&'static str>,
}

struct Stats {
    requests: u64,
    errors: u64,
    seconds: f64,
    bytes: u64,
    latencies_us: Vec<u32>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\nusage: load [--connections 50] [--seconds 30] [--max-requests 5000000] [--path /api/state] [--dist dist]");
            return ExitCode::from(2);
        }
    };
    match run_all(options).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("load failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        connections: 50,
        seconds: 30,
        max_requests: 5_000_000,
        path: None,
        dist: PathBuf::from("dist"),
    };
    for (flag, value) in flags()? {
        match flag.as_str() {
            "--connections" => o.connections = parse(&flag, &value)?,
            "--seconds" => o.seconds = parse(&flag, &value)?,
            "--max-requests" => o.max_requests = parse(&flag, &value)?,
            "--path" if value.starts_with("/api/") => o.path = Some(value),
            "--dist" => o.dist = PathBuf::from(value),
            other => return Err(format!("unknown flag or value: {other} {value}")),
        }
    }
    if !(1..=1000).contains(&o.connections) || !(1..=600).contains(&o.seconds) {
        return Err("--connections is 1 to 1000, --seconds 1 to 600".to_string());
    }
    Ok(o)
}

/// The built wasm's path (`/name-<hash>_bg.wasm`), if `dist` holds a build.
fn wasm_path(dist: &Path) -> Option<String> {
    std::fs::read_dir(dist)
        .ok()?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .find(|name| name.ends_with("_bg.wasm"))
        .map(|name| format!("/{name}"))
}

async fn run_all(o: Options) -> Result<bool, String> {
    let dir = std::env::temp_dir().join(format!("backend-load-{}", std::process::id()));
    let (addr, _server, _db) =
        start_server_serving(&dir, &o.dist, None, FaultConfig::default()).await?;
    let api = Run {
        paths: match &o.path {
            Some(p) => vec![p.clone()],
            None => PATHS.iter().map(|p| p.to_string()).collect(),
        },
        accept_encoding: None,
        encoding: None,
    };
    let stats = load(addr, &o, &api).await?;
    println!("connections: {}", o.connections);
    println!("paths: {}", api.paths.join(", "));
    print_stats("", &stats);
    let mut ok = stats.errors == 0 && stats.requests > 0;
    match wasm_path(&o.dist) {
        Some(wasm) if o.dist.join("index.html").is_file() => {
            for (name, path) in [("index_html_br", "/".to_string()), ("wasm_br", wasm)] {
                let run = Run {
                    paths: vec![path.clone()],
                    accept_encoding: Some("br"),
                    encoding: Some("br"),
                };
                let stats = load(addr, &o, &run).await?;
                println!("{name}_path: {path}");
                print_stats(&format!("{name}_"), &stats);
                ok &= stats.errors == 0 && stats.requests > 0;
            }
        }
        _ => eprintln!(
            "{} holds no build: static files not measured (trunk build --release --offline)",
            o.dist.display()
        ),
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ok)
}

fn print_stats(prefix: &str, s: &Stats) {
    let mut latencies = s.latencies_us.clone();
    latencies.sort_unstable();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let at = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        f64::from(latencies[at]) / 1000.0
    };
    println!("{prefix}seconds: {:.1}", s.seconds);
    println!("{prefix}requests: {}", s.requests);
    println!("{prefix}errors: {}", s.errors);
    println!(
        "{prefix}throughput_rps: {:.0}",
        s.requests as f64 / s.seconds.max(0.001)
    );
    println!(
        "{prefix}body_bytes_per_request: {}",
        s.bytes / s.requests.max(1)
    );
    println!("{prefix}p50_ms: {:.2}", percentile(0.50));
    println!("{prefix}p99_ms: {:.2}", percentile(0.99));
}

async fn load(addr: std::net::SocketAddr, o: &Options, run: &Run) -> Result<Stats, String> {
    let issued = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..o.connections {
        let issued = issued.clone();
        let run = run.clone();
        let max = o.max_requests;
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(addr);
            let mut latencies_us: Vec<u32> = Vec::new();
            let mut errors = 0u64;
            let mut bytes = 0u64;
            let headers: Vec<(&str, String)> = run
                .accept_encoding
                .map(|a| vec![("accept-encoding", a.to_string())])
                .unwrap_or_default();
            let mut i = c as usize;
            while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < max {
                let path = &run.paths[i % run.paths.len()];
                i += 1;
                let sent = Instant::now();
                match conn.send("GET", path, &headers, "", TIMEOUT).await {
                    Ok(reply)
                        if reply.status == 200
                            && !reply.body.is_empty()
                            && reply.header("content-encoding") == run.encoding =>
                    {
                        bytes += reply.body.len() as u64;
                    }
                    _ => errors += 1,
                }
                let us = sent.elapsed().as_micros();
                latencies_us.push(u32::try_from(us).unwrap_or(u32::MAX));
            }
            (latencies_us, errors, bytes)
        }));
    }
    let mut stats = Stats {
        requests: 0,
        errors: 0,
        seconds: 0.0,
        bytes: 0,
        latencies_us: Vec::new(),
    };
    for task in tasks {
        let (l, e, b) = task.await.map_err(|e| e.to_string())?;
        stats.latencies_us.extend(l);
        stats.errors += e;
        stats.bytes += b;
    }
    stats.seconds = started.elapsed().as_secs_f64();
    stats.requests = stats.latencies_us.len() as u64;
    Ok(stats)
}
