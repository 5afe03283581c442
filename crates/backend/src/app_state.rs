//! What every handler shares: the store (and the engine's state in it),
//! the clock, the fault injector, who may call the API, how people sign
//! in and what a new organization starts with.

use std::sync::Arc;

use crate::auth::Auth;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::signin::SignIn;
use crate::store::Store;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub clock: Clock,
    pub faults: Arc<Faults>,
    pub auth: Arc<Auth>,
    /// People sign in (sign-in mode); none in demo-persona and plain
    /// token mode.
    pub sign_in: Option<Arc<SignIn>>,
    /// The demo organization starts with the demo data (`--demo-data`);
    /// every other organization starts empty. Demo-persona mode always has
    /// it.
    pub demo_data: bool,
    /// Committed writes, heard by the live-update streams (`GET /api/changes`).
    pub changes: Arc<crate::live::Changes>,
}
