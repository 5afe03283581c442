//! Why a saved state could not be opened, in an admin's words.
//!
//! The message says what is wrong and what to do; the parser's own words,
//! useful to whoever looks deeper, stay in `detail()` for a "Details" fold.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SnapshotError {
    #[error("This file isn't a partner console export: it isn't readable JSON, or it was cut short. Export one from Settings › Data.")]
    NotJson { detail: String },
    #[error("This file isn't a partner console export: it has no saved state. Export one from Settings › Data.")]
    NotASnapshot,
    #[error("This file isn't a complete partner console export: it doesn't say which version of the console wrote it. Export it again from Settings › Data.")]
    MissingVersion,
    #[error("This export comes from an early version of the console (schema {found}) that this one can't read. Export it again from a current console.")]
    UnsupportedVersion { found: u64 },
    #[error("This export comes from a newer version of the console (schema {found}; this one reads up to {supported}). Open it in the newer console.")]
    NewerVersion { found: u64, supported: u32 },
    #[error(
        "This export is damaged: part of it can't be read. Export it again from Settings › Data."
    )]
    Invalid { detail: String },
    #[error("This export contradicts itself, so it can't be trusted. Export it again from Settings › Data.")]
    Inconsistent { detail: String },
    #[error("This file is larger than {} MB, too large to be a partner console export.", max_bytes / (1024 * 1024))]
    TooLarge { max_bytes: usize },
}

impl SnapshotError {
    /// What the parser or the rules said, for a "Details" fold; `None`
    /// when the message says it all.
    pub fn detail(&self) -> Option<&str> {
        match self {
            SnapshotError::NotJson { detail }
            | SnapshotError::Invalid { detail }
            | SnapshotError::Inconsistent { detail } => Some(detail),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::snapshot::decode;

    /// Nothing a parser says (line and column, a field name) reaches the
    /// sentence an admin reads; it is kept for the Details fold.
    #[test]
    fn a_bad_file_is_explained_in_an_admins_words_with_the_detail_apart() {
        for bad in [
            r#"{"not": "a console export""#,
            r#"{"schemaVersion": 2, "state": 7}"#,
            r#"{"hello": 1}"#,
            "just text",
        ] {
            let error = decode(bad).err().unwrap();
            let message = error.to_string();
            assert!(message.contains("Export"), "{message}");
            for internal in ["line", "column", "EOF", "'state'", "invalid type"] {
                assert!(!message.contains(internal), "{message}");
            }
        }
        let cut = decode(r#"{"not": "a console export""#).err().unwrap();
        assert!(cut.detail().is_some_and(|d| d.contains("EOF")));
        assert_eq!(
            decode(r#"{"hello": 1}"#).err().unwrap().to_string(),
            "This file isn't a partner console export: it has no saved state. Export one from Settings › Data."
        );
    }
}
