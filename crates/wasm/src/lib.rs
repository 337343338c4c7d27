//! addrcheck as a WebAssembly module for wallet extensions and JavaScript
//! apps: a thin `#[wasm_bindgen]` layer ([`Checker`]) over `addrcheck-core`.
//!
//! The logic lives in pure modules tested natively: [`lists`] (several lists
//! checked as one), [`paste`] (cutting a batch into items), [`results`] (the
//! compact form results cross the boundary in), [`info`] (list metadata),
//! [`codes`] (status and chain codes). [`checker`], [`memory`] and `js` only
//! bind them to JavaScript; [`types`] holds the TypeScript declarations.

pub mod checker;
pub mod codes;
pub mod info;
mod js;
pub mod lists;
pub mod memory;
pub mod paste;
pub mod results;
pub mod types;

pub use checker::Checker;
pub use memory::memory_bytes;
