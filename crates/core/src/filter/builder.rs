//! Building a filter file from keys and labels.

use super::codec::Writer;
use super::details::{fingerprint_of_digest, key_digest, Details, Label};
use super::file::{write_container, FLAG_DETAILS};
use super::meta::{Metadata, SourceInfo};
use crate::address::{Key, KEY_SCHEME_VERSION};
use bloomfilter::Bloom;
use core::fmt;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Default target false-positive rate.
pub const DEFAULT_FP_RATE: f64 = 1e-9;

/// Collects keys with labels and writes a filter file.
///
/// Deterministic: the same set of (key, label) pairs gives byte-identical
/// output whatever the insertion order. Memory: about 60 bytes per distinct
/// key plus the labels, so 10 million keys fit well within 2 GB.
pub struct FilterBuilder {
    list_name: String,
    fp_rate: f64,
    built_at: Option<String>,
    details: bool,
    sources: Vec<(String, String)>,
    /// Key bytes of every distinct key, back to back.
    arena: Vec<u8>,
    /// Per distinct key: its end offset in `arena`.
    ends: Vec<u32>,
    /// Per distinct key: the first 16 bytes of its digest.
    ids: Vec<[u8; 16]>,
    seen: HashMap<[u8; 16], u32>,
    labels: Vec<Label>,
    label_index: HashMap<Label, u32>,
    /// (key index, label index), possibly repeated.
    pairs: Vec<(u32, u32)>,
}

/// Whether [`FilterBuilder::insert`] saw the key for the first time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    New,
    Duplicate,
}

/// Why a filter could not be built.
#[derive(Clone, Debug, PartialEq)]
pub enum BuildError {
    /// The false-positive rate is not within (0, 0.5].
    FpRate(f64),
    /// No keys were inserted.
    Empty,
    /// More keys, labels or sources than the format holds.
    TooLarge(&'static str),
    /// A label refers to a source that was never added.
    UnknownSource(u16),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::FpRate(p) => write!(f, "false-positive rate {p} is not within (0, 0.5]"),
            BuildError::Empty => f.write_str("no addresses to put in the filter"),
            BuildError::TooLarge(what) => write!(f, "too many {what} for the filter format"),
            BuildError::UnknownSource(s) => write!(f, "label refers to unknown source #{s}"),
        }
    }
}

impl std::error::Error for BuildError {}

impl FilterBuilder {
    pub fn new(list_name: impl Into<String>) -> Self {
        FilterBuilder {
            list_name: list_name.into(),
            fp_rate: DEFAULT_FP_RATE,
            built_at: None,
            details: true,
            sources: Vec::new(),
            arena: Vec::new(),
            ends: Vec::new(),
            ids: Vec::new(),
            seen: HashMap::new(),
            labels: Vec::new(),
            label_index: HashMap::new(),
            pairs: Vec::new(),
        }
    }

    /// Target false-positive rate (default 1e-9).
    pub fn fp_rate(&mut self, p: f64) -> &mut Self {
        self.fp_rate = p;
        self
    }

    /// `YYYY-MM-DD`; defaults to the newest source as-of date.
    pub fn built_at(&mut self, date: impl Into<String>) -> &mut Self {
        self.built_at = Some(date.into());
        self
    }

    /// Whether to write the details section (default true). Without it, a
    /// Bloom hit can only be reported as a possible match.
    pub fn details(&mut self, on: bool) -> &mut Self {
        self.details = on;
        self
    }

    /// Register a source; returns its index for [`Label::source`]. Adding the
    /// same name and date again returns the existing index.
    pub fn add_source(&mut self, name: impl Into<String>, as_of: impl Into<String>) -> u16 {
        let entry = (name.into(), as_of.into());
        if let Some(i) = self.sources.iter().position(|s| *s == entry) {
            return i as u16;
        }
        self.sources.push(entry);
        (self.sources.len() - 1) as u16
    }

    /// Add one key with a label. The same key from several inputs keeps every label.
    pub fn insert(&mut self, key: &Key, label: Label) -> Inserted {
        let digest = key_digest(key);
        let mut id = [0u8; 16];
        id.copy_from_slice(&digest[..16]);
        let (key_idx, inserted) = match self.seen.get(&id) {
            Some(&i) => (i, Inserted::Duplicate),
            None => {
                let i = self.ends.len() as u32;
                self.arena.extend_from_slice(key.as_bytes());
                self.ends.push(self.arena.len() as u32);
                self.ids.push(id);
                self.seen.insert(id, i);
                (i, Inserted::New)
            }
        };
        let label_idx = match self.label_index.get(&label) {
            Some(&l) => l,
            None => {
                let l = self.labels.len() as u32;
                self.label_index.insert(label.clone(), l);
                self.labels.push(label);
                l
            }
        };
        self.pairs.push((key_idx, label_idx));
        inserted
    }

    /// Distinct keys so far (duplicates merged).
    pub fn distinct_keys(&self) -> usize {
        self.ends.len()
    }

    fn key_bytes(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.arena[start..self.ends[i] as usize]
    }

    pub fn build(&self) -> Result<Vec<u8>, BuildError> {
        if !(self.fp_rate > 0.0 && self.fp_rate <= 0.5) {
            return Err(BuildError::FpRate(self.fp_rate));
        }
        let n = self.ends.len();
        if n == 0 {
            return Err(BuildError::Empty);
        }
        if self.sources.len() > u16::MAX as usize || self.arena.len() > u32::MAX as usize {
            return Err(BuildError::TooLarge("sources or keys"));
        }
        if let Some(l) = self.labels.iter().find(|l| l.source as usize >= self.sources.len()) {
            return Err(BuildError::UnknownSource(l.source));
        }
        if self.labels.iter().any(|l| l.names.len() > u16::MAX as usize || l.assets.len() > u16::MAX as usize) {
            return Err(BuildError::TooLarge("names in one label"));
        }

        // Keys in digest order: the canonical order every later step uses.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&i| self.ids[i as usize]);

        // Labels in canonical order, so label indices do not depend on insertion order.
        let mut label_order: Vec<u32> = (0..self.labels.len() as u32).collect();
        label_order.sort_unstable_by(|&a, &b| self.labels[a as usize].cmp(&self.labels[b as usize]));
        let mut label_rank = vec![0u32; self.labels.len()];
        for (rank, &l) in label_order.iter().enumerate() {
            label_rank[l as usize] = rank as u32;
        }
        let labels: Vec<Label> = label_order.iter().map(|&l| self.labels[l as usize].clone()).collect();

        // (key, label rank) pairs, deduplicated, grouped by key.
        let mut pairs: Vec<(u32, u32)> =
            self.pairs.iter().map(|&(k, l)| (k, label_rank[l as usize])).collect();
        pairs.sort_unstable();
        pairs.dedup();

        // Distinct keys per source.
        let mut per_source = vec![0u64; self.sources.len()];
        let mut last: Option<(u32, u16)> = None;
        for &(k, l) in &pairs {
            let s = labels[l as usize].source;
            // Pairs are sorted by key then label rank, and label ranks sort by
            // source first, so repeats of (key, source) are adjacent.
            if last != Some((k, s)) {
                per_source[s as usize] += 1;
                last = Some((k, s));
            }
        }

        // Seed from the content: SHA-256 of the sorted key ids.
        let mut h = Sha256::new();
        h.update(b"addrcheck seed v1\0");
        for &i in &order {
            h.update(self.ids[i as usize]);
        }
        let seed = distinct_halves(h.finalize().into());

        let mut bloom: Bloom<KeyBytes<'_>> = Bloom::new_for_fp_rate_with_seed(n, self.fp_rate, &seed)
            .map_err(|_| BuildError::TooLarge("keys"))?;
        for i in 0..n {
            bloom.set(&KeyBytes(self.key_bytes(i)));
        }

        let sources: Vec<SourceInfo> = self
            .sources
            .iter()
            .zip(&per_source)
            .map(|((name, as_of), &entries)| SourceInfo { name: name.clone(), as_of: as_of.clone(), entries })
            .collect();
        let built_at = self.built_at.clone().unwrap_or_else(|| {
            sources.iter().map(|s| s.as_of.clone()).max().unwrap_or_default()
        });
        let meta = Metadata {
            list_name: self.list_name.clone(),
            sources,
            built_at,
            fp_rate: self.fp_rate,
            keys: n as u64,
            key_scheme: KEY_SCHEME_VERSION,
        };

        let details = self.details.then(|| {
            // Group label ranks per key, then order entries by fingerprint.
            let mut starts = vec![0usize; n + 1];
            for &(k, _) in &pairs {
                starts[k as usize + 1] += 1;
            }
            for i in 0..n {
                starts[i + 1] += starts[i];
            }
            let ranks: Vec<u32> = pairs.iter().map(|&(_, l)| l).collect();
            let mut entries: Vec<(u64, &[u32])> = order
                .iter()
                .map(|&i| {
                    let mut d = [0u8; 32];
                    d[..16].copy_from_slice(&self.ids[i as usize]);
                    let i = i as usize;
                    (fingerprint_of_digest(&d), &ranks[starts[i]..starts[i + 1]])
                })
                .collect();
            entries.sort_unstable_by_key(|e| e.0);
            // Two keys with one 64-bit fingerprint: merge their labels (both
            // keys are listed, so a hit on either is still confirmed).
            let mut merged: Vec<(u64, Vec<u32>)> = Vec::with_capacity(entries.len());
            for (fp, ids) in entries {
                match merged.last_mut() {
                    Some((last, list)) if *last == fp => {
                        list.extend_from_slice(ids);
                        list.sort_unstable();
                        list.dedup();
                    }
                    _ => merged.push((fp, ids.to_vec())),
                }
            }
            let mut w = Writer::default();
            Details::encode(&mut w, &labels, merged.iter().map(|(fp, ids)| (*fp, ids.as_slice())));
            w.buf
        });

        let mut meta_w = Writer::default();
        meta.encode(&mut meta_w);
        let flags = if details.is_some() { FLAG_DETAILS } else { 0 };
        Ok(write_container(flags, &meta_w.buf, bloom.as_slice(), details.as_deref().unwrap_or(&[])))
    }
}

/// The two 16-byte halves of the seed key the two SipHash functions; were
/// they equal, every probe would land on one bit and the false-positive rate
/// would explode. Re-derive the second half in that (astronomically
/// unlikely) case.
pub(crate) fn distinct_halves(mut seed: [u8; 32]) -> [u8; 32] {
    while seed[..16] == seed[16..] {
        let next: [u8; 32] = Sha256::digest(seed).into();
        seed[16..].copy_from_slice(&next[..16]);
    }
    seed
}

/// Key bytes as the Bloom filter hashes them: `Hasher::write` of the bytes
/// only, with no length prefix, so 32- and 64-bit targets agree. This is
/// exactly how [`Key`]'s `Hash` impl feeds the hasher, so a filter built from
/// `KeyBytes` answers for `Key`.
pub(crate) struct KeyBytes<'a>(pub(crate) &'a [u8]);

impl core::hash::Hash for KeyBytes<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        state.write(self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use core::hash::{Hash, Hasher};
    use std::collections::hash_map::DefaultHasher;

    #[test]
    fn equal_seed_halves_are_made_distinct() {
        let seed = distinct_halves([7u8; 32]);
        assert_ne!(seed[..16], seed[16..]);
        assert_eq!(seed[..16], [7u8; 16], "first half is kept");
        let fine: [u8; 32] = core::array::from_fn(|i| i as u8);
        assert_eq!(distinct_halves(fine), fine, "distinct halves are untouched");
    }

    #[test]
    fn key_bytes_hash_like_key() {
        let key = Key::new(0x01, &[&[0xAB; 20]]);
        let mut a = DefaultHasher::new();
        key.hash(&mut a);
        let mut b = DefaultHasher::new();
        KeyBytes(key.as_bytes()).hash(&mut b);
        assert_eq!(a.finish(), b.finish());
    }

    #[test]
    fn rejects_bad_parameters() {
        let mut b = FilterBuilder::new("t");
        assert_eq!(b.build(), Err(BuildError::Empty));
        let s = b.add_source("s", "2025-01-01");
        b.insert(&Key::new(0x01, &[&[1; 20]]), Label { source: s, names: vec![], assets: vec![] });
        for p in [0.0, -1.0, 0.75, f64::NAN] {
            assert!(matches!(b.fp_rate(p).build(), Err(BuildError::FpRate(_))), "{p}");
        }
        b.fp_rate(1e-6);
        b.insert(&Key::new(0x01, &[&[2; 20]]), Label { source: 9, names: vec![], assets: vec![] });
        assert_eq!(b.build(), Err(BuildError::UnknownSource(9)));
    }
}
