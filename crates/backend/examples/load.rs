//! Load on loopback: the server in-process on 127.0.0.1 over a fresh demo
//! database, and `--connections` keep-alive clients reading `--path` (by
//! default alternating /api/state and /api/relationships) for `--seconds`,
//! at most `--max-requests` in all. Prints requests, errors, throughput
//! and latency percentiles.
//!
//! `cargo run --release -p backend --example load -- --connections 50 --seconds 30`

mod common;

use std::process::ExitCode;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use backend::FaultConfig;
use common::{flags, parse, start_server, Conn};

const TIMEOUT: Duration = Duration::from_secs(5);
const PATHS: [&str; 2] = ["/api/state", "/api/relationships"];

struct Options {
    connections: u64,
    seconds: u64,
    max_requests: u64,
    path: Option<String>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\nusage: load [--connections 50] [--seconds 30] [--max-requests 5000000] [--path /api/state]");
            return ExitCode::from(2);
        }
    };
    match run(options).await {
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
    };
    for (flag, value) in flags()? {
        match flag.as_str() {
            "--connections" => o.connections = parse(&flag, &value)?,
            "--seconds" => o.seconds = parse(&flag, &value)?,
            "--max-requests" => o.max_requests = parse(&flag, &value)?,
            "--path" if value.starts_with("/api/") => o.path = Some(value),
            other => return Err(format!("unknown flag or value: {other} {value}")),
        }
    }
    if !(1..=1000).contains(&o.connections) || !(1..=600).contains(&o.seconds) {
        return Err("--connections is 1 to 1000, --seconds 1 to 600".to_string());
    }
    Ok(o)
}

async fn run(o: Options) -> Result<bool, String> {
    let dir = std::env::temp_dir().join(format!("backend-load-{}", std::process::id()));
    let (addr, _server, _db) = start_server(&dir, FaultConfig::default()).await?;
    let issued = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..o.connections {
        let issued = issued.clone();
        let fixed = o.path.clone();
        let max = o.max_requests;
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(addr);
            let mut latencies_us: Vec<u32> = Vec::new();
            let mut errors = 0u64;
            let mut i = c as usize;
            while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < max {
                let path = fixed.as_deref().unwrap_or(PATHS[i % PATHS.len()]);
                i += 1;
                let sent = Instant::now();
                match conn.send("GET", path, &[], "", TIMEOUT).await {
                    Ok(reply) if reply.status == 200 && !reply.body.is_empty() => {}
                    _ => errors += 1,
                }
                let us = sent.elapsed().as_micros();
                latencies_us.push(u32::try_from(us).unwrap_or(u32::MAX));
            }
            (latencies_us, errors)
        }));
    }
    let mut latencies: Vec<u32> = Vec::new();
    let mut errors = 0u64;
    for task in tasks {
        let (l, e) = task.await.map_err(|e| e.to_string())?;
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort_unstable();
    let percentile = |p: f64| -> f64 {
        if latencies.is_empty() {
            return 0.0;
        }
        let at = ((latencies.len() as f64 - 1.0) * p).round() as usize;
        f64::from(latencies[at]) / 1000.0
    };
    let requests = latencies.len() as u64;
    println!("connections: {}", o.connections);
    println!("seconds: {elapsed:.1}");
    println!(
        "paths: {}",
        o.path
            .as_deref()
            .unwrap_or("/api/state, /api/relationships")
    );
    println!("requests: {requests}");
    println!("errors: {errors}");
    println!(
        "throughput_rps: {:.0}",
        requests as f64 / elapsed.max(0.001)
    );
    println!("p50_ms: {:.2}", percentile(0.50));
    println!("p99_ms: {:.2}", percentile(0.99));
    let _ = std::fs::remove_dir_all(&dir);
    Ok(errors == 0 && requests > 0)
}
