//! Where the server's "now" comes from: the wall clock, or a fixed instant
//! in tests.

use std::time::{SystemTime, UNIX_EPOCH};

use domain::Timestamp;

#[derive(Clone, Copy, Debug)]
pub enum Clock {
    System,
    Fixed(Timestamp),
}

impl Clock {
    pub fn now(self) -> Timestamp {
        match self {
            Clock::Fixed(at) => at,
            Clock::System => {
                let seconds = SystemTime::now()
                    .duration_since(UNIX_EPOCH)
                    .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
                Timestamp::from_unix_seconds(seconds).unwrap_or(Timestamp::UNIX_EPOCH)
            }
        }
    }
}

impl Clock {
    /// Seconds since the Unix epoch on the wall clock (or the fixed
    /// instant): token lifetimes are real time, never the demo clock.
    pub fn wall_seconds(self) -> i64 {
        self.now().unix_seconds()
    }
}

/// The instant commands and views use: real time, unless the demo clock
/// was moved ahead of it (real time never moves the demo clock back).
pub fn effective_now(state_now: Timestamp, wall: Timestamp) -> Timestamp {
    state_now.max(wall)
}
