//! One filter that hides rows, named as its control is ("Status") with the
//! value chosen ("Expired"), for the line above a filtered list.

use std::fmt;

use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FilterInForce {
    pub name: &'static str,
    pub value: String,
}

impl FilterInForce {
    pub fn new(name: &'static str, value: impl Into<String>) -> FilterInForce {
        FilterInForce {
            name,
            value: value.into(),
        }
    }
}

impl fmt::Display for FilterInForce {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.value)
    }
}
