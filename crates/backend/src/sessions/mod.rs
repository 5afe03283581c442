//! Where sign-in sessions live: in the server's database (the SQLite file,
//! or PostgreSQL), so a restart keeps people signed in and several
//! processes on one database share them. `tower-sessions` runs the cookie,
//! the ids and their expiry; these are its stores.
//!
//! A session id is a bearer secret: the tables keep only its SHA-256, so
//! someone who reads the database cannot take over a session.

mod postgres;
mod sqlite;

pub use postgres::PgSessions;
pub use sqlite::SqliteSessions;

use async_trait::async_trait;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

/// The sessions of whichever database the state lives in.
#[derive(Clone, Debug)]
pub enum Sessions {
    Sqlite(SqliteSessions),
    Postgres(PgSessions),
}

impl Sessions {
    /// Forgets sessions past their expiry; returns how many.
    pub async fn delete_expired(&self) -> Result<u64, String> {
        match self {
            Sessions::Sqlite(s) => s
                .delete_expired()
                .map(|n| n as u64)
                .map_err(|e| e.to_string()),
            Sessions::Postgres(p) => p.delete_expired().await.map_err(|e| e.to_string()),
        }
    }
}

#[async_trait]
impl SessionStore for Sessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.create(record).await,
            Sessions::Postgres(p) => p.create(record).await,
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.save(record).await,
            Sessions::Postgres(p) => p.save(record).await,
        }
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        match self {
            Sessions::Sqlite(s) => s.load(id).await,
            Sessions::Postgres(p) => p.load(id).await,
        }
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        match self {
            Sessions::Sqlite(s) => s.delete(id).await,
            Sessions::Postgres(p) => p.delete(id).await,
        }
    }
}

fn hash(id: &Id) -> String {
    let digest = Sha256::digest(id.to_string().as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn encode(record: &Record) -> session_store::Result<String> {
    serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))
}

/// A stored row back as a record (the table keeps whole seconds).
fn decode(id: &Id, data: &str, expires: i64) -> session_store::Result<Record> {
    let data =
        serde_json::from_str(data).map_err(|e| session_store::Error::Decode(e.to_string()))?;
    let expiry_date = OffsetDateTime::from_unix_timestamp(expires)
        .map_err(|e| session_store::Error::Decode(e.to_string()))?;
    Ok(Record {
        id: *id,
        data,
        expiry_date,
    })
}
