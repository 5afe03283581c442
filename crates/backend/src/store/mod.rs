//! Where every organization's data lives: its current state with its
//! revision, its event log, and the answers given to its idempotent
//! writes. Two engines behind one interface:
//!
//! - SQLite (the default): one file, owned by one process, reads served
//!   from memory;
//! - PostgreSQL (`--database-url`): several processes on one database, each
//!   read checked against the database's revision, each write serialized
//!   per organization by a row lock.
//!
//! Both run a write the same way: the Idempotency-Key's record first, then
//! the caller's `decide` on the current state, then the new state, its
//! events and the answer in one transaction. Committed revisions are
//! announced on [`Store::changes`] (in PostgreSQL mode, whichever process
//! made them).

mod organization;
mod postgres;
mod sqlite;
mod store_error;

pub use organization::Organization;
pub use postgres::PgStore;
pub use sqlite::{SqliteStore, LAYOUT_VERSION};
pub use store_error::StoreError;

use std::path::Path;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use domain::{Event, State};
use tokio::sync::broadcast;

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

/// A committed revision of one organization.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Committed {
    pub organization: String,
    pub revision: u64,
}

/// How many announcements a slow listener may fall behind before it is
/// told it lagged (and then reads the current revision instead).
const CHANGES_BUFFER: usize = 1024;

pub struct Store {
    engine: Engine,
    changes: broadcast::Sender<Committed>,
}

enum Engine {
    Sqlite(Arc<SqliteStore>),
    Postgres(PgStore),
}

impl Store {
    /// The SQLite file at `path` (created empty when missing).
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let sqlite = SqliteStore::open(path)?;
        Ok(Store {
            engine: Engine::Sqlite(Arc::new(sqlite)),
            changes: broadcast::channel(CHANGES_BUFFER).0,
        })
    }

    /// The PostgreSQL database at `url`, migrated to this backend's schema
    /// first; announcements of every process's writes start at once.
    pub async fn connect(url: &str) -> Result<Store, StoreError> {
        let changes = broadcast::channel(CHANGES_BUFFER).0;
        let postgres = PgStore::connect(url, changes.clone()).await?;
        Ok(Store {
            engine: Engine::Postgres(postgres),
            changes,
        })
    }

    /// Moves the SQLite file at `path` aside (see [`SqliteStore::set_aside`]).
    pub fn set_aside(path: &Path) -> Result<Option<std::path::PathBuf>, StoreError> {
        SqliteStore::set_aside(path)
    }

    /// Which engine, for the start-up line and the health check.
    pub fn engine(&self) -> &'static str {
        match &self.engine {
            Engine::Sqlite(_) => "SQLite",
            Engine::Postgres(_) => "PostgreSQL",
        }
    }

    /// Committed revisions, every organization's, from now on.
    pub fn changes(&self) -> broadcast::Receiver<Committed> {
        self.changes.subscribe()
    }

    /// The channel the announcements go out on (the live-update hub
    /// listens on it).
    pub fn announcer(&self) -> broadcast::Sender<Committed> {
        self.changes.clone()
    }

    /// The organization's state as of its last committed write (anywhere);
    /// `None` when nobody of it was ever let in.
    pub async fn current(&self, organization: &str) -> Result<Option<Arc<Current>>, StoreError> {
        match &self.engine {
            Engine::Sqlite(s) => Ok(s.current(organization)),
            Engine::Postgres(p) => p.current(organization).await,
        }
    }

    /// The organization's state, created with `first` (at revision 1) the
    /// first time anyone of it is let in. Created once, even when two
    /// first requests arrive at once (through two processes, too).
    pub async fn enter(
        &self,
        organization: &Organization,
        first: impl FnOnce() -> State + Send + 'static,
    ) -> Result<Arc<Current>, StoreError> {
        match &self.engine {
            Engine::Sqlite(s) => {
                if let Some(current) = s.current(&organization.id) {
                    return Ok(current);
                }
                let store = Arc::clone(s);
                let entering = organization.clone();
                let current = tokio::task::spawn_blocking(move || store.enter(&entering, first))
                    .await
                    .map_err(|e| StoreError::Interrupted(e.to_string()))??;
                self.announce(&organization.id, current.revision);
                Ok(current)
            }
            Engine::Postgres(p) => p.enter(organization, first).await,
        }
    }

    /// Makes sure the organization's state exists (see [`Store::enter`]),
    /// without asking the database again once this process has seen it:
    /// organizations are never deleted. The guard calls this on every
    /// request, so on PostgreSQL it saves a round trip per request.
    pub async fn ensure(
        &self,
        organization: &Organization,
        first: impl FnOnce() -> State + Send + 'static,
    ) -> Result<(), StoreError> {
        if let Engine::Postgres(p) = &self.engine {
            if p.has_seen(&organization.id) {
                return Ok(());
            }
        }
        self.enter(organization, first).await.map(|_| ())
    }

    /// Runs one keyed write in `organization`: a key that organization used
    /// before answers from its record; otherwise `decide` sees its current
    /// state, and the change, its events and its answer commit together.
    /// Another organization's keys, state and log are never looked at.
    pub async fn write<E: Send + 'static>(
        &self,
        organization: &str,
        key: &str,
        request: &str,
        decide: impl FnOnce(&Current) -> Result<Change, E> + Send + 'static,
    ) -> Result<Written<E>, StoreError> {
        match &self.engine {
            Engine::Sqlite(s) => {
                let store = Arc::clone(s);
                let (org, key, request) = (
                    organization.to_string(),
                    key.to_string(),
                    request.to_string(),
                );
                let written =
                    tokio::task::spawn_blocking(move || store.write(&org, &key, &request, decide))
                        .await
                        .map_err(|e| StoreError::Interrupted(e.to_string()))??;
                if let Written::Committed(answer) = &written {
                    self.announce(organization, answer.revision);
                }
                Ok(written)
            }
            Engine::Postgres(p) => p.write(organization, key, request, decide).await,
        }
    }

    /// The organizations stored, by tenant id, sorted.
    pub async fn organizations(&self) -> Result<Vec<String>, StoreError> {
        match &self.engine {
            Engine::Sqlite(s) => Ok(s.organizations()),
            Engine::Postgres(p) => p.organizations().await,
        }
    }

    /// How many events one organization's log holds (`None`: all of them).
    pub async fn event_count(&self, organization: Option<&str>) -> Result<u64, StoreError> {
        match (&self.engine, organization) {
            (Engine::Sqlite(s), None) => s.event_count(),
            (Engine::Sqlite(s), Some(org)) => s.event_count_of(org),
            (Engine::Postgres(p), org) => p.event_count(org).await,
        }
    }

    /// The SQLite file, when that is the engine.
    pub fn sqlite_path(&self) -> Option<&Path> {
        match &self.engine {
            Engine::Sqlite(s) => Some(s.path()),
            Engine::Postgres(_) => None,
        }
    }

    /// The PostgreSQL pool, when that is the engine (sessions share it).
    pub fn postgres_pool(&self) -> Option<&sqlx_postgres::PgPool> {
        match &self.engine {
            Engine::Sqlite(_) => None,
            Engine::Postgres(p) => Some(p.pool()),
        }
    }

    fn announce(&self, organization: &str, revision: u64) {
        // Nobody listening is fine: an error only means no receivers.
        let _ = self.changes.send(Committed {
            organization: organization.to_string(),
            revision,
        });
    }
}

pub(crate) fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
