//! One admin role as a page shows it: name, what it is for, what it allows,
//! and whether Entra marks it privileged.

use serde::Serialize;

use crate::RoleDefinitionId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleView {
    pub id: RoleDefinitionId,
    pub name: String,
    pub description: String,
    pub allows: String,
    /// False for an id the catalogue does not know.
    pub known: bool,
    /// Entra's privileged marking; false for an unknown role, which the
    /// page flags as unknown instead.
    pub privileged: bool,
}

impl RoleView {
    pub fn of(id: &RoleDefinitionId) -> RoleView {
        match crate::roles::lookup(id) {
            Some(info) => RoleView {
                id: id.clone(),
                name: info.name.to_string(),
                description: info.description.to_string(),
                allows: info.allows.to_string(),
                known: true,
                privileged: info.privileged,
            },
            None => RoleView {
                id: id.clone(),
                name: id.display_name(),
                description: "A role this console does not know.".to_string(),
                allows: "Unknown: ask the partner what it allows before you approve it."
                    .to_string(),
                known: false,
                privileged: false,
            },
        }
    }

    /// The name, with "(privileged)" after a role Entra marks privileged:
    /// for lists written as a sentence, where a badge has no place.
    pub fn marked_name(&self) -> String {
        if self.privileged {
            format!("{} (privileged)", self.name)
        } else {
            self.name.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_view_carries_the_privileged_marking() {
        let global = RoleView::of(&RoleDefinitionId::new(crate::roles::GLOBAL_ADMINISTRATOR));
        assert!(global.known && global.privileged);
        let license = RoleView::of(&RoleDefinitionId::new(
            "4d6ac14f-3453-41d0-bef9-a3e0c569773a",
        ));
        assert!(license.known && !license.privileged);
        let unknown = RoleView::of(&RoleDefinitionId::new("not-a-role"));
        assert!(!unknown.known && !unknown.privileged);
        assert_eq!(global.marked_name(), "Global Administrator (privileged)");
        assert_eq!(license.marked_name(), "License Administrator");
    }
}
