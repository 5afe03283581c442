//! Prints, as JSON, the frame and page heads of `domain::console`, for
//! scripts/build/post_build.py to write into index.html: the first paint
//! of a visit shows the app's own words before the wasm arrives.
//!
//! Run: `cargo run -q -p domain --example shell_words`

use domain::console::{self, Words, DATA_PAGE_HEADS, NAV, PAGE_HEADS};
use serde_json::{json, Value};

fn main() {
    let nav: Vec<Value> = NAV
        .iter()
        .map(|n| json!({ "path": n.path, "label": n.label, "group": n.group }))
        .collect();
    let pages: Vec<Value> = PAGE_HEADS
        .iter()
        .map(|p| {
            json!({
                "path": p.path,
                "title": p.title,
                "trail": trail(p.trail),
                "lead": lead(p.lead),
            })
        })
        .collect();
    let data_pages: Vec<Value> = DATA_PAGE_HEADS
        .iter()
        .map(|p| {
            json!({
                "prefix": p.prefix,
                "headingRoom": p.heading_room,
                "trail": trail(p.trail),
                "lead": lead(p.lead),
            })
        })
        .collect();
    let words = json!({
        "product": console::PRODUCT,
        "skipLink": console::SKIP_LINK,
        "menu": console::MENU,
        "navLabel": console::NAV_LABEL,
        "breadcrumbLabel": console::BREADCRUMB_LABEL,
        "home": console::HOME_HEAD.title,
        // Size the frame's invisible stand-in for the persona picker.
        "firstPersona": domain::Persona::ALL.first().map(|p| p.label()).unwrap_or_default(),
        "widestPersona": domain::Persona::ALL.iter().map(|p| p.label()).max_by_key(|l| l.len()).unwrap_or_default(),
        "nav": nav,
        "pages": pages,
        "dataPages": data_pages,
    });
    println!("{words}");
}

fn trail(crumbs: &[console::Crumb]) -> Vec<Value> {
    crumbs
        .iter()
        .map(|(label, path)| json!({ "label": label, "path": path }))
        .collect()
}

fn lead(words: &[Words]) -> Vec<Value> {
    words
        .iter()
        .map(|w| match w {
            Words::Plain(text) => json!({ "text": text }),
            Words::Strong(text) => json!({ "text": text, "strong": true }),
        })
        .collect()
}
