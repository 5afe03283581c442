//! One function per schema change, applied in order to the raw JSON, so a
//! state saved by any earlier console still opens.

use serde_json::{json, Value};

/// Moves a version-`from` state up to the current version.
pub(super) fn migrate(state: &mut Value, from: u32) {
    if from < 2 {
        v1_to_v2(state);
    }
}

/// Version 2 renamed the clock from `clock` to `now`, and replaced each
/// partner's `agreementSignedDateTime` (a date or null) with an
/// `agreement` object, which leaves room for other agreement states.
fn v1_to_v2(state: &mut Value) {
    let Some(object) = state.as_object_mut() else {
        return;
    };
    if let Some(clock) = object.remove("clock") {
        object.entry("now").or_insert(clock);
    }
    let Some(Value::Array(partners)) = object.get_mut("partners") else {
        return;
    };
    for partner in partners.iter_mut().filter_map(Value::as_object_mut) {
        let signed = partner.remove("agreementSignedDateTime");
        let agreement = match signed {
            Some(Value::String(date)) => json!({ "status": "signed", "signedDateTime": date }),
            _ => json!({ "status": "notSigned" }),
        };
        partner.insert("agreement".to_string(), agreement);
    }
}
