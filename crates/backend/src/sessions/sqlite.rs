//! Sessions in the SQLite file the state lives in.

use std::path::Path;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use super::{decode, encode, hash};

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS sessions (
    id_hash    TEXT    PRIMARY KEY,
    data       TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_expiry ON sessions (expires_at);
";

/// Cheap to clone: every clone shares one connection.
#[derive(Clone)]
pub struct SqliteSessions {
    conn: Arc<Mutex<Connection>>,
}

impl std::fmt::Debug for SqliteSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SqliteSessions")
    }
}

impl SqliteSessions {
    /// Opens the sessions table in the database file at `path` (the one
    /// the state lives in), creating it when missing.
    pub fn open(path: &Path) -> rusqlite::Result<SqliteSessions> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.execute_batch(CREATE)?;
        Ok(SqliteSessions {
            conn: Arc::new(Mutex::new(conn)),
        })
    }

    /// Forgets sessions past their expiry; returns how many.
    pub fn delete_expired(&self) -> rusqlite::Result<usize> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        conn.execute(
            "DELETE FROM sessions WHERE expires_at < ?1",
            params![OffsetDateTime::now_utc().unix_timestamp()],
        )
    }

    /// How many sessions are stored, expired or not (for tests).
    pub fn count(&self) -> rusqlite::Result<u64> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        let n: i64 = conn.query_row("SELECT COUNT(*) FROM sessions", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    fn with_conn<T>(
        &self,
        run: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> session_store::Result<T> {
        let conn = self.conn.lock().unwrap_or_else(|p| p.into_inner());
        run(&conn).map_err(|e| session_store::Error::Backend(e.to_string()))
    }
}

#[async_trait]
impl SessionStore for SqliteSessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = encode(record)?;
        let expires = record.expiry_date.unix_timestamp();
        // A new id that collides with a stored one (2^-128 odds, but cheap
        // to rule out) is drawn again rather than written over.
        loop {
            let key = hash(&record.id);
            let inserted = self.with_conn(|c| {
                c.execute(
                    "INSERT INTO sessions (id_hash, data, expires_at) VALUES (?1, ?2, ?3) \
                     ON CONFLICT (id_hash) DO NOTHING",
                    params![key, data, expires],
                )
            })?;
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = encode(record)?;
        let key = hash(&record.id);
        let expires = record.expiry_date.unix_timestamp();
        self.with_conn(|c| {
            c.execute(
                "INSERT INTO sessions (id_hash, data, expires_at) VALUES (?1, ?2, ?3) \
                 ON CONFLICT (id_hash) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
                params![key, data, expires],
            )
        })?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let key = hash(id);
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let found: Option<(String, i64)> = self.with_conn(|c| {
            c.query_row(
                "SELECT data, expires_at FROM sessions WHERE id_hash = ?1 AND expires_at >= ?2",
                params![key, now],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
        })?;
        found
            .map(|(data, expires)| decode(id, &data, expires))
            .transpose()
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        let key = hash(id);
        self.with_conn(|c| c.execute("DELETE FROM sessions WHERE id_hash = ?1", params![key]))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn record(expires_in: i64) -> Record {
        let mut data = HashMap::new();
        data.insert("user".to_string(), serde_json::json!({"name": "Avery"}));
        Record {
            id: Id::default(),
            data,
            // The table keeps whole seconds.
            expiry_date: OffsetDateTime::from_unix_timestamp(
                OffsetDateTime::now_utc().unix_timestamp() + expires_in,
            )
            .unwrap(),
        }
    }

    fn store() -> (tempdir::Dir, SqliteSessions) {
        let dir = tempdir::Dir::new();
        let sessions = SqliteSessions::open(&dir.path.join("s.sqlite3")).unwrap();
        (dir, sessions)
    }

    mod tempdir {
        pub struct Dir {
            pub path: std::path::PathBuf,
        }
        impl Dir {
            pub fn new() -> Dir {
                let path = std::env::temp_dir().join(format!(
                    "sessions-test-{}-{}",
                    std::process::id(),
                    rand_suffix()
                ));
                std::fs::create_dir_all(&path).unwrap();
                Dir { path }
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.path);
            }
        }
        fn rand_suffix() -> u128 {
            tower_sessions::session::Id::default().0.unsigned_abs()
        }
    }

    #[tokio::test]
    async fn a_saved_session_loads_back_until_it_expires_and_not_after_delete() {
        let (_dir, sessions) = store();
        let mut live = record(3600);
        sessions.create(&mut live).await.unwrap();
        assert_eq!(sessions.load(&live.id).await.unwrap(), Some(live.clone()));

        let mut old = record(-10);
        sessions.create(&mut old).await.unwrap();
        assert_eq!(sessions.load(&old.id).await.unwrap(), None, "expired");
        assert_eq!(sessions.delete_expired().unwrap(), 1);

        sessions.delete(&live.id).await.unwrap();
        assert_eq!(sessions.load(&live.id).await.unwrap(), None);
        assert_eq!(sessions.count().unwrap(), 0);
    }

    #[tokio::test]
    async fn the_database_holds_no_session_id_in_clear() {
        let (dir, sessions) = store();
        let mut live = record(3600);
        sessions.create(&mut live).await.unwrap();
        let conn = Connection::open(dir.path.join("s.sqlite3")).unwrap();
        let stored: String = conn
            .query_row("SELECT id_hash FROM sessions", [], |r| r.get(0))
            .unwrap();
        assert_ne!(stored, live.id.to_string());
        assert_eq!(stored.len(), 64);
    }

    #[tokio::test]
    async fn two_stores_on_one_file_share_sessions() {
        let (dir, first) = store();
        let second = SqliteSessions::open(&dir.path.join("s.sqlite3")).unwrap();
        let mut live = record(3600);
        first.create(&mut live).await.unwrap();
        assert_eq!(second.load(&live.id).await.unwrap(), Some(live));
    }
}
