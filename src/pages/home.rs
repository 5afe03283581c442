//! Home: the numbers an admin checks first, each a link to the filtered view.

use domain::views::home_counts;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::page::{Lead, Page};
use crate::routes;
use crate::store::use_store;

#[component]
pub fn HomePage() -> impl IntoView {
    let store = use_store();
    let counts = Memo::new(move |_| store.with(|s| home_counts(s, s.now)));
    let expiring = format!("{}?status=expiring", routes::RELATIONSHIPS);
    let unsigned = format!("{}?agreement=unsigned", routes::RELATIONSHIPS);
    let legacy = format!("{}?roles=legacy", routes::RELATIONSHIPS);
    view! {
        <Page title=domain::console::HOME_HEAD.title>
            <Lead words=domain::console::HOME_HEAD.lead />
            <ul class="home-cards">
                <Card count=Signal::derive(move || counts.get().partners) label="Partners" link=routes::RELATIONSHIPS.to_string() testid="count-partners" />
                <Card count=Signal::derive(move || counts.get().pending_invitations) label="Pending invitations" link=routes::INVITATIONS.to_string() testid="count-invitations" />
                <Card count=Signal::derive(move || counts.get().expiring_within_30_days) label="Relationships expiring within 30 days" link=expiring testid="count-expiring" />
                <Card count=Signal::derive(move || counts.get().agreements_to_sign) label="Customer agreements to sign" link=unsigned testid="count-unsigned" />
                <Card count=Signal::derive(move || counts.get().partners_with_legacy_roles) label="Partners with legacy admin roles" link=legacy testid="count-legacy" />
            </ul>
        </Page>
    }
}

#[component]
fn Card(
    count: Signal<usize>,
    label: &'static str,
    link: String,
    testid: &'static str,
) -> impl IntoView {
    view! {
        <li class="home-card">
            <A href=href(&link) attr:class="home-card__link" attr:data-testid=testid>
                <span class="home-card__count">{move || count.get()}</span>
                <span class="home-card__label">{label}</span>
            </A>
        </li>
    }
}
