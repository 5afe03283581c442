//! The engine for more than one machine: PostgreSQL, shared by any number
//! of backend processes. Nothing is trusted from memory that another
//! process may have changed:
//!
//! - a read asks the database for the organization's revision (and its
//!   state only when that revision is not the one held here);
//! - a write locks the organization's row first (`FOR UPDATE`), so writes
//!   for one organization run one at a time across every process, and the
//!   Idempotency-Key's record and If-Match are checked under that lock;
//! - a commit sends `pg_notify`, delivered to every process on commit, in
//!   commit order; `listen` turns them into [`Committed`] announcements.

mod listen;
mod migrations;

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use domain::{snapshot, State};
use sqlx_core::executor::Executor;
use sqlx_core::query::query;
use sqlx_core::row::Row;
use sqlx_postgres::{PgConnectOptions, PgPool, PgPoolOptions, PgRow, Postgres};
use tokio::sync::broadcast;

use super::{
    unix_now, Answer, Change, Committed, Current, Organization, StoreError, Written,
    IDEMPOTENCY_RETENTION_SECONDS,
};

/// The channel every process listens on; a payload is
/// "<organization> <revision>".
const CHANNEL: &str = "partner_console_changes";

/// An organization's revision, and its body unless that revision ($2) is
/// the one this process already holds decoded.
const READ: &str = "SELECT revision, CASE WHEN revision = $2 THEN NULL ELSE body END AS body \
                    FROM organizations WHERE id = $1";
/// The same, locking the row until the transaction ends: a write's first step.
const READ_FOR_UPDATE: &str =
    "SELECT revision, CASE WHEN revision = $2 THEN NULL ELSE body END AS body \
                               FROM organizations WHERE id = $1 FOR UPDATE";

/// Connections per process: enough for concurrent admins, few enough that
/// several processes stay far below PostgreSQL's default 100.
const POOL_SIZE: u32 = 16;

/// How long a request waits for a connection before it is told the
/// database is unavailable (503) rather than hanging.
const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

pub struct PgStore {
    pool: PgPool,
    /// The newest state this process has decoded, per organization: used
    /// only when the database says its revision is still current.
    decoded: RwLock<HashMap<String, Arc<Current>>>,
}

impl PgStore {
    /// Connects, runs the migrations this backend has not yet run, and
    /// starts listening for every process's commits.
    pub async fn connect(
        url: &str,
        changes: broadcast::Sender<Committed>,
    ) -> Result<PgStore, StoreError> {
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(StoreError::BadDatabaseUrl {
                detail: "it does not start with postgres://".into(),
            });
        }
        let options = PgConnectOptions::from_str(url).map_err(|e| StoreError::BadDatabaseUrl {
            detail: e.to_string(),
        })?;
        let pool = PgPoolOptions::new()
            .max_connections(POOL_SIZE)
            .acquire_timeout(ACQUIRE_TIMEOUT)
            .connect_with(options)
            .await
            .map_err(|e| StoreError::Unreachable {
                detail: e.to_string(),
            })?;
        migrations::run(&pool).await?;
        tokio::spawn(listen::announce(pool.clone(), changes));
        Ok(PgStore {
            pool,
            decoded: RwLock::new(HashMap::new()),
        })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    pub async fn current(&self, organization: &str) -> Result<Option<Arc<Current>>, StoreError> {
        self.read(&self.pool, organization, READ).await
    }

    /// The organization's state as the database has it: its revision,
    /// and its body only when that is not the revision held here. `sql` is
    /// [`READ`] or [`READ_FOR_UPDATE`].
    async fn read<'e, E: Executor<'e, Database = Postgres>>(
        &self,
        executor: E,
        organization: &str,
        sql: &'static str,
    ) -> Result<Option<Arc<Current>>, StoreError> {
        let held = self.held(organization);
        let row = query(sql)
            .bind(organization)
            .bind(held.as_ref().map_or(-1, |c| to_i64(c.revision)))
            .fetch_optional(executor)
            .await?;
        match row {
            None => Ok(None),
            Some(row) => self.state_in(organization, held, &row).map(Some),
        }
    }

    pub async fn enter(
        &self,
        organization: &Organization,
        first: impl FnOnce() -> State,
    ) -> Result<Arc<Current>, StoreError> {
        if let Some(current) = self.current(&organization.id).await? {
            return Ok(current);
        }
        let mut state = first();
        state.tenant_id = Some(organization.id.clone());
        state.organization_name = Some(organization.name.clone());
        let body = snapshot::encode(&state);
        let mut tx = self.pool.begin().await?;
        // Two processes creating it at once: one inserts, the other finds it.
        let inserted = query(
            "INSERT INTO organizations (id, name, revision, body, created_at) \
             VALUES ($1, $2, 1, $3, $4) ON CONFLICT (id) DO NOTHING",
        )
        .bind(&organization.id)
        .bind(&organization.name)
        .bind(&body)
        .bind(unix_now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if inserted == 1 {
            notify(&mut tx, &organization.id, 1).await?;
        }
        tx.commit().await?;
        self.current(&organization.id)
            .await?
            .ok_or_else(|| StoreError::NoSuchOrganization(organization.id.clone()))
    }

    pub async fn write<E>(
        &self,
        organization: &str,
        key: &str,
        request: &str,
        decide: impl FnOnce(&Current) -> Result<Change, E>,
    ) -> Result<Written<E>, StoreError> {
        let mut tx = self.pool.begin().await?;
        // The row lock orders this organization's writes across processes;
        // everything below sees the state no one else can change now.
        let Some(current) = self.read(&mut *tx, organization, READ_FOR_UPDATE).await? else {
            return Err(StoreError::NoSuchOrganization(organization.to_string()));
        };
        let recorded = query(
            "SELECT request, status, body, revision FROM idempotency \
             WHERE organization = $1 AND key = $2",
        )
        .bind(organization)
        .bind(key)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(recorded) = recorded {
            let first_request: String = recorded.try_get("request")?;
            let answer = Answer {
                status: u16::try_from(recorded.try_get::<i32, _>("status")?).unwrap_or(500),
                body: recorded.try_get("body")?,
                revision: to_u64(recorded.try_get("revision")?),
            };
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
        query("UPDATE organizations SET revision = $1, body = $2 WHERE id = $3")
            .bind(to_i64(revision))
            .bind(&*body)
            .bind(organization)
            .execute(&mut *tx)
            .await?;
        for event in &change.events {
            query(
                "INSERT INTO events (organization, revision, at, idempotency_key, body) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .bind(organization)
            .bind(to_i64(revision))
            .bind(event.at().to_rfc3339())
            .bind(key)
            .bind(serde_json::to_string(event).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        }
        query(
            "INSERT INTO idempotency (organization, key, request, status, body, revision, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(organization)
        .bind(key)
        .bind(request)
        .bind(i32::from(change.answer.status))
        .bind(&change.answer.body)
        .bind(to_i64(change.answer.revision))
        .bind(now)
        .execute(&mut *tx)
        .await?;
        // Only this organization's old answers: its row lock is held, so no
        // other write contends for them.
        query("DELETE FROM idempotency WHERE organization = $1 AND created_at < $2")
            .bind(organization)
            .bind(now - IDEMPOTENCY_RETENTION_SECONDS)
            .execute(&mut *tx)
            .await?;
        notify(&mut tx, organization, revision).await?;
        tx.commit().await?;
        self.hold(
            organization,
            Arc::new(Current {
                revision,
                state: change.state,
                snapshot: body,
                read_only: false,
            }),
        );
        Ok(Written::Committed(change.answer))
    }

    pub async fn organizations(&self) -> Result<Vec<String>, StoreError> {
        let rows = query("SELECT id FROM organizations ORDER BY id")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| r.try_get::<String, _>("id").map_err(StoreError::from))
            .collect()
    }

    pub async fn event_count(&self, organization: Option<&str>) -> Result<u64, StoreError> {
        let row = match organization {
            Some(org) => {
                query("SELECT COUNT(*) AS n FROM events WHERE organization = $1")
                    .bind(org)
                    .fetch_one(&self.pool)
                    .await?
            }
            None => {
                query("SELECT COUNT(*) AS n FROM events")
                    .fetch_one(&self.pool)
                    .await?
            }
        };
        Ok(to_u64(row.try_get("n")?))
    }

    /// The state a row describes: the one held here when the database
    /// left out the body (same revision), else the body decoded.
    fn state_in(
        &self,
        organization: &str,
        held: Option<Arc<Current>>,
        row: &PgRow,
    ) -> Result<Arc<Current>, StoreError> {
        let revision = to_u64(row.try_get("revision")?);
        let body: Option<String> = row.try_get("body")?;
        match (body, held) {
            (None, Some(held)) => Ok(held),
            (Some(body), _) => {
                let decoded = snapshot::decode(&body).map_err(|e| StoreError::CorruptState {
                    organization: organization.to_string(),
                    detail: e.to_string(),
                })?;
                let current = Arc::new(Current {
                    revision,
                    state: decoded.state,
                    snapshot: body.into(),
                    read_only: decoded.read_only,
                });
                self.hold(organization, Arc::clone(&current));
                Ok(current)
            }
            // The body is left out only when it matches what is held.
            (None, None) => Err(StoreError::NoSuchOrganization(organization.to_string())),
        }
    }

    /// This process has read the organization's state at least once.
    pub fn has_seen(&self, organization: &str) -> bool {
        self.held(organization).is_some()
    }

    fn held(&self, organization: &str) -> Option<Arc<Current>> {
        match self.decoded.read() {
            Ok(map) => map.get(organization).cloned(),
            Err(poisoned) => poisoned.into_inner().get(organization).cloned(),
        }
    }

    /// Keeps `current` unless a newer revision is already held (two
    /// requests of this process may finish out of order).
    fn hold(&self, organization: &str, current: Arc<Current>) {
        let mut map = match self.decoded.write() {
            Ok(map) => map,
            Err(poisoned) => poisoned.into_inner(),
        };
        let newer_held = map
            .get(organization)
            .is_some_and(|held| held.revision > current.revision);
        if !newer_held {
            map.insert(organization.to_string(), current);
        }
    }
}

/// Announces the commit to every process (delivered only if it commits).
async fn notify(
    tx: &mut sqlx_core::transaction::Transaction<'static, Postgres>,
    organization: &str,
    revision: u64,
) -> Result<(), StoreError> {
    query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(format!("{organization} {revision}"))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

fn to_i64(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn to_u64(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}
