//! The schema, as versioned SQL files in `crates/backend/migrations/postgres`
//! built into the binary. sqlx's migrator records what ran in
//! `_sqlx_migrations` and holds an advisory lock while it runs, so two
//! processes starting on a new database migrate it once; a database that
//! has run a migration this backend does not know was written by a newer
//! one and is refused.

use std::borrow::Cow;

use sqlx_core::error::BoxDynError;
use sqlx_core::migrate::{MigrateError, Migration, MigrationSource, MigrationType, Migrator};
use sqlx_postgres::PgPool;

use crate::store::StoreError;

/// Every migration, oldest first: (version, description, SQL).
const MIGRATIONS: &[(i64, &str, &str)] = &[(
    1,
    "organizations",
    include_str!("../../../migrations/postgres/0001_organizations.sql"),
)];

/// The newest schema this backend reads and writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS[MIGRATIONS.len() - 1].0;

#[derive(Debug)]
struct Embedded;

impl MigrationSource<'static> for Embedded {
    fn resolve(
        self,
    ) -> futures_core::future::BoxFuture<'static, Result<Vec<Migration>, BoxDynError>> {
        Box::pin(async {
            Ok(MIGRATIONS
                .iter()
                .map(|(version, description, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(*description),
                        MigrationType::Simple,
                        Cow::Borrowed(*sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

pub async fn run(pool: &PgPool) -> Result<(), StoreError> {
    let migrator = Migrator::new(Embedded)
        .await
        .map_err(|e| StoreError::Migration(e.to_string()))?;
    migrator.run(pool).await.map_err(|e| match e {
        MigrateError::VersionMissing(found) => StoreError::NewerDatabase {
            found,
            reads: SCHEMA_VERSION,
        },
        other => StoreError::Migration(other.to_string()),
    })
}
