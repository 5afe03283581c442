//! Find a partner and the contact form in a real browser: filters change
//! the count and the URL, a URL restores the filters, a malformed one is
//! reported, and the contact form shows its errors without losing input.
#![cfg(target_arch = "wasm32")]

mod support;

use support::{click, current_search, find, mount_app, select_option, text_of, type_into};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn count_of(root: &web_sys::Element) -> usize {
    // "1,000 partners" or "Showing 12 of 1,000 partners".
    let text = text_of(root, "[data-testid=result-count]");
    text.trim_start_matches("Showing ")
        .split(' ')
        .next()
        .unwrap_or("")
        .replace(',', "")
        .parse()
        .unwrap_or_else(|_| panic!("no count in {text}"))
}

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("storage")
}

#[wasm_bindgen_test]
async fn filters_change_the_count_and_the_url() {
    let root = mount_app("/partners/find?partners=1000").await;
    assert_eq!(
        text_of(&root, "[data-testid=result-count]"),
        "1,000 partners"
    );
    click(&root, "#facet-industry-healthcare").await;
    let healthcare = count_of(&root);
    assert!(healthcare > 0 && healthcare < 1_000, "{healthcare}");
    assert!(current_search().contains("industry=healthcare"));

    select_option(&root, "#filter-country", "de").await;
    let in_germany = count_of(&root);
    assert!(in_germany > 0 && in_germany < healthcare, "{in_germany}");

    type_into(&root, "#filter-keywords", "zzzzqqq").await;
    assert_eq!(count_of(&root), 0);
    assert!(text_of(&root, ".directory__empty").contains("No partners match"));

    click(&root, ".directory__filters-head button").await;
    assert_eq!(count_of(&root), 1_000);
    // The directory size stays; every filter is gone.
    assert_eq!(current_search(), "?partners=1000");
}

#[wasm_bindgen_test]
async fn the_url_query_restores_the_filters() {
    let root =
        mount_app("/partners/find?q=co&country=de&industry=healthcare&sort=name&partners=1000")
            .await;
    let keywords = find(&root, "#filter-keywords").unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(keywords.value(), "co");
    let country = find(&root, "#filter-country").unchecked_into::<web_sys::HtmlSelectElement>();
    assert_eq!(country.value(), "de");
    let sort = find(&root, "#directory-sort").unchecked_into::<web_sys::HtmlSelectElement>();
    assert_eq!(sort.value(), "name");
    let healthcare =
        find(&root, "#facet-industry-healthcare").unchecked_into::<web_sys::HtmlInputElement>();
    assert!(healthcare.checked());
    let n = count_of(&root);
    assert!(n > 0 && n < 1_000, "{n}");
    // Sorted by name: the rendered rows are in alphabetical order.
    let names: Vec<String> = {
        let list = root
            .query_selector_all(".partner-row__name")
            .expect("query");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.text_content())
            .map(|t| t.to_lowercase())
            .collect()
    };
    assert!(names.len() >= 2);
    assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
}

#[wasm_bindgen_test]
async fn a_malformed_query_is_reported_not_fatal() {
    let root = mount_app("/partners/find?industry=xyz&partners=-3&colour=blue").await;
    let notices = text_of(&root, "[data-testid=query-notices]");
    assert!(
        notices.contains("The link asks for the industry “xyz”"),
        "{notices}"
    );
    assert!(
        notices.contains("a directory of “-3” partners"),
        "{notices}"
    );
    assert!(
        notices.contains("a setting this page does not have"),
        "{notices}"
    );
    assert_eq!(count_of(&root), 5_000);
}

#[wasm_bindgen_test]
async fn the_contact_form_shows_errors_and_keeps_what_was_typed() {
    local_storage()
        .remove_item("partner-console.contact-draft")
        .expect("remove");
    let root = mount_app("/partners/contact?partners=p-000001,p-000002").await;
    assert!(text_of(&root, "[data-testid=contact-recipients]").len() > 3);
    type_into(&root, "#contact-first-name", "Avery").await;
    type_into(&root, "#contact-email", "avery@contoso").await;
    type_into(&root, "#contact-business-needs", "Help with Teams").await;
    assert_eq!(
        text_of(&root, "#contact-business-needs-hint"),
        "15 of 1,000 characters"
    );
    click(&root, "button[type=submit]").await;

    let summary = text_of(&root, "#contact-error-summary");
    assert!(summary.contains("Enter an email address like"), "{summary}");
    assert!(summary.contains("Enter your last name."), "{summary}");
    let email = find(&root, "#contact-email");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("contact-email-error")
    );
    assert!(text_of(&root, "#contact-email-error").contains("name@example.com"));
    let first = find(&root, "#contact-first-name").unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(first.value(), "Avery");
    assert_eq!(first.get_attribute("aria-invalid"), None);

    // The draft survives a remount (a reload).
    let draft = local_storage()
        .get_item("partner-console.contact-draft")
        .expect("read")
        .unwrap_or_default();
    assert!(draft.contains("Avery"), "{draft}");
    let root = mount_app("/partners/contact?partners=p-000001,p-000002").await;
    let email = find(&root, "#contact-email").unchecked_into::<web_sys::HtmlInputElement>();
    assert_eq!(email.value(), "avery@contoso");
}
