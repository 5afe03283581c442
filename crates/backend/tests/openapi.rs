//! /openapi.json is generated from the handlers and types: it lists exactly
//! the routes the router serves, every status each can answer, the header
//! formats the server applies, and schemas that real answers fit.

mod support;

use axum::body::Body;
use axum::http::Request;
use domain::{Command, ContactForm};
use regex::Regex;
use serde_json::{json, Value};
use support::Server;

fn router_operations() -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = backend::api::routes()
        .into_iter()
        .map(|(method, path, _)| (method.to_string(), path.to_string()))
        .chain([
            ("GET".to_string(), "/health".to_string()),
            ("GET".to_string(), "/openapi.json".to_string()),
            ("GET".to_string(), "/config.json".to_string()),
        ])
        .collect();
    found.sort();
    found
}

fn doc() -> Value {
    backend::openapi::document()
}

/// Every operation of the document: (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut found = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("path item") {
            found.push((method.to_uppercase(), path.clone(), operation.clone()));
        }
    }
    found
}

fn statuses(operation: &Value) -> Vec<String> {
    let mut found: Vec<String> = operation["responses"]
        .as_object()
        .expect("responses")
        .keys()
        .cloned()
        .collect();
    found.sort();
    found
}

fn header_param<'a>(operation: &'a Value, name: &str) -> Option<&'a Value> {
    operation["parameters"]
        .as_array()?
        .iter()
        .find(|p| p["in"] == "header" && p["name"] == name)
}

#[test]
fn every_route_is_documented_and_every_documented_route_exists() {
    assert_eq!(backend::openapi::operations(), router_operations());
}

#[test]
fn every_write_documents_every_status_it_can_answer_and_its_headers() {
    let doc = doc();
    let writes: Vec<_> = operations(&doc)
        .into_iter()
        .filter(|(method, _, _)| method == "POST")
        .collect();
    assert_eq!(writes.len(), 5);
    for (_, path, operation) in writes {
        assert_eq!(
            statuses(&operation),
            ["200", "400", "401", "403", "404", "409", "412", "422", "428", "500", "503"],
            "{path}"
        );
        for (name, pattern) in [
            (
                "Idempotency-Key",
                backend::openapi::params::IDEMPOTENCY_KEY_PATTERN,
            ),
            ("If-Match", backend::openapi::params::IF_MATCH_PATTERN),
        ] {
            let param = header_param(&operation, name).unwrap_or_else(|| panic!("{path} {name}"));
            assert_eq!(param["required"], true, "{path} {name}");
            assert_eq!(param["schema"]["pattern"], pattern, "{path} {name}");
        }
        assert!(
            operation["security"]
                .as_array()
                .expect("security")
                .contains(&json!({"demoPersona": []})),
            "{path}"
        );
        let problem = &doc["components"]["responses"]["PreconditionFailed"];
        assert!(problem["content"]["application/problem+json"].is_object());
        assert!(problem["headers"]["ETag"].is_object());
    }
}

#[test]
fn reads_document_their_statuses_and_who_may_send_a_persona() {
    let doc = doc();
    for (method, path, operation) in operations(&doc) {
        if method != "GET" || !path.starts_with("/api/") {
            continue;
        }
        let found = statuses(&operation);
        // 401: a bad persona in demo mode, a missing or bad token in token
        // mode (every read needs one there).
        for status in ["200", "401", "500", "503"] {
            assert!(found.contains(&status.to_string()), "{path} {status}");
        }
        // Only the reads that look at X-Persona list it; for them it is
        // optional (no persona sees the least). Every read takes a token.
        let reads_persona = path.starts_with("/api/invitations");
        let expected = if reads_persona {
            json!([{}, {"demoPersona": []}, {"bearerToken": []}, {"sessionCookie": []}])
        } else {
            json!([{}, {"bearerToken": []}, {"sessionCookie": []}])
        };
        assert_eq!(operation["security"], expected, "{path}");
        assert_eq!(
            found.contains(&"404".to_string()),
            path.contains("{id}"),
            "{path}"
        );
    }
}

#[test]
fn the_schemes_are_bearer_tokens_the_session_cookie_and_the_demo_persona() {
    let doc = doc();
    let schemes = doc["components"]["securitySchemes"]
        .as_object()
        .expect("schemes");
    assert_eq!(
        schemes.keys().collect::<Vec<_>>(),
        ["bearerToken", "demoPersona", "sessionCookie"]
    );
    let bearer = &schemes["bearerToken"];
    assert_eq!(bearer["type"], "http");
    assert_eq!(bearer["scheme"], "bearer");
    assert_eq!(bearer["bearerFormat"], "JWT");
    // Every API operation takes a token as one way in.
    for (_, path, operation) in operations(&doc) {
        if path.starts_with("/api/") {
            let security = operation["security"].as_array().expect("security");
            assert!(security.contains(&json!({"bearerToken": []})), "{path}");
            assert!(security.contains(&json!({"sessionCookie": []})), "{path}");
        }
    }
    let cookie = &schemes["sessionCookie"];
    assert_eq!(cookie["type"], "apiKey");
    assert_eq!(cookie["in"], "cookie");
    assert_eq!(cookie["name"], backend::signin::COOKIE);
    let persona = &schemes["demoPersona"];
    assert_eq!(persona["type"], "apiKey");
    assert_eq!(persona["in"], "header");
    assert_eq!(persona["name"], "X-Persona");
    let description = persona["description"].as_str().expect("description");
    for p in domain::Persona::ALL {
        assert!(description.contains(p.id()), "{description}");
    }
}

/// The If-Match and Idempotency-Key patterns say what the server accepts:
/// a value the pattern allows is never refused as malformed (400), and a
/// value it refuses is.
#[tokio::test]
async fn the_header_patterns_agree_with_the_server() {
    let if_match = Regex::new(backend::openapi::params::IF_MATCH_PATTERN).expect("regex");
    let key = Regex::new(backend::openapi::params::IDEMPOTENCY_KEY_PATTERN).expect("regex");
    let server = Server::new();
    let path = "/api/commands";
    let body = r#"{"command":{"type":"setPurchaseVisibility","allowed":true}}"#;
    for (n, value) in [
        "*",
        "\"1\"",
        "\"007\"",
        "\"99\"",
        "",
        "1",
        "W/\"1\"",
        "\"a\"",
        "\"1\", \"2\"",
        "**",
    ]
    .into_iter()
    .enumerate()
    {
        let k = format!("if-match-{n}");
        let reply = server
            .post(
                path,
                &[
                    ("x-persona", "global-admin"),
                    ("idempotency-key", &k),
                    ("if-match", value),
                ],
                body,
            )
            .await;
        let malformed = reply.status.as_u16() == 400;
        assert_eq!(
            malformed,
            !if_match.is_match(value),
            "If-Match {value:?}: {}",
            reply.text()
        );
    }
    let long = "k".repeat(201);
    let max = "k".repeat(200);
    for value in [
        "a",
        "!~",
        max.as_str(),
        long.as_str(),
        "",
        "with space",
        "é",
    ] {
        let reply = server
            .post(
                path,
                &[
                    ("x-persona", "global-admin"),
                    ("idempotency-key", value),
                    ("if-match", "*"),
                ],
                body,
            )
            .await;
        let malformed = reply.status.as_u16() == 400;
        assert_eq!(
            malformed,
            !key.is_match(value),
            "Idempotency-Key {value:?}: {}",
            reply.text()
        );
    }
}

#[tokio::test]
async fn every_documented_operation_is_served_with_that_method() {
    let server = Server::new();
    for (method, path) in backend::openapi::operations() {
        let path = path.replace("{id}", "x");
        let request = Request::builder()
            .method(method.as_str())
            .uri(&path)
            .body(Body::empty())
            .expect("request");
        let reply = server.send(request).await;
        let code = reply
            .body
            .as_deref()
            .ok()
            .and_then(|b| serde_json::from_str::<Value>(b).ok())
            .map(|v| v["code"].clone());
        assert_ne!(reply.status.as_u16(), 405, "{method} {path}");
        assert_ne!(code, Some("noSuchRoute".into()), "{method} {path}");
        assert!(
            !reply.text().contains("<body>app</body>"),
            "{method} {path} fell back to the app"
        );
    }
}

#[tokio::test]
async fn the_document_is_served_as_openapi_3_1() {
    let server = Server::new();
    let reply = server.get("/openapi.json", None).await;
    assert_eq!(reply.status.as_u16(), 200);
    let served = reply.json();
    assert_eq!(served["openapi"], "3.1.0");
    assert_eq!(served, doc());
}

// ---- real values against the generated schemas ----------------------------

/// Validates `value` against `schema` for the JSON Schema the document
/// uses (type, required, properties, items, enum, oneOf, pattern,
/// additionalProperties, $ref). Stricter than JSON Schema in one way: an
/// object schema that lists properties must list every property the value
/// has, unless it is one of `open` (documented as extensible), so a field
/// the domain adds or renames fails here until the document says it.
struct Validator<'a> {
    doc: &'a Value,
    open: &'a [&'a str],
}

impl Validator<'_> {
    fn check(&self, name: &str, value: &Value) -> Vec<String> {
        let mut errors = Vec::new();
        let schema = self.doc["components"]["schemas"][name].clone();
        assert!(schema.is_object(), "no schema {name}");
        self.walk(&schema, value, name, self.open.contains(&name), &mut errors);
        errors
    }

    fn walk(&self, schema: &Value, value: &Value, at: &str, open: bool, errors: &mut Vec<String>) {
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.trim_start_matches("#/components/schemas/");
            let target = self.doc["components"]["schemas"][name].clone();
            let open = self.open.contains(&name);
            return self.walk(&target, value, &format!("{at}→{name}"), open, errors);
        }
        if let Some(choices) = schema["oneOf"].as_array() {
            let fitting = choices
                .iter()
                .filter(|c| {
                    let mut e = Vec::new();
                    self.walk(c, value, at, open, &mut e);
                    e.is_empty()
                })
                .count();
            if fitting != 1 {
                errors.push(format!("{at}: fits {fitting} of oneOf: {value}"));
            }
            return;
        }
        if let Some(kind) = schema.get("type") {
            let kinds: Vec<&str> = match kind {
                Value::String(k) => vec![k.as_str()],
                Value::Array(ks) => ks.iter().filter_map(Value::as_str).collect(),
                _ => vec![],
            };
            let actual = match value {
                Value::Null => "null",
                Value::Bool(_) => "boolean",
                Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
                Value::Number(_) => "number",
                Value::String(_) => "string",
                Value::Array(_) => "array",
                Value::Object(_) => "object",
            };
            let fits =
                kinds.contains(&actual) || (actual == "integer" && kinds.contains(&"number"));
            if !fits {
                errors.push(format!("{at}: {actual} where {kinds:?}: {value}"));
                return;
            }
        }
        if let Some(allowed) = schema["enum"].as_array() {
            if !allowed.contains(value) {
                errors.push(format!("{at}: {value} not in {allowed:?}"));
            }
        }
        if let (Some(pattern), Some(text)) = (schema["pattern"].as_str(), value.as_str()) {
            if !Regex::new(pattern).expect("pattern").is_match(text) {
                errors.push(format!("{at}: {text:?} does not match {pattern}"));
            }
        }
        if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
            for (i, item) in array.iter().enumerate() {
                self.walk(items, item, &format!("{at}[{i}]"), false, errors);
            }
        }
        if let Some(object) = value.as_object() {
            for required in schema["required"].as_array().into_iter().flatten() {
                let key = required.as_str().expect("name");
                if !object.contains_key(key) {
                    errors.push(format!("{at}: missing {key}"));
                }
            }
            if let Some(properties) = schema["properties"].as_object() {
                let closed = schema["additionalProperties"] == false || !open;
                for (key, member) in object {
                    match properties.get(key) {
                        Some(property) => {
                            self.walk(property, member, &format!("{at}.{key}"), false, errors)
                        }
                        None if closed => errors.push(format!("{at}: undocumented {key}")),
                        None => {}
                    }
                }
            }
        }
    }
}

/// Schemas documented as carrying more than they list.
const OPEN: &[&str] = &["Problem", "Event", "Command"];

fn assert_fits(doc: &Value, name: &str, value: &Value) {
    let errors = Validator { doc, open: OPEN }.check(name, value);
    assert!(errors.is_empty(), "{name}:\n{}", errors.join("\n"));
}

#[test]
fn the_validator_catches_a_wrong_type_a_missing_field_and_an_undocumented_one() {
    let doc = doc();
    let v = Validator {
        doc: &doc,
        open: OPEN,
    };
    let good = json!({"value": []});
    assert!(v.check("RelationshipRowList", &good).is_empty());
    assert!(!v
        .check("RelationshipRowList", &json!({"value": [{}]}))
        .is_empty());
    assert!(!v
        .check("CommandOutcome", &json!({"revision": "7", "events": []}))
        .is_empty());
    assert!(!v
        .check("Health", &json!({"status": "ok", "extra": 1}))
        .is_empty());
    assert!(!v.check("Health", &json!({"status": "down"})).is_empty());
}

#[tokio::test]
async fn real_answers_fit_their_schemas() {
    let doc = doc();
    let server = Server::new();
    assert_fits(&doc, "Health", &server.get("/health", None).await.json());
    assert_fits(
        &doc,
        "AppConfig",
        &server.get("/config.json", None).await.json(),
    );
    assert_fits(
        &doc,
        "Snapshot",
        &server.get("/api/state", None).await.json(),
    );
    assert_fits(
        &doc,
        "RelationshipRowList",
        &server.get("/api/relationships", None).await.json(),
    );
    let inbox = server
        .get("/api/invitations", Some("global-admin"))
        .await
        .json();
    assert_fits(&doc, "InvitationViewList", &inbox);
    let current = server.current().await;
    for invitation in &current.state.invitations {
        let path = format!("/api/invitations/{}", invitation.id);
        assert_fits(
            &doc,
            "InvitationView",
            &server.get(&path, Some("user")).await.json(),
        );
    }
    for partner in &current.state.partners {
        let path = format!("/api/partners/{}", partner.id);
        assert_fits(&doc, "PartnerDetail", &server.get(&path, None).await.json());
    }
    let refused = server
        .write("/api/partners/fabrikam-it/remove-roles", "user", "k1", "")
        .await;
    assert_eq!(refused.status.as_u16(), 403);
    assert_fits(&doc, "Problem", &refused.json());
    assert_fits(
        &doc,
        "Problem",
        &server.get("/api/partners/nope", None).await.json(),
    );
}

/// Real domain commands, as a client sends them, fit the documented input
/// and are taken by the server; their outcomes and events fit too.
#[tokio::test]
async fn real_commands_fit_the_command_input_and_their_outcomes_fit() {
    let doc = doc();
    let server = Server::new();
    let later = server.current().await.state.now.add_days(1);
    let commands = [
        Command::SetPurchaseVisibility { allowed: true },
        Command::DeclineInvitation {
            invitation_id: "inv-reseller".into(),
        },
        Command::RemoveRoles {
            partner_id: "fabrikam-it".into(),
        },
        Command::AcceptInvitation {
            invitation_id: "inv-granular-helpdesk".into(),
            agreement_acknowledged: true,
        },
        Command::SendContactRequest {
            partner_ids: vec![],
            form: ContactForm::default(),
        },
        Command::AdvanceTime { to: later },
    ];
    for (n, command) in commands.into_iter().enumerate() {
        let input = json!({"persona": "global-admin", "command": command});
        assert_fits(&doc, "CommandInput", &input);
        let reply = server
            .post(
                "/api/commands",
                &[("idempotency-key", &format!("c{n}")), ("if-match", "*")],
                &input.to_string(),
            )
            .await;
        let status = reply.status.as_u16();
        let body = reply.json();
        assert_ne!(body["code"], "invalidBody", "{input}: {body}");
        if status == 200 {
            assert_fits(&doc, "CommandOutcome", &body);
        } else {
            assert_fits(&doc, "Problem", &body);
        }
    }
}
