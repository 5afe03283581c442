//! Settings › Data › "Import from Microsoft Graph": paste or choose the
//! JSON Graph (or PowerShell's ConvertTo-Json) returned, say which partner
//! sent it, see in words what would change, then import all of it or none.

use domain::external::graph::{
    import_preview, read_graph, GraphRelationship, ImportPartner, ImportPreview, Landing,
    GRAPH_MAX_BYTES,
};
use domain::Command;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::base_path::href;
use crate::components::toast::use_toasts;
use crate::form_draft::{self, FormDraft};
use crate::persona_store::use_signed_in;
use crate::routes;
use crate::store::use_store;
use crate::web_storage;

/// The select's value for "a partner not in the list".
const NEW_PARTNER: &str = "__new";
const ERROR_ID: &str = "graph-import-error";
/// What was pasted and chosen, kept for the tab (a reload, or a session
/// that ends before Import, loses none of it).
const DRAFT_KEY: &str = "partner-console.graph-import-draft";

/// What the preview was made from, so Import runs exactly what was shown.
#[derive(Clone, PartialEq)]
struct Previewed {
    preview: ImportPreview,
    partner: ImportPartner,
    relationships: Vec<GraphRelationship>,
}

#[component]
pub fn GraphImport() -> impl IntoView {
    let store = use_store();
    let toasts = use_toasts();
    let signed_in = use_signed_in();
    let draft_key = form_draft::scoped(DRAFT_KEY);
    let draft = FormDraft::load(web_storage::session(), &draft_key);
    let text = RwSignal::new(draft.get("text").unwrap_or_default());
    let choice = RwSignal::new(draft.get("partner").unwrap_or_default());
    let new_name = RwSignal::new(draft.get("newPartner").unwrap_or_default());
    Effect::new(move |_| {
        let (text, choice, new_name) = (text.get(), choice.get(), new_name.get());
        form_draft::keep(
            web_storage::session(),
            &draft_key,
            &[
                ("text", &text),
                ("partner", &choice),
                ("newPartner", &new_name),
            ],
        );
    });
    let error = RwSignal::new(None::<String>);
    let previewed = RwSignal::new(None::<Previewed>);
    // Where each imported relationship landed, with the partner's name.
    let landed = RwSignal::new(None::<Vec<(Landing, String)>>);

    let partners = Memo::new(move |_| {
        store.with(|s| {
            let mut list: Vec<(String, String)> = s
                .partners
                .iter()
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
            list.sort_by_key(|a| a.1.to_lowercase());
            list
        })
    });

    let preview = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        landed.set(None);
        previewed.set(None);
        let relationships = match read_graph(&text.get_untracked()) {
            Ok(r) => r,
            Err(e) => {
                error.set(Some(format!("{e} Nothing was imported.")));
                return;
            }
        };
        let partner = match choice.get_untracked().as_str() {
            // This console's export names each relationship's partner.
            "" if relationships.iter().all(|r| r.partner.is_some()) => ImportPartner::NamedInFile,
            "" => {
                error.set(Some(
                    "Choose the partner who sent these relationships, or add a new one by name."
                        .to_string(),
                ));
                return;
            }
            NEW_PARTNER => ImportPartner::New {
                name: new_name.get_untracked(),
            },
            id => ImportPartner::Existing {
                partner_id: id.to_string(),
            },
        };
        let persona = signed_in.0.get_untracked();
        let result =
            untrack(|| store.with(|s| import_preview(s, &partner, &relationships, persona, s.now)));
        match result {
            Ok(preview) => {
                error.set(None);
                previewed.set(Some(Previewed {
                    preview,
                    partner,
                    relationships,
                }));
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };

    let choose_file = move |ev: leptos::ev::Targeted<web_sys::Event, web_sys::HtmlInputElement>| {
        let input = ev.target();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        let name = file.name();
        // Refused before reading: a huge file would only freeze the tab.
        if file.size() > GRAPH_MAX_BYTES as f64 {
            error.set(Some(format!(
                "“{name}” is larger than 10 MB, the most an import reads. Export fewer relationships at a time. Nothing was imported."
            )));
            input.set_value("");
            return;
        }
        leptos::task::spawn_local(async move {
            let read = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            input.set_value("");
            match read.ok().and_then(|t| t.as_string()) {
                Some(content) => {
                    text.set(content);
                    previewed.set(None);
                    error.set(None);
                }
                None => error.set(Some(format!(
                    "“{name}” could not be read as text. Choose the JSON file Microsoft Graph or ConvertTo-Json wrote."
                ))),
            }
        });
    };

    let import = move |_| {
        let Some(shown) = previewed.get_untracked() else {
            return;
        };
        let persona = signed_in.0.get_untracked();
        leptos::task::spawn_local(async move {
            let command = Command::ImportRelationships {
                partner: shown.partner.clone(),
                relationships: shown.relationships.clone(),
            };
            match store.execute(command, persona).await {
                Ok(_) => {
                    previewed.set(None);
                    text.set(String::new());
                    // A new partner now is one of yours: it is in the list.
                    choice.set(String::new());
                    new_name.set(String::new());
                    error.set(None);
                    landed.set(Some(shown.preview.items.clone()));
                    toasts.success(format!(
                        "Imported from Microsoft Graph: {}.",
                        shown.preview.summary
                    ));
                }
                // What the admin pasted and chose stays, to be fixed.
                Err(e) => {
                    previewed.set(None);
                    error.set(Some(format!("{e} Nothing was imported.")));
                }
            }
        });
    };

    view! {
        <section class="card graph-import" id="import-graph" tabindex="-1" aria-labelledby="graph-import-title">
            <h2 id="graph-import-title">"Import from Microsoft Graph"</h2>
            <p>
                "Add GDAP relationships as Microsoft Graph returns them ("
                <code>"GET /tenantRelationships/delegatedAdminRelationships"</code>
                "), or as PowerShell writes them with "
                <code>"Get-MgTenantRelationshipDelegatedAdminRelationship | ConvertTo-Json -Depth 5"</code>
                "."
            </p>
            <p>
                "A request waiting for approval becomes an invitation to review; an active one appears on the partner's page with its end date; an ended one goes to the partner's history. Up to 10 MB; all of it is imported, or none."
            </p>
            <form class="graph-import__form" on:submit=preview>
                <div class="form-field">
                    <label class="form-field__label" for="graph-json">"Microsoft Graph JSON"</label>
                    <textarea id="graph-json" spellcheck="false" autocomplete="off"
                        aria-invalid=move || error.with(|e| e.is_some().then_some("true"))
                        aria-describedby=move || error.with(|e| e.is_some().then_some(ERROR_ID))
                        prop:value=move || text.get()
                        on:input:target=move |ev| { text.set(ev.target().value()); previewed.set(None); }
                    ></textarea>
                </div>
                <div class="form-field">
                    <label class="form-field__label" for="graph-file">"Or choose a JSON file"</label>
                    <input id="graph-file" type="file" accept="application/json,.json" on:change:target=choose_file />
                </div>
                <div class="form-field">
                    <label class="form-field__label" for="graph-partner">"Partner who sent it"</label>
                    <p class="form-field__hint" id="graph-partner-hint">"Graph's customer view doesn't name the partner, so say who it is. A file downloaded from this console names its partners already."</p>
                    <select id="graph-partner" aria-describedby="graph-partner-hint"
                        prop:value=move || choice.get()
                        on:change:target=move |ev| { choice.set(ev.target().value()); previewed.set(None); }>
                        <option value="">"Choose a partner"</option>
                        {move || partners.get().into_iter().map(|(id, name)| view! {
                            <option value=id.clone() selected=move || choice.get() == id>{name}</option>
                        }).collect_view()}
                        <option value=NEW_PARTNER>"A new partner…"</option>
                    </select>
                </div>
                <Show when=move || choice.get() == NEW_PARTNER>
                    <div class="form-field">
                        <label class="form-field__label" for="graph-new-partner">"New partner's name"</label>
                        <input id="graph-new-partner" type="text" autocomplete="organization"
                            prop:value=move || new_name.get()
                            on:input:target=move |ev| { new_name.set(ev.target().value()); previewed.set(None); } />
                    </div>
                </Show>
                <button type="submit" class="button button--primary">"Preview import"</button>
            </form>
            {move || error.get().map(|message| view! {
                <p id=ERROR_ID class="field-error" role="alert">{message}</p>
            })}
            <div role="status" aria-live="polite">
                {move || previewed.get().map(|shown| preview_view(shown.preview, import, move || previewed.set(None)))}
                {move || landed.get().map(landed_view)}
            </div>
        </section>
    }
}

fn preview_view(
    preview: ImportPreview,
    import: impl Fn(leptos::ev::MouseEvent) + 'static,
    cancel: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="graph-import__preview" data-testid="graph-preview">
            <h3>"Preview"</h3>
            <p><strong>{preview.summary}</strong></p>
            <ul>
                {preview.items.into_iter().map(|(_, line)| view! { <li>{line}</li> }).collect_view()}
            </ul>
            {(!preview.new_partners.is_empty()).then(|| view! {
                <p>"New partner: " {preview.new_partners.join(", ")}</p>
            })}
            {(!preview.warnings.is_empty()).then(|| view! {
                <div class="notice notice--warning">
                    {preview.warnings.into_iter().map(|w| view! { <p>"Warning: " {w}</p> }).collect_view()}
                </div>
            })}
            <div class="graph-import__actions">
                <button type="button" class="button button--primary" on:click=import>"Import"</button>
                <button type="button" class="button" on:click=move |_| cancel()>"Cancel"</button>
            </div>
        </div>
    }
}

fn landed_view(items: Vec<(Landing, String)>) -> impl IntoView {
    view! {
        <div class="notice notice--success" data-testid="graph-landed">
            <p><strong>"Imported. Here is where each one is:"</strong></p>
            <ul>
                {items.into_iter().map(|(landing, line)| {
                    let (path, words) = match &landing {
                        Landing::Invitation { invitation_id, .. } => {
                            (routes::invitation(invitation_id), "Review the invitation")
                        }
                        Landing::Relationship { partner_id } => {
                            (routes::partner(partner_id), "See it on the partner's page")
                        }
                        Landing::History { partner_id } => {
                            (routes::partner(partner_id), "See it in the partner's history")
                        }
                    };
                    view! { <li>{line} ". " <A href=href(&path)>{words}</A></li> }
                }).collect_view()}
            </ul>
        </div>
    }
}
