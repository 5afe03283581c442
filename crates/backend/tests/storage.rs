//! One storage suite, run against both engines: the SQLite file and
//! PostgreSQL. PostgreSQL's cases need a server: the README's test command
//! starts a throwaway one (`pg_virtualenv`) and sets
//! `PARTNER_CONSOLE_TEST_POSTGRES` to a URL whose user may create
//! databases; each case gets a database of its own. Without it they say
//! they were skipped, unless `PARTNER_CONSOLE_REQUIRE_POSTGRES=1` (set by
//! the test command), where a missing server fails them.
//!
//! The PostgreSQL-only cases stand in for several backend processes: two
//! `Store`s on one database share nothing but the database, exactly as two
//! processes do.

mod support;

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use backend::store::{Answer, Change, Committed, Current, Organization, Written};
use backend::{Store, StoreError};
use support::{now, Dir};

const CONTOSO: &str = "3c7e9a1d-5b2f-4e8a-9d6c-1f0b2a4e7c93";
const FABRIKAM: &str = "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

fn contoso() -> Organization {
    Organization {
        id: CONTOSO.into(),
        name: "Contoso Ltd".into(),
    }
}

fn fabrikam() -> Organization {
    Organization {
        id: FABRIKAM.into(),
        name: "Fabrikam".into(),
    }
}

/// Where a case's data lives; `open` gives another handle on the same
/// data (a restart, or a second process for PostgreSQL).
enum Place {
    Sqlite(Dir),
    Postgres(String),
}

impl Place {
    async fn open(&self) -> Store {
        match self {
            Place::Sqlite(dir) => Store::open(&dir.path().join("suite.sqlite3")).expect("open"),
            Place::Postgres(url) => Store::connect(url).await.expect("connect"),
        }
    }
}

fn sqlite() -> Place {
    Place::Sqlite(Dir::new())
}

/// A new, empty database on the test server, or `None` (skipped).
async fn postgres() -> Option<Place> {
    let Ok(admin) = std::env::var("PARTNER_CONSOLE_TEST_POSTGRES") else {
        assert!(
            std::env::var("PARTNER_CONSOLE_REQUIRE_POSTGRES").as_deref() != Ok("1"),
            "PARTNER_CONSOLE_TEST_POSTGRES is not set, and PostgreSQL's cases are required"
        );
        eprintln!("skipped: no PostgreSQL (set PARTNER_CONSOLE_TEST_POSTGRES)");
        return None;
    };
    Some(Place::Postgres(
        support::postgres::fresh_database(&admin).await,
    ))
}

/// A write that flips one setting, answered 200 with the new revision.
fn flip(current: &Current) -> Result<Change, &'static str> {
    let mut state = current.state.clone();
    state.purchase_visibility = !state.purchase_visibility;
    Ok(Change {
        state,
        events: Vec::new(),
        answer: Answer {
            status: 200,
            body: format!("{{\"revision\":{}}}", current.revision + 1),
            revision: current.revision + 1,
        },
    })
}

/// The same write, only if the caller saw `expected` (If-Match).
fn flip_if(expected: u64) -> impl FnOnce(&Current) -> Result<Change, &'static str> + Send {
    move |current| {
        if current.revision != expected {
            return Err("stale");
        }
        flip(current)
    }
}

async fn revision(store: &Store, organization: &str) -> u64 {
    store
        .current(organization)
        .await
        .expect("read")
        .expect("the organization")
        .revision
}

// ---- the suite, for each engine ----

async fn an_organization_is_created_once_by_first_requests_at_once(place: Place) {
    let store = Arc::new(place.open().await);
    let created = Arc::new(AtomicU32::new(0));
    let entrants: Vec<_> = (0..8)
        .map(|_| {
            let (store, created) = (store.clone(), created.clone());
            tokio::spawn(async move {
                store
                    .enter(&contoso(), move || {
                        created.fetch_add(1, Ordering::SeqCst);
                        domain::State::new(now())
                    })
                    .await
                    .expect("entered")
            })
        })
        .collect();
    for entrant in entrants {
        let current = entrant.await.expect("task");
        assert_eq!(current.revision, 1);
        assert_eq!(current.state.organization_name(), "Contoso Ltd");
    }
    assert_eq!(
        store.organizations().await.expect("organizations"),
        [CONTOSO]
    );
    // SQLite decides under its lock; PostgreSQL may build the state in more
    // than one request, but only one is stored.
    assert!(created.load(Ordering::SeqCst) >= 1);
}

async fn a_write_commits_once_and_its_key_answers_again(place: Place) {
    let store = place.open().await;
    store
        .enter(&contoso(), || domain::State::new(now()))
        .await
        .expect("entered");
    let before = store.current(CONTOSO).await.expect("read").expect("state");
    let first = store
        .write(CONTOSO, "k1", "flip", flip)
        .await
        .expect("written");
    let Written::Committed(answer) = first else {
        panic!("committed")
    };
    assert_eq!(answer.revision, 2);
    let after = store.current(CONTOSO).await.expect("read").expect("state");
    assert_eq!(after.revision, 2);
    assert_ne!(
        after.state.purchase_visibility,
        before.state.purchase_visibility
    );

    // The same key and request: the first answer, nothing written again.
    match store.write(CONTOSO, "k1", "flip", flip).await.expect("ok") {
        Written::Replayed(again) => assert_eq!(again, answer),
        _ => panic!("replayed"),
    }
    // The same key for another request: refused.
    assert!(matches!(
        store.write(CONTOSO, "k1", "other", flip).await.expect("ok"),
        Written::KeyReused
    ));
    assert_eq!(revision(&store, CONTOSO).await, 2);

    // A refused write stores nothing.
    assert!(matches!(
        store
            .write(CONTOSO, "k2", "stale", flip_if(1))
            .await
            .expect("ok"),
        Written::Refused("stale")
    ));
    assert_eq!(revision(&store, CONTOSO).await, 2);

    // All of it is there after a restart.
    drop(store);
    let reopened = place.open().await;
    assert_eq!(revision(&reopened, CONTOSO).await, 2);
    assert!(matches!(
        reopened
            .write(CONTOSO, "k1", "flip", flip)
            .await
            .expect("ok"),
        Written::Replayed(_)
    ));
}

async fn organizations_share_no_keys_and_no_state(place: Place) {
    let store = place.open().await;
    for org in [contoso(), fabrikam()] {
        store
            .enter(&org, || domain::State::new(now()))
            .await
            .expect("entered");
    }
    for _ in 0..3 {
        let key = format!("c{}", revision(&store, CONTOSO).await);
        store
            .write(CONTOSO, &key, "flip", flip)
            .await
            .expect("written");
    }
    // Contoso's first key, in Fabrikam: a new request there.
    assert!(matches!(
        store.write(FABRIKAM, "c1", "flip", flip).await.expect("ok"),
        Written::Committed(_)
    ));
    assert_eq!(revision(&store, CONTOSO).await, 4);
    assert_eq!(revision(&store, FABRIKAM).await, 2);
    assert_eq!(store.event_count(Some(FABRIKAM)).await.expect("count"), 0);
    assert!(store
        .current("no-such-tenant")
        .await
        .expect("read")
        .is_none());
    assert!(matches!(
        store.write("no-such-tenant", "k", "flip", flip).await,
        Err(StoreError::NoSuchOrganization(_))
    ));
}

async fn every_commit_is_announced(place: Place) {
    let store = place.open().await;
    let mut changes = store.changes();
    store
        .enter(&contoso(), || domain::State::new(now()))
        .await
        .expect("entered");
    store
        .write(CONTOSO, "k1", "flip", flip)
        .await
        .expect("written");
    let heard = next_of(&mut changes, CONTOSO, 2).await;
    assert_eq!(
        heard,
        Committed {
            organization: CONTOSO.into(),
            revision: 2
        }
    );
}

/// Waits (at most 2 s) for `organization`'s announcement of `revision`;
/// earlier or other announcements are passed over.
async fn next_of(
    changes: &mut tokio::sync::broadcast::Receiver<Committed>,
    organization: &str,
    revision: u64,
) -> Committed {
    tokio::time::timeout(Duration::from_secs(2), async {
        loop {
            let heard = changes.recv().await.expect("announcement");
            if heard.organization == organization && heard.revision >= revision {
                return heard;
            }
        }
    })
    .await
    .expect("announced within 2 s")
}

macro_rules! on_both_engines {
    ($($case:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    super::$case(super::sqlite()).await;
                }
            )*
        }
        mod on_postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $case() {
                    if let Some(place) = super::postgres().await {
                        super::$case(place).await;
                    }
                }
            )*
        }
    };
}

on_both_engines!(
    an_organization_is_created_once_by_first_requests_at_once,
    a_write_commits_once_and_its_key_answers_again,
    organizations_share_no_keys_and_no_state,
    every_commit_is_announced,
);

// ---- PostgreSQL with several processes ----

/// Two handles on one database, as two processes have.
async fn two_processes() -> Option<(Arc<Store>, Arc<Store>)> {
    let place = postgres().await?;
    let (first, second) = tokio::join!(place.open(), place.open());
    let (first, second) = (Arc::new(first), Arc::new(second));
    first
        .enter(&contoso(), || domain::State::new(now()))
        .await
        .expect("entered");
    Some((first, second))
}

/// `n` writes sent at once, alternating between the two processes; `write`
/// gives the i-th its key and decision.
fn at_once<D>(
    first: &Arc<Store>,
    second: &Arc<Store>,
    n: usize,
    write: impl Fn(usize) -> (String, D),
) -> Vec<tokio::task::JoinHandle<Written<&'static str>>>
where
    D: FnOnce(&Current) -> Result<Change, &'static str> + Send + 'static,
{
    let stores = [first, second];
    (0..n)
        .map(|i| {
            let store = Arc::clone(stores[i % 2]);
            let (key, decide) = write(i);
            tokio::spawn(async move {
                store
                    .write(CONTOSO, &key, "flip", decide)
                    .await
                    .expect("answered")
            })
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_through_one_process_sees_a_write_through_the_other() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    for n in 1..=5u64 {
        // Read through the second first, so it holds a copy that goes stale.
        assert_eq!(revision(&second, CONTOSO).await, n);
        first
            .write(CONTOSO, &format!("k{n}"), "flip", flip)
            .await
            .expect("written");
        let seen = second.current(CONTOSO).await.expect("read").expect("state");
        assert_eq!(seen.revision, n + 1, "no stale copy");
        let written = first.current(CONTOSO).await.expect("read").expect("state");
        assert_eq!(seen.state, written.state);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conflicting_writes_through_two_processes_succeed_once() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    // Ten writers, all having read revision 1, alternate between processes.
    let writers = at_once(&first, &second, 10, |i| (format!("w{i}"), flip_if(1)));
    let mut committed = 0;
    let mut refused = 0;
    for writer in writers {
        match writer.await.expect("task") {
            Written::Committed(_) => committed += 1,
            Written::Refused("stale") => refused += 1,
            _ => panic!("unexpected"),
        }
    }
    assert_eq!((committed, refused), (1, 9));
    assert_eq!(revision(&second, CONTOSO).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_key_sent_to_two_processes_has_one_effect() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    let sends = at_once(&first, &second, 6, |_| ("the-key".to_string(), flip));
    let mut answers = Vec::new();
    let mut committed = 0;
    for send in sends {
        match send.await.expect("task") {
            Written::Committed(a) => {
                committed += 1;
                answers.push(a);
            }
            Written::Replayed(a) => answers.push(a),
            _ => panic!("unexpected"),
        }
    }
    assert_eq!(committed, 1, "applied once");
    assert!(answers.iter().all(|a| *a == answers[0]), "the same answer");
    assert_eq!(revision(&second, CONTOSO).await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_process_hears_commits_made_through_another() {
    let Some((first, second)) = two_processes().await else {
        return;
    };
    let mut heard = second.changes();
    first
        .write(CONTOSO, "k1", "flip", flip)
        .await
        .expect("written");
    let change = next_of(&mut heard, CONTOSO, 2).await;
    assert_eq!(change.revision, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn processes_starting_at_once_on_a_new_database_migrate_it_once() {
    let Some(place) = postgres().await else {
        return;
    };
    let Place::Postgres(url) = &place else {
        unreachable!()
    };
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move { Store::connect(&url).await })
        })
        .collect();
    for start in starts {
        start.await.expect("task").expect("came up");
    }
    assert_eq!(support::postgres::migrations_run(url).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_migrated_by_a_newer_backend_is_refused() {
    let Some(place) = postgres().await else {
        return;
    };
    drop(place.open().await);
    let Place::Postgres(url) = &place else {
        unreachable!()
    };
    support::postgres::pretend_newer_migration(url, 99).await;
    let error = Store::connect(url).await.err().expect("refused");
    assert!(
        matches!(error, StoreError::NewerDatabase { found: 99, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("newer backend"), "{error}");
}

#[tokio::test]
async fn an_unreachable_database_is_refused_at_start_clearly() {
    // Nothing listens on port 1.
    let error = Store::connect("postgres://console@127.0.0.1:1/partner_console")
        .await
        .err()
        .expect("refused");
    assert!(matches!(error, StoreError::Unreachable { .. }), "{error}");
    assert!(error.to_string().contains("cannot be reached"), "{error}");
    let error = Store::connect("mysql://nope").await.err().expect("refused");
    assert!(
        matches!(error, StoreError::BadDatabaseUrl { .. }),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_sessions_are_shared_by_every_process() {
    use tower_sessions::session::{Id, Record};
    use tower_sessions::SessionStore;

    let Some((first, second)) = two_processes().await else {
        return;
    };
    let sessions_of = |store: &Store| {
        backend::sessions::PgSessions::new(store.postgres_pool().expect("PostgreSQL").clone())
    };
    let (here, there) = (sessions_of(&first), sessions_of(&second));
    let in_an_hour = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    let mut record = Record {
        id: Id::default(),
        data: [("user".to_string(), serde_json::json!({"name": "Avery"}))].into(),
        expiry_date: in_an_hour.replace_nanosecond(0).expect("whole seconds"),
    };
    here.create(&mut record).await.expect("created");
    assert_eq!(
        there.load(&record.id).await.expect("loaded"),
        Some(record.clone())
    );
    // Signing out through one process ends it for the other.
    there.delete(&record.id).await.expect("deleted");
    assert_eq!(here.load(&record.id).await.expect("loaded"), None);
    // An ended session is not loaded, and the sweep removes it.
    let mut ended = Record {
        id: Id::default(),
        data: Default::default(),
        expiry_date: time::OffsetDateTime::now_utc() - time::Duration::minutes(1),
    };
    here.create(&mut ended).await.expect("created");
    assert_eq!(there.load(&ended.id).await.expect("loaded"), None);
    assert_eq!(there.delete_expired().await.expect("swept"), 1);
}
