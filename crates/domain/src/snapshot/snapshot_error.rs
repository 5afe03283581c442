//! Why a saved state could not be opened.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum SnapshotError {
    #[error("This is not a saved state: it is not valid JSON ({detail}).")]
    NotJson { detail: String },
    #[error("This JSON is not a saved state of this console: it has no “state” object.")]
    NotASnapshot,
    #[error("This saved state has no schema version, so it can't be read safely.")]
    MissingVersion,
    #[error("This saved state has schema version {found}, which this console can't read.")]
    UnsupportedVersion { found: u64 },
    #[error("This saved state comes from a newer version of the console (schema {found}; this one reads up to {supported}) and can't be opened.")]
    NewerVersion { found: u64, supported: u32 },
    #[error("This saved state is damaged: {detail}.")]
    Invalid { detail: String },
    #[error("This saved state breaks the console's rules: {detail}")]
    Inconsistent { detail: String },
    #[error("This saved state is larger than {max_bytes} bytes.")]
    TooLarge { max_bytes: usize },
}
