//! The browser's two storages, or `None` where they are missing or refused
//! (private modes, disabled storage): callers treat that as "nothing kept".

/// localStorage: shared by this origin's tabs, kept across sessions.
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// sessionStorage: this tab's own, kept across its reloads.
pub fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
