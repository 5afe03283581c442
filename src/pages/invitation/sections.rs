//! What an open invitation shows before the answer: the partner, what it
//! asks for, the admin roles and the granular access it would have.

use domain::views::{InvitationView, RoleView};
use domain::PartnerType;
use leptos::prelude::*;

use crate::components::role_list::RoleList;
use crate::components::safe_link::SafeLink;

/// Who the partner is, and by when to answer.
#[component]
pub fn PartnerFacts(view: InvitationView) -> impl IntoView {
    let partner = view.partner;
    let location = partner.location();
    let email = partner.contact_email;
    let site = partner.website;
    let mpn_id = partner.mpn_id;
    view! {
        <section class="inv-card" aria-labelledby="inv-partner">
            <h2 id="inv-partner">"Partner"</h2>
            <dl class="inv-facts">
                <dt>"Name"</dt>
                <dd data-testid="partner-name">{partner.name}</dd>
                {(!location.is_empty()).then(|| view! { <dt>"Location"</dt><dd>{location}</dd> })}
                {(!email.is_empty()).then(|| view! {
                    <dt>"Email"</dt><dd><SafeLink href=format!("mailto:{email}") text=email.clone() /></dd>
                })}
                {(!site.is_empty()).then(|| view! {
                    <dt>"Website"</dt><dd><SafeLink href=site.clone() text=site /></dd>
                })}
                {(!mpn_id.is_empty()).then(|| view! { <dt>"Partner ID"</dt><dd>{mpn_id}</dd> })}
                <dt>"Invitation sent"</dt>
                <dd>{view.invitation.created_date_time.date_string()}</dd>
                <dt>"Answer by"</dt>
                <dd>
                    {view.invitation.expires_date_time.date_string()}
                    " (" {days_left_label(view.days_until_expiry)} ")"
                </dd>
            </dl>
        </section>
    }
}

/// The relationship types asked for, or only the customer agreement.
#[component]
pub fn AskedFor(partner_name: String, types: Vec<PartnerType>) -> impl IntoView {
    let asked = if types.is_empty() {
        view! {
            <p data-testid="agreement-only">
                "Only that you accept the Microsoft Customer Agreement, so that "
                {partner_name.clone()} " can buy for you and manage your subscriptions. No admin roles."
            </p>
        }
        .into_any()
    } else {
        view! {
            <ul class="inv-types">
                {types
                    .into_iter()
                    .map(|t| view! { <li><strong>{t.label()}</strong><span>{t.description()}</span></li> })
                    .collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="inv-card" aria-labelledby="inv-asked">
            <h2 id="inv-asked">"What " {partner_name} " is asking for"</h2>
            {asked}
        </section>
    }
}

/// Every admin role asked for, granted all together or not at all.
#[component]
pub fn RolesRequested(roles: Vec<RoleView>, legacy_roles: bool) -> impl IntoView {
    view! {
        <section class="inv-card" aria-labelledby="inv-roles">
            <h2 id="inv-roles">"Admin roles requested (" {roles.len()} ")"</h2>
            <p class="inv-muted">
                "Accepting grants every role below exactly as asked: you can't approve only some of them. If you don't want to give a role, cancel the invitation and talk to the partner."
            </p>
            <RoleList roles labelled_by="inv-roles" />
            {legacy_roles.then(|| view! {
                <p class="inv-muted">
                    "Delegated admin roles have no end date: they last until you remove them on the partner's page."
                </p>
            })}
        </section>
    }
}

/// The granular relationship accepting would create: name, duration, end
/// and auto-extend.
#[component]
pub fn GranularAccess(view: InvitationView) -> impl IntoView {
    let Some(granular) = view.invitation.granular else {
        return ().into_any();
    };
    view! {
        <section class="inv-card" aria-labelledby="inv-granular">
            <h2 id="inv-granular">"GDAP relationship"</h2>
            <dl class="inv-facts">
                <dt>"Relationship name"</dt>
                <dd>{granular.display_name}</dd>
                <dt>"Duration"</dt>
                <dd data-testid="granular-duration">
                    {view.duration_label.unwrap_or_default()}
                </dd>
                <dt>"Ends on"</dt>
                <dd>{view.end_if_accepted_now.map(|t| t.date_string()).unwrap_or_default()} ", if you accept today"</dd>
                <dt>"Auto-extend"</dt>
                <dd data-testid="granular-auto-extend">{view.auto_extend_label.unwrap_or_default()}</dd>
            </dl>
        </section>
    }
    .into_any()
}

fn days_left_label(days: i64) -> String {
    match days {
        d if d <= 0 => "expires today".to_string(),
        1 => "1 day left".to_string(),
        d => format!("{d} days left"),
    }
}
