//! The storage engines side by side, in one run: SQLite with one process,
//! PostgreSQL with one and with two processes. For each, 50 admins (by
//! default) across 20 organizations write for a while (each keeps its
//! ETag, and after a 412 takes the newer one and sends again, as the app
//! does), then 50 connections read /api/relationships. Prints writes per
//! second with p50/p99 latency, conflicts, and read throughput.
//!
//! Every server is a separate process (this example started again with
//! `--serve`), in token mode: the admins carry bearer tokens signed by the
//! test key, one organization (`tid`) each. PostgreSQL comes from the
//! environment (PGHOST, PGPORT, PGUSER, PGPASSWORD: run it through
//! `pg_virtualenv`, as scripts/bench.sh does); each setup gets a new
//! database.
//!
//! `cargo run --release -p backend --example engines -- [--seconds 10] [--admins 50] [--organizations 20]`

mod common;

use std::net::SocketAddr;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use backend::auth::{Auth, TokenAuth};
use backend::{app, connect, Clock, Config};
use common::{flags, parse, Conn};
use identity::{IssuerRule, TokenVerifier};
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};

const ISSUER: &str = "http://127.0.0.1:8091";
const AUDIENCE: &str = "api://partner-console";
const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
const TIMEOUT: Duration = Duration::from_secs(10);

struct Options {
    seconds: u64,
    admins: usize,
    organizations: usize,
}

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.get(1).map(String::as_str) == Some("--serve") {
        return serve(&args[2..]).await;
    }
    let o = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}\nusage: engines [--seconds 10] [--admins 50] [--organizations 20]");
            return ExitCode::from(2);
        }
    };
    match run(o).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("engines benchmark failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        seconds: 10,
        admins: 50,
        organizations: 20,
    };
    for (flag, value) in flags()? {
        match flag.as_str() {
            "--seconds" => o.seconds = parse(&flag, &value)?,
            "--admins" => o.admins = parse(&flag, &value)?,
            "--organizations" => o.organizations = parse(&flag, &value)?,
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if o.admins == 0 || o.organizations == 0 || o.seconds == 0 {
        return Err("--seconds, --admins and --organizations are at least 1".into());
    }
    Ok(o)
}

/// The test key the servers trust and the admins' tokens are signed with.
fn key() -> Result<EncodingKey, String> {
    let path = format!(
        "{}/../identity/tests/keys/trusted.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    let pem = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    EncodingKey::from_rsa_pem(&pem).map_err(|e| format!("{path}: {e}"))
}

/// `--serve ADDR (--db PATH | --database-url URL)`: one server process.
async fn serve(args: &[String]) -> ExitCode {
    let (Some(addr), Some(kind), Some(place)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("--serve ADDR (--db PATH | --database-url URL)");
        return ExitCode::from(2);
    };
    let Ok(addr) = addr.parse::<SocketAddr>() else {
        return ExitCode::from(2);
    };
    let dir = std::env::temp_dir();
    let mut config = Config::new(dir.clone());
    match kind.as_str() {
        "--db" => config.db = place.into(),
        _ => config.database_url = Some(place.clone()),
    }
    let mut state = match connect(&config, Clock::System).await {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let Ok(mut jwk) =
        key().and_then(|k| Jwk::from_encoding_key(&k, Algorithm::RS256).map_err(|e| e.to_string()))
    else {
        eprintln!("the test key cannot be read");
        return ExitCode::FAILURE;
    };
    jwk.common.key_id = Some("k1".into());
    let verifier = TokenVerifier::new(
        IssuerRule::Exact(ISSUER.into()),
        AUDIENCE,
        JwkSet { keys: vec![jwk] },
    );
    state.auth = Arc::new(Auth::Token(Box::new(TokenAuth::with_keys(verifier, &[]))));
    let router = app(&config, state);
    let Ok(listener) = tokio::net::TcpListener::bind(addr).await else {
        return ExitCode::FAILURE;
    };
    match backend::serve(listener, router).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::FAILURE,
    }
}

/// The admin of organization `n`.
fn bearer(key: &EncodingKey, n: usize) -> String {
    let at = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let claims = serde_json::json!({
        "iss": ISSUER, "aud": AUDIENCE, "iat": at, "nbf": at, "exp": at + 3600,
        "tid": format!("00000000-0000-4000-8000-{n:012}"),
        "oid": format!("00000000-0000-4000-9000-{n:012}"),
        "name": format!("Bench admin {n}"), "tenant_name": format!("Bench organization {n}"),
        "wids": [GLOBAL_ADMINISTRATOR],
    });
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("k1".into());
    format!(
        "Bearer {}",
        encode(&header, &claims, key).unwrap_or_default()
    )
}

struct Servers {
    addrs: Vec<SocketAddr>,
    children: Vec<Child>,
}

impl Drop for Servers {
    fn drop(&mut self) {
        for child in &mut self.children {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn free_addr() -> Result<SocketAddr, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.local_addr().map_err(|e| e.to_string())
}

async fn start(processes: usize, kind: &str, place: &str) -> Result<Servers, String> {
    let me = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut servers = Servers {
        addrs: Vec::new(),
        children: Vec::new(),
    };
    for _ in 0..processes {
        let addr = free_addr()?;
        let child = Command::new(&me)
            .args(["--serve", &addr.to_string(), kind, place])
            .stdout(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?;
        servers.addrs.push(addr);
        servers.children.push(child);
    }
    for addr in &servers.addrs {
        let mut conn = Conn::new(*addr);
        let up = async {
            loop {
                if let Ok(r) = conn.send("GET", "/health", &[], "", TIMEOUT).await {
                    if r.status == 200 {
                        return;
                    }
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        };
        tokio::time::timeout(Duration::from_secs(30), up)
            .await
            .map_err(|_| format!("the server on {addr} did not come up"))?;
    }
    Ok(servers)
}

/// A new database on the PostgreSQL server in the environment.
async fn new_database(name: &str) -> Result<String, String> {
    let var = |v: &str| {
        std::env::var(v).map_err(|_| format!("{v} is not set: run through pg_virtualenv"))
    };
    let base = format!(
        "postgres://{}:{}@{}:{}",
        var("PGUSER")?,
        var("PGPASSWORD")?,
        var("PGHOST")?,
        var("PGPORT")?
    );
    let status = Command::new("psql")
        .args(["-qc", &format!("CREATE DATABASE {name}")])
        .status()
        .map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("could not create database {name}"));
    }
    Ok(format!("{base}/{name}"))
}

#[derive(Default)]
struct Writes {
    committed: u64,
    conflicts: u64,
    errors: u64,
    latencies_us: Vec<u32>,
    seconds: f64,
}

async fn write_load(servers: &Servers, o: &Options) -> Result<Writes, String> {
    let key = key()?;
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for admin in 0..o.admins {
        let addr = servers.addrs[admin % servers.addrs.len()];
        let auth = bearer(&key, admin % o.organizations);
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(addr);
            let mut out = Writes::default();
            let mut etag = String::new();
            let mut allowed = admin % 2 == 0;
            let mut n = 0u64;
            while Instant::now() < deadline {
                if etag.is_empty() {
                    match conn
                        .send(
                            "GET",
                            "/api/state",
                            &[("authorization", auth.clone())],
                            "",
                            TIMEOUT,
                        )
                        .await
                    {
                        Ok(r) if r.status == 200 => {
                            etag = r.header("etag").unwrap_or("").to_string()
                        }
                        _ => {
                            out.errors += 1;
                            continue;
                        }
                    }
                }
                allowed = !allowed;
                n += 1;
                let body = format!(
                    r#"{{"command":{{"type":"setPurchaseVisibility","allowed":{allowed}}}}}"#
                );
                let headers = [
                    ("authorization", auth.clone()),
                    ("idempotency-key", format!("bench-{admin}-{n}")),
                    ("if-match", etag.clone()),
                ];
                let sent = Instant::now();
                match conn
                    .send("POST", "/api/commands", &headers, &body, TIMEOUT)
                    .await
                {
                    Ok(r) if r.status == 412 => {
                        out.conflicts += 1;
                        etag = r.header("etag").unwrap_or("").to_string();
                    }
                    Ok(r) if r.status < 500 && r.header("etag").is_some() => {
                        out.committed += 1;
                        let us = sent.elapsed().as_micros();
                        out.latencies_us.push(u32::try_from(us).unwrap_or(u32::MAX));
                        etag = r.header("etag").unwrap_or("").to_string();
                    }
                    _ => {
                        out.errors += 1;
                        etag.clear();
                    }
                }
            }
            out
        }));
    }
    let mut all = Writes::default();
    for task in tasks {
        let w = task.await.map_err(|e| e.to_string())?;
        all.committed += w.committed;
        all.conflicts += w.conflicts;
        all.errors += w.errors;
        all.latencies_us.extend(w.latencies_us);
    }
    all.seconds = started.elapsed().as_secs_f64();
    Ok(all)
}

/// Requests per second for GET /api/relationships over 50 connections.
async fn read_load(servers: &Servers, o: &Options) -> Result<(f64, u64), String> {
    let key = key()?;
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let started = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..50 {
        let addr = servers.addrs[c % servers.addrs.len()];
        let auth = bearer(&key, c % o.organizations);
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::new(addr);
            let (mut ok, mut errors) = (0u64, 0u64);
            while Instant::now() < deadline {
                match conn
                    .send(
                        "GET",
                        "/api/relationships",
                        &[("authorization", auth.clone())],
                        "",
                        TIMEOUT,
                    )
                    .await
                {
                    Ok(r) if r.status == 200 => ok += 1,
                    _ => errors += 1,
                }
            }
            (ok, errors)
        }));
    }
    let (mut ok, mut errors) = (0, 0);
    for task in tasks {
        let (o, e) = task.await.map_err(|e| e.to_string())?;
        ok += o;
        errors += e;
    }
    Ok((ok as f64 / started.elapsed().as_secs_f64(), errors))
}

fn percentile(sorted: &[u32], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let at = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    f64::from(sorted[at]) / 1000.0
}

async fn run(o: Options) -> Result<bool, String> {
    let dir = std::env::temp_dir().join(format!("backend-engines-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let sqlite = dir.join("engines.sqlite3");
    let pid = std::process::id();
    let setups: Vec<(&str, usize, &str, String)> = vec![
        ("sqlite_1_process", 1, "--db", sqlite.display().to_string()),
        (
            "postgres_1_process",
            1,
            "--database-url",
            new_database(&format!("engines_one_{pid}")).await?,
        ),
        (
            "postgres_2_processes",
            2,
            "--database-url",
            new_database(&format!("engines_two_{pid}")).await?,
        ),
    ];
    println!(
        "admins: {}, organizations: {}, seconds per phase: {}",
        o.admins, o.organizations, o.seconds
    );
    let mut ok = true;
    for (name, processes, kind, place) in setups {
        let servers = start(processes, kind, &place).await?;
        let mut writes = write_load(&servers, &o).await?;
        writes.latencies_us.sort_unstable();
        let (reads_rps, read_errors) = read_load(&servers, &o).await?;
        println!(
            "{name}_writes_per_s: {:.0}",
            writes.committed as f64 / writes.seconds
        );
        println!(
            "{name}_write_p50_ms: {:.2}",
            percentile(&writes.latencies_us, 0.50)
        );
        println!(
            "{name}_write_p99_ms: {:.2}",
            percentile(&writes.latencies_us, 0.99)
        );
        println!("{name}_write_conflicts_412: {}", writes.conflicts);
        println!("{name}_write_errors: {}", writes.errors);
        println!("{name}_relationships_reads_per_s: {reads_rps:.0}");
        println!("{name}_read_errors: {read_errors}");
        ok &= writes.errors == 0 && read_errors == 0 && writes.committed > 0;
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ok)
}
