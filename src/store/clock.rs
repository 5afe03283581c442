//! The only place the app reads the real clock; the domain never does.

use domain::Timestamp;

pub fn real_now() -> Timestamp {
    let millis = js_sys::Date::now();
    Timestamp::from_unix_seconds((millis / 1000.0) as i64).unwrap_or(Timestamp::UNIX_EPOCH)
}
