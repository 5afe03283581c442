//! The embedded engine: one SQLite file that one process owns. Reads are
//! served from memory (organization → current state), which is safe
//! because no other process writes the file; each write is one
//! transaction, all or nothing, under the process's writer lock.

mod schema;

pub use schema::LAYOUT_VERSION;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{SystemTime, UNIX_EPOCH};

use domain::{snapshot, State};
use rusqlite::{params, Connection, OptionalExtension};

use super::IDEMPOTENCY_RETENTION_SECONDS;
use super::{unix_now, Answer, Change, Current, Organization, StoreError, Written};

pub struct SqliteStore {
    path: PathBuf,
    writer: Mutex<Connection>,
    /// Every organization's state as of its last committed write.
    organizations: RwLock<HashMap<String, Arc<Current>>>,
}

impl SqliteStore {
    /// Opens (or creates, empty) the database at `path`, moving a layout-1
    /// file to layout 2 first. Organizations are created at first use
    /// ([`Store::enter`]).
    pub fn open(path: &Path) -> Result<SqliteStore, StoreError> {
        let not_a_database = |e: rusqlite::Error| StoreError::NotADatabase {
            path: path.to_path_buf(),
            detail: e.to_string(),
        };
        let mut conn = Connection::open(path).map_err(not_a_database)?;
        match schema::prepare(&mut conn, unix_now()).map_err(not_a_database)? {
            schema::Prepared::Current => {}
            schema::Prepared::Newer(found) => {
                return Err(StoreError::NewerLayout {
                    path: path.to_path_buf(),
                    found,
                })
            }
            schema::Prepared::CorruptSnapshot(detail) => {
                return Err(StoreError::CorruptSnapshot {
                    path: path.to_path_buf(),
                    detail,
                })
            }
        }
        let organizations = load(&conn, path)?;
        Ok(SqliteStore {
            path: path.to_path_buf(),
            writer: Mutex::new(conn),
            organizations: RwLock::new(organizations),
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

    /// The organization's state as of its last committed write; `None`
    /// when nobody of it was ever let in.
    pub fn current(&self, organization: &str) -> Option<Arc<Current>> {
        self.read_map(|map| map.get(organization).cloned())
    }

    /// The organization's name as stored at its creation (the header and
    /// /auth/session say it); `None` for an organization never let in.
    pub fn organization_name(&self, organization: &str) -> Option<String> {
        self.current(organization)
            .map(|c| c.state.organization_name().to_string())
    }

    /// The organizations this file holds, by tenant id, sorted.
    pub fn organizations(&self) -> Vec<String> {
        let mut ids = self.read_map(|map| map.keys().cloned().collect::<Vec<_>>());
        ids.sort();
        ids
    }

    /// The organization's state, created with `first` (at revision 1) the
    /// first time anyone of it is let in. Created once: two first requests
    /// at once get the same state.
    pub fn enter(
        &self,
        organization: &Organization,
        first: impl FnOnce() -> State,
    ) -> Result<Arc<Current>, StoreError> {
        if let Some(current) = self.current(&organization.id) {
            return Ok(current);
        }
        // The writer lock orders creations; look again under it.
        let conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(current) = self.current(&organization.id) {
            return Ok(current);
        }
        let mut state = first();
        state.tenant_id = Some(organization.id.clone());
        state.organization_name = Some(organization.name.clone());
        let body: Arc<str> = snapshot::encode(&state).into();
        conn.execute(
            "INSERT INTO organizations (id, name, revision, body, created_at) \
             VALUES (?1, ?2, 1, ?3, ?4)",
            params![&organization.id, &organization.name, &*body, unix_now()],
        )?;
        let current = Arc::new(Current {
            revision: 1,
            state,
            snapshot: body,
            read_only: false,
        });
        self.write_map(|map| map.insert(organization.id.clone(), Arc::clone(&current)));
        Ok(current)
    }

    /// Runs one keyed write in `organization` under the writer lock. A key
    /// that organization used before answers from its record; otherwise
    /// `decide` sees its current state, and the change, its events and its
    /// answer commit together. Another organization's keys, state and log
    /// are never looked at.
    pub fn write<E>(
        &self,
        organization: &str,
        key: &str,
        request: &str,
        decide: impl FnOnce(&Current) -> Result<Change, E>,
    ) -> Result<Written<E>, StoreError> {
        let mut conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let Some(current) = self.current(organization) else {
            return Err(StoreError::NoSuchOrganization(organization.to_string()));
        };
        if let Some((first_request, answer)) = recorded(&conn, organization, key)? {
            return Ok(if first_request == request {
                Written::Replayed(answer)
            } else {
                Written::KeyReused
            });
        }
        let change = match decide(&current) {
            Ok(change) => change,
            Err(e) => return Ok(Written::Refused(e)),
        };
        let revision = current.revision + 1;
        let body: Arc<str> = snapshot::encode(&change.state).into();
        let now = unix_now();
        let tx = conn.transaction()?;
        tx.execute(
            "UPDATE organizations SET revision = ?1, body = ?2 WHERE id = ?3",
            params![revision as i64, &*body, organization],
        )?;
        for event in &change.events {
            let json = serde_json::to_string(event).unwrap_or_default();
            tx.execute(
                "INSERT INTO events (organization, revision, at, idempotency_key, body) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![
                    organization,
                    revision as i64,
                    event.at().to_rfc3339(),
                    key,
                    json
                ],
            )?;
        }
        tx.execute(
            "INSERT INTO idempotency (organization, key, request, status, body, revision, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                organization,
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
        self.write_map(|map| map.insert(organization.to_string(), next));
        Ok(Written::Committed(change.answer))
    }

    /// How many events the log holds, all organizations together (for
    /// tests and the soak report).
    pub fn event_count(&self) -> Result<u64, StoreError> {
        let conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM events", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// How many events one organization's log holds.
    pub fn event_count_of(&self, organization: &str) -> Result<u64, StoreError> {
        let conn = self.writer.lock().unwrap_or_else(|p| p.into_inner());
        let n: i64 = conn.query_row(
            "SELECT COUNT(*) FROM events WHERE organization = ?1",
            params![organization],
            |r| r.get(0),
        )?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn read_map<T>(&self, f: impl FnOnce(&HashMap<String, Arc<Current>>) -> T) -> T {
        // A panic while swapping an `Arc` cannot leave the map half-written.
        match self.organizations.read() {
            Ok(guard) => f(&guard),
            Err(poisoned) => f(&poisoned.into_inner()),
        }
    }

    fn write_map<T>(&self, f: impl FnOnce(&mut HashMap<String, Arc<Current>>) -> T) -> T {
        match self.organizations.write() {
            Ok(mut guard) => f(&mut guard),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }
}

/// Every organization's saved state, decoded once at open.
fn load(conn: &Connection, path: &Path) -> Result<HashMap<String, Arc<Current>>, StoreError> {
    let mut statement = conn.prepare("SELECT id, revision, body FROM organizations")?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(2)?,
        ))
    })?;
    let mut organizations = HashMap::new();
    for row in rows {
        let (id, revision, body) = row?;
        let decoded = snapshot::decode(&body).map_err(|e| StoreError::CorruptSnapshot {
            path: path.to_path_buf(),
            detail: format!("organization {id}: {e}"),
        })?;
        if let Some(version) = decoded.migrated_from {
            eprintln!("migrating organization {id}'s saved state from schema version {version}");
        }
        let current = Current {
            revision: u64::try_from(revision).unwrap_or(0),
            snapshot: body.into(),
            state: decoded.state,
            read_only: decoded.read_only,
        };
        organizations.insert(id, Arc::new(current));
    }
    Ok(organizations)
}

fn recorded(
    conn: &Connection,
    organization: &str,
    key: &str,
) -> Result<Option<(String, Answer)>, StoreError> {
    let found = conn
        .query_row(
            "SELECT request, status, body, revision FROM idempotency \
             WHERE organization = ?1 AND key = ?2",
            params![organization, key],
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
