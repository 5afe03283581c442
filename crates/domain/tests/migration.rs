//! A state saved by schema version 1 still opens, migrated to the current
//! version.

use domain::snapshot::{self, SCHEMA_VERSION};
use domain::{AgreementStatus, Timestamp};

const V1: &str = include_str!("fixtures/state-v1.json");

fn ts(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

#[test]
fn a_version_1_state_migrates_to_the_current_version() {
    let decoded = snapshot::decode(V1).unwrap();
    assert_eq!(decoded.migrated_from, Some(1));
    assert!(!decoded.read_only);
    let state = decoded.state;
    // Version 1 called the clock `clock`.
    assert_eq!(state.now, ts("2025-03-01T09:30:00Z"));
    // Version 1 kept the agreement as a nullable date.
    assert_eq!(
        state.partner("fabrikam-it").unwrap().agreement,
        AgreementStatus::Signed {
            signed_date_time: ts("2023-01-03T09:30:00Z")
        }
    );
    assert_eq!(
        state.partner("wide-world-tech").unwrap().agreement,
        AgreementStatus::NotSigned
    );
    assert!(state.legacy_roles_of("fabrikam-it").is_some());
    assert_eq!(state.relationships.len(), 2);
    assert!(state.invariant_violations().is_empty());
}

#[test]
fn a_migrated_state_is_saved_in_the_current_version() {
    let state = snapshot::decode(V1).unwrap().state;
    let saved = snapshot::encode(&state);
    let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(json["schemaVersion"], SCHEMA_VERSION);
    assert!(json["state"].get("clock").is_none());
    let again = snapshot::decode(&saved).unwrap();
    assert_eq!(again.migrated_from, None);
    assert_eq!(again.state, state);
}
