//! One finding of the partner access review: what stands out, what to do
//! about it, and where to do it.

use serde::Serialize;

/// What a flag is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewFlagKind {
    /// The partner holds Global Administrator (legacy or granular).
    GlobalAdministrator,
    /// Legacy delegated admin roles: they never end.
    LegacyRoles,
    /// A granular relationship's access ends within 30 days.
    EndingSoon,
    /// A granular relationship renews itself at its end.
    AutoExtend,
    /// Admin roles without a signed Microsoft Customer Agreement.
    NoCustomerAgreement,
    /// Admin roles held by a partner that is otherwise only a reseller.
    ResellerWithAdminRoles,
}

impl ReviewFlagKind {
    /// A short name for the flag, for the page's badges and the CSV.
    pub fn label(self) -> &'static str {
        match self {
            ReviewFlagKind::GlobalAdministrator => "Global Administrator",
            ReviewFlagKind::LegacyRoles => "Legacy admin roles",
            ReviewFlagKind::EndingSoon => "Access ending soon",
            ReviewFlagKind::AutoExtend => "Auto-extend on",
            ReviewFlagKind::NoCustomerAgreement => "No customer agreement",
            ReviewFlagKind::ResellerWithAdminRoles => "Reseller with admin roles",
        }
    }
}

/// Where a recommended action is taken. The domain names the place; the
/// app turns it into a link to the partner's page, its Admin roles
/// section (Remove roles) or its customer agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ReviewTarget {
    /// The partner page's Admin roles section, with Remove roles.
    RemoveRoles,
    /// The partner page's details: its contact email and phone, to ask
    /// the partner for a request.
    ContactPartner,
    /// "Review and accept" the partner's customer agreement.
    CustomerAgreement,
}

/// A link that takes a recommended action.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewLink {
    pub label: &'static str,
    pub target: ReviewTarget,
}

pub(crate) const REMOVE_ROLES: ReviewLink = ReviewLink {
    label: "Remove roles",
    target: ReviewTarget::RemoveRoles,
};

pub(crate) const ASK_LEAST_PRIVILEGE: ReviewLink = ReviewLink {
    label: "Ask the partner for a least-privilege request",
    target: ReviewTarget::ContactPartner,
};

pub(crate) const ASK_NEW_REQUEST: ReviewLink = ReviewLink {
    label: "Ask the partner for a new request",
    target: ReviewTarget::ContactPartner,
};

pub(crate) const REVIEW_AGREEMENT: ReviewLink = ReviewLink {
    label: "Review and accept the agreement",
    target: ReviewTarget::CustomerAgreement,
};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewFlag {
    pub kind: ReviewFlagKind,
    /// What stands out, as a sentence.
    pub message: String,
    /// What to do about it, as a sentence.
    pub recommendation: String,
    /// Where to do it, the first link being the first thing to try.
    pub links: Vec<ReviewLink>,
}
