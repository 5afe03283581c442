//! A seeded soak: the server in-process on 127.0.0.1 with faults injected,
//! and a client that behaves as the app's Http backend should (timeouts,
//! at most 3 attempts with jittered backoff for reads and keyed writes,
//! Retry-After honoured, the admin's input kept and sent again with the
//! same Idempotency-Key until it lands). At the end it checks that no input
//! was lost, none acted twice, and the client's view equals the server's.
//!
//! `cargo run --release -p backend --example soak -- --ops 1000 --fault-rate 0.2 [--seed 42] [--latency-ms 0] [--database-url postgres://…]`
//!
//! With `--database-url` the state lives in that PostgreSQL database, which
//! must be new (the soak checks the saved state against its own record).

mod common;

use std::process::ExitCode;
use std::time::{Duration, Instant};

use backend::{FaultConfig, Store};
use common::{flags, parse, start_server, Conn, Reply};
use domain::{snapshot, Event, InvitationState, SplitMix64, State};

const READ_TIMEOUT: Duration = Duration::from_secs(5);
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
const ATTEMPTS: u32 = 3;
/// How often the "admin" presses the button again after 3 failed attempts.
const SUBMISSIONS: u32 = 5;
const BACKOFF_BASE_MS: u64 = 20;

struct Options {
    ops: u64,
    fault_rate: f64,
    seed: u64,
    latency_ms: u64,
    database_url: Option<String>,
}

/// What one write should have done, checked against the server at the end.
enum Expect {
    Contact(String),
    Issued(String),
    Accepted(String),
    Declined(String),
}

struct Client {
    conn: Conn,
    rng: SplitMix64,
    mirror: State,
    revision: u64,
    retries: u64,
    resubmits: u64,
    resyncs: u64,
    lost_inputs: u64,
    unexpected: u64,
}

#[tokio::main]
async fn main() -> ExitCode {
    let options = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!(
                "{e}\nusage: soak [--ops 1000] [--fault-rate 0.2] [--seed 42] [--latency-ms 0] [--database-url URL]"
            );
            return ExitCode::from(2);
        }
    };
    match run(options).await {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("soak failed: {e}");
            ExitCode::FAILURE
        }
    }
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        ops: 1000,
        fault_rate: 0.2,
        seed: 42,
        latency_ms: 0,
        database_url: None,
    };
    for (flag, value) in flags()? {
        match flag.as_str() {
            "--ops" => o.ops = parse(&flag, &value)?,
            "--fault-rate" => o.fault_rate = parse(&flag, &value)?,
            "--seed" => o.seed = parse(&flag, &value)?,
            "--latency-ms" => o.latency_ms = parse(&flag, &value)?,
            "--database-url" => o.database_url = Some(value),
            other => return Err(format!("unknown flag {other}")),
        }
    }
    if !(0.0..=0.9).contains(&o.fault_rate) || o.ops > 100_000 {
        return Err("--fault-rate is 0 to 0.9, --ops at most 100000".to_string());
    }
    Ok(o)
}

async fn run(o: Options) -> Result<bool, String> {
    let dir = std::env::temp_dir().join(format!("backend-soak-{}", std::process::id()));
    // Half the faults fail the request, half drop the answer of a write
    // that committed: both look the same to the client.
    let faults = FaultConfig {
        error_rate: o.fault_rate / 2.0,
        drop_after_commit_rate: o.fault_rate / 2.0,
        latency_ms: o.latency_ms,
        seed: o.seed,
    };
    let (addr, server, db) = start_server(&dir, o.database_url.as_deref(), faults).await?;
    let started = Instant::now();
    let mut client = Client {
        conn: Conn::new(addr),
        rng: SplitMix64::new(o.seed ^ 0x00C1_1E17),
        mirror: State::new(domain::Timestamp::UNIX_EPOCH),
        revision: 0,
        retries: 0,
        resubmits: 0,
        resyncs: 0,
        lost_inputs: 0,
        unexpected: 0,
    };
    client.resync().await?;
    client.resyncs = 0;

    let mut pending: Vec<String> = Vec::new();
    let mut expects: Vec<Expect> = Vec::new();
    let (mut reads, mut writes) = (0u64, 0u64);
    for n in 0..o.ops {
        let roll = client.rng.below(100);
        let pick = if pending.is_empty() {
            None
        } else {
            let i = client.rng.below(pending.len() as u64) as usize;
            Some(i)
        };
        match (roll, pick) {
            (0..=34, _) => {
                reads += 1;
                client.read(n).await;
            }
            (35..=49, _) => {
                writes += 1;
                let marker = format!("[soak {} op {n}]", o.seed);
                let body = contact_body(&marker);
                if client
                    .write(
                        &format!("{}-{n}", o.seed),
                        "/api/commands",
                        "billing-admin",
                        &body,
                        200,
                    )
                    .await
                {
                    expects.push(Expect::Contact(marker));
                }
            }
            (75..=84, Some(i)) => {
                writes += 1;
                let id = pending.remove(i);
                let path = format!("/api/invitations/{id}/accept");
                let body = r#"{"agreementAcknowledged":true}"#;
                if client
                    .write(
                        &format!("{}-{n}", o.seed),
                        &path,
                        "billing-admin",
                        body,
                        200,
                    )
                    .await
                {
                    expects.push(Expect::Accepted(id));
                }
            }
            (85..=92, Some(i)) => {
                writes += 1;
                let id = pending.remove(i);
                let path = format!("/api/invitations/{id}/decline");
                if client
                    .write(&format!("{}-{n}", o.seed), &path, "global-admin", "", 200)
                    .await
                {
                    expects.push(Expect::Declined(id));
                }
            }
            (93..=99, Some(i)) => {
                writes += 1;
                let id = pending[i].clone();
                let path = format!("/api/invitations/{id}/accept");
                let body = r#"{"agreementAcknowledged":true}"#;
                // Must be answered 403: the client counts any other answer,
                // and no answer after every try is a lost input.
                client
                    .write(&format!("{}-{n}", o.seed), &path, "user", body, 403)
                    .await;
            }
            _ => {
                writes += 1;
                let id = format!("soak-{}-{n}", o.seed);
                let partner_name = format!("Soak partner {} {n}", o.seed);
                let body = issue_body(&id, &partner_name, n);
                if client
                    .write(
                        &format!("{}-{n}", o.seed),
                        "/api/commands",
                        "global-admin",
                        &body,
                        200,
                    )
                    .await
                {
                    pending.push(id.clone());
                    expects.push(Expect::Issued(id));
                }
            }
        }
    }

    // The client's view against what the server now says...
    let mirror_revision = client.revision;
    let mirror = client.mirror.clone();
    let served = client.fetch_state().await?;
    let client_equals_server = served.0 == mirror_revision && served.1 == mirror;
    // ...and what the server says against what is on disk.
    let on_disk = match &o.database_url {
        Some(url) => Store::connect(url).await,
        None => Store::open(&db),
    }
    .map_err(|e| e.to_string())?;
    let persisted = on_disk
        .current(domain::demo::DEMO_TENANT_ID)
        .await
        .map_err(|e| e.to_string())?
        .ok_or("the demo organization is not on disk")?;
    let persisted_equals_server =
        persisted.revision == mirror_revision && persisted.state == served.1;

    let (lost, duplicated) = check(&persisted.state, &expects);
    let lost_inputs = client.lost_inputs + lost;
    let faults_injected = server.faults.failed() + server.faults.dropped();
    let ok = lost_inputs == 0
        && duplicated == 0
        && client.unexpected == 0
        && client_equals_server
        && persisted_equals_server;
    let yes = |b: bool| if b { "yes" } else { "no" };
    println!("engine: {}", server.store.engine());
    println!("ops: {}", o.ops);
    println!("reads: {reads}");
    println!("writes: {writes}");
    println!("fault_rate: {}", o.fault_rate);
    println!("faults_injected: {faults_injected}");
    println!("requests_failed_on_purpose: {}", server.faults.failed());
    println!("answers_dropped_after_commit: {}", server.faults.dropped());
    println!("retries: {}", client.retries);
    println!("resubmits: {}", client.resubmits);
    println!("resyncs: {}", client.resyncs);
    println!("final_revision: {mirror_revision}");
    println!("lost_inputs: {lost_inputs}");
    println!("duplicated_effects: {duplicated}");
    println!("unexpected_answers: {}", client.unexpected);
    println!("client_view_equals_server: {}", yes(client_equals_server));
    println!("persisted_equals_server: {}", yes(persisted_equals_server));
    println!("seconds: {:.1}", started.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ok)
}

/// (lost, duplicated) effects: each write must show exactly once in the
/// state. Judged from the state alone, never from the activity log, which
/// keeps only its newest 1,000 entries: a refusal trimmed from it is not a
/// lost input. A write applied twice is caught here when it leaves two
/// effects, and by the client when a replayed key is answered with a
/// refusal instead of the first answer (an unexpected answer).
fn check(state: &State, expects: &[Expect]) -> (u64, u64) {
    let (mut lost, mut duplicated) = (0u64, 0u64);
    for expect in expects {
        let found = match expect {
            Expect::Contact(marker) => state
                .contact_requests
                .iter()
                .filter(|r| serde_json::to_string(r).is_ok_and(|j| j.contains(marker.as_str())))
                .count() as u64,
            Expect::Issued(id) => state.invitations.iter().filter(|i| &i.id == id).count() as u64,
            Expect::Accepted(id) => u64::from(
                state
                    .invitation(id)
                    .is_some_and(|i| i.state == InvitationState::Accepted),
            ),
            Expect::Declined(id) => u64::from(
                state
                    .invitation(id)
                    .is_some_and(|i| i.state == InvitationState::Declined),
            ),
        };
        match found {
            0 => lost += 1,
            1 => {}
            n => duplicated += n - 1,
        }
    }
    (lost, duplicated)
}

fn contact_body(marker: &str) -> String {
    serde_json::json!({"command": {"type": "sendContactRequest", "partnerIds": ["p-000042"], "form": {
        "country": "United States", "city": "Seattle", "firstName": "Avery", "lastName": "Howard",
        "email": "avery.howard@contoso-retail.example", "phone": "+1 425 555 0100",
        "organizationSize": "50-249 employees", "organizationName": "Contoso Retail",
        "industry": "Retail", "businessNeeds": format!("Help with our Teams rollout, please. {marker}")
    }}})
    .to_string()
}

fn issue_body(id: &str, partner_name: &str, n: u64) -> String {
    serde_json::json!({"command": {"type": "issueInvitation", "invitationId": id,
        "partner": {"id": format!("soak-partner-{n}"), "name": partner_name},
        "relationshipTypes": ["reseller"]}})
    .to_string()
}

impl Client {
    /// Up to 3 attempts; retries failures of the transport and 5xx/429,
    /// after a jittered backoff or Retry-After, whichever is longer.
    async fn call(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, String)],
        body: &str,
        timeout: Duration,
    ) -> Option<Reply> {
        for attempt in 0..ATTEMPTS {
            let mut retry_after = Duration::ZERO;
            match self.conn.send(method, path, headers, body, timeout).await {
                Ok(reply) if !matches!(reply.status, 429 | 500 | 502 | 503 | 504) => {
                    return Some(reply)
                }
                Ok(reply) => {
                    if let Some(seconds) = reply.header("retry-after").and_then(|s| s.parse().ok())
                    {
                        retry_after = Duration::from_secs(seconds);
                    }
                }
                Err(_) => {}
            }
            if attempt + 1 < ATTEMPTS {
                self.retries += 1;
                let cap = BACKOFF_BASE_MS << attempt;
                let jitter = Duration::from_millis(cap / 2 + self.rng.below(cap / 2 + 1));
                tokio::time::sleep(jitter.max(retry_after)).await;
            }
        }
        None
    }

    async fn read(&mut self, n: u64) {
        let path = match n % 4 {
            0 => "/api/state".to_string(),
            1 => "/api/relationships".to_string(),
            2 => "/api/partners/fabrikam-it".to_string(),
            _ => "/api/invitations/inv-reseller".to_string(),
        };
        let headers = [("x-persona", "global-admin".to_string())];
        match self.call("GET", &path, &headers, "", READ_TIMEOUT).await {
            Some(reply) if reply.status == 200 => {}
            Some(reply) => {
                self.unexpected += 1;
                eprintln!("read {path}: {}", reply.status);
            }
            // A read that failed loses nothing: the page shows an error.
            None => {}
        }
    }

    /// Sends one write until it lands; true when its answer was `expect`.
    async fn write(
        &mut self,
        key: &str,
        path: &str,
        persona: &str,
        body: &str,
        expect: u16,
    ) -> bool {
        let key = format!("soak-{key}");
        for submission in 0..SUBMISSIONS {
            if submission > 0 {
                self.resubmits += 1;
            }
            let headers = [
                ("x-persona", persona.to_string()),
                ("idempotency-key", key.clone()),
                ("if-match", format!("\"{}\"", self.revision)),
            ];
            let Some(reply) = self.call("POST", path, &headers, body, WRITE_TIMEOUT).await else {
                continue;
            };
            if reply.status == 412 {
                // Someone else wrote: reload, then send the same input again.
                let _ = self.resync().await;
                continue;
            }
            self.absorb(&reply).await;
            if reply.status != expect {
                self.unexpected += 1;
                eprintln!(
                    "{path}: {} {}",
                    reply.status,
                    String::from_utf8_lossy(&reply.body)
                );
                return false;
            }
            return true;
        }
        self.lost_inputs += 1;
        false
    }

    /// Applies a write's events when they follow the view's revision;
    /// otherwise (a refusal, a gap) reloads the state.
    async fn absorb(&mut self, reply: &Reply) {
        let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap_or_default();
        let revision = body["revision"].as_u64().unwrap_or(0);
        if reply.status == 200 && revision == self.revision + 1 {
            if let Ok(events) = serde_json::from_value::<Vec<Event>>(body["events"].clone()) {
                for event in &events {
                    self.mirror.apply(event);
                }
                self.revision = revision;
                return;
            }
        }
        if revision != self.revision {
            let _ = self.resync().await;
        }
    }

    async fn resync(&mut self) -> Result<(), String> {
        self.resyncs += 1;
        let (revision, state) = self.fetch_state().await?;
        self.revision = revision;
        self.mirror = state;
        Ok(())
    }

    async fn fetch_state(&mut self) -> Result<(u64, State), String> {
        for _ in 0..SUBMISSIONS {
            if let Some(reply) = self.call("GET", "/api/state", &[], "", READ_TIMEOUT).await {
                if reply.status == 200 {
                    let revision = reply
                        .header("etag")
                        .and_then(|t| t.trim_matches('"').parse().ok())
                        .ok_or("no ETag")?;
                    let text = String::from_utf8_lossy(&reply.body);
                    let decoded = snapshot::decode(&text).map_err(|e| e.to_string())?;
                    return Ok((revision, decoded.state));
                }
            }
        }
        Err("could not load the state".to_string())
    }
}
