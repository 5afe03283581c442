//! The partner-relationships engine: model, rules, commands and events.
//!
//! Nothing here touches a browser, a UI or the network, so the in-browser
//! store and the HTTP backend run exactly the same decisions.
//!
//! The engine: [`State::decide`] checks a [`Command`] for a [`Persona`] at
//! a given `now` and returns [`Event`]s or a [`DomainError`], changing
//! nothing; [`State::apply`] folds an event in and cannot fail;
//! [`State::execute`] does both, all or nothing. The domain never reads a
//! clock: the browser passes its demo clock (`state.now`), and a host on
//! real time runs `Command::AdvanceTime { to: now }` before other commands
//! so expiry and auto-extend catch up. Read-only projections for pages are
//! in [`views`], saving and loading in [`snapshot`], demo data in [`demo`].
// Data from outside (storage, network, URL, user) must never panic the app:
// no unwrap/expect in shipped code. Tests may use them.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod demo;
pub mod directory;
pub mod permissions;
pub mod persona;
pub mod roles;
pub mod snapshot;
pub mod sort;
pub mod views;

mod access_details;
mod activity_entry;
mod agreement_status;
mod auto_extend_duration;
mod command;
mod contact_field;
mod contact_form;
mod contact_form_errors;
mod contact_request;
mod contact_request_details;
mod contact_request_status;
mod delegated_admin_relationship;
mod domain_error;
mod duration_error;
mod event;
mod field_error;
mod granular_draft;
mod granular_duration;
mod granular_request;
mod invitation;
mod invitation_state;
mod iso_duration;
mod legacy_delegated_roles;
mod notice;
mod partner;
mod partner_link;
mod partner_type;
mod prng;
mod relationship_status;
mod role_definition_id;
mod roles_brought;
mod state;
mod timestamp;
mod timestamp_error;
mod unified_role;

pub use access_details::AccessDetails;
pub use activity_entry::ActivityEntry;
pub use agreement_status::AgreementStatus;
pub use auto_extend_duration::AutoExtendDuration;
pub use command::Command;
pub use contact_field::ContactField;
pub use contact_form::{ContactForm, BUSINESS_NEEDS_MAX};
pub use contact_form_errors::ContactFormErrors;
pub use contact_request::ContactRequest;
pub use contact_request_details::ContactRequestDetails;
pub use contact_request_status::ContactRequestStatus;
pub use delegated_admin_relationship::DelegatedAdminRelationship;
pub use domain_error::DomainError;
pub use duration_error::DurationError;
pub use event::Event;
pub use field_error::FieldError;
pub use granular_draft::GranularDraft;
pub use granular_duration::GranularDuration;
pub use granular_request::GranularRequest;
pub use invitation::Invitation;
pub use invitation_state::InvitationState;
pub use iso_duration::IsoDuration;
pub use legacy_delegated_roles::LegacyDelegatedRoles;
pub use notice::Notice;
pub use partner::Partner;
pub use partner_link::{
    PartnerLink, PartnerLinkError, PARTNER_LINK_LOOKS_FOR, PARTNER_LINK_MAX_LEN,
    PARTNER_LINK_NO_INVITATION,
};
pub use partner_type::PartnerType;
pub use permissions::Action;
pub use persona::Persona;
pub use prng::SplitMix64;
pub use relationship_status::RelationshipStatus;
pub use role_definition_id::RoleDefinitionId;
pub use roles::RoleInfo;
pub use roles_brought::RolesBrought;
pub use snapshot::{Decoded, SnapshotError};
pub use state::State;
pub use timestamp::Timestamp;
pub use timestamp_error::TimestampError;
pub use unified_role::UnifiedRole;
