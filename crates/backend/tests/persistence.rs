//! The state survives a restart; a damaged file is refused with a clear
//! message and can be set aside, never silently replaced.

mod support;

use std::sync::Arc;

use backend::store::Organization;
use backend::store::SqliteStore;
use backend::StoreError;
use support::{now, Dir, Server};

#[tokio::test]
async fn writes_and_their_answers_survive_a_restart() {
    let server = Server::new();
    let first = server
        .write(
            "/api/partners/fabrikam-it/remove-roles",
            "global-admin",
            "k1",
            "",
        )
        .await;
    assert_eq!(first.status.as_u16(), 200);
    let before = server.current().await.state.clone();

    let server = server.restart();
    assert_eq!(server.revision().await, 2);
    assert_eq!(server.current().await.state, before);
    assert!(server.state.store.event_count(None).await.expect("count") >= 1);
    let replay = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", "k1"),
                ("if-match", "\"1\""),
            ],
            "",
        )
        .await;
    assert_eq!(replay.text(), first.text());
    assert_eq!(replay.header("idempotent-replayed"), "true");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_clearly() {
    let dir = Dir::new();
    let path = dir.path().join("garbage.sqlite3");
    std::fs::write(
        &path,
        "this is not SQLite, just text that is long enough to matter".repeat(50),
    )
    .expect("write");
    let error = SqliteStore::open(&path).err().expect("refused");
    assert!(matches!(error, StoreError::NotADatabase { .. }), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("garbage.sqlite3") && message.contains("--reset"),
        "{message}"
    );
    // The file is left as it was.
    assert!(std::fs::read_to_string(&path)
        .expect("kept")
        .starts_with("this is not SQLite"));
}

#[test]
fn a_damaged_snapshot_is_refused_and_can_be_set_aside() {
    let dir = Dir::new();
    let path = dir.path().join("damaged.sqlite3");
    let store = SqliteStore::open(&path).expect("new database");
    store
        .enter(&Organization::demo(), || domain::demo::demo_state(now()))
        .expect("the demo organization");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute(
        "UPDATE organizations SET body = '{\"schemaVersion\":2,\"state\":{\"now\":1}}'",
        [],
    )
    .expect("damage");
    drop(conn);

    let error = SqliteStore::open(&path).err().expect("refused");
    assert!(
        matches!(error, StoreError::CorruptSnapshot { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("can't be read"));

    let aside = SqliteStore::set_aside(&path)
        .expect("set aside")
        .expect("moved");
    assert!(aside.exists() && !path.exists());
    let fresh = SqliteStore::open(&path).expect("a fresh start");
    assert_eq!(fresh.organizations(), Vec::<String>::new(), "nothing kept");
    let demo = fresh
        .enter(&Organization::demo(), || domain::demo::demo_state(now()))
        .expect("created again");
    assert_eq!(demo.revision, 1);
}

#[test]
fn a_database_from_a_newer_backend_is_refused() {
    let dir = Dir::new();
    let path = dir.path().join("newer.sqlite3");
    drop(SqliteStore::open(&path).expect("new database"));
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    let error = SqliteStore::open(&path).err().expect("refused");
    assert!(
        matches!(error, StoreError::NewerLayout { found: 99, .. }),
        "{error}"
    );
}

/// Layout 1 as the backend wrote it before organizations: one snapshot.
const LAYOUT_1: &str = "
CREATE TABLE snapshot (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    revision INTEGER NOT NULL,
    body     TEXT    NOT NULL
);
CREATE TABLE events (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    revision        INTEGER NOT NULL,
    at              TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL,
    body            TEXT    NOT NULL
);
CREATE TABLE idempotency (
    key        TEXT    PRIMARY KEY,
    request    TEXT    NOT NULL,
    status     INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX idempotency_created ON idempotency (created_at);
PRAGMA user_version = 1;
";

const CONTOSO: &str = "3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94";
const OLD_KEY: &str = "k-before-the-move";
const OLD_REQUEST: &str = "POST /api/partners/fabrikam-it/remove-roles\nglobal-admin\n\n";

/// Writes a layout-1 file holding `body` at revision 7, two events and
/// one remembered answer.
fn layout_1_file(path: &std::path::Path, body: &str) {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.execute_batch(LAYOUT_1).expect("layout 1");
    conn.execute(
        "INSERT INTO snapshot (id, revision, body) VALUES (1, 7, ?1)",
        [body],
    )
    .expect("snapshot");
    for n in 0..2 {
        conn.execute(
            "INSERT INTO events (revision, at, idempotency_key, body) \
             VALUES (7, '2026-11-23T04:42:18Z', ?1, '{}')",
            [format!("k-{n}")],
        )
        .expect("event");
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("after 1970")
        .as_secs() as i64;
    conn.execute(
        "INSERT INTO idempotency (key, request, status, body, revision, created_at) \
         VALUES (?1, ?2, 200, '{\"revision\":7,\"events\":[]}', 7, ?3)",
        rusqlite::params![OLD_KEY, OLD_REQUEST, now],
    )
    .expect("answer");
}

fn user_version(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .expect("version")
}

#[tokio::test]
async fn a_layout_1_file_opens_with_its_data_under_its_organization() {
    let dir = Dir::new();
    let mut config = backend::Config::new(dir.path());
    config.db = dir.path().join("layout-1.sqlite3");
    let mut saved = domain::demo::demo_state(now());
    saved.purchase_visibility = !saved.purchase_visibility;
    // Saved before organizations had names.
    saved.organization_name = None;
    let body = domain::snapshot::encode(&saved);
    layout_1_file(&config.db, &body);

    let state = backend::open(&config, backend::Clock::Fixed(now())).expect("moved forward");
    assert_eq!(user_version(&config.db), 2);
    let store = &state.store;
    assert_eq!(
        store.organizations().await.expect("organizations"),
        [domain::demo::DEMO_TENANT_ID]
    );
    let current = store
        .current(domain::demo::DEMO_TENANT_ID)
        .await
        .expect("read")
        .expect("Adatum's state");
    assert_eq!(current.revision, 7);
    assert_eq!(current.state, saved);
    assert_eq!(
        &*current.snapshot,
        body.as_str(),
        "the saved body, as it was"
    );
    assert_eq!(current.state.organization_name(), "Adatum Corporation");
    assert_eq!(
        store
            .event_count(Some(domain::demo::DEMO_TENANT_ID))
            .await
            .expect("events"),
        2
    );

    // Its Idempotency-Keys moved with it: a retry gets the first answer.
    let router = backend::app(&config, state.clone());
    let server = Server {
        dir,
        config,
        state,
        router,
    };
    let retry = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", OLD_KEY),
                ("if-match", "\"7\""),
            ],
            "",
        )
        .await;
    assert_eq!(retry.status.as_u16(), 200, "{}", retry.text());
    assert_eq!(retry.header("idempotent-replayed"), "true");
    assert_eq!(server.revision().await, 7, "nothing written again");
}

#[test]
fn a_layout_1_file_of_another_organization_moves_under_that_organization() {
    let dir = Dir::new();
    let path = dir.path().join("contoso-layout-1.sqlite3");
    let mut saved = domain::State::new(now());
    saved.tenant_id = Some(CONTOSO.to_uppercase());
    layout_1_file(&path, &domain::snapshot::encode(&saved));

    let store = SqliteStore::open(&path).expect("moved forward");
    assert_eq!(store.organizations(), [CONTOSO]);
    assert_eq!(store.current(CONTOSO).expect("Contoso").revision, 7);
    assert!(store.current(domain::demo::DEMO_TENANT_ID).is_none());
    // Not given Adatum's name.
    assert_eq!(
        store.organization_name(CONTOSO).as_deref(),
        Some("Your organization")
    );
}

#[test]
fn a_layout_1_file_that_cannot_be_read_is_left_as_it_was() {
    let dir = Dir::new();
    let path = dir.path().join("damaged-layout-1.sqlite3");
    layout_1_file(&path, r#"{"schemaVersion":2,"state":{"now":1}}"#);
    let error = SqliteStore::open(&path).err().expect("refused");
    assert!(
        matches!(error, StoreError::CorruptSnapshot { .. }),
        "{error}"
    );
    assert_eq!(user_version(&path), 1, "not half moved");
    let conn = rusqlite::Connection::open(&path).expect("open");
    let kept: i64 = conn
        .query_row("SELECT COUNT(*) FROM snapshot", [], |r| r.get(0))
        .expect("the old table");
    assert_eq!(kept, 1);
}

#[test]
fn a_new_organization_is_created_once_when_two_first_requests_come_at_once() {
    let dir = Dir::new();
    let store =
        std::sync::Arc::new(SqliteStore::open(&dir.path().join("race.sqlite3")).expect("open"));
    let contoso = Organization {
        id: CONTOSO.into(),
        name: "Contoso Ltd".into(),
    };
    let created = std::sync::Arc::new(std::sync::atomic::AtomicU32::new(0));
    let start = std::sync::Arc::new(std::sync::Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (store, contoso, created, start) = (
                store.clone(),
                contoso.clone(),
                created.clone(),
                start.clone(),
            );
            std::thread::spawn(move || {
                start.wait();
                store
                    .enter(&contoso, || {
                        created.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                        domain::State::new(now())
                    })
                    .expect("entered")
            })
        })
        .collect();
    // All eight started before any is joined: they meet at the barrier.
    let entered: Vec<_> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    assert_eq!(created.load(std::sync::atomic::Ordering::SeqCst), 1);
    assert!(entered
        .iter()
        .all(|c| std::sync::Arc::ptr_eq(c, &entered[0])));
    assert_eq!(store.organizations(), [CONTOSO]);
    let state = &entered[0].state;
    assert_eq!(state.tenant_id.as_deref(), Some(CONTOSO));
    assert_eq!(state.organization_name(), "Contoso Ltd");
    drop(entered);
    drop(Arc::try_unwrap(store).ok());
    // On disk once, and read back the same after a restart.
    let again = SqliteStore::open(&dir.path().join("race.sqlite3")).expect("reopen");
    assert_eq!(again.organizations(), [CONTOSO]);
    assert_eq!(
        again.organization_name(CONTOSO).as_deref(),
        Some("Contoso Ltd")
    );
}
