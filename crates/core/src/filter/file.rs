//! Reading and querying a filter file.

use super::{details::Label, error::LoadError, meta::{Metadata, SourceInfo}};
use crate::address::Key;
use crate::verdict::Verdict;

pub const MAGIC: [u8; 8] = *b"ADDRCHK\x1a";
pub const FORMAT_VERSION: u16 = 1;

/// A verified filter, ready to answer.
pub struct Filter {
    _todo: (),
}

impl Filter {
    /// Parse and verify. Nothing is answered from bytes that did not verify.
    pub fn from_bytes(bytes: &[u8]) -> Result<Filter, LoadError> {
        let _ = bytes;
        todo!()
    }
    pub fn metadata(&self) -> &Metadata {
        todo!()
    }
    pub fn source(&self, label: &Label) -> &SourceInfo {
        let _ = label;
        todo!()
    }
    /// SHA-256 of the file (its trailing digest), lower-case hex.
    pub fn sha256_hex(&self) -> String {
        todo!()
    }
    pub fn size_bytes(&self) -> usize {
        todo!()
    }
    pub fn bloom_bits(&self) -> u64 {
        todo!()
    }
    pub fn hash_count(&self) -> u32 {
        todo!()
    }
    pub fn has_details(&self) -> bool {
        todo!()
    }
    /// Check one pasted string.
    pub fn check(&self, input: &str) -> Verdict<'_> {
        let _ = input;
        todo!()
    }
    /// Whether the Bloom filter may contain `key`.
    pub fn bloom_contains(&self, key: &Key) -> bool {
        let _ = key;
        todo!()
    }
}
