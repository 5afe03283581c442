//! The id of a Microsoft Entra role, as Graph's `roleDefinitionId` carries it.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Any string is kept: an id we do not know (a newer role, a custom one)
/// must survive loading and saving, and is shown as `Unknown role (<id>)`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RoleDefinitionId(String);

impl RoleDefinitionId {
    pub fn new(id: impl Into<String>) -> RoleDefinitionId {
        RoleDefinitionId(id.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The role's name, or `Unknown role (<id>)` when it is not in the
    /// catalogue.
    pub fn display_name(&self) -> String {
        match crate::roles::lookup(self) {
            Some(info) => info.name.to_string(),
            None => format!("Unknown role ({})", self.0),
        }
    }

    pub fn is_global_administrator(&self) -> bool {
        self.0
            .eq_ignore_ascii_case(crate::roles::GLOBAL_ADMINISTRATOR)
    }
}

impl fmt::Display for RoleDefinitionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for RoleDefinitionId {
    fn from(id: &str) -> Self {
        RoleDefinitionId::new(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_id_shows_the_role_name() {
        let id = RoleDefinitionId::new("729827e3-9c14-49f7-bb1b-9608f156bbb8");
        assert_eq!(id.display_name(), "Helpdesk Administrator");
    }

    #[test]
    fn an_unknown_id_is_kept_and_shown_as_unknown() {
        let id: RoleDefinitionId = serde_json::from_str("\"not-a-role\"").unwrap();
        assert_eq!(id.display_name(), "Unknown role (not-a-role)");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"not-a-role\"");
    }
}
