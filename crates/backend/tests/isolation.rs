//! One server, many organizations: a caller reads and writes only their
//! own organization's data. Every route and method the OpenAPI document
//! lists is tried with every id of the other organization: the answer is
//! 404, exactly as for an id that exists nowhere, and the other
//! organization's revision, data and log stay as they were.

mod support;

use std::collections::BTreeSet;

use axum::body::Body;
use axum::http::Request;
use backend::store::Organization;
use domain::{Command, Persona, State};
use serde_json::{json, Value};
use support::tokens::{bearer, claims, sign, token_auth, ADATUM, CONTOSO, GLOBAL_ADMINISTRATOR};
use support::{now, Reply, Server};

const AVERY: &str = "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51";
const FINLEY: &str = "5abe8f3d-a176-4c24-a35d-bf7a3b5c8ea6";
const NOWHERE: &str = "no-such-id-anywhere";

/// Contoso's own invitation (pending), partner and granular relationship,
/// none of them sharing an id with Adatum's demo data.
fn contoso_state() -> State {
    let mut state = State::new(now());
    let commands = [
        json!({"type": "issueInvitation", "invitationId": "inv-contoso-gdap",
            "partner": {"id": "margies-travel", "name": "Margie's Travel"},
            "relationshipTypes": [],
            "granular": {"displayName": "Margie's Travel helpdesk", "duration": "P90D",
                "autoExtendDuration": "PT0S",
                "unifiedRoles": ["729827e3-9c14-49f7-bb1b-9608f156bbb8"]}}),
        json!({"type": "acceptInvitation", "invitationId": "inv-contoso-gdap",
            "agreementAcknowledged": true}),
        json!({"type": "issueInvitation", "invitationId": "inv-contoso-reseller",
            "partner": {"id": "lamna-healthcare", "name": "Lamna Healthcare"},
            "relationshipTypes": ["reseller"]}),
    ];
    for command in commands {
        let command: Command = serde_json::from_value(command).expect("command");
        state
            .execute(&command, Persona::GlobalAdministrator, now())
            .expect("Contoso's data");
    }
    assert_eq!(state.relationships.len(), 1, "a relationship in force");
    state
}

fn contoso() -> Organization {
    Organization {
        id: CONTOSO.into(),
        name: "Contoso Ltd".into(),
    }
}

/// Adatum with the demo data, Contoso with its own; both admins sign in.
async fn server() -> Server {
    let server = Server::with_token_auth(token_auth(&[]));
    server.current().await;
    server
        .state
        .store
        .enter(&contoso(), contoso_state)
        .await
        .expect("Contoso");
    server
}

#[derive(Clone, Copy, Debug)]
enum Org {
    Adatum,
    Contoso,
}

impl Org {
    fn id(self) -> &'static str {
        match self {
            Org::Adatum => ADATUM,
            Org::Contoso => CONTOSO,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Org::Adatum => "Adatum Corporation",
            Org::Contoso => "Contoso Ltd",
        }
    }

    fn other(self) -> Org {
        match self {
            Org::Adatum => Org::Contoso,
            Org::Contoso => Org::Adatum,
        }
    }

    /// A Global Administrator of this organization: permissions are never
    /// why a request below is refused.
    fn admin(self) -> String {
        match self {
            Org::Adatum => bearer(&claims(
                ADATUM,
                AVERY,
                "Avery Howard",
                &[GLOBAL_ADMINISTRATOR],
            )),
            Org::Contoso => bearer(&claims(
                CONTOSO,
                FINLEY,
                "Finley Okafor",
                &[GLOBAL_ADMINISTRATOR],
            )),
        }
    }
}

/// Every id in an organization's data.
fn ids(state: &State) -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    ids.extend(state.partners.iter().map(|p| p.id.clone()));
    ids.extend(state.invitations.iter().map(|i| i.id.clone()));
    ids.extend(state.relationships.iter().map(|r| r.id.clone()));
    ids.extend(state.contact_requests.iter().map(|c| c.id.clone()));
    ids
}

/// What must not change: revision, saved snapshot, event log.
async fn fingerprint(server: &Server, org: Org) -> (u64, String, u64) {
    let current = server.current_of(org.id()).await;
    let events = server
        .state
        .store
        .event_count(Some(org.id()))
        .await
        .expect("events");
    (current.revision, current.snapshot.to_string(), events)
}

async fn state_of(server: &Server, org: Org) -> State {
    server.current_of(org.id()).await.state.clone()
}

async fn get(server: &Server, caller: Org, path: &str) -> Reply {
    let request = Request::get(path)
        .header("authorization", caller.admin())
        .body(Body::empty())
        .expect("request");
    server.send(request).await
}

async fn post(server: &Server, caller: Org, path: &str, key: &str, body: &str) -> Reply {
    let revision = server.current_of(caller.id()).await.revision;
    let tag = format!("\"{revision}\"");
    let authorization = caller.admin();
    server
        .post(
            path,
            &[
                ("authorization", &authorization),
                ("idempotency-key", key),
                ("if-match", &tag),
            ],
            body,
        )
        .await
}

/// A body each write route accepts.
fn body_for(path: &str) -> &'static str {
    if path.ends_with("/invitations/{id}/accept") {
        r#"{"agreementAcknowledged":true}"#
    } else if path.ends_with("/accept-agreement") {
        r#"{"acknowledged":true}"#
    } else {
        "{}"
    }
}

async fn send(server: &Server, caller: Org, method: &str, path: &str, key: &str) -> Reply {
    match method {
        "get" => get(server, caller, path).await,
        "post" => {
            let template = path.to_string();
            post(server, caller, path, key, body_for(&template)).await
        }
        other => panic!("{other} {path}: teach the isolation test this method"),
    }
}

fn code(reply: &Reply) -> String {
    reply.json()["code"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The API's routes and methods, from the document the server serves.
fn documented_operations() -> Vec<(String, String)> {
    let doc = serde_json::to_value(backend::openapi::openapi()).expect("document");
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        if !path.starts_with("/api") {
            continue;
        }
        for method in item.as_object().expect("path item").keys() {
            if ["get", "put", "post", "delete", "patch", "head", "options"]
                .contains(&method.as_str())
            {
                operations.push((method.clone(), path.clone()));
            }
        }
    }
    assert!(operations.len() >= 10, "{operations:?}");
    // Reads first: a caller's own refusals below name the ids they tried,
    // in the caller's own activity log.
    operations.sort_by_key(|(method, path)| (method != "get", path.clone()));
    operations
}

/// A command carrying another organization's id, by id kind.
fn commands_naming(id: &str) -> Vec<Value> {
    vec![
        json!({"type": "acceptInvitation", "invitationId": id, "agreementAcknowledged": true}),
        json!({"type": "declineInvitation", "invitationId": id}),
        json!({"type": "acceptCustomerAgreement", "partnerId": id, "acknowledged": true}),
        json!({"type": "removeRoles", "partnerId": id}),
    ]
}

#[tokio::test]
async fn every_route_answers_404_for_the_other_organizations_ids_and_leaves_it_unchanged() {
    let server = server().await;
    let adatum_ids = ids(&state_of(&server, Org::Adatum).await);
    let contoso_ids = ids(&state_of(&server, Org::Contoso).await);
    assert!(
        adatum_ids.is_disjoint(&contoso_ids),
        "the two organizations' ids must differ for this test to mean anything"
    );
    assert!(contoso_ids.len() >= 4, "{contoso_ids:?}");
    let mut n = 0;
    for caller in [Org::Contoso, Org::Adatum] {
        let other = caller.other();
        let other_ids = ids(&state_of(&server, other).await);
        let own_ids = ids(&state_of(&server, caller).await);
        for (method, path) in documented_operations() {
            if path.contains("{id}") {
                // What an id that exists nowhere gets.
                n += 1;
                let nowhere = send(
                    &server,
                    caller,
                    &method,
                    &path.replace("{id}", NOWHERE),
                    &format!("k-{n}"),
                )
                .await;
                assert_eq!(
                    nowhere.status.as_u16(),
                    404,
                    "{method} {path}: {}",
                    nowhere.text()
                );
                for id in &other_ids {
                    let before = fingerprint(&server, other).await;
                    n += 1;
                    let reply = send(
                        &server,
                        caller,
                        &method,
                        &path.replace("{id}", id),
                        &format!("k-{n}"),
                    )
                    .await;
                    let what = format!("{caller:?} {method} {path} with {other:?}'s {id}");
                    assert_eq!(reply.status.as_u16(), 404, "{what}: {}", reply.text());
                    assert_eq!(
                        code(&reply),
                        code(&nowhere),
                        "{what}: as if it did not exist"
                    );
                    assert_eq!(
                        fingerprint(&server, other).await,
                        before,
                        "{what}: {other:?} changed"
                    );
                }
                if method == "get" {
                    // The route itself works: the caller's own ids are found.
                    let own_state = state_of(&server, caller).await;
                    let own = own_ids.iter().find(|id| get_ok_for(&path, &own_state, id));
                    if let Some(id) = own {
                        let reply = get(&server, caller, &path.replace("{id}", id)).await;
                        assert_eq!(reply.status.as_u16(), 200, "{caller:?} {path} {id}");
                    }
                }
                continue;
            }
            match (method.as_str(), path.as_str()) {
                ("get", "/api/state") => {
                    let reply = get(&server, caller, &path).await;
                    assert_eq!(reply.status.as_u16(), 200);
                    let state = &reply.json()["state"];
                    assert_eq!(state["tenantId"], caller.id());
                    assert_eq!(state["organizationName"], caller.name());
                    assert_shows_only_own(&reply, &own_ids, &other_ids, &path);
                }
                ("get", "/api/changes") => {
                    // A stream: its first event is the caller's own revision
                    // (tests/live.rs checks nothing of the other's follows).
                    let reply = get(&server, caller, &path).await;
                    assert_eq!(reply.status.as_u16(), 200);
                    let revision = fingerprint(&server, caller).await.0;
                    assert!(
                        reply.text().contains(&format!("data: {{\"revision\":{revision}}}")),
                        "{caller:?} {path}: {}",
                        reply.text()
                    );
                }
                ("get", "/api/relationships" | "/api/invitations") => {
                    let reply = get(&server, caller, &path).await;
                    assert_eq!(reply.status.as_u16(), 200);
                    assert_shows_only_own(&reply, &own_ids, &other_ids, &path);
                }
                ("post", "/api/commands") => {
                    for id in &other_ids {
                        for command in commands_naming(id) {
                            let before = fingerprint(&server, other).await;
                            n += 1;
                            let body = json!({ "command": command }).to_string();
                            let reply =
                                post(&server, caller, &path, &format!("k-{n}"), &body).await;
                            let what = format!("{caller:?} {command} with {other:?}'s {id}");
                            assert_eq!(reply.status.as_u16(), 404, "{what}: {}", reply.text());
                            assert_eq!(
                                fingerprint(&server, other).await,
                                before,
                                "{what}: {other:?} changed"
                            );
                        }
                    }
                    // A command naming no id changes the caller's only.
                    let before = fingerprint(&server, other).await;
                    let reviewed_before = state_of(&server, caller).await.last_access_review;
                    n += 1;
                    let body = json!({"command": {"type": "markAccessReviewed"}}).to_string();
                    let reply = post(&server, caller, &path, &format!("k-{n}"), &body).await;
                    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
                    assert_ne!(state_of(&server, caller).await.last_access_review, reviewed_before);
                    assert_eq!(fingerprint(&server, other).await, before, "{other:?} changed");
                }
                _ => panic!("{method} {path}: a new route; say in this test how it stays in its organization"),
            }
        }
    }
}

/// Whether GET `path` should find `id` (an id of the kind the route takes).
fn get_ok_for(path: &str, state: &State, id: &str) -> bool {
    if path.starts_with("/api/invitations/") {
        state.invitations.iter().any(|i| i.id == id)
    } else if path.starts_with("/api/partners/") {
        state.partners.iter().any(|p| p.id == id)
    } else {
        false
    }
}

fn assert_shows_only_own(
    reply: &Reply,
    own: &BTreeSet<String>,
    other: &BTreeSet<String>,
    path: &str,
) {
    let text = reply.text();
    for id in other {
        assert!(
            !text.contains(&format!("\"{id}\"")),
            "{path} shows the other organization's {id}"
        );
    }
    assert!(
        own.iter().any(|id| text.contains(&format!("\"{id}\""))),
        "{path} shows the caller's own data"
    );
}

#[tokio::test]
async fn the_same_idempotency_key_in_two_organizations_is_two_requests() {
    let server = server().await;
    // The same user id, key, route and body: only the organization differs.
    let same_user =
        |tid: &str| bearer(&claims(tid, AVERY, "Avery Howard", &[GLOBAL_ADMINISTRATOR]));
    let body = r#"{"command":{"type":"markAccessReviewed"}}"#;
    for org in [Org::Adatum, Org::Contoso] {
        let before = fingerprint(&server, org).await;
        let tag = format!("\"{}\"", before.0);
        let authorization = same_user(org.id());
        let reply = server
            .post(
                "/api/commands",
                &[
                    ("authorization", &authorization),
                    ("idempotency-key", "the-same-key"),
                    ("if-match", &tag),
                ],
                body,
            )
            .await;
        assert_eq!(reply.status.as_u16(), 200, "{org:?}: {}", reply.text());
        assert_eq!(
            reply.header("idempotent-replayed"),
            "",
            "{org:?}: not a replay"
        );
        assert_eq!(
            fingerprint(&server, org).await.0,
            before.0 + 1,
            "{org:?} was written"
        );
        assert!(
            state_of(&server, org).await.last_access_review.is_some(),
            "{org:?}"
        );
    }
}

#[tokio::test]
async fn a_new_organization_starts_empty_under_its_own_name_and_id() {
    let server = Server::with_token_auth(token_auth(&[]));
    let northwind = "9d2f4b6a-8c1e-4a3d-b5f7-0e9c2a4d6b8f";
    let mut member = claims(northwind, FINLEY, "Kai Lee", &[GLOBAL_ADMINISTRATOR]);
    member["tenant_name"] = json!("Northwind Traders");
    let request = Request::get("/api/state")
        .header("authorization", format!("Bearer {}", sign(&member)))
        .body(Body::empty())
        .expect("request");
    let reply = server.send(request).await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    let state = &reply.json()["state"];
    assert_eq!(state["tenantId"], northwind);
    assert_eq!(state["organizationName"], "Northwind Traders");
    for list in ["partners", "invitations", "relationships", "activity"] {
        assert_eq!(state[list], json!([]), "{list}");
    }
    assert_eq!(
        server.current_of(northwind).await.state.organization_name(),
        "Northwind Traders"
    );
    // Entra sends no tenant name: the sign-in domain names it.
    let fourth = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
    let mut entra = claims(fourth, AVERY, "Sam Rivera", &[]);
    entra["preferred_username"] = json!("sam@fourthcoffee.example");
    let request = Request::get("/api/relationships")
        .header("authorization", format!("Bearer {}", sign(&entra)))
        .body(Body::empty())
        .expect("request");
    assert_eq!(server.send(request).await.status.as_u16(), 200);
    assert_eq!(
        server.current_of(fourth).await.state.organization_name(),
        "fourthcoffee.example"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_requests_of_an_organization_at_once_find_one_state() {
    let server = Server::with_token_auth(token_auth(&[]));
    let token = bearer(&claims(
        CONTOSO,
        FINLEY,
        "Finley Okafor",
        &[GLOBAL_ADMINISTRATOR],
    ));
    let request = || {
        Request::get("/api/state")
            .header("authorization", &token)
            .body(Body::empty())
            .expect("request")
    };
    let (first, second) = tokio::join!(server.send(request()), server.send(request()));
    assert_eq!(first.status.as_u16(), 200, "{}", first.text());
    assert_eq!(second.status.as_u16(), 200, "{}", second.text());
    assert_eq!(first.header("etag"), "\"1\"");
    assert_eq!(first.text(), second.text(), "the same state");
    assert_eq!(
        server
            .state
            .store
            .organizations()
            .await
            .expect("organizations"),
        [CONTOSO]
    );
}
