//! Databases on the test PostgreSQL server, one per test case.

use std::str::FromStr;

use sqlx_core::connection::Connection;
use sqlx_core::executor::Executor;
use sqlx_core::query::query;
use sqlx_core::row::Row;
use sqlx_postgres::{PgConnectOptions, PgConnection};

async fn connect(url: &str) -> PgConnection {
    let options = PgConnectOptions::from_str(url).expect("a PostgreSQL URL");
    PgConnection::connect_with(&options)
        .await
        .expect("the test PostgreSQL server")
}

/// Creates an empty database through `admin` (a URL whose user may create
/// databases) and returns its URL.
pub async fn fresh_database(admin: &str) -> String {
    let name = format!(
        "suite_{}_{}",
        std::process::id(),
        tower_sessions::session::Id::default().0.unsigned_abs() % 1_000_000_000_000
    );
    let mut conn = connect(admin).await;
    conn.execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("create database");
    url_of(admin, &name)
}

/// `admin` with its database swapped for `name`.
fn url_of(admin: &str, name: &str) -> String {
    let (base, query_part) = match admin.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin, String::new()),
    };
    // postgres://user:pw@host:port/db: the database is after the last
    // slash past the scheme's.
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let without_db = match base[scheme_end..].rfind('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    format!("{without_db}/{name}{query_part}")
}

/// How many migrations the database records as run.
pub async fn migrations_run(url: &str) -> i64 {
    let mut conn = connect(url).await;
    query("SELECT COUNT(*) AS n FROM _sqlx_migrations")
        .fetch_one(&mut conn)
        .await
        .expect("count")
        .try_get("n")
        .expect("n")
}

/// Records a migration this backend does not know, as a newer backend
/// would have run it.
pub async fn pretend_newer_migration(url: &str, version: i64) {
    let mut conn = connect(url).await;
    query(
        "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time) \
         VALUES ($1, 'from a newer backend', TRUE, '\\x00', 0)",
    )
    .bind(version)
    .execute(&mut conn)
    .await
    .expect("insert");
}
