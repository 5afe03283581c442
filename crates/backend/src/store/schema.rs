//! The tables. The layout version lives in SQLite's `user_version`, so a
//! newer layout is refused instead of misread.

use rusqlite::Connection;

/// The layout this backend writes and reads.
pub const LAYOUT_VERSION: i64 = 1;

const CREATE: &str = "
CREATE TABLE IF NOT EXISTS snapshot (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    body     TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    revision        INTEGER NOT NULL,
    at              TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    body            TEXT    NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    key        TEXT    PRIMARY KEY,
    request    TEXT    NOT NULL,
    status     INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS idempotency_created ON idempotency (created_at);
";

/// Creates the tables of a new file; returns the layout version found.
pub fn prepare(conn: &Connection) -> rusqlite::Result<i64> {
    // WAL lets readers of the file (a backup, sqlite3) work during a write;
    // FULL sync means a committed answer survives a power cut.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found == 0 {
        conn.execute_batch(CREATE)?;
        conn.pragma_update(None, "user_version", LAYOUT_VERSION)?;
        return Ok(LAYOUT_VERSION);
    }
    Ok(found)
}
