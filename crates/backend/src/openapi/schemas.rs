//! The wire shapes of the API's answers and of the domain values it takes,
//! for the document only. The domain crate is shared with the wasm app, so
//! it carries no OpenAPI derive: these mirror its JSON instead, and
//! `tests/openapi.rs` validates real domain values (the demo state, its
//! views, commands, events, refusals) against the generated schemas, so a
//! field that changes there fails a test here. Nested domain objects are
//! described as objects whose shape the domain defines.
#![allow(dead_code)] // Described, never built: serde writes the real values.

use serde_json::Value;
use utoipa::openapi::schema::{ObjectBuilder, Schema, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// RFC 9457 problem details. Refusals of the engine add their fields (e.g.
/// `errors` for a contact form, `invitationId`) and `revision`.
#[derive(ToSchema)]
pub struct Problem {
    /// `urn:partner-console:problem:<code>`.
    #[schema(rename = "type")]
    kind: String,
    /// The status's reason phrase.
    title: String,
    status: u16,
    /// A sentence an admin understands.
    detail: String,
    /// Stable: the engine's error code, or one of invalidJson, invalidBody,
    /// personaRequired, unknownPersona, personaMismatch,
    /// idempotencyKeyRequired, invalidIdempotencyKey, invalidIfMatch,
    /// ifMatchRequired, staleRevision, idempotencyKeyReused, readOnly,
    /// noSuchRoute, methodNotAllowed, internal, faultInjected.
    code: String,
    /// The state's revision after a refused command (the refusal is logged).
    revision: Option<u64>,
}

/// `GET /health`.
#[derive(ToSchema)]
pub struct Health {
    #[schema(pattern = "^ok$")]
    status: String,
}

/// `GET /config.json`: tells the app served from here to keep its data here.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct AppConfig {
    #[schema(pattern = "^http$")]
    backend: String,
    #[schema(pattern = "^/api$")]
    api: String,
    /// People sign in through /auth (sign-in mode); false: X-Persona
    /// (demo personas, tests only) or bearer tokens alone.
    sign_in: bool,
}

/// What the app exports and imports: decode it with the domain's
/// `snapshot::decode`.
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct Snapshot {
    schema_version: u32,
    state: State,
}

/// The domain's State in camelCase with Graph's names (relationships are
/// delegatedAdminRelationship-shaped).
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct State {
    /// The demo clock.
    #[schema(format = DateTime)]
    now: String,
    #[schema(value_type = Vec<Object>)]
    partners: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    invitations: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    relationships: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    legacy_roles: Vec<Value>,
    purchase_visibility: bool,
    #[schema(value_type = Vec<Object>)]
    contact_requests: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    notices: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    activity: Vec<Value>,
    /// This organization's Microsoft Entra tenant id, when known.
    tenant_id: Option<String>,
    /// This organization's name, as its sign-in named it when the server
    /// created it; absent in older saves.
    organization_name: Option<String>,
    /// The last "Mark as reviewed" of partner access: when, by whom, how
    /// many partners and flags.
    #[schema(value_type = Option<Object>)]
    last_access_review: Option<Value>,
}

/// One row of the partner relationships table (the domain's
/// `views::RelationshipRow`).
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct RelationshipRow {
    partner_id: String,
    partner_name: String,
    /// Relationship types, e.g. reseller, granular.
    types: Vec<String>,
    /// Names of the admin roles in force, legacy and granular.
    admin_roles: Vec<String>,
    granular_status: Option<String>,
    access: String,
    #[schema(format = DateTime)]
    earliest_end: Option<String>,
    days_left: Option<i64>,
    agreement_signed: bool,
    has_admin_roles: bool,
    has_legacy_roles: bool,
    legacy_roles: Vec<String>,
    /// Names of the roles in force that Entra marks privileged.
    privileged_roles: Vec<String>,
}

/// `{"value": [...]}`, shaped like Graph's lists.
#[derive(ToSchema)]
pub struct RelationshipRowList {
    value: Vec<RelationshipRow>,
}

/// One invitation as the persona sees it (the domain's
/// `views::InvitationView`).
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct InvitationView {
    #[schema(value_type = Object)]
    invitation: Value,
    #[schema(value_type = Object)]
    partner: Value,
    /// open, expired, accepted or declined.
    availability: String,
    /// Every admin role accepting would grant.
    #[schema(value_type = Vec<Object>)]
    roles: Vec<Value>,
    duration_label: Option<String>,
    #[schema(format = DateTime)]
    end_if_accepted_now: Option<String>,
    auto_extend_label: Option<String>,
    blocked_by_legacy_roles: bool,
    persona_may_accept: bool,
    persona_may_decline: bool,
    agreement_signed: bool,
    days_until_expiry: i64,
}

#[derive(ToSchema)]
pub struct InvitationViewList {
    value: Vec<InvitationView>,
}

/// A partner's page (the domain's `views::PartnerDetail`).
#[derive(ToSchema)]
#[schema(rename_all = "camelCase")]
pub struct PartnerDetail {
    #[schema(value_type = Object)]
    partner: Value,
    #[schema(value_type = Option<Object>)]
    legacy_roles: Option<Value>,
    #[schema(value_type = Vec<Object>)]
    legacy_role_views: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    relationships: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    pending_invitations: Vec<Value>,
    can_remove_roles: bool,
    purchase_blocked: bool,
    #[schema(value_type = Vec<Object>)]
    ending_soon: Vec<Value>,
    #[schema(value_type = Vec<Object>)]
    notices: Vec<Value>,
}

/// A domain command: an object tagged by `type` (camelCase), its fields in
/// camelCase, e.g. `{"type": "removeRoles", "partnerId": "fabrikam-it"}`
/// or `{"type": "advanceTime", "to": "2026-12-01T00:00:00Z"}`. The domain
/// defines the types and their fields; one it does not know, or a field
/// that does not fit, is refused with 422 (invalidBody).
#[derive(ToSchema)]
pub struct Command {
    #[schema(rename = "type", min_length = 1)]
    kind: String,
}

/// Done: the events, and the new revision (also the ETag).
#[derive(ToSchema)]
pub struct CommandOutcome {
    revision: u64,
    /// Applied in order to the state of `revision - 1` they give the state
    /// of `revision` (time catching up first).
    events: Vec<Event>,
}

/// A domain event, tagged by `type`.
#[derive(ToSchema)]
pub struct Event {
    #[schema(rename = "type")]
    kind: String,
    #[schema(format = DateTime)]
    at: String,
    /// Who acted (a persona's JSON name); null for the system.
    by: Option<String>,
}

/// A persona: its id (`billing-admin`) or its JSON name
/// (`billingAdministrator`), listed from the domain.
pub struct PersonaName;

impl PartialSchema for PersonaName {
    fn schema() -> RefOr<Schema> {
        let mut names: Vec<String> = Vec::new();
        for persona in domain::Persona::ALL {
            names.push(persona.id().to_string());
            if let Ok(Value::String(json)) = serde_json::to_value(persona) {
                if !names.contains(&json) {
                    names.push(json);
                }
            }
        }
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(names))
            .description(Some("A persona: its id or its JSON name."))
            .into()
    }
}

impl ToSchema for PersonaName {}
