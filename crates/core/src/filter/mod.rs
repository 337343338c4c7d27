//! The filter file: a versioned, self-describing container holding metadata,
//! a Bloom filter of address keys, an optional details section that confirms
//! and explains hits, and a SHA-256 over everything before it.

mod bloom;
mod builder;
mod codec;
mod combined;
mod details;
mod error;
mod file;
mod meta;

pub use builder::{BuildError, FilterBuilder, Inserted, DEFAULT_FP_RATE};
pub use combined::{check_all, Combined};
pub use details::Label;
pub use error::LoadError;
pub use file::{Filter, Lookup, FORMAT_VERSION, MAGIC};
pub use meta::{Metadata, SourceInfo};
