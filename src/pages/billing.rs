//! Billing: the menu and its five pages. What a persona sees comes from the
//! domain's permissions; a partner acting on behalf of the customer loses
//! Purchase services, Your products and Bills & payments.

use domain::permissions::{self, Action, Subject};
use domain::views::relationship_rows;
use domain::Persona;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::base_path::href;
use crate::components::page::{Crumb, Page};
use crate::components::status_badge::AgreementBadge;
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Billing",
    href: Some(routes::BILLING),
}];

/// Where a partner buys and manages subscriptions for its customers.
const PARTNER_CENTER: &str = "https://partner.microsoft.com/dashboard";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    PurchaseServices,
    YourProducts,
    Licenses,
    BillsAndPayments,
    BillingNotifications,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::PurchaseServices,
        Section::YourProducts,
        Section::Licenses,
        Section::BillsAndPayments,
        Section::BillingNotifications,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Section::PurchaseServices => "purchase-services",
            Section::YourProducts => "your-products",
            Section::Licenses => "licenses",
            Section::BillsAndPayments => "bills-and-payments",
            Section::BillingNotifications => "billing-notifications",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.slug() == slug)
    }

    pub fn label(self) -> &'static str {
        match self {
            Section::PurchaseServices => "Purchase services",
            Section::YourProducts => "Your products",
            Section::Licenses => "Licenses",
            Section::BillsAndPayments => "Bills & payments",
            Section::BillingNotifications => "Billing notifications",
        }
    }

    pub fn path(self) -> String {
        format!("{}/{}", routes::BILLING, self.slug())
    }

    /// Whether the page is there for `persona` at all. Purchase services has
    /// no view permission of its own: it is there for those who may buy,
    /// and read-only for those who may see the products.
    pub fn available_to(self, persona: Persona) -> bool {
        let may = |a| permissions::allows(persona, a);
        match self {
            Section::PurchaseServices => may(Action::Purchase) || may(Action::ViewYourProducts),
            Section::YourProducts => may(Action::ViewYourProducts),
            Section::Licenses => may(Action::ViewLicenses),
            Section::BillsAndPayments => may(Action::ViewBillsAndPayments),
            Section::BillingNotifications => may(Action::ViewBillingNotifications),
        }
    }
}

#[component]
pub fn BillingPage() -> impl IntoView {
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("section")));
    let section = move || slug.with(|s| s.as_deref().map(Section::from_slug));
    let title = Signal::derive(move || match section() {
        Some(Some(s)) => s.label().to_string(),
        _ => "Billing".to_string(),
    });
    let trail = move || {
        if slug.with(Option::is_some) {
            TRAIL
        } else {
            &[]
        }
    };

    view! {
        {move || {
            let trail = trail();
            view! {
                <Page title=title trail=trail>
                    <div class="billing">
                        <BillingMenu />
                        <div class="billing__content">
                            {move || match section() {
                                None => view! { <Overview /> }.into_any(),
                                Some(Some(s)) => view! { <SectionPage section=s /> }.into_any(),
                                Some(None) => view! {
                                    <div class="notice notice--warning" role="alert">
                                        <p>
                                            {format!("There's no billing page called “{}”. Choose one from the Billing menu.", slug.get().unwrap_or_default())}
                                        </p>
                                    </div>
                                }.into_any(),
                            }}
                        </div>
                    </div>
                </Page>
            }
        }}
    }
}

#[component]
fn BillingMenu() -> impl IntoView {
    let signed_in = use_signed_in();
    view! {
        <nav class="billing__menu" aria-label="Billing menu">
            <ul>
                {move || {
                    let persona = signed_in.get();
                    Section::ALL
                        .into_iter()
                        .filter(|s| s.available_to(persona))
                        .map(|s| view! { <li><A href=href(&s.path())>{s.label()}</A></li> })
                        .collect_view()
                }}
            </ul>
        </nav>
    }
}

/// The notes every billing page carries: read-only, AOBO and domains.
#[component]
fn BillingNotes() -> impl IntoView {
    let signed_in = use_signed_in();
    let aobo = move || signed_in.get() == Persona::PartnerOnBehalf;
    view! {
        {move || {
            if aobo() {
                view! { <AoboPointer /> }.into_any()
            } else {
                signed_in.page_notice(Subject::Billing, &[Action::AcceptAgreement, Action::Purchase])
                    .map(|n| view! { <div class="notice notice--info" data-testid="read-only-notice"><p>{n}</p></div> })
                    .into_any()
            }
        }}
    }
}

#[component]
fn AoboPointer() -> impl IntoView {
    view! {
        <div class="notice notice--info" data-testid="aobo-notice">
            <p>
                "You're a partner acting on behalf of this customer, so Purchase services, Your products and Bills & payments aren't available here. To buy and manage subscriptions for your customer, visit "
                <a href=PARTNER_CENTER rel="noopener noreferrer" target="_blank">
                    "Partner Center"<span class="visually-hidden">" (opens in a new tab)"</span>
                </a>
                ". You can still view Licenses and Billing notifications."
            </p>
            <p>
                "To manage domain subscriptions for your customer, ask them to sign in with an account that has both the Domain Name Administrator and Billing Administrator roles."
            </p>
        </div>
    }
}

#[component]
fn Overview() -> impl IntoView {
    let signed_in = use_signed_in();
    view! {
        <BillingNotes />
        <p>"Choose a page from the Billing menu."</p>
        <ul class="billing__cards">
            {move || {
                let persona = signed_in.get();
                Section::ALL
                    .into_iter()
                    .filter(|s| s.available_to(persona))
                    .map(|s| view! {
                        <li class="card">
                            <h2><A href=href(&s.path())>{s.label()}</A></h2>
                            <p>{summary(s)}</p>
                        </li>
                    })
                    .collect_view()
            }}
        </ul>
    }
}

fn summary(s: Section) -> &'static str {
    match s {
        Section::PurchaseServices => {
            "Buy through the partners you work with, once their customer agreement is signed."
        }
        Section::YourProducts => {
            "The subscriptions your organization has, including domain subscriptions."
        }
        Section::Licenses => "How many licenses you have and how many are assigned.",
        Section::BillsAndPayments => "Invoices and payment methods.",
        Section::BillingNotifications => "Who receives billing emails.",
    }
}

#[component]
fn SectionPage(section: Section) -> impl IntoView {
    let signed_in = use_signed_in();
    view! {
        {move || {
            if section.available_to(signed_in.get()) {
                view! {
                    <BillingNotes />
                    {match section {
                        Section::PurchaseServices => view! { <PurchaseServices /> }.into_any(),
                        Section::YourProducts => view! { <YourProducts /> }.into_any(),
                        Section::Licenses => view! {
                            <p>"This demo organization has no licenses yet. When you buy services, their licenses are listed here with how many are assigned."</p>
                        }.into_any(),
                        Section::BillsAndPayments => view! {
                            <p>"No bills yet. Invoices for what you buy, and your payment methods, appear here."</p>
                        }.into_any(),
                        Section::BillingNotifications => view! {
                            <p>"Billing emails go to your Global and Billing Administrators. There are no billing notifications in this demo organization."</p>
                        }.into_any(),
                    }}
                }
                .into_any()
            } else {
                view! {
                    <div class="notice notice--warning" data-testid="billing-not-available">
                        <p>{format!("{} isn't available to you.", section.label())}</p>
                    </div>
                    <AoboPointer />
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn PurchaseServices() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let may_accept = move || permissions::allows(signed_in.get(), Action::AcceptAgreement);
    let rows = move || store.with(|s| relationship_rows(s, s.now));
    view! {
        <p>
            "This demo console doesn't sell anything. Purchases through a partner are possible only once the Microsoft Customer Agreement is signed for that partner:"
        </p>
        <table class="data-table data-table--plain table--stack">
            <caption class="visually-hidden">"Partners and whether you can buy through them"</caption>
            <thead>
                <tr>
                    <th scope="col">"Partner"</th>
                    <th scope="col">"Customer agreement"</th>
                    <th scope="col">"Purchases"</th>
                </tr>
            </thead>
            <tbody>
                {move || rows().into_iter().map(|r| {
                    let signed = r.agreement_signed;
                    let agreement = routes::agreement(&r.partner_id);
                    view! {
                        <tr>
                            <th scope="row"><A href=href(&routes::partner(&r.partner_id))>{r.partner_name.clone()}</A></th>
                            <td data-label="Customer agreement"><AgreementBadge signed=signed /></td>
                            <td data-label="Purchases">
                                {if signed {
                                    "Allowed".into_any()
                                } else if may_accept() {
                                    view! { "Blocked until the agreement is signed. " <A href=href(&agreement)>"Review and accept"</A> }.into_any()
                                } else {
                                    "Blocked until the agreement is signed.".into_any()
                                }}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn YourProducts() -> impl IntoView {
    view! {
        <p>"This demo organization has no subscriptions yet."</p>
        <div class="notice notice--info">
            <p>"To manage domain subscriptions, you need both the Domain Name Administrator and Billing Administrator roles."</p>
        </div>
    }
}
