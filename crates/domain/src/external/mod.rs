//! What comes in from outside the console and goes out of it: the links
//! in a partner's email, Microsoft Graph's JSON, and the CSV files an
//! admin keeps.

pub mod csv;
mod csv_exports;
pub mod graph;
mod partner_link;

pub use csv_exports::{
    access_review_csv, access_review_csv_filename, access_review_csv_rows, relationships_csv,
    relationships_csv_filename, relationships_csv_rows, ACCESS_REVIEW_CSV_COLUMNS,
    RELATIONSHIPS_CSV_COLUMNS,
};
pub use graph::{GraphRelationship, ImportPartner};

pub use partner_link::{
    PartnerLink, PartnerLinkError, PARTNER_LINK_LOOKS_FOR, PARTNER_LINK_MAX_LEN,
    PARTNER_LINK_NO_INVITATION,
};
