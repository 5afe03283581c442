//! Why the database could not be opened or written, in words an operator
//! can act on.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug)]
pub enum StoreError {
    /// The file exists but SQLite cannot read it as a database.
    NotADatabase { path: PathBuf, detail: String },
    /// The database was written by a newer backend with another layout.
    NewerLayout { path: PathBuf, found: i64 },
    /// The saved snapshot in the database cannot be decoded.
    CorruptSnapshot { path: PathBuf, detail: String },
    /// Setting the old file aside for `--reset` failed.
    SetAside { path: PathBuf, detail: String },
    /// A write for an organization nobody of which was let in (a bug: the
    /// guard creates it first).
    NoSuchOrganization(String),
    /// Any other SQLite failure while reading or writing.
    Sqlite(rusqlite::Error),
    /// `--database-url` is not a PostgreSQL URL.
    BadDatabaseUrl { detail: String },
    /// PostgreSQL could not be reached at start.
    Unreachable { detail: String },
    /// The schema could not be brought to this backend's.
    Migration(String),
    /// The database ran a migration this backend does not know.
    NewerDatabase { found: i64, reads: i64 },
    /// An organization's saved state in PostgreSQL cannot be decoded.
    CorruptState {
        organization: String,
        detail: String,
    },
    /// A PostgreSQL failure while reading or writing.
    Postgres(sqlx_core::Error),
    /// The task running a SQLite call did not finish (shutdown).
    Interrupted(String),
}

impl StoreError {
    /// The database is away (down, restarting, unreachable, out of
    /// connections): a retry may work, so callers get 503 with
    /// Retry-After rather than 500. Nothing was committed.
    pub fn is_unavailable(&self) -> bool {
        match self {
            StoreError::Postgres(e) => {
                matches!(
                    e,
                    sqlx_core::Error::Io(_)
                        | sqlx_core::Error::Tls(_)
                        | sqlx_core::Error::PoolTimedOut
                        | sqlx_core::Error::PoolClosed
                        | sqlx_core::Error::WorkerCrashed
                        | sqlx_core::Error::Protocol(_)
                ) || matches!(e, sqlx_core::Error::Database(db)
                // admin_shutdown, crash_shutdown, cannot_connect_now
                if matches!(db.code().as_deref(), Some("57P01" | "57P02" | "57P03")))
            }
            StoreError::Interrupted(_) => true,
            _ => false,
        }
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotADatabase { path, detail } => write!(
                f,
                "{} is not a database this backend can read ({detail}). \
                 Start with --reset to set it aside and begin afresh.",
                path.display()
            ),
            StoreError::NewerLayout { path, found } => write!(
                f,
                "{} was written by a newer backend (layout {found}; this one reads {}). \
                 Use the newer backend, or --reset to set it aside.",
                path.display(),
                super::LAYOUT_VERSION
            ),
            StoreError::CorruptSnapshot { path, detail } => write!(
                f,
                "the saved state in {} can't be read: {detail} \
                 Start with --reset to set the file aside (it is kept) and begin afresh.",
                path.display()
            ),
            StoreError::SetAside { path, detail } => {
                write!(f, "could not set {} aside: {detail}", path.display())
            }
            StoreError::NoSuchOrganization(id) => {
                write!(f, "organization {id} has no state yet")
            }
            StoreError::Sqlite(e) => write!(f, "database error: {e}"),
            StoreError::BadDatabaseUrl { detail } => write!(
                f,
                "--database-url is not a PostgreSQL URL ({detail}); \
                 it looks like postgres://user:password@host:5432/database"
            ),
            StoreError::Unreachable { detail } => write!(
                f,
                "PostgreSQL cannot be reached ({detail}). Check --database-url \
                 (or DATABASE_URL) and that the database server is running."
            ),
            StoreError::Migration(detail) => {
                write!(f, "the database schema could not be updated: {detail}")
            }
            StoreError::NewerDatabase { found, reads } => write!(
                f,
                "the database was migrated by a newer backend (migration {found}; this one \
                 knows up to {reads}). Use the newer backend, or another database."
            ),
            StoreError::CorruptState {
                organization,
                detail,
            } => write!(
                f,
                "organization {organization}'s saved state can't be read: {detail}"
            ),
            StoreError::Postgres(e) => write!(f, "database error: {e}"),
            StoreError::Interrupted(detail) => {
                write!(f, "the database call was cut short: {detail}")
            }
        }
    }
}

impl std::error::Error for StoreError {}

impl From<sqlx_core::Error> for StoreError {
    fn from(e: sqlx_core::Error) -> StoreError {
        StoreError::Postgres(e)
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(e)
    }
}
