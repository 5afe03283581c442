//! Reads what Graph or PowerShell wrote into [`GraphRelationship`]s, or
//! says in one sentence which relationship and which field is wrong.
//!
//! Shapes read, and where they come from:
//! - Graph v1.0 (`GET /tenantRelationships/delegatedAdminRelationships`
//!   and `.../{id}`): camelCase names, ISO 8601 durations (`P730D`) and
//!   dates (`2022-02-10T11:24:42.3148266Z`), `@odata.*` annotations.
//! - `Get-MgTenantRelationshipDelegatedAdminRelationship | ConvertTo-Json`:
//!   the SDK's PascalCase properties (`DisplayName`, `AccessDetails`,
//!   `UnifiedRoles`, `RoleDefinitionId`, ...), `Duration` and
//!   `AutoExtendDuration` as .NET TimeSpan objects (`Ticks`, `Days`, ...,
//!   `TotalDays`), dates as `/Date(ms)/` (Windows PowerShell 5.1) or ISO
//!   text (PowerShell 7), and a top-level array for several objects.
//!
//! Names are matched without regard to case; unknown fields are ignored.

use serde_json::{Map, Value};
use thiserror::Error;

use crate::{
    AccessDetails, AutoExtendDuration, DurationError, GranularDuration, IsoDuration,
    RelationshipStatus, RoleDefinitionId, Timestamp, UnifiedRole,
};

use super::{GraphCustomer, GraphPartner, GraphRelationship};

/// Larger input is refused before it is parsed.
pub const GRAPH_MAX_BYTES: usize = 10 * 1024 * 1024;
/// More than any customer has partners' relationships; bounds the preview.
pub const GRAPH_MAX_RELATIONSHIPS: usize = 500;
/// Far more roles than granular admin can grant; bounds hostile input.
const MAX_ROLES: usize = 100;
/// .NET ticks are 100 ns.
const TICKS_PER_SECOND: u64 = 10_000_000;

/// Why the text can't be imported, naming the relationship and the field.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum GraphReadError {
    #[error("Paste the JSON from Microsoft Graph, or choose its file, first.")]
    Empty,
    #[error("This is {megabytes} MB; an import reads at most 10 MB. Export fewer relationships at a time.", megabytes = bytes.div_ceil(1024 * 1024))]
    TooLarge { bytes: usize },
    #[error("This isn't valid JSON (line {line}, column {column}). Paste what Microsoft Graph or ConvertTo-Json returned, unchanged.")]
    NotJson { line: usize, column: usize },
    #[error("This JSON isn't a delegatedAdminRelationship: the import reads one relationship object, an array of them, or Graph's collection {{\"value\": [...]}}.")]
    WrongShape,
    #[error("The collection has no relationships in it.")]
    NoRelationships,
    #[error("There are {count} relationships; one import takes at most {max}.")]
    TooMany { count: usize, max: usize },
    #[error("{which}: {field} {problem}")]
    Field {
        /// "Relationship 2 (“5d02…”)".
        which: String,
        field: &'static str,
        problem: String,
    },
}

/// Reads one relationship, an array, or `{"value": [...]}`.
pub fn read_graph(text: &str) -> Result<Vec<GraphRelationship>, GraphReadError> {
    if text.len() > GRAPH_MAX_BYTES {
        return Err(GraphReadError::TooLarge { bytes: text.len() });
    }
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.is_empty() {
        return Err(GraphReadError::Empty);
    }
    // From bytes, as every other reader in the wasm: `from_str` would compile
    // serde_json's parser a second time for another input type.
    let value: Value =
        serde_json::from_slice(text.as_bytes()).map_err(|e| GraphReadError::NotJson {
            line: e.line(),
            column: e.column(),
        })?;
    let items: Vec<&Value> = match &value {
        Value::Array(items) => items.iter().collect(),
        Value::Object(fields) => match field(fields, "value") {
            Some(Value::Array(items)) => items.iter().collect(),
            Some(_) => return Err(GraphReadError::WrongShape),
            None => vec![&value],
        },
        _ => return Err(GraphReadError::WrongShape),
    };
    if items.is_empty() {
        return Err(GraphReadError::NoRelationships);
    }
    if items.len() > GRAPH_MAX_RELATIONSHIPS {
        return Err(GraphReadError::TooMany {
            count: items.len(),
            max: GRAPH_MAX_RELATIONSHIPS,
        });
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| read_one(index + 1, item))
        .collect()
}

/// "Relationship 2" or "Relationship 2 (“id”)".
fn which(position: usize, id: Option<&str>) -> String {
    match id {
        Some(id) => format!("Relationship {position} (“{}”)", shorten(id)),
        None => format!("Relationship {position}"),
    }
}

fn read_one(position: usize, item: &Value) -> Result<GraphRelationship, GraphReadError> {
    let Value::Object(fields) = item else {
        return Err(GraphReadError::Field {
            which: which(position, None),
            field: "the object",
            problem: "isn't a relationship object.".to_string(),
        });
    };
    let id = match field(fields, "id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.trim().to_string(),
        _ => {
            return Err(GraphReadError::Field {
                which: which(position, None),
                field: "id",
                problem: "is missing: every relationship has its id.".to_string(),
            })
        }
    };
    let fail = |field: &'static str, problem: String| GraphReadError::Field {
        which: which(position, Some(&id)),
        field,
        problem,
    };
    let text = |name: &'static str| -> Result<Option<String>, GraphReadError> {
        match field(fields, name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(fail(name, "must be text.".to_string())),
        }
    };

    let display_name =
        text("displayName")?.ok_or_else(|| fail("displayName", "is missing.".to_string()))?;
    let status = match text("status")? {
        Some(s) => RelationshipStatus::parse(&s),
        None => return Err(fail("status", "is missing.".to_string())),
    };
    let duration = match field(fields, "duration") {
        None => return Err(fail("duration", "is missing.".to_string())),
        Some(v) => {
            let iso = read_duration(v).map_err(|p| fail("duration", p))?;
            GranularDuration::try_from(iso).map_err(|e| fail("duration", duration_problem(&e)))?
        }
    };
    // Graph's default is PT0S (off).
    let auto_extend_duration = match field(fields, "autoExtendDuration") {
        None => AutoExtendDuration::Off,
        Some(v) => {
            let iso = read_duration(v).map_err(|p| fail("autoExtendDuration", p))?;
            AutoExtendDuration::try_from(iso)
                .map_err(|e| fail("autoExtendDuration", duration_problem(&e)))?
        }
    };
    let customer = match field(fields, "customer") {
        None => None,
        Some(Value::Object(c)) => Some(GraphCustomer {
            tenant_id: plain_text(c, "tenantId").map_err(|p| fail("customer.tenantId", p))?,
            display_name: plain_text(c, "displayName")
                .map_err(|p| fail("customer.displayName", p))?,
        }),
        Some(Value::String(_)) => return Err(fail("customer", cut_short())),
        Some(_) => return Err(fail("customer", "must be an object.".to_string())),
    };
    let partner = match field(fields, "partner") {
        Some(Value::Object(p)) => {
            let id = plain_text(p, "id").map_err(|e| fail("partner.id", e))?;
            let display_name =
                plain_text(p, "displayName").map_err(|e| fail("partner.displayName", e))?;
            (!id.is_empty()).then_some(GraphPartner { id, display_name })
        }
        _ => None,
    };
    let access_details = roles(fields).map_err(|(f, p)| fail(f, p))?;
    let date = |name: &'static str| match field(fields, name) {
        None => Ok(None),
        Some(v) => timestamp(v).map(Some).map_err(|p| fail(name, p)),
    };
    let created_date_time = date("createdDateTime")?;
    let activated_date_time = date("activatedDateTime")?;
    let end_date_time = date("endDateTime")?;
    let last_modified_date_time = date("lastModifiedDateTime")?;
    Ok(GraphRelationship {
        id: id.clone(),
        display_name,
        status,
        duration,
        auto_extend_duration,
        customer,
        access_details,
        created_date_time,
        activated_date_time,
        end_date_time,
        last_modified_date_time,
        partner,
    })
}

/// A field by Graph's camelCase name or PowerShell's PascalCase one; a
/// `null` reads as absent.
fn field<'a>(fields: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    let found = fields.get(name).or_else(|| {
        fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    });
    found.filter(|v| !v.is_null())
}

fn plain_text(fields: &Map<String, Value>, name: &str) -> Result<String, String> {
    match field(fields, name) {
        None => Ok(String::new()),
        Some(Value::String(s)) => Ok(s.trim().to_string()),
        Some(_) => Err("must be text.".to_string()),
    }
}

/// What `ConvertTo-Json` writes for an object deeper than its `-Depth`
/// (default 2): the type's name as text.
fn cut_short() -> String {
    "was cut short by ConvertTo-Json (it holds the type's name, not the data). Run it again with -Depth 5.".to_string()
}

fn roles(fields: &Map<String, Value>) -> Result<AccessDetails, (&'static str, String)> {
    let details = match field(fields, "accessDetails") {
        None => return Err(("accessDetails", "is missing: it lists the roles.".into())),
        Some(Value::Object(d)) => d,
        Some(Value::String(_)) => return Err(("accessDetails", cut_short())),
        Some(_) => return Err(("accessDetails", "must be an object.".into())),
    };
    let list = match field(details, "unifiedRoles") {
        None => return Err(("accessDetails.unifiedRoles", "is missing.".into())),
        Some(Value::Array(list)) => list,
        Some(Value::String(_)) => return Err(("accessDetails.unifiedRoles", cut_short())),
        Some(_) => return Err(("accessDetails.unifiedRoles", "must be a list.".into())),
    };
    if list.len() > MAX_ROLES {
        return Err((
            "accessDetails.unifiedRoles",
            format!(
                "has {} roles; a relationship has at most {MAX_ROLES}.",
                list.len()
            ),
        ));
    }
    let mut unified_roles: Vec<UnifiedRole> = Vec::new();
    for (n, role) in list.iter().enumerate() {
        let id = match role {
            Value::Object(r) => match field(r, "roleDefinitionId") {
                Some(Value::String(id)) => id.trim().to_string(),
                _ => {
                    return Err((
                        "accessDetails.unifiedRoles",
                        format!("role {} has no roleDefinitionId.", n + 1),
                    ))
                }
            },
            Value::String(_) => return Err(("accessDetails.unifiedRoles", cut_short())),
            _ => {
                return Err((
                    "accessDetails.unifiedRoles",
                    format!("role {} isn't an object with a roleDefinitionId.", n + 1),
                ))
            }
        };
        let role = UnifiedRole {
            role_definition_id: RoleDefinitionId::new(id),
        };
        if !unified_roles.contains(&role) {
            unified_roles.push(role);
        }
    }
    Ok(AccessDetails { unified_roles })
}

/// An ISO 8601 duration (`P730D`), a .NET TimeSpan object (`{"Ticks": …}`)
/// or a TimeSpan's text (`730.00:00:00`).
fn read_duration(value: &Value) -> Result<IsoDuration, String> {
    match value {
        Value::String(s) => IsoDuration::parse(s.trim())
            .or_else(|_| timespan_text(s.trim()).ok_or(()))
            .map_err(|()| {
                format!(
                    "“{}” isn't a duration such as P730D, P180D or PT0S.",
                    shorten(s)
                )
            }),
        Value::Object(span) => {
            let ticks = field(span, "Ticks")
                .and_then(Value::as_u64)
                .ok_or_else(|| {
                    "is an object without a whole, positive Ticks count (a TimeSpan has one)."
                        .to_string()
                })?;
            Ok(from_seconds(ticks / TICKS_PER_SECOND))
        }
        _ => Err("must be an ISO 8601 duration such as P730D.".to_string()),
    }
}

/// `[d.]hh:mm:ss[.fffffff]`, as .NET writes a TimeSpan.
fn timespan_text(text: &str) -> Option<IsoDuration> {
    let (days, clock) = match text.split_once('.') {
        Some((d, rest)) if rest.contains(':') && !d.contains(':') => (d.parse::<u64>().ok()?, rest),
        _ => (0, text),
    };
    let clock = clock.split('.').next()?;
    let parts: Vec<u64> = clock
        .split(':')
        .map(|p| p.parse::<u64>().ok())
        .collect::<Option<_>>()?;
    let [h, m, s] = parts.as_slice() else {
        return None;
    };
    if *h >= 24 || *m >= 60 || *s >= 60 || days > 1_000_000 {
        return None;
    }
    Some(from_seconds(days * 86_400 + h * 3_600 + m * 60 + s))
}

fn from_seconds(seconds: u64) -> IsoDuration {
    // Capped far past P2Y, so the range check reports it rather than an overflow.
    let seconds = seconds.min(1_000_000 * 86_400);
    let part = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    IsoDuration {
        days: part(seconds / 86_400),
        hours: part(seconds / 3_600 % 24),
        minutes: part(seconds / 60 % 60),
        seconds: part(seconds % 60),
        ..IsoDuration::ZERO
    }
}

fn duration_problem(error: &DurationError) -> String {
    match error {
        DurationError::OutOfRange { text } => format!(
            "is {text}, outside what Graph allows: access lasts from 1 day (P1D) to 2 years (P2Y)."
        ),
        DurationError::AutoExtendValue { text } => {
            format!("is {text}; auto-extend can only be off (PT0S) or 180 days (P180D).")
        }
        DurationError::Invalid { text } => format!("“{text}” isn't a duration."),
    }
}

/// ISO text, `/Date(ms)/`, or a Windows PowerShell DateTime wrapped with
/// its `value`.
fn timestamp(value: &Value) -> Result<Timestamp, String> {
    let bad = |s: &str| {
        format!(
            "“{}” isn't a date and time such as 2026-06-01T00:00:00Z.",
            shorten(s)
        )
    };
    match value {
        Value::String(s) => {
            let s = s.trim();
            if let Some(inner) = s.strip_prefix("/Date(").and_then(|r| r.strip_suffix(")/")) {
                // The milliseconds are UTC; a `+0100` after them only says
                // which zone the writer was in.
                let digits_end = inner
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| !c.is_ascii_digit())
                    .map_or(inner.len(), |(i, _)| i);
                let ms: i64 = inner[..digits_end].parse().map_err(|_| bad(s))?;
                return Timestamp::from_unix_seconds(ms.div_euclid(1000)).ok_or_else(|| bad(s));
            }
            Timestamp::parse(s).map_err(|_| bad(s))
        }
        Value::Object(wrapped) => match field(wrapped, "value") {
            Some(inner @ Value::String(_)) => timestamp(inner),
            _ => Err("must be a date and time.".to_string()),
        },
        _ => Err("must be a date and time.".to_string()),
    }
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(64).collect();
    if text.chars().count() > 64 {
        out.push('…');
    }
    out
}
