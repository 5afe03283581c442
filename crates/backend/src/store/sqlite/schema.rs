//! The tables. The layout version lives in SQLite's `user_version`, so a
//! newer layout is refused instead of misread, and an older one is moved
//! forward once, at open, in one transaction.

use rusqlite::{params, Connection, OptionalExtension};

use domain::{demo, snapshot};

/// The layout this backend writes and reads: 2, every table keyed by
/// organization (1 held one organization).
pub const LAYOUT_VERSION: i64 = 2;

const CREATE: &str = "
CREATE TABLE organizations (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    organization    TEXT    NOT NULL REFERENCES organizations (id),
    revision        INTEGER NOT NULL,
    at              TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    body            TEXT    NOT NULL
);
CREATE INDEX events_organization ON events (organization, seq);
CREATE TABLE idempotency (
    organization TEXT    NOT NULL REFERENCES organizations (id),
    key          TEXT    NOT NULL,
    request      TEXT    NOT NULL,
    status       INTEGER NOT NULL,
    body         TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (organization, key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);
";

/// How `prepare` found the file.
#[derive(Debug, PartialEq, Eq)]
pub enum Prepared {
    /// At this backend's layout (new, migrated or as it was).
    Current,
    /// Written by a newer backend: this layout.
    Newer(i64),
    /// The layout-1 snapshot could not be decoded; nothing was changed.
    CorruptSnapshot(String),
}

/// Creates the tables of a new file and moves a layout-1 file forward.
pub fn prepare(conn: &mut Connection, now: i64) -> rusqlite::Result<Prepared> {
    // WAL lets readers of the file (a backup, sqlite3) work during a write;
    // FULL sync means a committed answer survives a power cut.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    match found {
        0 => {
            let tx = conn.transaction()?;
            tx.execute_batch(CREATE)?;
            tx.pragma_update(None, "user_version", LAYOUT_VERSION)?;
            tx.commit()?;
            Ok(Prepared::Current)
        }
        1 => from_layout_1(conn, now),
        LAYOUT_VERSION => Ok(Prepared::Current),
        newer => Ok(Prepared::Newer(newer)),
    }
}

/// Layout 1 held one organization: its snapshot becomes the organization
/// its `state.tenant_id` names (the demo one for saves from before that
/// field), its events and Idempotency-Keys go with it. All or nothing.
fn from_layout_1(conn: &mut Connection, now: i64) -> rusqlite::Result<Prepared> {
    let tx = conn.transaction()?;
    let saved: Option<(i64, String)> = tx
        .query_row(
            "SELECT revision, body FROM snapshot WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let organization = match &saved {
        Some((_, body)) => match snapshot::decode(body) {
            Ok(decoded) => Some((
                decoded.state.tenant_id.clone().map_or_else(
                    || demo::DEMO_TENANT_ID.to_string(),
                    |t| t.to_ascii_lowercase(),
                ),
                decoded.state.organization_name().to_string(),
            )),
            // Dropping the transaction leaves the file as it was.
            Err(e) => return Ok(Prepared::CorruptSnapshot(e.to_string())),
        },
        None => None,
    };
    tx.execute_batch(
        "ALTER TABLE events RENAME TO events_v1;
         DROP INDEX IF EXISTS idempotency_created;
         ALTER TABLE idempotency RENAME TO idempotency_v1;",
    )?;
    tx.execute_batch(CREATE)?;
    if let (Some((revision, body)), Some((id, name))) = (&saved, &organization) {
        tx.execute(
            "INSERT INTO organizations (id, name, revision, body, created_at) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, name, revision, body, now],
        )?;
        tx.execute(
            "INSERT INTO events (seq, organization, revision, at, idempotency_key, body) \
             SELECT seq, ?1, revision, at, idempotency_key, body FROM events_v1 ORDER BY seq",
            params![id],
        )?;
        tx.execute(
            "INSERT INTO idempotency (organization, key, request, status, body, revision, created_at) \
             SELECT ?1, key, request, status, body, revision, created_at FROM idempotency_v1",
            params![id],
        )?;
    }
    tx.execute_batch(
        "DROP TABLE events_v1;
         DROP TABLE idempotency_v1;
         DROP TABLE snapshot;",
    )?;
    tx.pragma_update(None, "user_version", LAYOUT_VERSION)?;
    tx.commit()?;
    if let Some((id, _)) = organization {
        eprintln!("moved the database to layout {LAYOUT_VERSION}: its state is organization {id}");
    }
    Ok(Prepared::Current)
}
