//! The model: partners, their relationships with this organization, the
//! invitations they send and the roles those carry. Field names follow
//! Microsoft Graph where Graph has a name.

mod access_details;
mod access_review_record;
mod agreement_status;
mod auto_extend_duration;
mod delegated_admin_relationship;
mod granular_draft;
mod granular_duration;
mod granular_request;
mod invitation;
mod invitation_state;
mod legacy_delegated_roles;
mod notice;
mod partner;
mod partner_type;
mod relationship_status;
mod role_definition_id;
mod roles_brought;
mod unified_role;

pub use access_details::AccessDetails;
pub use access_review_record::AccessReviewRecord;
pub use agreement_status::AgreementStatus;
pub use auto_extend_duration::AutoExtendDuration;
pub use delegated_admin_relationship::DelegatedAdminRelationship;
pub use granular_draft::GranularDraft;
pub use granular_duration::GranularDuration;
pub use granular_request::GranularRequest;
pub use invitation::Invitation;
pub use invitation_state::InvitationState;
pub use legacy_delegated_roles::LegacyDelegatedRoles;
pub use notice::Notice;
pub use partner::Partner;
pub use partner_type::PartnerType;
pub use relationship_status::RelationshipStatus;
pub use role_definition_id::RoleDefinitionId;
pub use roles_brought::RolesBrought;
pub use unified_role::UnifiedRole;
