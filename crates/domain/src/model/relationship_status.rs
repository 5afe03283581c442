//! The status of a granular relationship, with Graph's values.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Graph's `delegatedAdminRelationshipStatus`. A value we do not know is
/// kept as `Unknown` (loading never fails on it), shown as such, and never
/// changed by a command: it is read-only.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum RelationshipStatus {
    Created,
    ApprovalPending,
    Approved,
    Activating,
    Active,
    Expiring,
    Expired,
    TerminationRequested,
    Terminating,
    Terminated,
    Unknown(String),
}

impl RelationshipStatus {
    pub const KNOWN: [RelationshipStatus; 10] = [
        RelationshipStatus::Created,
        RelationshipStatus::ApprovalPending,
        RelationshipStatus::Approved,
        RelationshipStatus::Activating,
        RelationshipStatus::Active,
        RelationshipStatus::Expiring,
        RelationshipStatus::Expired,
        RelationshipStatus::TerminationRequested,
        RelationshipStatus::Terminating,
        RelationshipStatus::Terminated,
    ];

    /// Reads Graph's value; anything else becomes `Unknown`.
    pub fn parse(value: &str) -> RelationshipStatus {
        RelationshipStatus::KNOWN
            .into_iter()
            .find(|s| s.as_str() == value)
            .unwrap_or_else(|| RelationshipStatus::Unknown(value.to_string()))
    }

    /// Graph's value, e.g. `approvalPending`.
    pub fn as_str(&self) -> &str {
        match self {
            RelationshipStatus::Created => "created",
            RelationshipStatus::ApprovalPending => "approvalPending",
            RelationshipStatus::Approved => "approved",
            RelationshipStatus::Activating => "activating",
            RelationshipStatus::Active => "active",
            RelationshipStatus::Expiring => "expiring",
            RelationshipStatus::Expired => "expired",
            RelationshipStatus::TerminationRequested => "terminationRequested",
            RelationshipStatus::Terminating => "terminating",
            RelationshipStatus::Terminated => "terminated",
            RelationshipStatus::Unknown(value) => value,
        }
    }

    pub fn label(&self) -> String {
        let known = match self {
            RelationshipStatus::Created => "Created",
            RelationshipStatus::ApprovalPending => "Approval pending",
            RelationshipStatus::Approved => "Approved",
            RelationshipStatus::Activating => "Activating",
            RelationshipStatus::Active => "Active",
            RelationshipStatus::Expiring => "Expiring",
            RelationshipStatus::Expired => "Expired",
            RelationshipStatus::TerminationRequested => "Termination requested",
            RelationshipStatus::Terminating => "Terminating",
            RelationshipStatus::Terminated => "Terminated",
            RelationshipStatus::Unknown(value) => return format!("Unknown ({value})"),
        };
        known.to_string()
    }

    /// Expired and terminated relationships never come back.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            RelationshipStatus::Expired | RelationshipStatus::Terminated
        )
    }

    pub fn is_unknown(&self) -> bool {
        matches!(self, RelationshipStatus::Unknown(_))
    }

    /// Whether the partner's roles are in force in this status.
    pub fn grants_access(&self) -> bool {
        matches!(
            self,
            RelationshipStatus::Active
                | RelationshipStatus::Expiring
                | RelationshipStatus::TerminationRequested
        )
    }

    /// The one place that says which moves are allowed: nothing leaves a
    /// final status, nothing leaves an unknown one (read-only), and nothing
    /// becomes unknown.
    pub fn can_become(&self, next: &RelationshipStatus) -> bool {
        !self.is_final() && !self.is_unknown() && !next.is_unknown() && self != next
    }
}

impl fmt::Display for RelationshipStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RelationshipStatus {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RelationshipStatus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(RelationshipStatus::parse(&text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_graph_value_round_trips() {
        for s in RelationshipStatus::KNOWN {
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(
                serde_json::from_str::<RelationshipStatus>(&json).unwrap(),
                s
            );
        }
    }

    #[test]
    fn an_unknown_status_loads_without_failing_and_is_kept() {
        let s: RelationshipStatus = serde_json::from_str("\"suspendedByMicrosoft\"").unwrap();
        assert_eq!(
            s,
            RelationshipStatus::Unknown("suspendedByMicrosoft".into())
        );
        assert_eq!(s.label(), "Unknown (suspendedByMicrosoft)");
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            "\"suspendedByMicrosoft\""
        );
    }

    #[test]
    fn an_unknown_status_is_read_only() {
        let s = RelationshipStatus::Unknown("x".into());
        assert!(!s.can_become(&RelationshipStatus::Terminated));
    }

    #[test]
    fn an_expired_or_terminated_relationship_cannot_come_back() {
        for from in [RelationshipStatus::Expired, RelationshipStatus::Terminated] {
            for to in RelationshipStatus::KNOWN {
                assert!(!from.can_become(&to), "{from} must not become {to}");
            }
        }
        assert!(RelationshipStatus::Active.can_become(&RelationshipStatus::Expired));
    }
}
