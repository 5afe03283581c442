//! What a signed-in persona may try to do, as the UI asks it: "may this
//! persona see the Remove roles button?".

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Action {
    // Reading. Everyone signed in may look; the pages are read-only for
    // those who cannot act.
    FindPartners,
    ViewRelationships,
    ViewInvitations,
    ViewActivityLog,
    ViewLicenses,
    ViewBillingNotifications,
    ViewYourProducts,
    ViewBillsAndPayments,
    // Acting as the customer.
    ContactPartners,
    AcceptInvitationWithoutRoles,
    GrantAdminRoles,
    DeclineInvitation,
    AcceptAgreement,
    RemoveRoles,
    SetPurchaseVisibility,
    Purchase,
    // Demo tools: they stand in for the partner, the clock and the browser
    // storage, not for anything an admin does.
    UsePartnerSimulator,
    MoveDemoClock,
    ManageDemoData,
    // Signing off a review of partner access (Review partner access).
    MarkAccessReviewed,
}

impl Action {
    pub const ALL: [Action; 20] = [
        Action::FindPartners,
        Action::ViewRelationships,
        Action::ViewInvitations,
        Action::ViewActivityLog,
        Action::ViewLicenses,
        Action::ViewBillingNotifications,
        Action::ViewYourProducts,
        Action::ViewBillsAndPayments,
        Action::ContactPartners,
        Action::AcceptInvitationWithoutRoles,
        Action::GrantAdminRoles,
        Action::DeclineInvitation,
        Action::AcceptAgreement,
        Action::RemoveRoles,
        Action::SetPurchaseVisibility,
        Action::Purchase,
        Action::UsePartnerSimulator,
        Action::MoveDemoClock,
        Action::ManageDemoData,
        Action::MarkAccessReviewed,
    ];

    /// Words for the activity log and error messages.
    pub fn label(self) -> &'static str {
        match self {
            Action::FindPartners => "find partners",
            Action::ViewRelationships => "view partner relationships",
            Action::ViewInvitations => "view invitations",
            Action::ViewActivityLog => "view the activity log",
            Action::ViewLicenses => "view licenses",
            Action::ViewBillingNotifications => "view billing notifications",
            Action::ViewYourProducts => "view your products",
            Action::ViewBillsAndPayments => "view bills & payments",
            Action::ContactPartners => "contact partners",
            Action::AcceptInvitationWithoutRoles => "accept an invitation",
            Action::GrantAdminRoles => "grant partner admin roles",
            Action::DeclineInvitation => "decline an invitation",
            Action::AcceptAgreement => "accept the customer agreement",
            Action::RemoveRoles => "remove partner admin roles",
            Action::SetPurchaseVisibility => "set purchase visibility",
            Action::Purchase => "purchase services",
            Action::UsePartnerSimulator => "use the partner simulator",
            Action::MoveDemoClock => "move the demo clock",
            Action::ManageDemoData => "export, import or reset the demo data",
            Action::MarkAccessReviewed => "mark partner access as reviewed",
        }
    }

    /// Granting or removing admin roles is the one thing reserved for a
    /// Global Administrator.
    pub fn concerns_admin_roles(self) -> bool {
        matches!(self, Action::GrantAdminRoles | Action::RemoveRoles)
    }
}
