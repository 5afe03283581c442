//! `backend [--addr 127.0.0.1:8090] [--dist dist] [--db partner-console.sqlite3] [--reset]
//! [--fault-error-rate R] [--fault-latency-ms N] [--fault-drop-after-commit-rate R] [--fault-seed N]`
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use backend::{app, default_dist, open, serve, Clock, Config, FaultConfig, Store};

const USAGE: &str = "usage: backend [--addr 127.0.0.1:8090] [--dist dist] [--db partner-console.sqlite3] [--reset]
       [--fault-error-rate 0.2] [--fault-latency-ms 50] [--fault-drop-after-commit-rate 0.1] [--fault-seed 1]";

struct Args {
    addr: SocketAddr,
    config: Config,
    reset: bool,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let Args {
        addr,
        config,
        reset,
    } = args;
    if !config.dist.join("index.html").is_file() {
        eprintln!(
            "{} has no index.html: build the app first (trunk build --release --offline)",
            config.dist.display()
        );
        return ExitCode::from(2);
    }
    if reset {
        match Store::set_aside(&config.db) {
            Ok(Some(aside)) => println!("set the old database aside as {}", aside.display()),
            Ok(None) => {}
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    }
    let state = match open(&config, Clock::System) {
        Ok(state) => state,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!(
        "serving {} on http://{addr}/ (API under /api, described at /openapi.json; state in {})",
        config.dist.display(),
        config.db.display()
    );
    if !config.faults.is_off() {
        println!("injecting faults into /api: {:?}", config.faults);
    }
    let router = app(&config, state);
    if let Err(e) = serve(listener, router).await {
        eprintln!("server stopped: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut addr: SocketAddr = ([127, 0, 0, 1], 8090).into();
    let mut config = Config::new(default_dist());
    let mut faults = FaultConfig::default();
    let mut reset = false;
    while let Some(flag) = args.next() {
        if flag == "--reset" {
            reset = true;
            continue;
        }
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--addr" => addr = parse(&flag, &value)?,
            "--dist" => config.dist = PathBuf::from(value),
            "--db" => config.db = PathBuf::from(value),
            "--fault-error-rate" => faults.error_rate = rate(&flag, &value)?,
            "--fault-latency-ms" => faults.latency_ms = parse(&flag, &value)?,
            "--fault-drop-after-commit-rate" => {
                faults.drop_after_commit_rate = rate(&flag, &value)?
            }
            "--fault-seed" => faults.seed = parse(&flag, &value)?,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    config.faults = faults;
    Ok(Args {
        addr,
        config,
        reset,
    })
}

fn parse<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag}: not a valid value: {value}"))
}

fn rate(flag: &str, value: &str) -> Result<f64, String> {
    let r: f64 = parse(flag, value)?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err(format!("{flag} is a share from 0 to 1, not {value}"))
    }
}
