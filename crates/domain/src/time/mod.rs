//! Points in time and ISO 8601 durations, as Graph writes them. The domain
//! never reads a clock: every `now` is passed in.

mod duration_error;
mod iso_duration;
mod timestamp;
mod timestamp_error;

pub use duration_error::DurationError;
pub use iso_duration::IsoDuration;
pub use timestamp::Timestamp;
pub use timestamp_error::TimestampError;
