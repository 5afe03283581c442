//! Every path of the app in one place, so navigation, links and tests
//! cannot drift apart.

// The paths the navigation names, and the navigation itself, live in the
// domain: the build writes them into index.html too (domain::console).
pub use domain::console::{
    NavItem, ACCESS_REVIEW, ACTIVITY, BILLING, DATA, FIND_PARTNER, HOME, INVITATIONS, NAV,
    RELATIONSHIPS, REQUESTS, SIMULATOR,
};
pub const CONTACT: &str = "/partners/contact";
/// Settings › Data's "Import from Microsoft Graph" section.
pub const GRAPH_IMPORT: &str = "/settings/data#import-graph";
/// Sign-in mode: where a failed sign-in comes back, and where Sign out ends.
pub const SIGN_IN: &str = "/sign-in";
pub const SIGNED_OUT: &str = "/signed-out";

/// The deep link an invitation email carries.
pub fn invitation(id: &str) -> String {
    format!("/partners/invitation/{}", encode_segment(id))
}

/// "Review and accept" the customer agreement of a partner.
pub fn agreement(partner_id: &str) -> String {
    format!("/partners/agreement/{}", encode_segment(partner_id))
}

/// The partner page under Settings › Partner relationships.
pub fn partner(id: &str) -> String {
    format!("{RELATIONSHIPS}/{}", encode_segment(id))
}

/// Percent-encodes everything but unreserved characters, so an id from data
/// can never add a path segment, a query or a scheme to a link.
pub fn encode_segment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_invitation_link_keeps_a_plain_id_readable() {
        assert_eq!(invitation("inv-42"), "/partners/invitation/inv-42");
    }

    #[test]
    fn an_id_cannot_escape_its_path_segment() {
        assert_eq!(
            invitation("../x?y=1#z"),
            "/partners/invitation/..%2Fx%3Fy%3D1%23z"
        );
        assert_eq!(partner("a b"), "/settings/partner-relationships/a%20b");
    }

    #[test]
    fn every_nav_path_is_absolute_and_unique() {
        for (i, item) in NAV.iter().enumerate() {
            assert!(item.path.starts_with('/'), "{}", item.path);
            assert!(NAV[i + 1..].iter().all(|other| other.path != item.path));
        }
    }
}
