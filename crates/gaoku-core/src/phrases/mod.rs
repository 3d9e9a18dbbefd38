//! The phrase bank: phrasing mined from the library (see [`mine`]) plus the writer's own entries,
//! stored in SQLite with every source position.

pub mod mine;

pub use mine::{Mined, PhraseKind, MINER_VERSION};
