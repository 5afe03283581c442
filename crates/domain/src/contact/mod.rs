//! Contacting partners from the directory: the form, its checks and the
//! request it becomes.

mod contact_field;
mod contact_form;
mod contact_form_errors;
mod contact_request;
mod contact_request_details;
mod contact_request_status;
mod field_error;

pub use contact_field::ContactField;
pub use contact_form::{ContactForm, BUSINESS_NEEDS_MAX};
pub use contact_form_errors::ContactFormErrors;
pub use contact_request::ContactRequest;
pub use contact_request_details::ContactRequestDetails;
pub use contact_request_status::ContactRequestStatus;
pub use field_error::FieldError;
