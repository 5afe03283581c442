//! Reusable UI pieces. None of them holds a product rule.

pub mod acknowledgement;
pub mod active_filters;
pub mod agreement_link;
pub mod data_location;
pub mod demo_clock;
pub mod dialog;
pub mod download;
pub mod filter_panel;
pub mod focus;
pub mod form_field;
pub mod live_updates;
pub mod page;
pub mod persona_picker;
pub mod privileged_badge;
pub mod role_list;
pub mod safe_link;
pub mod session_ended;
pub mod session_header;
pub mod shell;
pub mod status_badge;
pub mod storage_banner;
pub mod toast;
pub mod url_query;
pub mod virtual_list;
