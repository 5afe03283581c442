//! What every handler shares: the store (and the engine's state in it),
//! the clock, the fault injector and who may call the API.

use std::sync::Arc;

use crate::auth::Auth;
use crate::clock::Clock;
use crate::faults::Faults;
use crate::store::Store;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub clock: Clock,
    pub faults: Arc<Faults>,
    pub auth: Arc<Auth>,
}
