//! Every endpoint of the JSON API and every error it answers, in-process.

mod support;

use support::Server;

const ACCEPT_ACK: &str = r#"{"agreementAcknowledged":true}"#;

#[tokio::test]
async fn state_get_answers_the_snapshot_with_its_revision_as_etag() {
    let server = Server::new();
    let reply = server.get("/api/state", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    assert_eq!(reply.header("etag"), "\"1\"");
    assert_eq!(reply.header("content-type"), "application/json");
    let decoded = domain::snapshot::decode(reply.text()).expect("a snapshot");
    assert_eq!(decoded.state, server.current().await.state);
}

#[tokio::test]
async fn state_get_with_the_current_etag_is_not_modified() {
    let server = Server::new();
    let request = axum::http::Request::get("/api/state")
        .header("if-none-match", "\"1\"")
        .body(axum::body::Body::empty())
        .expect("request");
    let reply = server.send(request).await;
    assert_eq!(reply.status.as_u16(), 304);
    assert_eq!(reply.header("etag"), "\"1\"");
}

#[tokio::test]
async fn relationships_list_has_a_row_per_partner_you_work_with() {
    let server = Server::new();
    let reply = server.get("/api/relationships", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    let rows = reply.json()["value"].as_array().expect("rows").clone();
    assert!(rows.iter().any(|r| r["partnerId"] == "fabrikam-it"));
    assert!(rows[0]["partnerName"].is_string());
}

#[tokio::test]
async fn invitations_list_and_get_show_what_the_persona_may_do() {
    let server = Server::new();
    let inbox = server.get("/api/invitations", Some("global-admin")).await;
    assert_eq!(inbox.status.as_u16(), 200);
    assert!(!inbox.json()["value"].as_array().expect("list").is_empty());

    let as_admin = server
        .get(
            "/api/invitations/inv-granular-helpdesk",
            Some("global-admin"),
        )
        .await;
    assert_eq!(as_admin.status.as_u16(), 200);
    assert_eq!(as_admin.json()["personaMayAccept"], true);
    let anonymous = server
        .get("/api/invitations/inv-granular-helpdesk", None)
        .await;
    assert_eq!(anonymous.json()["personaMayAccept"], false);
}

#[tokio::test]
async fn an_unknown_invitation_or_partner_is_not_found() {
    let server = Server::new();
    server
        .get("/api/invitations/nope", None)
        .await
        .assert_problem(404, "invitationNotFound");
    server
        .get("/api/partners/nope", None)
        .await
        .assert_problem(404, "partnerNotFound");
}

#[tokio::test]
async fn partners_get_shows_the_partner_page() {
    let server = Server::new();
    let reply = server.get("/api/partners/fabrikam-it", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    let body = reply.json();
    assert_eq!(body["partner"]["id"], "fabrikam-it");
    assert_eq!(body["canRemoveRoles"], true);
}

#[tokio::test]
async fn invitations_accept_commits_and_answers_the_events() {
    let server = Server::new();
    let reply = server
        .write(
            "/api/invitations/inv-reseller/accept",
            "billing-admin",
            "k1",
            ACCEPT_ACK,
        )
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    assert_eq!(reply.header("etag"), "\"2\"");
    let body = reply.json();
    assert_eq!(body["revision"], 2);
    assert!(body["events"]
        .as_array()
        .expect("events")
        .iter()
        .any(|e| e["type"] == "invitationAccepted"));
    assert_eq!(server.revision().await, 2);
    let state = server.current().await;
    let invitation = state.state.invitation("inv-reseller").expect("invitation");
    assert_eq!(invitation.state, domain::InvitationState::Accepted);
}

#[tokio::test]
async fn a_replayed_key_gets_the_first_answer_and_acts_once() {
    let server = Server::new();
    let first = server
        .write(
            "/api/invitations/inv-reseller/accept",
            "billing-admin",
            "k1",
            ACCEPT_ACK,
        )
        .await;
    let again = server
        .post(
            "/api/invitations/inv-reseller/accept",
            &[
                ("x-persona", "billing-admin"),
                ("idempotency-key", "k1"),
                ("if-match", "\"1\""),
            ],
            ACCEPT_ACK,
        )
        .await;
    assert_eq!(again.status, first.status);
    assert_eq!(again.text(), first.text());
    assert_eq!(again.header("idempotent-replayed"), "true");
    assert_eq!(server.revision().await, 2);
}

#[tokio::test]
async fn a_key_reused_with_another_body_is_unprocessable() {
    let server = Server::new();
    server
        .write(
            "/api/invitations/inv-reseller/accept",
            "billing-admin",
            "k1",
            ACCEPT_ACK,
        )
        .await;
    server
        .write(
            "/api/invitations/inv-reseller/decline",
            "billing-admin",
            "k1",
            "",
        )
        .await
        .assert_problem(422, "idempotencyKeyReused");
    server
        .write(
            "/api/invitations/inv-reseller/accept",
            "global-admin",
            "k1",
            ACCEPT_ACK,
        )
        .await
        .assert_problem(422, "idempotencyKeyReused");
}

#[tokio::test]
async fn a_write_without_an_idempotency_key_is_a_bad_request() {
    let server = Server::new();
    let reply = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[("x-persona", "global-admin"), ("if-match", "\"1\"")],
            "",
        )
        .await;
    reply.assert_problem(400, "idempotencyKeyRequired");
    assert_eq!(server.revision().await, 1);
}

#[tokio::test]
async fn a_write_without_if_match_is_refused_until_it_has_one() {
    let server = Server::new();
    let reply = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[("x-persona", "global-admin"), ("idempotency-key", "k")],
            "",
        )
        .await;
    reply.assert_problem(428, "ifMatchRequired");
    let reply = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", "k"),
                ("if-match", "7"),
            ],
            "",
        )
        .await;
    reply.assert_problem(400, "invalidIfMatch");
    // An empty If-Match is no ETag either (the document's pattern says so).
    let reply = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", "k"),
                ("if-match", ""),
            ],
            "",
        )
        .await;
    reply.assert_problem(400, "invalidIfMatch");
    assert_eq!(server.revision().await, 1);
}

#[tokio::test]
async fn a_stale_if_match_fails_the_precondition_and_names_the_current_etag() {
    let server = Server::new();
    server
        .write(
            "/api/invitations/inv-reseller/accept",
            "billing-admin",
            "k1",
            ACCEPT_ACK,
        )
        .await;
    let reply = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", "k2"),
                ("if-match", "\"1\""),
            ],
            "",
        )
        .await;
    reply.assert_problem(412, "staleRevision");
    assert_eq!(reply.header("etag"), "\"2\"");
    assert_eq!(reply.json()["revision"], 2);
    // Nothing was stored under the key: the same key works once rebased.
    let reply = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "global-admin"),
                ("idempotency-key", "k2"),
                ("if-match", "*"),
            ],
            "",
        )
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
}

#[tokio::test]
async fn a_persona_that_may_not_act_is_forbidden_once_even_on_retry() {
    let server = Server::new();
    let activity_before = server.current().await.state.activity.len();
    let reply = server
        .write(
            "/api/partners/fabrikam-it/remove-roles",
            "billing-admin",
            "k1",
            "",
        )
        .await;
    reply.assert_problem(403, "notPermitted");
    assert_eq!(
        reply.json()["detail"],
        "Only a Global Administrator can grant or remove partner admin roles."
    );
    // The refusal is in the activity log, so the revision moved on.
    assert_eq!(reply.json()["revision"], 2);
    let replay = server
        .post(
            "/api/partners/fabrikam-it/remove-roles",
            &[
                ("x-persona", "billing-admin"),
                ("idempotency-key", "k1"),
                ("if-match", "\"1\""),
            ],
            "",
        )
        .await;
    assert_eq!(replay.status.as_u16(), 403);
    assert_eq!(replay.text(), reply.text());
    let state = server.current().await;
    assert_eq!(state.state.activity.len(), activity_before + 1);
    assert!(state.state.legacy_roles_of("fabrikam-it").is_some());
}

#[tokio::test]
async fn rule_violations_are_conflicts_or_unprocessable() {
    let server = Server::new();
    server
        .write(
            "/api/invitations/inv-declined/accept",
            "global-admin",
            "k1",
            ACCEPT_ACK,
        )
        .await
        .assert_problem(409, "invitationDeclined");
    server
        .write(
            "/api/invitations/inv-reseller/accept",
            "global-admin",
            "k2",
            "{}",
        )
        .await
        .assert_problem(422, "agreementNotAcknowledged");
    server
        .write("/api/invitations/nope/decline", "global-admin", "k3", "")
        .await
        .assert_problem(404, "invitationNotFound");
}

#[tokio::test]
async fn a_body_that_is_not_json_is_400_and_json_of_the_wrong_shape_is_422() {
    let server = Server::new();
    let accept = "/api/invitations/inv-reseller/accept";
    server
        .write(accept, "global-admin", "k1", "{not json")
        .await
        .assert_problem(400, "invalidJson");
    server
        .write(accept, "global-admin", "k2", r#"{"sneaky":1}"#)
        .await
        .assert_problem(422, "invalidBody");
    server
        .write(
            accept,
            "global-admin",
            "k3",
            r#"{"agreementAcknowledged":"yes"}"#,
        )
        .await
        .assert_problem(422, "invalidBody");
    // serde would read a struct from an array; the document says object.
    server
        .write(accept, "global-admin", "k4", "[]")
        .await
        .assert_problem(422, "invalidBody");
    server
        .write(
            "/api/commands",
            "global-admin",
            "k5",
            r#"{"command":{"type":"noSuchCommand"}}"#,
        )
        .await
        .assert_problem(422, "invalidBody");
    assert_eq!(server.revision().await, 1);
}

#[tokio::test]
async fn an_optional_body_may_be_empty_or_null() {
    let server = Server::new();
    let decline = "/api/invitations/inv-reseller/decline";
    let reply = server.write(decline, "global-admin", "k1", "null").await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
}

#[tokio::test]
async fn a_write_whose_persona_is_missing_or_unknown_is_401_with_a_challenge() {
    let server = Server::new();
    let unknown = server
        .write(
            "/api/invitations/inv-reseller/accept",
            "root",
            "k3",
            ACCEPT_ACK,
        )
        .await;
    unknown.assert_problem(401, "unknownPersona");
    assert_eq!(
        unknown.header("www-authenticate"),
        r#"X-Persona realm="partner-console""#
    );
    let missing = server
        .post(
            "/api/invitations/inv-reseller/accept",
            &[("idempotency-key", "k4"), ("if-match", "*")],
            ACCEPT_ACK,
        )
        .await;
    missing.assert_problem(401, "personaRequired");
    assert!(!missing.header("www-authenticate").is_empty());
    assert_eq!(server.revision().await, 1);
}

#[tokio::test]
async fn a_read_with_an_unknown_persona_is_401() {
    let server = Server::new();
    server
        .get("/api/invitations", Some("root"))
        .await
        .assert_problem(401, "unknownPersona");
    server
        .get("/api/invitations/inv-reseller", Some("root"))
        .await
        .assert_problem(401, "unknownPersona");
}

#[tokio::test]
async fn partners_remove_roles_keeps_the_partner() {
    let server = Server::new();
    let reply = server
        .write(
            "/api/partners/fabrikam-it/remove-roles",
            "global-admin",
            "k1",
            "",
        )
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    let state = server.current().await;
    assert!(state.state.legacy_roles_of("fabrikam-it").is_none());
    assert!(state.state.partner("fabrikam-it").is_some());
}

#[tokio::test]
async fn partners_accept_agreement_signs_it() {
    let server = Server::new();
    let unsigned = server
        .current()
        .await
        .state
        .partners
        .iter()
        .find(|p| !p.agreement.is_signed())
        .map(|p| p.id.clone())
        .expect("a partner without a signed agreement");
    let path = format!("/api/partners/{unsigned}/accept-agreement");
    let reply = server
        .write(&path, "billing-admin", "k1", r#"{"acknowledged":true}"#)
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    let state = server.current().await;
    assert!(state
        .state
        .partner(&unsigned)
        .expect("partner")
        .agreement
        .is_signed());
}

#[tokio::test]
async fn commands_post_runs_any_command_with_the_persona_in_the_body() {
    let server = Server::new();
    let body = r#"{"persona":"global-admin","command":{"type":"declineInvitation","invitationId":"inv-reseller"}}"#;
    let reply = server
        .post(
            "/api/commands",
            &[("idempotency-key", "k1"), ("if-match", "\"1\"")],
            body,
        )
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    assert_eq!(reply.json()["events"][0]["type"], "invitationDeclined");

    let mismatch =
        r#"{"persona":"user","command":{"type":"setPurchaseVisibility","allowed":true}}"#;
    server
        .write("/api/commands", "global-admin", "k2", mismatch)
        .await
        .assert_problem(401, "personaMismatch");
}

#[tokio::test]
async fn the_demo_clock_moves_ahead_and_commands_follow_it() {
    let server = Server::new();
    let body = r#"{"command":{"type":"advanceTime","to":"2027-01-01T00:00:00Z"}}"#;
    let reply = server.write("/api/commands", "user", "k1", body).await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    let state = server.current().await;
    assert_eq!(state.state.now.to_rfc3339(), "2027-01-01T00:00:00Z");
    let back = r#"{"command":{"type":"advanceTime","to":"2026-12-01T00:00:00Z"}}"#;
    server
        .write("/api/commands", "user", "k2", back)
        .await
        .assert_problem(409, "clockCannotGoBack");
}

#[tokio::test]
async fn unknown_api_routes_and_methods_answer_in_json() {
    let server = Server::new();
    server
        .get("/api/nothing-here", None)
        .await
        .assert_problem(404, "noSuchRoute");
    let reply = server.post("/api/state", &[], "").await;
    assert_eq!(reply.status.as_u16(), 405);
}
