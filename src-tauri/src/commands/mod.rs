//! Commands, one module per domain; each is a short delegation to the core facade.

pub mod backup;
pub mod bundle;
pub mod checks;
pub mod compare;
pub mod drafts;
pub mod export;
pub mod library;
pub mod reuse;
pub mod search;
pub mod structure;
pub mod window;
