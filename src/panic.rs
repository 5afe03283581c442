//! A panic must never leave a frozen page. The hook logs the panic to the
//! console and reveals the recovery panel that `index.html` ships hidden.
//! The panel's reload is a plain HTML form, so it works even though the
//! wasm instance is dead after `panic = "abort"`. The release build made
//! by scripts/build-release.sh traps on a panic without calling this hook;
//! there the frame's script (scripts/build/post_build.py) shows the panel.

use wasm_bindgen::JsCast;

/// Id of the hidden recovery panel in `index.html`.
pub const PANEL_ID: &str = "panic-panel";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_recovery_panel();
    }));
}

fn show_recovery_panel() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(panel) = document
        .get_element_by_id(PANEL_ID)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        panel.set_hidden(false);
        // Move focus to the message so keyboard and screen-reader users land on it.
        let _ = panel.focus();
    }
}
