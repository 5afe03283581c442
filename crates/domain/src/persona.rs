//! Who is signed in. The demo lets an admin switch between these.

use serde::{Deserialize, Serialize};

/// A signed-in persona. Permissions are decided from this alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub enum Persona {
    #[default]
    GlobalAdministrator,
    BillingAdministrator,
    HelpdeskAdministrator,
    /// A user with no admin role.
    User,
    /// A partner acting on behalf of the customer (AOBO).
    PartnerOnBehalf,
}

impl Persona {
    pub const ALL: [Persona; 5] = [
        Persona::GlobalAdministrator,
        Persona::BillingAdministrator,
        Persona::HelpdeskAdministrator,
        Persona::User,
        Persona::PartnerOnBehalf,
    ];

    /// Stable identifier, used in storage and URLs.
    pub fn id(self) -> &'static str {
        match self {
            Persona::GlobalAdministrator => "global-admin",
            Persona::BillingAdministrator => "billing-admin",
            Persona::HelpdeskAdministrator => "helpdesk-admin",
            Persona::User => "user",
            Persona::PartnerOnBehalf => "partner-aobo",
        }
    }

    /// The name an admin reads in the header.
    pub fn label(self) -> &'static str {
        match self {
            Persona::GlobalAdministrator => "Global Administrator",
            Persona::BillingAdministrator => "Billing Administrator",
            Persona::HelpdeskAdministrator => "Helpdesk Administrator",
            Persona::User => "User (no admin role)",
            Persona::PartnerOnBehalf => "Partner (on behalf of the customer)",
        }
    }

    /// Reads an identifier from storage or a URL; anything unknown is `None`.
    pub fn from_id(id: &str) -> Option<Persona> {
        Persona::ALL.into_iter().find(|p| p.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_persona_round_trips_through_its_id() {
        for p in Persona::ALL {
            assert_eq!(Persona::from_id(p.id()), Some(p));
        }
    }

    #[test]
    fn an_unknown_id_is_no_persona() {
        assert_eq!(Persona::from_id("root"), None);
        assert_eq!(Persona::from_id(""), None);
    }
}
