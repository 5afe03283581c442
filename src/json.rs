//! Reading JSON from the network. Every text goes through one parser: bytes
//! to a `serde_json::Value` (as `domain::snapshot` does), then the value to
//! the type. Parsing `&str` directly would compile serde_json's parser and
//! every type's visitor a second time, for another input type.

use serde::de::DeserializeOwned;

/// `text` as a `T`, or why not.
pub fn from_text<T: DeserializeOwned>(text: &str) -> serde_json::Result<T> {
    serde_json::from_slice(text.as_bytes()).and_then(serde_json::from_value)
}
