//! The console's granular relationships as Graph's collection, for
//! "Download as Microsoft Graph JSON": `{"value": [...]}` in the shape
//! [`super::read_graph`] reads, so nothing is lost on the way back in.

use serde::Serialize;

use crate::{AccessDetails, InvitationState, State};

use super::{GraphCustomer, GraphPartner, GraphRelationship};

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@odata.context")]
    context: &'a str,
    value: Vec<GraphRelationship>,
}

/// Every granular relationship, and every GDAP request still waiting for
/// review (as `approvalPending`, the status Graph gives it), with the
/// partner named in a `partner` field of our own.
pub fn write_graph(state: &State) -> String {
    let customer = state.tenant_id.as_ref().map(|tenant_id| GraphCustomer {
        tenant_id: tenant_id.clone(),
        display_name: String::new(),
    });
    let partner = |id: &str| {
        Some(GraphPartner {
            id: id.to_string(),
            display_name: state.partner_name(id),
        })
    };
    let mut value: Vec<GraphRelationship> = state
        .invitations
        .iter()
        .filter(|i| i.state_at(state.now) == InvitationState::Pending)
        .filter_map(|i| {
            let g = i.granular.as_ref()?;
            Some(GraphRelationship {
                id: i.id.clone(),
                display_name: g.display_name.clone(),
                status: crate::RelationshipStatus::ApprovalPending,
                duration: g.duration,
                auto_extend_duration: g.auto_extend_duration,
                customer: customer.clone(),
                access_details: AccessDetails {
                    unified_roles: g.unified_roles.clone(),
                },
                created_date_time: Some(i.created_date_time),
                activated_date_time: None,
                end_date_time: None,
                last_modified_date_time: Some(i.created_date_time),
                partner: partner(&i.partner_id),
            })
        })
        .collect();
    value.extend(state.relationships.iter().map(|r| GraphRelationship {
        id: r.id.clone(),
        display_name: r.display_name.clone(),
        status: r.status.clone(),
        duration: r.duration,
        auto_extend_duration: r.auto_extend_duration,
        customer: customer.clone(),
        access_details: r.access_details.clone(),
        created_date_time: Some(r.created_date_time),
        activated_date_time: r.activated_date_time,
        end_date_time: r.end_date_time,
        last_modified_date_time: Some(r.last_modified_date_time),
        partner: partner(&r.partner_id),
    }));
    let collection = Collection {
        context: "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships",
        value,
    };
    // Plain data of strings and numbers: serializing cannot fail.
    serde_json::to_string_pretty(&collection).unwrap_or_default()
}
