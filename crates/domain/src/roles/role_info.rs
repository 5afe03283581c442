//! What the app says about one Entra built-in role.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RoleInfo {
    /// The public, fixed role definition (template) id.
    pub id: &'static str,
    pub name: &'static str,
    /// Entra's "privileged" marking in its permissions reference.
    pub privileged: bool,
    /// One line: who the role is for.
    pub description: &'static str,
    /// What a partner holding it could do in your organization.
    pub allows: &'static str,
}

impl RoleInfo {
    /// Whether the role answers a search: every word of `query` appears,
    /// ignoring case, in its name or in what it is for or allows. An empty
    /// query matches every role.
    pub fn matches(&self, query: &str) -> bool {
        let text = [self.name, self.description, self.allows]
            .join(" ")
            .to_lowercase();
        query
            .split_whitespace()
            .all(|word| text.contains(&word.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use crate::roles::CATALOGUE;

    fn names(query: &str) -> Vec<&'static str> {
        CATALOGUE
            .iter()
            .filter(|r| r.matches(query))
            .map(|r| r.name)
            .collect()
    }

    #[test]
    fn a_search_finds_roles_by_any_words_of_their_name_or_purpose() {
        assert_eq!(names("").len(), CATALOGUE.len());
        assert_eq!(names("  teams   READER "), ["Teams Reader"]);
        assert!(names("password").contains(&"Helpdesk Administrator"));
        assert!(names("backup").contains(&"Exchange Backup Administrator"));
        assert!(names("no such role anywhere").is_empty());
    }
}
