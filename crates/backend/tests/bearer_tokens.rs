//! Token mode: the API believes a bearer token its identity provider
//! signed for it, and nothing else; X-Persona grants nothing. Every refusal
//! is 401 problem+json with a Bearer challenge.

mod support;

use axum::body::Body;
use axum::http::Request;
use backend::auth::DEMO_ORGANIZATION;
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use support::{now, Reply, Server};

const ISSUER: &str = "http://127.0.0.1:8091";
const AUDIENCE: &str = "api://partner-console";
const CONTOSO: &str = "3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94";
const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
const BILLING_ADMINISTRATOR: &str = "b0f54661-2d74-4c50-afa3-1ec803f12efe";
const GLOBAL_READER: &str = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";

fn key(name: &str) -> EncodingKey {
    let path = format!(
        "{}/../identity/tests/keys/{name}.pem",
        env!("CARGO_MANIFEST_DIR")
    );
    EncodingKey::from_rsa_pem(&std::fs::read(path).expect("key")).expect("pem")
}

fn server() -> Server {
    // This server lets in Adatum only (`--organization`).
    Server::with_token_auth(support::tokens::token_auth(&[DEMO_ORGANIZATION]))
}

fn claims(wids: &[&str]) -> Value {
    let at = u64::try_from(now().unix_seconds()).expect("after 1970");
    json!({
        "iss": ISSUER, "aud": AUDIENCE, "iat": at, "nbf": at, "exp": at + 3600,
        "tid": DEMO_ORGANIZATION, "oid": "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51",
        "name": "Avery Howard", "wids": wids,
    })
}

fn sign(claims: &Value) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some("k1".into());
    encode(&header, claims, &key("trusted")).expect("token")
}

async fn get(server: &Server, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    server
        .send(request.body(Body::empty()).expect("request"))
        .await
}

async fn accept(server: &Server, invitation: &str, token: &str, key: &str) -> Reply {
    let tag = format!("\"{}\"", server.revision().await);
    let bearer = format!("Bearer {token}");
    server
        .post(
            &format!("/api/invitations/{invitation}/accept"),
            &[
                ("authorization", &bearer),
                ("idempotency-key", key),
                ("if-match", &tag),
            ],
            r#"{"agreementAcknowledged":true}"#,
        )
        .await
}

fn assert_refused(reply: &Reply, code: &str) {
    reply.assert_problem(401, code);
    assert!(
        reply
            .header("www-authenticate")
            .starts_with("Bearer realm=\"partner-console\""),
        "{}",
        reply.header("www-authenticate")
    );
}

#[tokio::test]
async fn without_a_token_nothing_is_read_or_written_and_x_persona_grants_nothing() {
    let server = server();
    for path in [
        "/api/state",
        "/api/relationships",
        "/api/invitations",
        "/api/partners/fabrikam-it",
    ] {
        assert_refused(&get(&server, path, &[]).await, "tokenRequired");
        assert_refused(
            &get(&server, path, &[("x-persona", "global-admin")]).await,
            "tokenRequired",
        );
    }
    let before = server.revision().await;
    let reply = server
        .write(
            "/api/invitations/inv-granular-helpdesk/accept",
            "global-admin",
            "k-1",
            r#"{"agreementAcknowledged":true}"#,
        )
        .await;
    assert_refused(&reply, "tokenRequired");
    assert_eq!(server.revision().await, before, "nothing changed");
    // Not a bearer token either.
    let basic = get(
        &server,
        "/api/state",
        &[("authorization", "Basic YWRtaW46ZGVtbw==")],
    )
    .await;
    assert_refused(&basic, "tokenRequired");
}

#[tokio::test]
async fn a_global_administrators_token_reads_and_grants_admin_roles() {
    let server = server();
    let token = sign(&claims(&[GLOBAL_ADMINISTRATOR]));
    let bearer = format!("Bearer {token}");
    let state = get(&server, "/api/state", &[("authorization", &bearer)]).await;
    assert_eq!(state.status.as_u16(), 200, "{}", state.text());
    let reply = accept(&server, "inv-granular-helpdesk", &token, "k-ga").await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
}

#[tokio::test]
async fn the_role_in_the_token_decides_not_the_header() {
    let server = server();
    // A Billing Administrator claiming to be a Global Administrator.
    let token = sign(&claims(&[BILLING_ADMINISTRATOR]));
    let tag = format!("\"{}\"", server.revision().await);
    let bearer = format!("Bearer {token}");
    let reply = server
        .post(
            "/api/invitations/inv-granular-helpdesk/accept",
            &[
                ("authorization", &bearer),
                ("x-persona", "global-admin"),
                ("idempotency-key", "k-b"),
                ("if-match", &tag),
            ],
            r#"{"agreementAcknowledged":true}"#,
        )
        .await;
    reply.assert_problem(403, "notPermitted");

    // A Global Reader sees and changes nothing.
    let reader = sign(&claims(&[GLOBAL_READER]));
    let rows = get(
        &server,
        "/api/relationships",
        &[("authorization", &format!("Bearer {reader}"))],
    )
    .await;
    assert_eq!(rows.status.as_u16(), 200);
    accept(&server, "inv-reseller", &reader, "k-r")
        .await
        .assert_problem(403, "notPermitted");
}

#[tokio::test]
async fn forged_expired_and_misdirected_tokens_are_refused() {
    let server = server();
    let good = claims(&[GLOBAL_ADMINISTRATOR]);
    let at = good["iat"].as_u64().expect("iat");
    let with = |field: &str, value: Value| {
        let mut c = good.clone();
        c[field] = value;
        sign(&c)
    };
    let unsigned = {
        let token = sign(&good);
        let mut parts = token.split('.');
        let _ = parts.next();
        // {"alg":"none","typ":"JWT"}
        format!(
            "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{}.",
            parts.next().expect("payload")
        )
    };
    let other_key = {
        let mut header = Header::new(Algorithm::RS256);
        header.kid = Some("k1".into());
        encode(&header, &good, &key("stranger")).expect("token")
    };
    let tampered = {
        let token = sign(&good);
        format!("{}x", &token[..token.len() - 1])
    };
    for (what, token) in [
        ("expired", with("exp", json!(at - 3600))),
        ("another audience", with("aud", json!("api://another-app"))),
        (
            "another issuer",
            with("iss", json!("http://127.0.0.1:9999")),
        ),
        ("unsigned", unsigned),
        ("another key", other_key),
        ("tampered", tampered),
        ("another organization", with("tid", json!(CONTOSO))),
    ] {
        let reply = get(
            &server,
            "/api/state",
            &[("authorization", &format!("Bearer {token}"))],
        )
        .await;
        assert_refused(&reply, "invalidToken");
        assert!(
            reply
                .header("www-authenticate")
                .contains("error=\"invalid_token\""),
            "{what}"
        );
        let before = server.revision().await;
        accept(&server, "inv-reseller", &token, &format!("k-{what}"))
            .await
            .assert_problem(401, "invalidToken");
        assert_eq!(server.revision().await, before, "{what}: nothing changed");
    }
}

#[tokio::test]
async fn the_demo_tools_are_off_whoever_asks() {
    let server = server();
    let token = sign(&claims(&[GLOBAL_ADMINISTRATOR]));
    let bearer = format!("Bearer {token}");
    for (key, command) in [
        (
            "k-clock",
            r#"{"command":{"type":"advanceTime","to":"2027-01-01T00:00:00Z"}}"#,
        ),
        (
            "k-sim",
            r#"{"command":{"type":"issueInvitation","partner":{"id":"p-x","name":"Invented"},"relationshipTypes":["reseller"]}}"#,
        ),
    ] {
        let before = server.revision().await;
        let tag = format!("\"{before}\"");
        let reply = server
            .post(
                "/api/commands",
                &[
                    ("authorization", &bearer),
                    ("idempotency-key", key),
                    ("if-match", &tag),
                ],
                command,
            )
            .await;
        reply.assert_problem(403, "demoToolsOff");
        assert_eq!(server.revision().await, before, "{key}: nothing changed");
    }
}

#[tokio::test]
async fn the_activity_log_names_the_signed_in_user_for_actions_and_refusals() {
    let server = server();
    let admin = sign(&claims(&[GLOBAL_ADMINISTRATOR]));
    accept(&server, "inv-granular-helpdesk", &admin, "k-a").await;
    let mut billing = claims(&[BILLING_ADMINISTRATOR]);
    billing["oid"] = json!("1c7a4b9f-6d32-4e80-8f25-7b3c9d1e4a62");
    billing["name"] = json!("Blair Nguyen");
    let billing = sign(&billing);
    accept(&server, "inv-delegated-admin", &billing, "k-b")
        .await
        .assert_problem(403, "notPermitted");

    let bearer = format!("Bearer {admin}");
    let state = get(&server, "/api/state", &[("authorization", &bearer)])
        .await
        .json();
    let activity = state["state"]["activity"].as_array().expect("activity");
    let by = |name: &str| -> Vec<&Value> {
        activity
            .iter()
            .filter(|e| e["byUser"]["name"] == name)
            .collect()
    };
    let avery = by("Avery Howard");
    assert!(!avery.is_empty());
    assert!(avery
        .iter()
        .all(|e| e["byUser"]["id"] == "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51"));
    assert!(avery.iter().any(|e| e["outcome"] == "Succeeded"));
    let blair = by("Blair Nguyen");
    assert_eq!(blair.len(), 1, "the refusal, named");
    assert!(blair[0]["outcome"]
        .as_str()
        .is_some_and(|o| o.starts_with("Refused")));
    assert_eq!(
        blair[0]["byUser"]["id"],
        "1c7a4b9f-6d32-4e80-8f25-7b3c9d1e4a62"
    );
}

#[tokio::test]
async fn organization_is_an_allow_list_and_without_it_every_organization_is_let_in() {
    use support::tokens::{bearer, claims, token_auth, ADATUM, FABRIKAM};
    let fabrikam = bearer(&claims(
        FABRIKAM,
        "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51",
        "Someone at Fabrikam",
        &[GLOBAL_ADMINISTRATOR],
    ));
    let contoso = bearer(&claims(
        CONTOSO,
        "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51",
        "Finley Okafor",
        &[GLOBAL_ADMINISTRATOR],
    ));
    // --organization twice: both are let in, any other is refused.
    let listed = Server::with_token_auth(token_auth(&[ADATUM, &CONTOSO.to_uppercase()]));
    let reply = get(&listed, "/api/state", &[("authorization", &contoso)]).await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    assert_refused(
        &get(&listed, "/api/state", &[("authorization", &fabrikam)]).await,
        "invalidToken",
    );
    assert!(listed
        .state
        .store
        .current(FABRIKAM)
        .await
        .expect("read")
        .is_none());

    // No --organization: every organization the issuer vouches for.
    let open = Server::with_token_auth(token_auth(&[]));
    for token in [&contoso, &fabrikam] {
        let reply = get(&open, "/api/relationships", &[("authorization", token)]).await;
        assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    }
    assert_eq!(
        open.state.store.organizations().await.expect("read").len(),
        2
    );
}
