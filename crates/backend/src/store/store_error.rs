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
                super::schema::LAYOUT_VERSION
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
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> StoreError {
        StoreError::Sqlite(e)
    }
}
