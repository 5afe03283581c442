//! `backend [--addr 127.0.0.1:8090] [--dist dist]`: serves the built app.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use backend::{app, default_dist, Config};

#[tokio::main]
async fn main() -> ExitCode {
    let (addr, dist) = match parse_args(std::env::args().skip(1)) {
        Ok(parsed) => parsed,
        Err(message) => {
            eprintln!("{message}\nusage: backend [--addr 127.0.0.1:8090] [--dist dist]");
            return ExitCode::from(2);
        }
    };
    if !dist.join("index.html").is_file() {
        eprintln!(
            "{} has no index.html: build the app first (trunk build --release --offline)",
            dist.display()
        );
        return ExitCode::from(2);
    }
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("cannot listen on {addr}: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("serving {} on http://{addr}/", dist.display());
    let router = app(&Config { dist });
    if let Err(e) = axum::serve(listener, router).await {
        eprintln!("server stopped: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<(SocketAddr, PathBuf), String> {
    let mut addr: SocketAddr = ([127, 0, 0, 1], 8090).into();
    let mut dist = default_dist();
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        match flag.as_str() {
            "--addr" => {
                addr = value
                    .parse()
                    .map_err(|_| format!("not an address: {value}"))?
            }
            "--dist" => dist = PathBuf::from(value),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    Ok((addr, dist))
}
