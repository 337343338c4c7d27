//! Reading and querying a filter file.
//!
//! Layout (all integers little-endian):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `ADDRCHK\x1a` |
//! | 2 | format version (2) |
//! | 2 | flags (bit 0: details section present) |
//! | 4 + n | metadata |
//! | 4 + n | Bloom filter: `u32` k, `u64` m, 16-byte seed, ceil(m / 64) `u64` words (see `bloom.rs`) |
//! | 4 + n | details section (empty when absent) |
//! | 32 | SHA-256 of every byte before it |

use super::bloom::Bloom;
use super::codec::{Reader, Writer};
use super::combined::check_all;
use super::details::{fingerprint, Details, Label};
use super::error::LoadError;
use super::meta::{Metadata, SourceInfo};
use crate::address::{Key, KEY_SCHEME_VERSION};
use crate::verdict::Verdict;
use sha2::{Digest, Sha256};

pub const MAGIC: [u8; 8] = *b"ADDRCHK\x1a";
/// Bump on any change to the layout or to how bytes are derived (key hashing
/// into the Bloom filter, fingerprints, the seed): an old checker reading a
/// file whose fingerprints it derives differently would miss every listed
/// key and answer "clear". `crates/cli/tests/bundled_filter.rs` fails on such
/// a change until the bundled filter is rebuilt, as a reminder.
///
/// - 2: the project's own Bloom filter (one SipHash-1-3-128 per key, double
///   hashing, multiply-shift; section `k`, `m`, seed, words).
/// - 1: the `bloomfilter` crate's filter and serialisation.
pub const FORMAT_VERSION: u16 = 2;
pub(crate) const FLAG_DETAILS: u16 = 1;
const DIGEST_LEN: usize = 32;

/// Start a file: magic, version and flags. The sections follow as blobs.
pub(crate) fn begin_file(w: &mut Writer, flags: u16) {
    w.bytes(&MAGIC);
    w.u16(FORMAT_VERSION);
    w.u16(flags);
}

/// Close a file: append the SHA-256 of everything written.
pub(crate) fn seal(mut w: Writer) -> Vec<u8> {
    let digest = Sha256::digest(&w.buf);
    w.bytes(&digest);
    w.buf
}

/// A verified filter, ready to answer.
pub struct Filter {
    meta: Metadata,
    bloom: Bloom,
    details: Option<Details>,
    /// SHA-256 of the whole file, as `sha256sum` prints it.
    file_sha256: [u8; 32],
    /// The digest stored in the file (over every byte before it).
    content_digest: [u8; 32],
    size: usize,
}

/// What the filter says about one key.
#[derive(Debug, PartialEq)]
pub enum Lookup<'f> {
    /// Not in the Bloom filter, or a Bloom hit the details section rules out.
    Miss,
    /// A Bloom hit with no details section to confirm it.
    Possible,
    /// Confirmed by the details section.
    Listed(Vec<&'f Label>),
}

impl Filter {
    /// Parse and verify. Nothing is answered from bytes that did not verify.
    pub fn from_bytes(bytes: &[u8]) -> Result<Filter, LoadError> {
        // Magic first, so that a foreign file is named as such even when short.
        let head = &bytes[..bytes.len().min(MAGIC.len())];
        if head != &MAGIC[..head.len()] {
            return Err(LoadError::WrongMagic);
        }
        let mut r = Reader::new(bytes, LoadError::Truncated);
        r.take(MAGIC.len())?;
        let version = r.u16()?;
        if version != FORMAT_VERSION {
            return Err(LoadError::UnsupportedVersion { found: version, supported: FORMAT_VERSION });
        }
        let flags = r.u16()?;
        let meta_bytes = r.blob()?;
        let bloom_bytes = r.blob()?;
        let details_bytes = r.blob()?;
        let body_len = bytes.len() - r.remaining();
        let stored: [u8; DIGEST_LEN] = r.array()?;
        if !r.is_empty() {
            return Err(LoadError::Corrupt);
        }
        let actual: [u8; DIGEST_LEN] = Sha256::digest(&bytes[..body_len]).into();
        if actual != stored {
            return Err(LoadError::Corrupt);
        }

        // The digest verified: from here on, a short read is a malformed section.
        let meta = Metadata::decode(&mut Reader::new(meta_bytes, LoadError::Malformed("metadata")))?;
        if meta.key_scheme != KEY_SCHEME_VERSION {
            return Err(LoadError::UnsupportedKeyScheme { found: meta.key_scheme, supported: KEY_SCHEME_VERSION });
        }
        let bloom = Bloom::decode(bloom_bytes)?;
        let details = match (flags & FLAG_DETAILS != 0, details_bytes.is_empty()) {
            (true, _) => Some(Details::decode(
                &mut Reader::new(details_bytes, LoadError::Malformed("details section")),
                meta.sources.len(),
            )?),
            (false, true) => None,
            (false, false) => return Err(LoadError::Malformed("details present but not flagged")),
        };
        if flags & !FLAG_DETAILS != 0 {
            return Err(LoadError::Malformed("unknown flags"));
        }
        let file_sha256 = Sha256::digest(bytes).into();
        Ok(Filter { meta, bloom, details, file_sha256, content_digest: stored, size: bytes.len() })
    }

    pub fn metadata(&self) -> &Metadata {
        &self.meta
    }

    /// The source a label comes from.
    pub fn source(&self, label: &Label) -> &SourceInfo {
        // Labels are validated against the source table on load.
        &self.meta.sources[label.source as usize]
    }

    /// SHA-256 of the whole file, lower-case hex: what `sha256sum` prints,
    /// so anyone can compare the app's list with a file they built.
    pub fn sha256_hex(&self) -> String {
        hex::encode(self.file_sha256)
    }

    /// The integrity digest stored at the end of the file (SHA-256 of every
    /// byte before it), verified on load.
    pub fn content_digest_hex(&self) -> String {
        hex::encode(self.content_digest)
    }

    pub fn size_bytes(&self) -> usize {
        self.size
    }

    pub fn bloom_bits(&self) -> u64 {
        self.bloom.bits()
    }

    pub fn hash_count(&self) -> u32 {
        self.bloom.hash_count()
    }

    /// Bloom bits per key.
    pub fn bits_per_key(&self) -> f64 {
        self.bloom.bits() as f64 / self.meta.keys.max(1) as f64
    }

    pub fn has_details(&self) -> bool {
        self.details.is_some()
    }

    /// Whether the Bloom filter may contain `key` (no confirmation).
    pub fn bloom_contains(&self, key: &Key) -> bool {
        self.bloom.contains(key.as_bytes())
    }

    /// Look a key up: Bloom filter first, then the details section.
    pub fn lookup(&self, key: &Key) -> Lookup<'_> {
        if !self.bloom_contains(key) {
            return Lookup::Miss;
        }
        match &self.details {
            None => Lookup::Possible,
            Some(d) => match d.find(fingerprint(key)) {
                Some(labels) => Lookup::Listed(labels.collect()),
                // The details section lists every key: a hit it does not
                // know is a Bloom false positive.
                None => Lookup::Miss,
            },
        }
    }

    /// Check one pasted string.
    pub fn check(&self, input: &str) -> Verdict<'_> {
        let c = check_all([self], input);
        Verdict {
            status: c.status,
            address: c.address,
            error: c.error,
            labels: c.matches.into_iter().map(|(_, label)| label).collect(),
        }
    }
}

impl core::fmt::Debug for Filter {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Filter")
            .field("meta", &self.meta)
            .field("bits", &self.bloom.bits())
            .field("hashes", &self.bloom.hash_count())
            .field("details", &self.details.as_ref().map(Details::len))
            .field("sha256", &self.sha256_hex())
            .finish()
    }
}
