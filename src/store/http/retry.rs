//! When to try a request again, and how long to wait first. Plain Rust,
//! tested natively: the browser only supplies the clock and the dice.

/// Reads give up after 5 s, writes after 10 s.
pub const READ_TIMEOUT_MS: u32 = 5_000;
pub const WRITE_TIMEOUT_MS: u32 = 10_000;
/// First try included.
pub const MAX_ATTEMPTS: u32 = 3;
/// Waits grow from this, doubling per attempt…
const BASE_DELAY_MS: f64 = 300.0;
/// …and never exceed this, even when the server asks for longer.
const MAX_DELAY_MS: u32 = 8_000;

/// What kind of request it is, which decides whether repeating it is safe.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Read,
    /// A write with an Idempotency-Key: the server answers a repeat with
    /// the first answer, so repeating it cannot apply it twice.
    KeyedWrite,
    /// A write without a key: never repeated.
    Write,
}

impl Kind {
    pub fn timeout_ms(self) -> u32 {
        match self {
            Kind::Read => READ_TIMEOUT_MS,
            Kind::KeyedWrite | Kind::Write => WRITE_TIMEOUT_MS,
        }
    }
}

/// How one attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Attempt<'a> {
    /// No answer: the network failed or the timeout passed.
    NoAnswer,
    Answered {
        status: u16,
        retry_after: Option<&'a str>,
    },
}

/// What to do after an attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Next {
    /// Use this answer (success or a final refusal).
    Stop,
    /// Wait this long, then try again.
    RetryIn { ms: u32 },
    /// Out of attempts (or not safe to repeat): report the failure.
    GiveUp,
}

/// Answers that say "not now" rather than "no".
fn is_transient(status: u16) -> bool {
    matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
}

/// Decides after attempt number `attempt` (1-based). `dice` is uniform in
/// [0, 1): the jitter that keeps many clients from retrying in step.
pub fn next(kind: Kind, attempt: u32, outcome: Attempt<'_>, dice: f64) -> Next {
    let retry_after = match outcome {
        Attempt::Answered { status, .. } if !is_transient(status) => return Next::Stop,
        Attempt::Answered { retry_after, .. } => retry_after.and_then(retry_after_ms),
        Attempt::NoAnswer => None,
    };
    if kind == Kind::Write || attempt >= MAX_ATTEMPTS {
        return Next::GiveUp;
    }
    let ms = retry_after.unwrap_or_else(|| backoff_ms(attempt, dice));
    Next::RetryIn {
        ms: ms.min(MAX_DELAY_MS),
    }
}

/// "Equal jitter": half the exponential step for sure, half at random.
fn backoff_ms(attempt: u32, dice: f64) -> u32 {
    let step = BASE_DELAY_MS * f64::from(1u32 << attempt.saturating_sub(1).min(10));
    let dice = dice.clamp(0.0, 1.0);
    (step / 2.0 + step / 2.0 * dice) as u32
}

/// `Retry-After` in seconds (the form our server sends). An HTTP date is
/// not trusted to match our clock, so it falls back to the backoff.
fn retry_after_ms(value: &str) -> Option<u32> {
    let seconds: u32 = value.trim().parse().ok()?;
    Some(seconds.saturating_mul(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answered(status: u16) -> Attempt<'static> {
        Attempt::Answered {
            status,
            retry_after: None,
        }
    }

    #[test]
    fn success_and_refusals_are_final() {
        for status in [200, 201, 304, 400, 403, 404, 409, 412, 422, 428] {
            assert_eq!(
                next(Kind::Read, 1, answered(status), 0.5),
                Next::Stop,
                "{status}"
            );
            assert_eq!(next(Kind::KeyedWrite, 1, answered(status), 0.5), Next::Stop);
        }
    }

    #[test]
    fn reads_and_keyed_writes_try_three_times_in_all() {
        for kind in [Kind::Read, Kind::KeyedWrite] {
            for outcome in [
                Attempt::NoAnswer,
                answered(500),
                answered(503),
                answered(429),
            ] {
                assert!(matches!(next(kind, 1, outcome, 0.0), Next::RetryIn { .. }));
                assert!(matches!(next(kind, 2, outcome, 0.0), Next::RetryIn { .. }));
                assert_eq!(next(kind, 3, outcome, 0.0), Next::GiveUp);
            }
        }
    }

    #[test]
    fn a_write_without_a_key_is_never_repeated() {
        assert_eq!(next(Kind::Write, 1, Attempt::NoAnswer, 0.0), Next::GiveUp);
        assert_eq!(next(Kind::Write, 1, answered(503), 0.0), Next::GiveUp);
        assert_eq!(next(Kind::Write, 1, answered(200), 0.0), Next::Stop);
    }

    #[test]
    fn the_wait_doubles_with_jitter_between_half_and_all_of_the_step() {
        let wait = |attempt, dice| match next(Kind::Read, attempt, Attempt::NoAnswer, dice) {
            Next::RetryIn { ms } => ms,
            other => panic!("expected a retry, got {other:?}"),
        };
        assert_eq!(wait(1, 0.0), 150);
        assert_eq!(wait(1, 0.999_999), 299);
        assert_eq!(wait(2, 0.0), 300);
        assert_eq!(wait(2, 0.5), 450);
        // Dice outside [0, 1) cannot push the wait out of its band.
        assert_eq!(wait(2, 7.0), 600);
        assert_eq!(wait(2, -1.0), 300);
    }

    #[test]
    fn retry_after_in_seconds_is_honoured_up_to_a_cap() {
        let with = |value| Attempt::Answered {
            status: 503,
            retry_after: Some(value),
        };
        assert_eq!(
            next(Kind::Read, 1, with("1"), 0.0),
            Next::RetryIn { ms: 1000 }
        );
        assert_eq!(
            next(Kind::KeyedWrite, 2, with(" 2 "), 0.9),
            Next::RetryIn { ms: 2000 }
        );
        assert_eq!(
            next(Kind::Read, 1, with("3600"), 0.0),
            Next::RetryIn { ms: MAX_DELAY_MS }
        );
        // A date or garbage: the usual backoff instead.
        let date = with("Wed, 21 Oct 2015 07:28:00 GMT");
        assert_eq!(next(Kind::Read, 1, date, 0.0), Next::RetryIn { ms: 150 });
        assert_eq!(
            next(Kind::Read, 1, with("-5"), 0.0),
            Next::RetryIn { ms: 150 }
        );
        // Out of attempts even if the server asks us to come back.
        assert_eq!(next(Kind::Read, 3, with("1"), 0.0), Next::GiveUp);
    }

    #[test]
    fn timeouts_are_five_seconds_for_reads_and_ten_for_writes() {
        assert_eq!(Kind::Read.timeout_ms(), 5_000);
        assert_eq!(Kind::KeyedWrite.timeout_ms(), 10_000);
    }
}
