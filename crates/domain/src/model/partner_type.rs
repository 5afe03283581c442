//! The kinds of relationship a partner can ask for: the union of both
//! versions of the "Manage partner relationships" page.

use serde::{Deserialize, Serialize};

use crate::RolesBrought;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum PartnerType {
    Advisor,
    IndependentSoftwareVendor,
    IndirectReseller,
    LineOfBusinessPartner,
    MpsaPartner,
    Oem,
    Partner,
    GranularDelegatedAdmin,
    Reseller,
    DelegatedAdministrator,
    ResellerAndDelegatedAdministrator,
}

impl PartnerType {
    pub const ALL: [PartnerType; 11] = [
        PartnerType::Advisor,
        PartnerType::IndependentSoftwareVendor,
        PartnerType::IndirectReseller,
        PartnerType::LineOfBusinessPartner,
        PartnerType::MpsaPartner,
        PartnerType::Oem,
        PartnerType::Partner,
        PartnerType::GranularDelegatedAdmin,
        PartnerType::Reseller,
        PartnerType::DelegatedAdministrator,
        PartnerType::ResellerAndDelegatedAdministrator,
    ];

    /// Stable identifier for URLs and filters.
    pub fn id(self) -> &'static str {
        match self {
            PartnerType::Advisor => "advisor",
            PartnerType::IndependentSoftwareVendor => "isv",
            PartnerType::IndirectReseller => "indirect-reseller",
            PartnerType::LineOfBusinessPartner => "lob",
            PartnerType::MpsaPartner => "mpsa",
            PartnerType::Oem => "oem",
            PartnerType::Partner => "partner",
            PartnerType::GranularDelegatedAdmin => "gdap",
            PartnerType::Reseller => "reseller",
            PartnerType::DelegatedAdministrator => "delegated-admin",
            PartnerType::ResellerAndDelegatedAdministrator => "reseller-delegated-admin",
        }
    }

    pub fn from_id(id: &str) -> Option<PartnerType> {
        PartnerType::ALL.into_iter().find(|t| t.id() == id)
    }

    /// The name shown in tables and filters.
    pub fn label(self) -> &'static str {
        match self {
            PartnerType::Advisor => "Advisor",
            PartnerType::IndependentSoftwareVendor => "Independent Software Vendor",
            PartnerType::IndirectReseller => "Indirect reseller",
            PartnerType::LineOfBusinessPartner => "Line-of-business partner",
            PartnerType::MpsaPartner => "MPSA partner",
            PartnerType::Oem => "OEM",
            PartnerType::Partner => "Partner",
            PartnerType::GranularDelegatedAdmin => "Partner with GDAP access",
            PartnerType::Reseller => "Reseller",
            PartnerType::DelegatedAdministrator => "Delegated administrator",
            PartnerType::ResellerAndDelegatedAdministrator => "Reseller & delegated administrator",
        }
    }

    /// One sentence on what this kind of partner does for you.
    pub fn description(self) -> &'static str {
        match self {
            PartnerType::Advisor => {
                "Helps your people day to day: resets passwords and handles support cases."
            }
            PartnerType::IndependentSoftwareVendor => {
                "Builds and sells its own software products, which you may buy and run."
            }
            PartnerType::IndirectReseller => {
                "Sells and looks after your products and services through a distributor."
            }
            PartnerType::LineOfBusinessPartner => {
                "Builds, publishes and maintains apps made for your organization only."
            }
            PartnerType::MpsaPartner => {
                "Buys for you under a Microsoft Products & Services Agreement; several such partners may see each other's purchases if you allow it."
            }
            PartnerType::Oem => {
                "Registers the devices it ships to you for Windows Autopilot, without any access to your organization."
            }
            PartnerType::Partner => {
                "Works with other services for you through a user account you give them."
            }
            PartnerType::GranularDelegatedAdmin => {
                "Manages products and services with granular delegated administrator privileges (GDAP): only the admin roles you approve, for a limited time."
            }
            PartnerType::Reseller => "Sells Microsoft products to your organization.",
            PartnerType::DelegatedAdministrator => {
                "Manages products and services with Global Administrator rights, with no end date."
            }
            PartnerType::ResellerAndDelegatedAdministrator => {
                "Sells you Microsoft products and manages them with Global Administrator rights."
            }
        }
    }

    /// The roles this kind of relationship brings (the seeds' table).
    pub fn roles_brought(self) -> RolesBrought {
        match self {
            PartnerType::Advisor
            | PartnerType::DelegatedAdministrator
            | PartnerType::ResellerAndDelegatedAdministrator => RolesBrought::LegacyAdminRoles,
            PartnerType::IndependentSoftwareVendor
            | PartnerType::IndirectReseller
            | PartnerType::MpsaPartner
            | PartnerType::Oem
            | PartnerType::Reseller => RolesBrought::None,
            PartnerType::LineOfBusinessPartner => RolesBrought::NotAvailable,
            PartnerType::Partner | PartnerType::GranularDelegatedAdmin => {
                RolesBrought::AnyEntraRole
            }
        }
    }

    /// What is left of this type once its admin roles are removed: the
    /// seeds say the partner "can still work with you … such as a
    /// Reseller", so the reseller half of a combined type survives.
    pub fn without_admin_roles(self) -> PartnerType {
        match self {
            PartnerType::ResellerAndDelegatedAdministrator => PartnerType::Reseller,
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_its_id() {
        for t in PartnerType::ALL {
            assert_eq!(PartnerType::from_id(t.id()), Some(t));
        }
    }

    #[test]
    fn advisor_and_delegated_administrators_bring_the_legacy_roles() {
        for t in [
            PartnerType::Advisor,
            PartnerType::DelegatedAdministrator,
            PartnerType::ResellerAndDelegatedAdministrator,
        ] {
            assert_eq!(t.roles_brought(), RolesBrought::LegacyAdminRoles);
        }
    }

    #[test]
    fn resellers_vendors_and_oems_bring_no_roles() {
        for t in [
            PartnerType::IndependentSoftwareVendor,
            PartnerType::IndirectReseller,
            PartnerType::MpsaPartner,
            PartnerType::Oem,
            PartnerType::Reseller,
        ] {
            assert_eq!(t.roles_brought(), RolesBrought::None);
        }
        assert_eq!(
            PartnerType::LineOfBusinessPartner.roles_brought(),
            RolesBrought::NotAvailable
        );
        assert_eq!(
            PartnerType::Partner.roles_brought(),
            RolesBrought::AnyEntraRole
        );
        assert_eq!(
            PartnerType::GranularDelegatedAdmin.roles_brought(),
            RolesBrought::AnyEntraRole
        );
    }
}
