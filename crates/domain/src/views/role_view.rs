//! One admin role as a page shows it: name, what it is for, what it allows.

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
            },
            None => RoleView {
                id: id.clone(),
                name: id.display_name(),
                description: "A role this console does not know.".to_string(),
                allows: "Unknown: ask the partner what it allows before you approve it."
                    .to_string(),
                known: false,
            },
        }
    }
}
