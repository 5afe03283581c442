//! The numbers on the home page cards.

use serde::Serialize;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HomeCounts {
    /// Partners you have a relationship with.
    pub partners: usize,
    pub pending_invitations: usize,
    pub active_granular: usize,
    pub expiring_within_30_days: usize,
    pub partners_with_legacy_roles: usize,
    /// Partners you work with whose customer agreement is not signed.
    pub agreements_to_sign: usize,
    /// Contact requests not yet answered.
    pub contact_requests_waiting: usize,
}
