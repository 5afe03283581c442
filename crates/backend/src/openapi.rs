//! The OpenAPI 3.1 document served at /openapi.json, written by hand so it
//! says what a browser client needs: who acts (X-Persona), how to retry
//! (Idempotency-Key), how to avoid lost updates (ETag / If-Match), and the
//! problem+json errors. A test checks it lists exactly the router's routes.

use serde_json::{json, Value};

/// The document.
pub fn document() -> Value {
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Partner relationships console API",
            "version": "1.0.0",
            "description": "The domain engine over HTTP. Reads answer with the state's revision as ETag. \
    Writes (every POST) must carry an Idempotency-Key (a fresh random value per user action, reused \
    unchanged on retries: a replay returns the first answer with `Idempotent-Replayed: true`; the same key \
    with another request gets 422) and If-Match with the ETag the client last saw (or `*`); a stale one gets 412 \
    with the current ETag. The acting persona comes from the X-Persona header (or, for /api/commands, the body's \
    `persona`); reads without it see what a user without admin roles sees. Errors are RFC 9457 problem+json \
    with a stable `code`. A refused command is logged in the activity, so it moves the revision on too \
    (the problem carries the new `revision`). Commands run at max(wall clock, the state's demo clock). \
    Retry only reads and keyed writes; honour Retry-After."
        },
        "paths": {
            "/health": {"get": op("health", "Liveness", &[], None, json!({"200": ok_json("Up", json!({"type": "object", "properties": {"status": {"const": "ok"}}}))}))},
            "/openapi.json": {"get": op("openapi_get", "This document", &[], None, json!({"200": ok_json("The OpenAPI document", json!({"type": "object"}))}))},
            "/config.json": {"get": op("app_config", "Tells the app served from here to use this API", &[], None, json!({"200": ok_json("The app's backend", json!({"type": "object", "properties": {"backend": {"const": "http"}, "api": {"const": "/api"}}}))}))},
            "/api/state": {"get": op("state_get", "The whole saved state (the snapshot format the app exports)",
                &["IfNoneMatch"], None,
                json!({"200": ok_json("The snapshot", schema("Snapshot")), "304": {"description": "Unchanged since the ETag sent in If-None-Match"}}))},
            "/api/relationships": {"get": op("relationships_list", "The partner relationships table", &[], None,
                json!({"200": ok_json("One row per partner you work with", collection("RelationshipRow"))}))},
            "/api/invitations": {"get": op("invitations_list", "The invitations inbox, newest first", &["XPersona"], None,
                json!({"200": ok_json("Invitations as the persona sees them", collection("InvitationView"))}))},
            "/api/invitations/{id}": {"get": op("invitations_get", "One invitation's page", &["Id", "XPersona"], None,
                with_errors(json!({"200": ok_json("The invitation", schema("InvitationView"))}), &["404"]))},
            "/api/invitations/{id}/accept": {"post": write_op("invitations_accept", "Accept & Authorize (approve all)", &["Id"], "AcceptInvitationInput")},
            "/api/invitations/{id}/decline": {"post": write_op("invitations_decline", "Decline the invitation", &["Id"], "EmptyInput")},
            "/api/partners/{id}": {"get": op("partners_get", "A partner's page", &["Id"], None,
                with_errors(json!({"200": ok_json("The partner", schema("PartnerDetail"))}), &["404"]))},
            "/api/partners/{id}/remove-roles": {"post": write_op("partners_remove_roles", "Remove roles? → Yes", &["Id"], "EmptyInput")},
            "/api/partners/{id}/accept-agreement": {"post": write_op("partners_accept_agreement", "Review and accept the customer agreement", &["Id"], "AcceptAgreementInput")},
            "/api/commands": {"post": write_op("commands_post", "Any domain command (the partner simulator, the demo clock, contact requests, purchase visibility…)", &[], "CommandInput")}
        },
        "components": {
            "parameters": {
                "Id": {"name": "id", "in": "path", "required": true, "schema": {"type": "string"}},
                "XPersona": {"name": "X-Persona", "in": "header", "required": false,
                    "description": "Who acts: a persona id or its JSON name.",
                    "schema": {"type": "string", "enum": [
                        "global-admin", "billing-admin", "helpdesk-admin", "user", "partner-aobo",
                        "globalAdministrator", "billingAdministrator", "helpdeskAdministrator", "partnerOnBehalf"]}},
                "IdempotencyKey": {"name": "Idempotency-Key", "in": "header", "required": true,
                    "description": "1 to 200 visible ASCII characters; new per action, the same on every retry of it. Kept 24 hours.",
                    "schema": {"type": "string", "maxLength": 200}},
                "IfMatch": {"name": "If-Match", "in": "header", "required": true,
                    "description": "The ETag of the state the write is based on, like \"7\", or *.",
                    "schema": {"type": "string"}},
                "IfNoneMatch": {"name": "If-None-Match", "in": "header", "required": false, "schema": {"type": "string"}}
            },
            "headers": {
                "ETag": {"description": "The revision of the state, like \"7\".", "schema": {"type": "string"}},
                "IdempotentReplayed": {"description": "`true` when this is the first answer given again.", "schema": {"type": "string"}},
                "RetryAfter": {"description": "Seconds to wait before retrying.", "schema": {"type": "integer"}}
            },
            "responses": problem_responses(),
            "schemas": schemas()
        }
    })
}

fn schema(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn collection(item: &str) -> Value {
    json!({"type": "object", "required": ["value"], "properties": {"value": {"type": "array", "items": schema(item)}}})
}

fn ok_json(description: &str, body: Value) -> Value {
    json!({
        "description": description,
        "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
        "content": {"application/json": {"schema": body}}
    })
}

fn op(id: &str, summary: &str, params: &[&str], body: Option<&str>, responses: Value) -> Value {
    let parameters: Vec<Value> = params
        .iter()
        .map(|p| json!({"$ref": format!("#/components/parameters/{p}")}))
        .collect();
    let mut operation = json!({
        "operationId": id,
        "summary": summary,
        "parameters": parameters,
        "responses": with_errors(responses, &["500", "503"]),
    });
    if let (Some(body), Value::Object(members)) = (body, &mut operation) {
        members.insert(
            "requestBody".into(),
            json!({"required": false, "content": {"application/json": {"schema": schema(body)}}}),
        );
    }
    operation
}

fn write_op(id: &str, summary: &str, params: &[&str], body: &str) -> Value {
    let mut all = params.to_vec();
    all.extend(["XPersona", "IdempotencyKey", "IfMatch"]);
    let ok = json!({"200": {
        "description": "Done: the events, and the new revision (also the ETag).",
        "headers": {
            "ETag": {"$ref": "#/components/headers/ETag"},
            "Idempotent-Replayed": {"$ref": "#/components/headers/IdempotentReplayed"}
        },
        "content": {"application/json": {"schema": schema("CommandOutcome")}}
    }});
    op(
        id,
        summary,
        &all,
        Some(body),
        with_errors(ok, &["400", "403", "404", "409", "412", "422", "428"]),
    )
}

fn with_errors(mut responses: Value, statuses: &[&str]) -> Value {
    if let Value::Object(members) = &mut responses {
        for status in statuses {
            members.insert(
                (*status).to_string(),
                json!({"$ref": format!("#/components/responses/Problem{status}")}),
            );
        }
    }
    responses
}

fn problem_responses() -> Value {
    let described = [
        (
            "400",
            "Bad input: invalid JSON, no or bad Idempotency-Key, unknown persona.",
        ),
        ("403", "The persona may not do this (code notPermitted)."),
        ("404", "The invitation or partner does not exist."),
        (
            "409",
            "The current state does not allow it (already accepted, expired, no roles to remove…).",
        ),
        (
            "412",
            "If-Match is stale: reload (the ETag header has the current revision).",
        ),
        (
            "422",
            "Input no state would accept, or an Idempotency-Key reused for another request.",
        ),
        ("428", "The write carries no If-Match."),
        ("500", "Failed inside; retry with the same Idempotency-Key."),
        ("503", "Overloaded; retry after Retry-After seconds."),
    ];
    let mut responses = serde_json::Map::new();
    for (status, description) in described {
        responses.insert(
            format!("Problem{status}"),
            json!({
                "description": description,
                "headers": {"Retry-After": {"$ref": "#/components/headers/RetryAfter"}},
                "content": {"application/problem+json": {"schema": schema("Problem")}}
            }),
        );
    }
    Value::Object(responses)
}

fn schemas() -> Value {
    let command_types = [
        "sendContactRequest",
        "acceptInvitation",
        "declineInvitation",
        "acceptCustomerAgreement",
        "removeRoles",
        "setPurchaseVisibility",
        "issueInvitation",
        "advanceTime",
    ];
    json!({
        "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details. Refusals of the engine add their fields (e.g. `errors` for a contact form, `invitationId`) and `revision`.",
            "required": ["type", "title", "status", "detail", "code"],
            "properties": {
                "type": {"type": "string", "format": "uri"},
                "title": {"type": "string"},
                "status": {"type": "integer"},
                "detail": {"type": "string", "description": "A sentence an admin understands."},
                "code": {"type": "string", "description": "Stable: the engine's error code, or one of invalidJson, personaRequired, unknownPersona, personaMismatch, idempotencyKeyRequired, invalidIdempotencyKey, invalidIfMatch, ifMatchRequired, staleRevision, idempotencyKeyReused, readOnly, noSuchRoute, methodNotAllowed, internal, faultInjected."},
                "revision": {"type": "integer"}
            }
        },
        "Snapshot": {
            "type": "object",
            "description": "What the app exports: decode it with the domain's snapshot::decode.",
            "required": ["schemaVersion", "state"],
            "properties": {"schemaVersion": {"type": "integer"}, "state": schema("State")}
        },
        "State": {
            "type": "object",
            "description": "The domain State in camelCase with Graph's names (relationships are delegatedAdminRelationship-shaped).",
            "properties": {
                "now": {"type": "string", "format": "date-time"},
                "partners": {"type": "array", "items": {"type": "object"}},
                "invitations": {"type": "array", "items": {"type": "object"}},
                "relationships": {"type": "array", "items": {"type": "object"}},
                "legacyRoles": {"type": "array", "items": {"type": "object"}},
                "purchaseVisibility": {"type": "boolean"},
                "contactRequests": {"type": "array", "items": {"type": "object"}},
                "notices": {"type": "array", "items": {"type": "object"}},
                "activity": {"type": "array", "items": {"type": "object"}}
            }
        },
        "RelationshipRow": {"type": "object", "properties": {
            "partnerId": {"type": "string"}, "partnerName": {"type": "string"},
            "types": {"type": "array", "items": {"type": "string"}},
            "adminRoles": {"type": "array", "items": {"type": "string"}},
            "granularStatus": {"type": ["string", "null"]}, "access": {"type": "string"},
            "earliestEnd": {"type": ["string", "null"], "format": "date-time"},
            "daysLeft": {"type": ["integer", "null"]}, "agreementSigned": {"type": "boolean"},
            "hasAdminRoles": {"type": "boolean"}, "hasLegacyRoles": {"type": "boolean"}}},
        "InvitationView": {"type": "object", "description": "The domain's views::InvitationView.", "properties": {
            "invitation": {"type": "object"}, "partner": {"type": "object"}, "availability": {"type": "string"},
            "roles": {"type": "array", "items": {"type": "object"}}, "personaMayAccept": {"type": "boolean"},
            "personaMayDecline": {"type": "boolean"}, "blockedByLegacyRoles": {"type": "boolean"},
            "daysUntilExpiry": {"type": "integer"}}},
        "PartnerDetail": {"type": "object", "description": "The domain's views::PartnerDetail.", "properties": {
            "partner": {"type": "object"}, "relationships": {"type": "array", "items": {"type": "object"}},
            "pendingInvitations": {"type": "array", "items": {"type": "object"}},
            "canRemoveRoles": {"type": "boolean"}, "purchaseBlocked": {"type": "boolean"}}},
        "AcceptInvitationInput": {"type": "object", "additionalProperties": false,
            "properties": {"agreementAcknowledged": {"type": "boolean", "default": false}}},
        "AcceptAgreementInput": {"type": "object", "additionalProperties": false,
            "properties": {"acknowledged": {"type": "boolean", "default": false}}},
        "EmptyInput": {"type": "object", "additionalProperties": false, "description": "No fields; the body may be empty."},
        "CommandInput": {"type": "object", "additionalProperties": false, "required": ["command"],
            "properties": {"persona": {"type": "string"}, "command": schema("Command")}},
        "Command": {"type": "object", "required": ["type"],
            "description": "The domain Command, tagged by `type`, fields in camelCase, e.g. {\"type\":\"removeRoles\",\"partnerId\":\"fabrikam-it\"}.",
            "properties": {"type": {"type": "string", "enum": command_types}}},
        "CommandOutcome": {"type": "object", "required": ["revision", "events"], "properties": {
            "revision": {"type": "integer"},
            "events": {"type": "array", "items": schema("Event"),
                "description": "Applied in order to the state of revision - 1 they give the state of revision (time catching up first)."}}},
        "Event": {"type": "object", "required": ["type", "at"], "description": "The domain Event, tagged by `type`.",
            "properties": {"type": {"type": "string"}, "at": {"type": "string", "format": "date-time"}, "by": {"type": ["string", "null"]}}}
    })
}

/// (method, path) of every operation in the document, paths in axum's
/// syntax (the same `{id}` form).
pub fn operations() -> Vec<(String, String)> {
    let doc = document();
    let mut found = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            if let Some(methods) = item.as_object() {
                for method in methods.keys() {
                    found.push((method.to_uppercase(), path.clone()));
                }
            }
        }
    }
    found.sort();
    found
}
