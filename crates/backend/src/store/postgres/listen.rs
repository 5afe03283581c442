//! Every process hears every commit: one connection per process LISTENs on
//! the changes channel and passes each notification on as a [`Committed`].
//! PostgreSQL drops notifications sent while a listener is disconnected,
//! so after every (re)connect the current revision of every organization
//! is announced again; whoever already had it ignores it.

use std::time::Duration;

use sqlx_core::query::query;
use sqlx_core::row::Row;
use sqlx_postgres::{PgListener, PgPool};
use tokio::sync::broadcast;

use super::CHANNEL;
use crate::store::Committed;

/// How long to wait before listening again after the database went away.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

/// Runs until the pool is closed.
pub async fn announce(pool: PgPool, changes: broadcast::Sender<Committed>) {
    while !pool.is_closed() {
        if let Err(e) = listen(&pool, &changes).await {
            eprintln!("live updates: listening to PostgreSQL stopped ({e}); trying again");
        }
        tokio::time::sleep(RECONNECT_AFTER).await;
    }
}

async fn listen(
    pool: &PgPool,
    changes: &broadcast::Sender<Committed>,
) -> Result<(), sqlx_core::Error> {
    let mut listener = PgListener::connect_with(pool).await?;
    listener.listen(CHANNEL).await?;
    catch_up(pool, changes).await?;
    // `None`: the connection was lost (sqlx would reconnect on the next
    // call, but without the catch-up above).
    while let Some(notification) = listener.try_recv().await? {
        if let Some(committed) = parse(notification.payload()) {
            let _ = changes.send(committed);
        }
    }
    Ok(())
}

async fn catch_up(
    pool: &PgPool,
    changes: &broadcast::Sender<Committed>,
) -> Result<(), sqlx_core::Error> {
    if changes.receiver_count() == 0 {
        return Ok(());
    }
    for row in query("SELECT id, revision FROM organizations")
        .fetch_all(pool)
        .await?
    {
        let revision: i64 = row.try_get("revision")?;
        let _ = changes.send(Committed {
            organization: row.try_get("id")?,
            revision: u64::try_from(revision).unwrap_or(0),
        });
    }
    Ok(())
}

/// "<organization> <revision>", as `notify` writes it.
fn parse(payload: &str) -> Option<Committed> {
    let (organization, revision) = payload.rsplit_once(' ')?;
    Some(Committed {
        organization: organization.to_string(),
        revision: revision.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_reads_back_and_anything_else_is_ignored() {
        assert_eq!(
            parse("72f988bf-86f1-41af-91ab-2d7cd011db47 12"),
            Some(Committed {
                organization: "72f988bf-86f1-41af-91ab-2d7cd011db47".into(),
                revision: 12
            })
        );
        assert_eq!(parse("no-revision"), None);
        assert_eq!(parse("org twelve"), None);
    }
}
