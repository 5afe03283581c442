//! Microsoft Graph's `delegatedAdminRelationship`, in and out.
//!
//! In: the JSON Graph v1.0 returns (one object or `{"value": [...]}`), and
//! the same objects as PowerShell's `ConvertTo-Json` writes them from the
//! Microsoft Graph PowerShell SDK (PascalCase names, durations as TimeSpan
//! objects, dates as `/Date(ms)/` or ISO text). See [`read_graph`].
//! Out: [`write_graph`], the console's relationships in the shape the
//! reader reads, so an export imports back without loss.
//! [`import_preview`] says in words what an import would change.

mod preview;
mod read;
mod relationship;
mod write;

pub use preview::{import_preview, ImportPreview, Landing};
pub use read::{read_graph, GraphReadError, GRAPH_MAX_BYTES, GRAPH_MAX_RELATIONSHIPS};
pub use relationship::{GraphCustomer, GraphPartner, GraphRelationship, ImportPartner};
pub use write::write_graph;

#[cfg(test)]
mod tests;
