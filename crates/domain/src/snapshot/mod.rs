//! Saving and loading the whole state as versioned JSON.
//!
//! `{"schemaVersion": 2, "state": {...}}`. An older version migrates, a
//! newer one opens read-only when it can be read at all, and anything
//! corrupt or hostile is an error, never a panic.

mod decoded;
mod migrate;
mod snapshot_error;

pub use decoded::Decoded;
pub use snapshot_error::SnapshotError;

use serde::Serialize;
use serde_json::Value;

use crate::State;

/// The version this console writes. Version 1 is migrated on load.
pub const SCHEMA_VERSION: u32 = 2;
/// The oldest version that still migrates.
pub const OLDEST_SUPPORTED_VERSION: u32 = 1;
/// Larger input is refused before it is parsed.
pub const MAX_SNAPSHOT_BYTES: usize = 32 * 1024 * 1024;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<'a> {
    schema_version: u32,
    state: &'a State,
}

/// The state as JSON, with its schema version.
pub fn encode(state: &State) -> String {
    let envelope = Envelope {
        schema_version: SCHEMA_VERSION,
        state,
    };
    // Every field of `State` serializes to JSON (strings, numbers, maps with
    // string keys), so this cannot fail; the fallback keeps it panic-free.
    serde_json::to_string(&envelope).unwrap_or_else(|_| String::from("{}"))
}

/// Reads a saved state from text.
pub fn decode(text: &str) -> Result<Decoded, SnapshotError> {
    decode_bytes(text.as_bytes())
}

/// Reads a saved state from bytes (a file the admin picked, say).
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, SnapshotError> {
    if bytes.len() > MAX_SNAPSHOT_BYTES {
        return Err(SnapshotError::TooLarge {
            max_bytes: MAX_SNAPSHOT_BYTES,
        });
    }
    // serde_json limits nesting depth, so deeply nested input is an error,
    // not a stack overflow.
    let value: Value = serde_json::from_slice(bytes).map_err(|e| SnapshotError::NotJson {
        detail: shorten(&e.to_string()),
    })?;
    let Value::Object(mut envelope) = value else {
        return Err(SnapshotError::NotASnapshot);
    };
    // Any other JSON is "not an export" before it is "an export without a
    // version", which would send the admin looking for the wrong fix.
    let mut state = match envelope.remove("state") {
        Some(state @ Value::Object(_)) => state,
        _ => return Err(SnapshotError::NotASnapshot),
    };
    let version = match envelope.get("schemaVersion") {
        Some(v) => v.as_u64().ok_or(SnapshotError::MissingVersion)?,
        None => return Err(SnapshotError::MissingVersion),
    };
    if version < u64::from(OLDEST_SUPPORTED_VERSION) {
        return Err(SnapshotError::UnsupportedVersion { found: version });
    }
    if version > u64::from(SCHEMA_VERSION) {
        // A newer console may have added fields; if what we know still
        // reads, show it read-only rather than refuse it outright.
        return match read_state(state) {
            Ok(state) => Ok(Decoded {
                state,
                read_only: true,
                migrated_from: None,
            }),
            Err(_) => Err(SnapshotError::NewerVersion {
                found: version,
                supported: SCHEMA_VERSION,
            }),
        };
    }
    // In range 1..=SCHEMA_VERSION, so it fits a u32.
    let version = version as u32;
    if version < SCHEMA_VERSION {
        migrate::migrate(&mut state, version);
    }
    Ok(Decoded {
        state: read_state(state)?,
        read_only: false,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
    })
}

fn read_state(value: Value) -> Result<State, SnapshotError> {
    let state: State = serde_json::from_value(value).map_err(|e| SnapshotError::Invalid {
        detail: shorten(&e.to_string()),
    })?;
    let problems = state.invariant_violations();
    if problems.is_empty() {
        Ok(state)
    } else {
        Err(SnapshotError::Inconsistent {
            detail: shorten(&problems.join(" ")),
        })
    }
}

fn shorten(text: &str) -> String {
    let mut out: String = text.chars().take(200).collect();
    if out.len() < text.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;

    fn now() -> Timestamp {
        Timestamp::parse("2026-11-23T04:42:18Z").unwrap()
    }

    #[test]
    fn a_state_survives_encode_then_decode() {
        let state = crate::demo::demo_state(now());
        let decoded = decode(&encode(&state)).unwrap();
        assert_eq!(decoded.state, state);
        assert!(!decoded.read_only);
        assert_eq!(decoded.migrated_from, None);
    }

    #[test]
    fn the_envelope_names_its_schema_version() {
        let json: Value = serde_json::from_str(&encode(&State::new(now()))).unwrap();
        assert_eq!(json["schemaVersion"], SCHEMA_VERSION);
        assert_eq!(json["state"]["now"], "2026-11-23T04:42:18Z");
    }

    #[test]
    fn a_newer_version_that_still_reads_opens_read_only() {
        let text = encode(&State::new(now())).replace("\"schemaVersion\":2", "\"schemaVersion\":3");
        let decoded = decode(&text).unwrap();
        assert!(decoded.read_only);
    }

    #[test]
    fn a_newer_version_that_does_not_read_is_reported_as_newer() {
        let text = r#"{"schemaVersion":9,"state":{"instant":"tomorrow"}}"#;
        assert_eq!(
            decode(text),
            Err(SnapshotError::NewerVersion {
                found: 9,
                supported: SCHEMA_VERSION
            })
        );
    }

    #[test]
    fn corrupt_input_is_an_error() {
        for text in [
            "",
            "null",
            "[]",
            "{}",
            r#"{"schemaVersion":"2","state":{}}"#,
            r#"{"schemaVersion":2}"#,
            r#"{"schemaVersion":0,"state":{}}"#,
            r#"{"schemaVersion":2,"state":{}}"#,
            r#"{"schemaVersion":2,"state":{"now":"yesterday"}}"#,
            &"[".repeat(100_000),
        ] {
            assert!(decode(text).is_err(), "{text:.40} should be refused");
        }
    }

    #[test]
    fn unknown_statuses_and_role_ids_load_and_are_kept() {
        let state = crate::demo::demo_state(now());
        let text = encode(&state)
            .replacen(
                "\"status\":\"active\"",
                "\"status\":\"suspendedByMicrosoft\"",
                1,
            )
            .replacen(
                crate::roles::HELPDESK_ADMINISTRATOR,
                "00000000-dead-beef-0000-000000000000",
                1,
            );
        let decoded = decode(&text).unwrap();
        assert!(decoded
            .state
            .relationships
            .iter()
            .any(|r| r.status.as_str() == "suspendedByMicrosoft"));
        assert_eq!(
            decode(&encode(&decoded.state)).unwrap().state,
            decoded.state
        );
        assert!(encode(&decoded.state).contains("00000000-dead-beef-0000-000000000000"));
    }

    #[test]
    fn a_state_that_breaks_the_rules_is_refused() {
        let mut state = crate::demo::demo_state(now());
        let first = state.partners[0].clone();
        state.partners.push(first);
        assert!(matches!(
            decode(&encode(&state)),
            Err(SnapshotError::Inconsistent { .. })
        ));
    }
}
