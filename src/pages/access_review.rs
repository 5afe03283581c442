//! Settings › Review partner access: every partner holding admin roles,
//! the flags to act on with a link to act, "Mark as reviewed", and the
//! same review as a printed report or a CSV file.

use domain::external::{self, csv::CSV_MIME};
use domain::permissions::{self, Action, Subject};
use domain::views::{self, PartnerAccess, ReviewFlag, ReviewTarget};
use domain::Command;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::download::download;
use crate::components::page::{Crumb, Page};
use crate::components::toast::use_toasts;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Settings",
    href: None,
}];

/// Where a flag's link goes: the partner page's Admin roles section (with
/// Remove roles), its details (who to contact), or its agreement.
fn target_href(target: ReviewTarget, partner_id: &str) -> String {
    match target {
        ReviewTarget::RemoveRoles => {
            format!("{}#partner-roles-heading", routes::partner(partner_id))
        }
        ReviewTarget::ContactPartner => {
            format!("{}#partner-details-title", routes::partner(partner_id))
        }
        ReviewTarget::CustomerAgreement => routes::agreement(partner_id),
    }
}

#[component]
pub fn AccessReviewPage() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();
    let review = Memo::new(move |_| store.with(|s| views::access_review(s, s.now)));
    let may_mark = move || permissions::allows(signed_in.get(), Action::MarkAccessReviewed);
    let permission_notice =
        move || signed_in.page_notice(Subject::PartnerList, &[Action::MarkAccessReviewed]);

    let mark = move |_| {
        leptos::task::spawn_local(async move {
            match store
                .execute(Command::MarkAccessReviewed, signed_in.0.get_untracked())
                .await
            {
                Ok(_) => toasts.success("Partner access is marked as reviewed."),
                Err(error) => toasts.error(error.to_string()),
            }
        });
    };
    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let save_csv = move |_| {
        let (name, text) = review.with_untracked(|r| {
            (
                external::access_review_csv_filename(r.as_of),
                external::access_review_csv(r),
            )
        });
        match download(&name, CSV_MIME, &text) {
            Ok(()) => toasts.success("The review was saved as a CSV file."),
            Err(_) => toasts.error(
                "The browser refused to save the file. Try again, or allow downloads for this site.",
            ),
        }
    };

    view! {
        <Page title="Review partner access" trail=TRAIL>
            <div class="review-report" data-testid="access-review">
                {move || permission_notice().map(|n| view! {
                    <div class="notice notice--info no-print" data-testid="permission-notice"><p>{n}</p></div>
                })}
                <p class="review-report__for" data-testid="review-for">
                    {move || review.with(|r| {
                        let (h, m, _) = r.as_of.time_of_day();
                        format!(
                            "{} · partner admin access as of {} at {h:02}:{m:02} UTC",
                            r.organization,
                            r.as_of.date_string()
                        )
                    })}
                </p>
                <p class="lead">
                    "Every partner that holds admin roles in your organization, what each role allows, and what to look at. Microsoft recommends reviewing partner admin access regularly: act on the flags, then mark the review done."
                </p>
                <section class="card review-status" aria-labelledby="review-status-title">
                    <h2 id="review-status-title">"Last review"</h2>
                    <p data-testid="last-review">{move || review.with(|r| r.last_review_line())}</p>
                    {move || review.with(|r| {
                        let overdue = r.due.is_overdue();
                        let class = if overdue { "notice notice--warning" } else { "notice notice--info" };
                        view! {
                            <div class=class data-testid="review-due" data-overdue=overdue.to_string()>
                                <p>{r.due.message()}</p>
                            </div>
                        }
                    })}
                    <p class="review-summary" data-testid="review-summary">{move || review.with(|r| r.summary())}</p>
                    <div class="review-actions no-print">
                        {move || if may_mark() {
                            view! {
                                <button type="button" class="button button--primary" on:click=mark>
                                    "Mark as reviewed"
                                </button>
                            }.into_any()
                        } else {
                            view! {
                                <p class="muted" data-testid="mark-not-allowed">
                                    {move || signed_in.refusal(Action::MarkAccessReviewed)}
                                </p>
                            }.into_any()
                        }}
                        <button type="button" class="button" on:click=print>"Print"</button>
                        <button type="button" class="button" on:click=save_csv>"Download CSV"</button>
                    </div>
                </section>
                {move || review.with(|r| {
                    if r.partners.is_empty() {
                        view! {
                            <p class="card" data-testid="review-empty">
                                "No partner holds admin roles in your organization: there is nothing to review."
                            </p>
                        }.into_any()
                    } else {
                        r.partners
                            .iter()
                            .map(|p| view! { <PartnerBlock partner=p.clone() /> })
                            .collect_view()
                            .into_any()
                    }
                })}
            </div>
        </Page>
    }
}

#[component]
fn PartnerBlock(partner: PartnerAccess) -> impl IntoView {
    let heading_id = format!("review-{}", routes::encode_segment(&partner.partner_id));
    let privileged = match partner.privileged_count() {
        0 => "no privileged role".to_string(),
        1 => "1 privileged role".to_string(),
        n => format!("{n} privileged roles"),
    };
    let roles_line = format!(
        "{} admin role{}, {privileged}.",
        partner.roles.len(),
        if partner.roles.len() == 1 { "" } else { "s" }
    );
    let partner_id = partner.partner_id.clone();
    let partner_href = href(&routes::partner(&partner.partner_id));
    let name = partner.partner_name.clone();
    let caption = format!("Admin roles held by {}", partner.partner_name);
    view! {
        <section class="card review-partner" aria-labelledby=heading_id.clone() data-testid="review-partner">
            <h2 id=heading_id.clone()>
                <A href=partner_href>{name}</A>
            </h2>
            <p class="muted">
                {if partner.types_label.is_empty() {
                    "No relationship type".to_string()
                } else {
                    partner.types_label.clone()
                }}
                " · "{roles_line}
            </p>
            <div class="table-wrap">
                <table class="data-table table--stack review-roles">
                    <caption class="visually-hidden">{caption}</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Role"</th>
                            <th scope="col">"Privileged"</th>
                            <th scope="col">"Granted through"</th>
                            <th scope="col">"Ends"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {partner.roles.iter().map(|role| {
                            let badge = if role.privileged { "badge badge--warning" } else { "badge badge--neutral" };
                            view! {
                                <tr>
                                    <th scope="row">{role.name.clone()}</th>
                                    <td data-label="Privileged"><span class=badge>{role.privileged_label()}</span></td>
                                    <td data-label="Granted through">{role.granted_through.clone()}</td>
                                    <td data-label="Ends">{role.ends_label()}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <h3>"Flags"</h3>
            {if partner.flags.is_empty() {
                view! { <p data-testid="no-flags">"Nothing flagged."</p> }.into_any()
            } else {
                view! {
                    <ul class="review-flags">
                        {partner.flags.iter().map(|f| view! { <FlagItem flag=f.clone() partner_id=partner_id.clone() /> }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}

#[component]
fn FlagItem(flag: ReviewFlag, partner_id: String) -> impl IntoView {
    let links: Vec<_> = flag
        .links
        .iter()
        .map(|l| (l.label, href(&target_href(l.target, &partner_id))))
        .collect();
    view! {
        <li class="review-flag" data-testid="review-flag" data-flag=format!("{:?}", flag.kind)>
            <p><strong>{flag.kind.label()}</strong>": "{flag.message}</p>
            <p><span class="review-flag__label">"Recommended: "</span>{flag.recommendation}</p>
            <p class="review-flag__links no-print">
                {links.into_iter().map(|(label, to)| view! { <A href=to>{label}</A> }).collect_view()}
            </p>
        </li>
    }
}
