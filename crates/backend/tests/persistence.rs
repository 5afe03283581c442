//! The state survives a restart; a damaged file is refused with a clear
//! message and can be set aside, never silently replaced.

mod support;

use backend::store::Organization;
use backend::{Store, StoreError};
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
    let before = server.current().state.clone();

    let server = server.restart();
    assert_eq!(server.revision(), 2);
    assert_eq!(server.current().state, before);
    assert!(server.state.store.event_count().expect("count") >= 1);
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
    let error = Store::open(&path).err().expect("refused");
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
    let store = Store::open(&path).expect("new database");
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

    let error = Store::open(&path).err().expect("refused");
    assert!(
        matches!(error, StoreError::CorruptSnapshot { .. }),
        "{error}"
    );
    assert!(error.to_string().contains("can't be read"));

    let aside = Store::set_aside(&path).expect("set aside").expect("moved");
    assert!(aside.exists() && !path.exists());
    let fresh = Store::open(&path).expect("a fresh start");
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
    drop(Store::open(&path).expect("new database"));
    let conn = rusqlite::Connection::open(&path).expect("open");
    conn.pragma_update(None, "user_version", 99).expect("bump");
    drop(conn);
    let error = Store::open(&path).err().expect("refused");
    assert!(
        matches!(error, StoreError::NewerLayout { found: 99, .. }),
        "{error}"
    );
}
