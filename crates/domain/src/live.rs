//! Live updates, in the admin's words: what the header says when the
//! console cannot hear other admins' changes as they happen and checks
//! for them every few seconds instead.

/// The header's short notice.
pub const LIVE_UPDATES_OFF: &str = "Live updates off";

/// What the notice means, read after it by screen readers and shown as its
/// tooltip.
pub const LIVE_UPDATES_OFF_MEANS: &str =
    "Changes made by others appear within a few seconds instead of at once.";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notice_is_short_and_its_meaning_says_what_the_admin_loses() {
        assert!(LIVE_UPDATES_OFF.len() <= 20, "fits in the header at 375 px");
        assert!(LIVE_UPDATES_OFF_MEANS.contains("within a few seconds"));
        assert!(LIVE_UPDATES_OFF_MEANS.contains("instead of at once"));
    }
}
