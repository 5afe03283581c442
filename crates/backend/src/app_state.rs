//! What every handler shares: the store (and the engine's state in it),
//! the clock, the fault injector, who may call the API and how people sign in.

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
}
