//! What every handler shares: the store (and the engine's state in it),
//! the clock and the fault injector.

use std::sync::Arc;

use crate::clock::Clock;
use crate::faults::Faults;
use crate::store::Store;

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<Store>,
    pub clock: Clock,
    pub faults: Arc<Faults>,
}
