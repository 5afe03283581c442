//! Why a date and time could not be read.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum TimestampError {
    #[error("“{text}” is not a date and time such as 2026-11-23T04:42:18Z.")]
    Invalid { text: String },
}
