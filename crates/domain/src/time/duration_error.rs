//! Why a duration could not be read or used.

use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum DurationError {
    #[error("“{text}” is not a duration such as P90D, P1Y6M or P2Y.")]
    Invalid { text: String },
    #[error("Access must last from 1 day (P1D) to 2 years (P2Y); “{text}” is outside that range.")]
    OutOfRange { text: String },
    #[error("Auto-extend can only be off (PT0S) or 180 days (P180D), not “{text}”.")]
    AutoExtendValue { text: String },
}
