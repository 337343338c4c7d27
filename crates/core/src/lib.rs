//! addrcheck-core: recognise crypto addresses and check them against a compact,
//! verifiable Bloom filter of flagged addresses.
//!
//! Pure library: no I/O, no wasm-bindgen. Builds natively and for
//! `wasm32-unknown-unknown`; the same filter bytes give the same answers on both.

pub mod address;
pub mod filter;
pub mod verdict;

#[cfg(test)]
mod test_rng;

pub use address::{parse, Address, AddressError, Chain, Key};
pub use filter::{Filter, FilterBuilder, LoadError};
pub use verdict::{Status, Verdict};
