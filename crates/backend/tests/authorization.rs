//! Who may write what, with real bearer tokens: every role × every write
//! route. The expected answers are written out by hand from the product
//! brief's rules (/work/shared/PRODUCT.md, "Who may do what"), not
//! computed from `domain::permissions`, so a change in the rules' code
//! that the brief does not make shows up here. A refused write changes
//! nothing but the activity log's record of the refusal.

mod support;

use domain::external::graph::{read_graph, ImportPartner};
use domain::{Command, State};
use serde_json::{json, Value};
use support::tokens::{
    bearer, claims, token_auth, ADATUM, BILLING_ADMINISTRATOR, FABRIKAM, GLOBAL_ADMINISTRATOR,
    GLOBAL_READER, HELPDESK_ADMINISTRATOR,
};
use support::Server;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    GlobalAdministrator,
    BillingAdministrator,
    HelpdeskAdministrator,
    GlobalReader,
    NoAdmin,
    /// A partner's agent acting on behalf of Adatum (AOBO), as `idp/`
    /// signs it: Adatum's `tid`, the partner's tenant in `idp`.
    PartnerAgent,
}

const ROLES: [Role; 6] = [
    Role::GlobalAdministrator,
    Role::BillingAdministrator,
    Role::HelpdeskAdministrator,
    Role::GlobalReader,
    Role::NoAdmin,
    Role::PartnerAgent,
];

impl Role {
    fn token(self) -> String {
        let user = "0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51";
        let member = |wids: &[&str]| claims(ADATUM, user, "Someone at Adatum", wids);
        let claims = match self {
            Role::GlobalAdministrator => member(&[GLOBAL_ADMINISTRATOR]),
            Role::BillingAdministrator => member(&[BILLING_ADMINISTRATOR]),
            Role::HelpdeskAdministrator => member(&[HELPDESK_ADMINISTRATOR]),
            Role::GlobalReader => member(&[GLOBAL_READER]),
            Role::NoAdmin => member(&[]),
            Role::PartnerAgent => {
                let mut agent = claims(
                    ADATUM,
                    "6bcf9a4e-b287-4d35-b46e-c08b4c6d9fb7",
                    "Gray Santos (Fabrikam IT Services)",
                    &[BILLING_ADMINISTRATOR],
                );
                agent["idp"] = json!(format!("https://sts.windows.net/{FABRIKAM}/"));
                agent
            }
        };
        bearer(&claims)
    }
}

/// One write: route, body, and what each role gets.
struct Write {
    what: &'static str,
    path: String,
    body: String,
    /// Only these roles are let through (200); every other gets
    /// 403 `refused_code`.
    allowed: &'static [Role],
    refused_code: &'static str,
}

use Role::{BillingAdministrator as Billing, GlobalAdministrator as Global};

/// The table, from PRODUCT.md: a Global Administrator may do everything,
/// including granting or removing partner admin roles; a Billing
/// Administrator may contact partners, accept (and so decline) invitations
/// that carry no admin roles, accept the customer agreement and set
/// purchase visibility; any other admin role or user sees the pages
/// read-only, and so does a partner's agent (AOBO), who only reads the
/// customer's billing pages. Marking partner access as reviewed is part
/// of managing partner admin roles; importing Graph relationships grants
/// them. The demo's partner simulator and clock are off for everyone on a
/// server with real sign-in.
fn writes(state: &State) -> Vec<Write> {
    let unsigned = state
        .partners
        .iter()
        .find(|p| !p.types.is_empty() && !p.agreement.is_signed())
        .map(|p| p.id.clone())
        .expect("a partner without a signed agreement in the demo data");
    let command = |command: Value| json!({ "command": command }).to_string();
    let contact = command(
        json!({"type": "sendContactRequest", "partnerIds": ["p-000042"],
        "form": {"country": "United States", "city": "Seattle", "firstName": "Avery",
            "lastName": "Howard", "email": "avery.howard@adatum.example",
            "phone": "+1 425 555 0100", "organizationSize": "50-249 employees",
            "organizationName": "Adatum Corporation", "industry": "Retail",
            "businessNeeds": "Help with our Teams rollout."}}),
    );
    let import = {
        let graph = r#"{"value":[{"@odata.type":"microsoft.graph.delegatedAdminRelationship",
            "id":"11111111-2222-4333-8444-555555555555-4fdbff88-9d6b-42e0-9713-45c922ba8001",
            "displayName":"Contoso helpdesk","duration":"P730D","status":"active",
            "autoExtendDuration":"PT0S",
            "accessDetails":{"unifiedRoles":[{"roleDefinitionId":"729827e3-9c14-49f7-bb1b-9608f156bbb8"}]},
            "activatedDateTime":"2026-11-01T00:00:00Z","endDateTime":"2027-06-01T00:00:00Z"}]}"#;
        let command = Command::ImportRelationships {
            partner: ImportPartner::Existing {
                partner_id: "contoso-cloud".to_string(),
            },
            relationships: read_graph(graph).expect("Graph JSON"),
        };
        json!({ "command": command }).to_string()
    };
    let visibility = command(json!({"type": "setPurchaseVisibility",
        "allowed": !state.purchase_visibility}));
    let write = |what, path: &str, body: String, allowed| Write {
        what,
        path: path.to_string(),
        body,
        allowed,
        refused_code: "notPermitted",
    };
    vec![
        write(
            "accept an invitation asking for admin roles",
            "/api/invitations/inv-granular-helpdesk/accept",
            r#"{"agreementAcknowledged":true}"#.into(),
            &[Global],
        ),
        write(
            "accept a Reseller invitation (no admin roles)",
            "/api/invitations/inv-reseller/accept",
            r#"{"agreementAcknowledged":true}"#.into(),
            &[Global, Billing],
        ),
        write(
            "decline an invitation",
            "/api/invitations/inv-reseller/decline",
            "{}".into(),
            &[Global, Billing],
        ),
        write(
            "remove a partner's admin roles",
            "/api/partners/fabrikam-it/remove-roles",
            "{}".into(),
            &[Global],
        ),
        write(
            "accept the customer agreement",
            &format!("/api/partners/{unsigned}/accept-agreement"),
            r#"{"acknowledged":true}"#.into(),
            &[Global, Billing],
        ),
        write(
            "contact a partner",
            "/api/commands",
            contact,
            &[Global, Billing],
        ),
        write(
            "set purchase visibility",
            "/api/commands",
            visibility,
            &[Global, Billing],
        ),
        write(
            "mark partner access as reviewed",
            "/api/commands",
            command(json!({"type": "markAccessReviewed"})),
            &[Global],
        ),
        write(
            "import relationships from Graph",
            "/api/commands",
            import,
            &[Global],
        ),
        Write {
            refused_code: "demoToolsOff",
            ..write(
                "move the demo clock",
                "/api/commands",
                command(json!({"type": "advanceTime", "to": "2027-01-01T00:00:00Z"})),
                &[],
            )
        },
        Write {
            refused_code: "demoToolsOff",
            ..write(
                "the partner simulator",
                "/api/commands",
                command(json!({"type": "issueInvitation",
                    "partner": {"id": "p-x", "name": "Invented"},
                    "relationshipTypes": ["reseller"]})),
                &[],
            )
        },
    ]
}

/// The state without its activity log: what a refusal must not change.
fn data(state: &State) -> State {
    let mut data = state.clone();
    data.activity.clear();
    data
}

#[tokio::test]
async fn each_role_may_make_exactly_the_writes_the_product_brief_gives_it() {
    let template = Server::with_token_auth(token_auth(&[]));
    let count = writes(&template.current().await.state).len();
    let mut failures = Vec::new();
    for role in ROLES {
        for i in 0..count {
            // A fresh organization each time: one write's effect is never
            // another's precondition.
            let server = Server::with_token_auth(token_auth(&[]));
            let before = server.current().await;
            let write = writes(&before.state).swap_remove(i);
            let tag = format!("\"{}\"", before.revision);
            let token = role.token();
            let reply = server
                .post(
                    &write.path,
                    &[
                        ("authorization", &token),
                        ("idempotency-key", "k-1"),
                        ("if-match", &tag),
                    ],
                    &write.body,
                )
                .await;
            let after = server.current().await;
            let expected: u16 = if write.allowed.contains(&role) {
                200
            } else {
                403
            };
            let got = reply.status.as_u16();
            if got != expected {
                failures.push(format!(
                    "{role:?} / {}: expected {expected}, got {got}: {}",
                    write.what,
                    reply.text()
                ));
                continue;
            }
            if expected == 200 {
                assert_ne!(
                    data(&after.state),
                    data(&before.state),
                    "{role:?} / {}",
                    write.what
                );
                continue;
            }
            reply.assert_problem(403, write.refused_code);
            assert_eq!(
                data(&after.state),
                data(&before.state),
                "{role:?} / {}: a refused write changed the data",
                write.what
            );
            // At most the refusal itself is logged, naming who tried.
            // Entries are appended: the new ones are at the end.
            let logged = &after.state.activity
                [before.state.activity.len().min(after.state.activity.len())..];
            assert!(logged.len() <= 1, "{role:?} / {}: {logged:?}", write.what);
            for entry in logged {
                let entry = serde_json::to_value(entry).expect("entry");
                assert!(
                    entry["outcome"]
                        .as_str()
                        .is_some_and(|o| o.starts_with("Refused")),
                    "{role:?} / {}: {entry}",
                    write.what
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
