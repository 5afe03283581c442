//! One problem with one input of a form.

use serde::{Deserialize, Serialize};

use crate::ContactField;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldError {
    pub field: ContactField,
    /// A sentence telling the admin what to type instead.
    pub message: String,
}

impl FieldError {
    pub fn new(field: ContactField, message: impl Into<String>) -> FieldError {
        FieldError {
            field,
            message: message.into(),
        }
    }
}
