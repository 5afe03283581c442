//! Every path of the app in one place, so navigation, links and tests
//! cannot drift apart.

pub const HOME: &str = "/";
pub const FIND_PARTNER: &str = "/partners/find";
pub const CONTACT: &str = "/partners/contact";
pub const REQUESTS: &str = "/partners/requests";
pub const INVITATIONS: &str = "/partners/invitations";
pub const DATA: &str = "/settings/data";
/// Settings › Data's "Import from Microsoft Graph" section.
pub const GRAPH_IMPORT: &str = "/settings/data#import-graph";
pub const SIMULATOR: &str = "/demo/partner-simulator";
pub const RELATIONSHIPS: &str = "/settings/partner-relationships";
pub const ACCESS_REVIEW: &str = "/settings/access-review";
pub const BILLING: &str = "/billing";
pub const ACTIVITY: &str = "/activity";
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

/// One entry of the left navigation.
pub struct NavItem {
    pub path: &'static str,
    pub label: &'static str,
    /// Shown as a group heading above the item (e.g. "Settings").
    pub group: Option<&'static str>,
}

/// Billing and Activity are pages of their own, as their breadcrumbs say
/// (Home › Billing), so they come before the Settings group.
pub const NAV: &[NavItem] = &[
    NavItem {
        path: HOME,
        label: "Home",
        group: None,
    },
    NavItem {
        path: FIND_PARTNER,
        label: "Find a partner",
        group: None,
    },
    NavItem {
        path: REQUESTS,
        label: "Requests sent",
        group: None,
    },
    NavItem {
        path: INVITATIONS,
        label: "Invitations",
        group: None,
    },
    NavItem {
        path: BILLING,
        label: "Billing",
        group: None,
    },
    NavItem {
        path: ACTIVITY,
        label: "Activity",
        group: None,
    },
    NavItem {
        path: RELATIONSHIPS,
        label: "Partner relationships",
        group: Some("Settings"),
    },
    NavItem {
        path: ACCESS_REVIEW,
        label: "Review partner access",
        group: Some("Settings"),
    },
    NavItem {
        path: DATA,
        label: "Data",
        group: Some("Settings"),
    },
    NavItem {
        path: SIMULATOR,
        label: "Partner simulator",
        group: Some("Demo"),
    },
];

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
