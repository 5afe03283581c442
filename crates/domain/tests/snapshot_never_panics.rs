//! Loading a snapshot from anything at all returns a value or an error and
//! never panics.

use domain::snapshot;
use domain::Timestamp;
use proptest::prelude::*;

fn demo_json() -> String {
    let now = Timestamp::parse("2026-11-23T04:42:18Z").unwrap();
    snapshot::encode(&domain::demo::demo_state(now))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decoding_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = snapshot::decode_bytes(&bytes);
    }

    #[test]
    fn decoding_arbitrary_text_never_panics(text in "\\PC{0,512}") {
        let _ = snapshot::decode(&text);
    }

    #[test]
    fn decoding_json_shaped_text_never_panics(
        text in r#"\{"schemaVersion":[0-9]{1,3},"state":\{("now":"[0-9T:Z-]{0,22}")?,?("partners":\[.{0,40}\])?\}\}"#
    ) {
        let _ = snapshot::decode(&text);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A real snapshot with a few bytes changed: the hardest input for a
    /// decoder, since most of it still parses.
    #[test]
    fn decoding_a_damaged_snapshot_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)
    ) {
        let mut bytes = demo_json().into_bytes();
        for (index, byte) in edits {
            let i = index.index(bytes.len());
            bytes[i] = byte;
        }
        let _ = snapshot::decode_bytes(&bytes);
    }

    #[test]
    fn decoding_a_truncated_snapshot_is_an_error(cut in any::<prop::sample::Index>()) {
        let text = demo_json();
        let end = cut.index(text.len());
        if let Some(prefix) = text.get(..end) {
            prop_assert!(snapshot::decode(prefix).is_err());
        }
    }
}
