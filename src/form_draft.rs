//! A form's draft in Web Storage, as one flat JSON object of strings, so a
//! reload, a failed send or a session that ended (sign in again, come
//! back) never loses what was typed. Anything missing or unreadable reads
//! as an empty draft, never as an error.

use wasm_bindgen::JsValue;

/// A draft as read back: look fields up by name.
pub struct FormDraft(Option<JsValue>);

impl FormDraft {
    /// The draft under `key`, or an empty one.
    pub fn load(storage: Option<web_sys::Storage>, key: &str) -> FormDraft {
        let value = storage
            .and_then(|s| s.get_item(key).ok().flatten())
            .and_then(|text| js_sys::JSON::parse(&text).ok())
            .filter(JsValue::is_object);
        FormDraft(value)
    }

    /// The field's text, if the draft has one.
    pub fn get(&self, name: &str) -> Option<String> {
        let value = self.0.as_ref()?;
        js_sys::Reflect::get(value, &name.into()).ok()?.as_string()
    }
}

/// Keeps `fields` as the draft under `key`. A full or refused storage costs
/// the draft across reloads, not what is on screen, so errors are dropped.
pub fn save(storage: Option<web_sys::Storage>, key: &str, fields: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (name, value) in fields {
        let _ = js_sys::Reflect::set(&object, &(*name).into(), &(*value).into());
    }
    if let (Some(storage), Ok(text)) = (storage, js_sys::JSON::stringify(&object)) {
        let _ = storage.set_item(key, &String::from(text));
    }
}

/// Forgets the draft under `key`.
pub fn clear(storage: Option<web_sys::Storage>, key: &str) {
    if let Some(storage) = storage {
        let _ = storage.remove_item(key);
    }
}

/// The storage key of a draft for whoever is signed in: on a server where
/// people sign in, each person's drafts are their own, so someone else
/// signing in on the same browser never sees them.
pub fn scoped(key: &str) -> String {
    match crate::session::current() {
        Some(session) => format!("{key}:{}", session.user_id),
        None => key.to_string(),
    }
}

/// Keeps `fields` under `key`, or forgets the draft when every field is
/// empty (nothing typed is nothing to keep).
pub fn keep(storage: Option<web_sys::Storage>, key: &str, fields: &[(&str, &str)]) {
    if fields.iter().all(|(_, value)| value.is_empty()) {
        clear(storage, key);
    } else {
        save(storage, key, fields);
    }
}
