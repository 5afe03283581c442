//! Settings › Data: export the whole state as a JSON file, import one
//! (a bad file changes nothing and says why), reset to the demo data;
//! import and export Microsoft Graph's relationship JSON (one module each).

mod graph_export;
mod graph_import;

use graph_export::GraphExport;
use graph_import::GraphImport;

use domain::permissions::{self, Action};
use leptos::prelude::*;

use crate::components::dialog::{ConfirmDialog, ConfirmTone, DialogHandle};
use crate::components::download::download;
use crate::components::page::{Crumb, Page};
use crate::components::toast::use_toasts;
use crate::persona_store::use_signed_in;
use crate::store::use_store;

const TRAIL: &[Crumb] = &[Crumb {
    label: "Settings",
    href: None,
}];

const IMPORT_ERROR_ID: &str = "import-error";

#[component]
pub fn DataPage() -> impl IntoView {
    let store = use_store();
    let toasts = use_toasts();
    let signed_in = use_signed_in();
    let reset_dialog = DialogHandle::new();
    // What is wrong in an admin's words, and the parser's detail if any.
    let import_error = RwSignal::new(None::<(String, Option<String>)>);
    let may_manage = move || permissions::allows(signed_in.get(), Action::ManageDemoData);

    let export = move |_| {
        let date = untrack(|| store.now()).date_string();
        match download(
            &format!("partner-console-{date}.json"),
            "application/json",
            &store.export_json(),
        ) {
            Ok(()) => toasts.success("Your data was exported as a JSON file."),
            Err(_) => toasts.error("The browser refused to save the file. Try again, or allow downloads for this site."),
        }
    };

    let import = move |ev: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlInputElement>| {
        let input = ev.target();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            // Let the same file be chosen again after fixing it.
            input.set_value("");
            let outcome = match text.ok().and_then(|t| t.as_string()) {
                None => Err((
                    format!("“{name}” could not be read as text. Choose the JSON file exported from Settings › Data."),
                    None,
                )),
                Some(text) => store.import_json(&text).map_err(|e| {
                    (
                        format!("“{name}” can't be imported. {e}"),
                        e.detail().map(str::to_string),
                    )
                }),
            };
            match outcome {
                Ok(()) => {
                    import_error.set(None);
                    toasts.success(format!(
                        "Imported “{name}”. It replaced your previous data."
                    ));
                }
                Err((message, detail)) => {
                    import_error.set(Some((format!("{message} Nothing was changed."), detail)))
                }
            }
        });
    };

    let reset = Callback::new(move |_| match store.reset_to_demo() {
        Ok(()) => {
            import_error.set(None);
            toasts.success("Your data was reset to the demo organization.");
        }
        Err(error) => toasts.error(error.to_string()),
    });
    let local = store.can_replace();

    view! {
        <Page title="Data" trail=TRAIL>
            {if local {
                view! { <p class="lead">"Everything this console knows lives in this browser. Keep a copy, move it to another browser, or start again from the demo organization."</p> }
            } else {
                view! { <p class="lead">"This console keeps its data on the server, shared by everyone who uses it. You can download a copy here; the server's own tools import and reset it."</p> }
            }}
            <Show when=may_manage fallback=|| view! { <p class="notice notice--info">"You can't manage the data with this persona."</p> }>
                <section class="card" aria-labelledby="export-title">
                    <h2 id="export-title">"Export"</h2>
                    <p>"Download partners, invitations, relationships, notices and the activity log as one JSON file."</p>
                    <button type="button" class="button button--primary" on:click=export>"Export data"</button>
                </section>
                <Show when=move || local>
                <section class="card" aria-labelledby="import-title">
                    <h2 id="import-title">"Import"</h2>
                    <p>"Replace your data with a file exported from this console. A file that can't be read changes nothing."</p>
                    <label for="import-file">"JSON file to import"</label>
                    <input
                        id="import-file"
                        type="file"
                        accept="application/json,.json"
                        aria-invalid=move || import_error.with(|e| e.is_some().then_some("true"))
                        aria-describedby=move || import_error.with(|e| e.is_some().then_some(IMPORT_ERROR_ID))
                        on:change:target=import
                    />
                    {move || import_error.get().map(|(message, detail)| view! {
                        <p id=IMPORT_ERROR_ID class="field-error" role="alert">{message}</p>
                        {detail.map(|detail| view! {
                            <details class="error-details">
                                <summary>"Details"</summary>
                                <code>{detail}</code>
                            </details>
                        })}
                    })}
                </section>
                </Show>
                // Graph's JSON works in both storage modes: it runs a command.
                <GraphImport />
                <GraphExport />
                <Show when=move || local>
                <section class="card" aria-labelledby="reset-title">
                    <h2 id="reset-title">"Reset"</h2>
                    <p>"Replace everything with the demo organization. Export first if you want to keep what you have."</p>
                    <button type="button" class="button button--danger" on:click=move |_| reset_dialog.open()>"Reset to demo data"</button>
                </section>
                </Show>
            </Show>
            <ConfirmDialog
                handle=reset_dialog
                id="reset-dialog"
                title="Reset to demo data?"
                confirm_label="Reset"
                tone=ConfirmTone::Danger
                on_confirm=reset
            >
                <p>"Your partners, invitations, relationships and activity log in this browser are replaced by the demo organization. This can't be undone."</p>
            </ConfirmDialog>
        </Page>
    }
}
