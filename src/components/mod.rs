//! Reusable UI pieces. None of them holds a product rule.

pub mod dialog;
pub mod page;
pub mod persona_picker;
pub mod shell;
pub mod storage_banner;
pub mod toast;
