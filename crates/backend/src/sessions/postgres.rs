//! Sessions in PostgreSQL (the `sessions` table of the first migration),
//! shared by every process on the database.

use async_trait::async_trait;
use sqlx_core::query::query;
use sqlx_core::row::Row;
use sqlx_postgres::PgPool;
use time::OffsetDateTime;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

use super::{decode, encode, hash};

/// Cheap to clone: every clone shares the store's pool.
#[derive(Clone)]
pub struct PgSessions {
    pool: PgPool,
}

impl std::fmt::Debug for PgSessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PgSessions")
    }
}

fn backend(e: sqlx_core::Error) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

impl PgSessions {
    /// The migrations made the table; this only borrows the pool.
    pub fn new(pool: PgPool) -> PgSessions {
        PgSessions { pool }
    }

    pub async fn delete_expired(&self) -> Result<u64, sqlx_core::Error> {
        Ok(query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(OffsetDateTime::now_utc().unix_timestamp())
            .execute(&self.pool)
            .await?
            .rows_affected())
    }
}

#[async_trait]
impl SessionStore for PgSessions {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let data = encode(record)?;
        // A colliding id (2^-128 odds) is drawn again, never written over.
        loop {
            let inserted = query(
                "INSERT INTO sessions (id_hash, data, expires_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (id_hash) DO NOTHING",
            )
            .bind(hash(&record.id))
            .bind(&data)
            .bind(record.expiry_date.unix_timestamp())
            .execute(&self.pool)
            .await
            .map_err(backend)?
            .rows_affected();
            if inserted == 1 {
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        query(
            "INSERT INTO sessions (id_hash, data, expires_at) VALUES ($1, $2, $3) \
             ON CONFLICT (id_hash) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
        )
        .bind(hash(&record.id))
        .bind(encode(record)?)
        .bind(record.expiry_date.unix_timestamp())
        .execute(&self.pool)
        .await
        .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let row =
            query("SELECT data, expires_at FROM sessions WHERE id_hash = $1 AND expires_at >= $2")
                .bind(hash(id))
                .bind(OffsetDateTime::now_utc().unix_timestamp())
                .fetch_optional(&self.pool)
                .await
                .map_err(backend)?;
        row.map(|row| {
            let data: String = row.try_get("data").map_err(backend)?;
            let expires: i64 = row.try_get("expires_at").map_err(backend)?;
            decode(id, &data, expires)
        })
        .transpose()
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(hash(id))
            .execute(&self.pool)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
