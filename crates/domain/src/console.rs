//! The console's frame and the first words of its main pages, in one place:
//! the app renders them, and the release build writes the same words into
//! index.html (scripts/build/post_build.py, through the `shell_words`
//! example), so a first visit shows the header, the navigation and the
//! page's heading before the wasm has arrived, and the two cannot drift.

/// The product's name, in the header and every document title.
pub const PRODUCT: &str = "Partner console";
/// The organization the demo data belongs to (a server names its own).
pub const DEMO_ORGANIZATION: &str = "Adatum Corporation";
pub const SKIP_LINK: &str = "Skip to main content";
pub const MENU: &str = "Menu";
/// The accessible names of the two navigation landmarks.
pub const NAV_LABEL: &str = "Main";
pub const BREADCRUMB_LABEL: &str = "Breadcrumb";

pub const HOME: &str = "/";
pub const FIND_PARTNER: &str = "/partners/find";
pub const REQUESTS: &str = "/partners/requests";
pub const INVITATIONS: &str = "/partners/invitations";
pub const DATA: &str = "/settings/data";
pub const SIMULATOR: &str = "/demo/partner-simulator";
pub const RELATIONSHIPS: &str = "/settings/partner-relationships";
pub const ACCESS_REVIEW: &str = "/settings/access-review";
pub const BILLING: &str = "/billing";
pub const ACTIVITY: &str = "/activity";

/// One entry of the left navigation.
pub struct NavItem {
    pub path: &'static str,
    pub label: &'static str,
    /// Shown as a group heading above the item (e.g. "Settings").
    pub group: Option<&'static str>,
}

const fn item(path: &'static str, label: &'static str, group: Option<&'static str>) -> NavItem {
    NavItem { path, label, group }
}

/// Billing and Activity are pages of their own, as their breadcrumbs say
/// (Home › Billing), so they come before the Settings group.
pub const NAV: &[NavItem] = &[
    item(HOME, "Home", None),
    item(FIND_PARTNER, "Find a partner", None),
    item(REQUESTS, "Requests sent", None),
    item(INVITATIONS, "Invitations", None),
    item(BILLING, "Billing", None),
    item(ACTIVITY, "Activity", None),
    item(RELATIONSHIPS, "Partner relationships", Some("Settings")),
    item(ACCESS_REVIEW, "Review partner access", Some("Settings")),
    item(DATA, "Data", Some("Settings")),
    item(SIMULATOR, "Partner simulator", Some("Demo")),
];

/// A step of a breadcrumb trail before the current page; `None` for a
/// grouping with no page of its own (e.g. "Settings").
pub type Crumb = (&'static str, Option<&'static str>);

/// A piece of a lead paragraph: plain, or strong (a button's name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Words {
    Plain(&'static str),
    Strong(&'static str),
}

/// The top of a page whose first screen is the same for everyone: the
/// breadcrumb trail after Home, the heading and the lead paragraph.
pub struct PageHead {
    pub path: &'static str,
    pub title: &'static str,
    pub trail: &'static [Crumb],
    pub lead: &'static [Words],
}

impl PageHead {
    /// The lead paragraph as plain text.
    pub fn lead_text(&self) -> String {
        self.lead
            .iter()
            .map(|w| match w {
                Words::Plain(s) | Words::Strong(s) => *s,
            })
            .collect()
    }
}

pub const HOME_HEAD: PageHead = PageHead {
    path: HOME,
    title: "Home",
    trail: &[],
    lead: &[Words::Plain(
        "Find a partner, accept a partner's invitation, and control which admin roles partners hold in your organization.",
    )],
};

pub const FIND_PARTNER_HEAD: PageHead = PageHead {
    path: FIND_PARTNER,
    title: "Find a partner",
    trail: &[],
    lead: &[
        Words::Plain("Use the filters to narrow your search. When you find a partner you want to work with, select "),
        Words::Strong("Contact me"),
        Words::Plain(", or choose several and select "),
        Words::Strong("Contact selected providers"),
        Words::Plain("."),
    ],
};

pub const REQUESTS_HEAD: PageHead = PageHead {
    path: REQUESTS,
    title: "Requests sent",
    trail: &[("Find a partner", Some(FIND_PARTNER))],
    lead: &[Words::Plain(
        "Partners you contacted get back to you by email or phone. If you decide to work with one, they send you an invitation.",
    )],
};

pub const INVITATIONS_HEAD: PageHead = PageHead {
    path: INVITATIONS,
    title: "Invitations",
    trail: &[],
    lead: &[Words::Plain(
        "Invitations partners have sent to your organization. Open one to review what the partner asks for, read the Microsoft Customer Agreement, and accept or cancel it.",
    )],
};

pub const ACTIVITY_HEAD: PageHead = PageHead {
    path: ACTIVITY,
    title: "Activity",
    trail: &[],
    lead: &[Words::Plain(
        "Every action taken in this console, newest first: who did what, when, and whether it went through.",
    )],
};

pub const RELATIONSHIPS_HEAD: PageHead = PageHead {
    path: RELATIONSHIPS,
    title: "Partner relationships",
    trail: &[("Settings", None)],
    lead: &[Words::Plain(
        "The partners you work with, what they may do in your organization, and until when. Select a partner to see details or remove its admin roles.",
    )],
};

/// The pages whose heading and lead are written into the served HTML.
pub const PAGE_HEADS: &[PageHead] = &[
    HOME_HEAD,
    FIND_PARTNER_HEAD,
    REQUESTS_HEAD,
    INVITATIONS_HEAD,
    ACTIVITY_HEAD,
    RELATIONSHIPS_HEAD,
];

/// The top of a page whose heading is its data (an invitation's state, a
/// partner's name), for every address under `prefix` (one more segment):
/// the trail before the heading and a lead that is true of every such page,
/// which the frame can show before the wasm has read the data. The frame
/// keeps the heading's room with `heading_room`, unseen (the heading most
/// of these pages show), so the lead stays put when the app's arrives.
pub struct DataPageHead {
    pub prefix: &'static str,
    pub trail: &'static [Crumb],
    pub heading_room: &'static str,
    pub lead: &'static [Words],
}

/// The accept page's heading while the invitation is open (seeds: "the
/// Accept agreement & authorize partner page").
pub const ACCEPT_TITLE: &str = "Accept agreement & authorize partner";

pub const INVITATION_HEAD: DataPageHead = DataPageHead {
    prefix: "/partners/invitation/",
    trail: &[("Invitations", Some(INVITATIONS))],
    heading_room: ACCEPT_TITLE,
    lead: &[Words::Plain(
        "After you find a partner and decide to work with them, they send you an invitation. Review what it asks for and the Microsoft Customer Agreement, then accept it; if you don't want to give the partner admin roles, cancel it instead.",
    )],
};

pub const PARTNER_HEAD: DataPageHead = DataPageHead {
    prefix: "/settings/partner-relationships/",
    trail: &[("Settings", None), ("Partner relationships", Some(RELATIONSHIPS))],
    // About as long as a partner's name: on a phone the breadcrumbs then
    // wrap as they will with the name.
    heading_room: "A partner's name",
    lead: &[
        Words::Plain("What this partner may do in your organization, and until when. Removing its admin roles with "),
        Words::Strong("Remove roles"),
        Words::Plain(" doesn't remove the partner relationship: to end it, contact the partner."),
    ],
};

/// The pages under a prefix whose trail and lead are written into the
/// served HTML.
pub const DATA_PAGE_HEADS: &[DataPageHead] = &[INVITATION_HEAD, PARTNER_HEAD];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_prerendered_page_is_in_the_navigation() {
        for head in PAGE_HEADS {
            assert!(NAV.iter().any(|n| n.path == head.path), "{}", head.path);
        }
    }

    #[test]
    fn a_data_page_lead_is_one_paragraph_true_of_every_such_page() {
        assert_eq!(
            PARTNER_HEAD.lead.iter().map(|w| match w {
                Words::Plain(s) | Words::Strong(s) => *s,
            }).collect::<String>(),
            "What this partner may do in your organization, and until when. Removing its admin roles with Remove roles doesn't remove the partner relationship: to end it, contact the partner."
        );
        for head in DATA_PAGE_HEADS {
            // The frame matches one more segment after the prefix.
            assert!(
                head.prefix.starts_with('/') && head.prefix.ends_with('/'),
                "{}",
                head.prefix
            );
            assert!(!head.lead.is_empty());
        }
    }

    #[test]
    fn a_lead_reads_as_one_sentence() {
        assert_eq!(
            FIND_PARTNER_HEAD.lead_text(),
            "Use the filters to narrow your search. When you find a partner you want to work with, select Contact me, or choose several and select Contact selected providers."
        );
    }
}
