//! A list answer, shaped like Graph's: `{"value": [...]}`, so fields can be
//! added beside it later.

use serde::Serialize;

#[derive(Serialize)]
pub struct Collection<T> {
    pub value: Vec<T>,
}
