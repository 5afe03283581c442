//! Server mode: Microsoft Graph's relationships imported through
//! `POST /api/commands`, with the same rules as in the browser.

mod support;

use domain::external::graph::{read_graph, ImportPartner};
use domain::Command;
use support::Server;

const ACTIVE: &str = "11111111-2222-4333-8444-555555555555-4fdbff88-9d6b-42e0-9713-45c922ba8001";
const CREATED: &str = "22222222-2222-4333-8444-555555555555-4fdbff88-9d6b-42e0-9713-45c922ba8001";

fn graph(id: &str, status: &str) -> String {
    format!(
        r#"{{"@odata.type":"microsoft.graph.delegatedAdminRelationship","id":"{id}","displayName":"Woodgrove {status}",
        "duration":"P730D","status":"{status}","autoExtendDuration":"PT0S",
        "accessDetails":{{"unifiedRoles":[{{"roleDefinitionId":"729827e3-9c14-49f7-bb1b-9608f156bbb8"}}]}},
        "activatedDateTime":"2026-11-01T00:00:00Z","endDateTime":"2027-06-01T00:00:00Z"}}"#
    )
}

fn body(objects: &[String]) -> String {
    let text = format!(r#"{{"value":[{}]}}"#, objects.join(","));
    let command = Command::ImportRelationships {
        partner: ImportPartner::Existing {
            partner_id: "contoso-cloud".to_string(),
        },
        relationships: read_graph(&text).expect("Graph JSON"),
    };
    serde_json::json!({ "command": command }).to_string()
}

#[tokio::test]
async fn a_graph_import_runs_through_post_api_commands() {
    let server = Server::new();
    let reply = server
        .write(
            "/api/commands",
            "global-admin",
            "k1",
            &body(&[graph(ACTIVE, "active")]),
        )
        .await;
    assert_eq!(reply.status.as_u16(), 200, "{}", reply.text());
    assert_eq!(reply.json()["events"][0]["type"], "relationshipImported");
    let state = server.current().await;
    let imported = state.state.relationship(ACTIVE).expect("imported");
    assert_eq!(imported.partner_id, "contoso-cloud");
    assert_eq!(
        imported.end_date_time.map(|e| e.date_string()).as_deref(),
        Some("2027-06-01")
    );
}

#[tokio::test]
async fn a_created_relationship_or_a_persona_without_the_right_changes_nothing() {
    let server = Server::new();
    let before = server.current().await.state.clone();
    let mixed = body(&[graph(ACTIVE, "active"), graph(CREATED, "created")]);
    let reply = server
        .write("/api/commands", "global-admin", "k1", &mixed)
        .await;
    reply.assert_problem(422, "importRefused");
    assert!(reply.json()["detail"]
        .as_str()
        .is_some_and(|d| d.contains("the partner has not sent it to you yet")));
    let refused = server
        .write(
            "/api/commands",
            "billing-admin",
            "k2",
            &body(&[graph(ACTIVE, "active")]),
        )
        .await;
    refused.assert_problem(403, "notPermitted");
    let after = server.current().await.state.clone();
    assert_eq!(after.relationships, before.relationships);
    assert_eq!(after.partners, before.partners);
}
