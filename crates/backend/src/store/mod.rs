//! The state in SQLite: the current snapshot with its revision, the event
//! log, and the answers given to idempotent writes. Reads are served from
//! memory; each write is one transaction, all or nothing.

mod schema;
mod store_error;

pub use schema::LAYOUT_VERSION;
pub use store_error::StoreError;

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use domain::{snapshot, Event, State, Timestamp};
use rusqlite::{params, Connection, OptionalExtension};

/// Answers to idempotent writes are kept this long, then forgotten.
pub const IDEMPOTENCY_RETENTION_SECONDS: i64 = 24 * 60 * 60;

/// The state as of one revision.
#[derive(Debug)]
pub struct Current {
    pub revision: u64,
    pub state: State,
    /// The encoded snapshot, kept so reads need not encode it again.
    pub snapshot: Arc<str>,
    /// Saved by a newer console: shown, never written over.
    pub read_only: bool,
}

/// The answer to a write, stored so a retry gets exactly the same.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
    pub revision: u64,
}

/// What one write changes: the next state, the events that led there and
/// the answer to remember.
pub struct Change {
    pub state: State,
    pub events: Vec<Event>,
    pub answer: Answer,
}

/// How a write ended.
#[derive(Debug)]
pub enum Written<E> {
    Committed(Answer),
    /// The key was used before for the same request: its first answer.
    Replayed(Answer),
    /// The key was used before for another request.
    KeyReused,
    /// The caller's check refused it; nothing was stored.
    Refused(E),
}

pub struct Store {
    path: PathBuf,
    writer: Mutex<Connection>,
    current: RwLock<Arc<Current>>,
}

impl Store {
    /// Opens (or creates, with the demo organization as of `now`) the
    /// database at `path`.
    pub fn open(path: &Path, now: Timestamp) -> Result<Store, StoreError> {
        let not_a_database = |e: rusqlite::Error| StoreError::NotADatabase {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        let mut conn = Connection::open(path).map_err(not_a_database)?;
        let layout = schema::prepare(&conn).map_err(not_a_database)?;
        if layout != LAYOUT_VERSION {
            return Err(StoreError::NewerLayout {
                path: path.to_path_buf(),
                found: layout,
            });
        }
        let saved: Option<(i64, String)> = conn
            .query_row(
                "SELECT revision, body FROM snapshot WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        let current = match saved {
            Some((revision, body)) => {
                let decoded = snapshot::decode(&body).map_err(|e| StoreError::CorruptSnapshot {
                    path: path.to_path_buf(),
                    detail: e.to_string(),
                })?;
                if let Some(version) = decoded.migrated_from {
                    eprintln!("migrating the saved state from schema version {version}");
                }
                Current {
                    revision: u64::try_from(revision).unwrap_or(0),
                    snapshot: body.into(),
                    state: decoded.state,
                    read_only: decoded.read_only,
                }
            }
            None => first_state(&mut conn, now)?,
        };
        Ok(Store {
            path: path.to_path_buf(),
            writer: Mutex::new(conn),
            current: RwLock::new(Arc::new(current)),
        })
    }

    /// Moves the file at `path` (and its WAL files) aside, so `open` starts
    /// afresh; the old data is kept, never deleted. Returns where it went.
    pub fn set_aside(path: &Path) -> Result<Option<PathBuf>, StoreError> {
        if !path.exists() {
            return Ok(None);
        }
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        let aside = PathBuf::from(format!("{}.set-aside-{stamp}", path.display()));
        std::fs::rename(path, &aside).map_err(|e| StoreError::SetAside {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        for suffix in ["-wal", "-shm"] {
            let side = PathBuf::from(format!("{}{suffix}", path.display()));
            if side.exists() {
                let _ = std::fs::rename(&side, format!("{}{suffix}", aside.display()));
            }
        }
        Ok(Some(aside))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The state as of the last committed write.
    pub fn current(&self) -> Arc<Current> {
        // A panic while swapping an `Arc` cannot leave it half-written.
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    /// Runs one keyed write under the writer lock. A key seen before
    /// answers from the record; otherwise `decide` sees the current state,
    /// and its change, its events and its answer commit together.
    pub fn write<E>(
        &self,
        key: &str,
        request: &str,
        decide: impl FnOnce(&Current) -> Result<Change, E>,
    ) -> Result<Written<E>, StoreError> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((first_request, answer)) = recorded(&conn, key)? {
            return Ok(if first_request == request {
                Written::Replayed(answer)
            } else {
                Written::KeyReused
            });
        }
        let current = self.current();
        let change = match decide(&current) {
            Ok(change) => change,
            Err(e) => return Ok(Written::Refused(e)),
        };
        let revision = current.revision + 1;
        let body: Arc<str> = snapshot::encode(&change.state).into();
        let now = unix_now();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE snapshot SET revision = ?1, body = ?2 WHERE id = 1",
            params![revision as i64, &*body],
        )?;
        for event in &change.events {
            let json = serde_json::to_string(event).unwrap_or_default();
            tx.execute(
                "INSERT INTO events (revision, at, idempotency_key, body) VALUES (?1, ?2, ?3, ?4)",
                params![revision as i64, event.at().to_rfc3339(), key, json],
            )?;
        }
        tx.execute(
            "INSERT INTO idempotency (key, request, status, body, revision, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                key,
                request,
                change.answer.status,
                &change.answer.body,
                change.answer.revision as i64,
                now
            ],
        )?;
        tx.execute(
            "DELETE FROM idempotency WHERE created_at < ?1",
            params![now - IDEMPOTENCY_RETENTION_SECONDS],
        )?;
        tx.commit()?;
        let next = Arc::new(Current {
            revision,
            state: change.state,
            snapshot: body,
            read_only: false,
        });
        match self.current.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
        Ok(Written::Committed(change.answer))
    }

    /// How many events the log holds (for tests and the soak report).
    pub fn event_count(&self) -> Result<u64, StoreError> {
        let conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }
}

/// A new database starts with the demo organization at revision 1.
fn first_state(conn: &mut Connection, now: Timestamp) -> Result<Current, StoreError> {
    let state = domain::demo::demo_state(now);
    let body: Arc<str> = snapshot::encode(&state).into();
    let tx = conn.transaction()?;
    tx.execute(
        "INSERT INTO snapshot (id, revision, body) VALUES (1, 1, ?1)",
        params![&*body],
    )?;
    tx.commit()?;
    Ok(Current {
        revision: 1,
        state,
        snapshot: body,
        read_only: false,
    })
}

fn recorded(conn: &Connection, key: &str) -> Result<Option<(String, Answer)>, StoreError> {
    let found = conn
        .query_row(
            "SELECT request, status, body, revision FROM idempotency WHERE key = ?1",
            params![key],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Answer {
                        status: r.get(1)?,
                        body: r.get(2)?,
                        revision: u64::try_from(r.get::<_, i64>(3)?).unwrap_or(0),
                    },
                ))
            },
        )
        .optional()?;
    Ok(found)
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
