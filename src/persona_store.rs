//! The signed-in persona: a context every page reads. In the demo modes it
//! is kept in localStorage so a reload signs the same persona back in; on a
//! server where people sign in it is the session's.

use domain::permissions;
use domain::Persona;
use leptos::prelude::*;

use crate::web_storage;

const STORAGE_KEY: &str = "partner-console.persona";

/// The signed-in persona, provided once by the shell.
#[derive(Clone, Copy)]
pub struct SignedIn(pub RwSignal<Persona>);

impl SignedIn {
    /// Reads the stored persona (anything unreadable falls back to the
    /// default) and keeps storage in step with later changes.
    pub fn provide() -> SignedIn {
        // Signed in on the server: the session's persona, never stored
        // and never switched.
        if let Some(session) = crate::session::current() {
            let signed_in = SignedIn(RwSignal::new(session.persona));
            provide_context(signed_in);
            return signed_in;
        }
        let stored = read_stored().unwrap_or_default();
        let signed_in = SignedIn(RwSignal::new(stored));
        Effect::new(move |_| write_stored(signed_in.0.get()));
        provide_context(signed_in);
        signed_in
    }

    pub fn get(self) -> Persona {
        self.0.get()
    }

    /// Who is signed in, as notices name them: the session's directory
    /// role on a server that signs people in ("Global Reader"), else the
    /// persona's label. Tracks the persona.
    pub fn label(self) -> String {
        let persona = self.get();
        crate::session::current()
            .map(|session| session.role)
            .unwrap_or_else(|| persona.label().to_string())
    }

    /// The page's notice of what this person may not do there.
    pub fn page_notice(
        self,
        subject: permissions::Subject,
        actions: &[permissions::Action],
    ) -> Option<String> {
        permissions::page_notice_as(self.get(), &self.label(), subject, actions)
    }

    /// Beside a control this person may not use: why not.
    pub fn refusal(self, action: permissions::Action) -> Option<String> {
        permissions::refusal_as(self.get(), &self.label(), action)
    }
}

/// The persona of the current component tree.
pub fn use_signed_in() -> SignedIn {
    use_context::<SignedIn>().unwrap_or_else(|| SignedIn(RwSignal::new(Persona::default())))
}

fn read_stored() -> Option<Persona> {
    let raw = web_storage::local()?.get_item(STORAGE_KEY).ok().flatten()?;
    Persona::from_id(&raw)
}

fn write_stored(persona: Persona) {
    // A full or disabled storage only costs the persona across reloads.
    if let Some(s) = web_storage::local() {
        let _ = s.set_item(STORAGE_KEY, persona.id());
    }
}
