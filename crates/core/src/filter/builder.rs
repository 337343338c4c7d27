//! Building a filter file from keys and labels.

use super::bloom::{Bloom, BloomError};
use super::codec::Writer;
use super::details::{fingerprint_of_id, key_id, Details, Label};
use super::file::{begin_file, seal, FLAG_DETAILS};
use super::meta::{Metadata, SourceInfo};
use crate::address::{Key, KEY_SCHEME_VERSION};
use core::fmt;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Default target false-positive rate.
pub const DEFAULT_FP_RATE: f64 = 1e-9;

/// Collects keys with labels and writes a filter file.
///
/// Deterministic: the same set of (key, label) pairs gives byte-identical
/// output whatever the insertion order. Labels of one key from one source
/// merge into one (names in a canonical order, assets united). Memory: about
/// 100 bytes per distinct key while inserting, so 10 million keys stay well
/// within 2 GB.
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
    /// Per distinct key: bit `source % 64` set once a label of that source came.
    source_bits: Vec<u64>,
    seen: HashMap<[u8; 16], u32>,
    labels: Vec<Label>,
    label_index: HashMap<Label, u32>,
    /// (key index, label index), possibly repeated.
    pairs: Vec<(u32, u32)>,
}

/// What [`FilterBuilder::insert`] made of an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inserted {
    /// The first entry for this key from this source.
    New,
    /// This source already listed the key (exact for up to 64 sources).
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
            source_bits: Vec::new(),
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

    /// Add one key with a label. The same key from several entries keeps
    /// every label; labels of one source merge when the file is built.
    pub fn insert(&mut self, key: &Key, label: Label) -> Inserted {
        let id = key_id(key);
        let key_idx = match self.seen.get(&id) {
            Some(&i) => i,
            None => {
                let i = self.ends.len() as u32;
                self.arena.extend_from_slice(key.as_bytes());
                self.ends.push(self.arena.len() as u32);
                self.ids.push(id);
                self.source_bits.push(0);
                self.seen.insert(id, i);
                i
            }
        };
        let bit = 1u64 << (label.source % 64);
        let bits = &mut self.source_bits[key_idx as usize];
        let inserted = if *bits & bit != 0 { Inserted::Duplicate } else { Inserted::New };
        *bits |= bit;
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

    fn validate(&self) -> Result<(), BuildError> {
        if !(self.fp_rate > 0.0 && self.fp_rate <= 0.5) {
            return Err(BuildError::FpRate(self.fp_rate));
        }
        if self.ends.is_empty() {
            return Err(BuildError::Empty);
        }
        if self.sources.len() > u16::MAX as usize || self.arena.len() > u32::MAX as usize {
            return Err(BuildError::TooLarge("sources or keys"));
        }
        if let Some(l) = self.labels.iter().find(|l| l.source as usize >= self.sources.len()) {
            return Err(BuildError::UnknownSource(l.source));
        }
        Ok(())
    }

    /// Write the filter file. Consumes the builder, so its working memory is
    /// released as the file takes shape.
    pub fn build(self) -> Result<Vec<u8>, BuildError> {
        self.validate()?;
        let FilterBuilder {
            list_name,
            fp_rate,
            built_at,
            details,
            sources,
            arena,
            ends,
            ids,
            source_bits,
            seen,
            labels,
            label_index,
            pairs,
        } = self;
        drop((seen, label_index, source_bits));
        let n = ends.len();

        // Keys in id order: the canonical order of everything below, and
        // (ids being big-endian fingerprints) the details section's order.
        let mut order: Vec<u32> = (0..n as u32).collect();
        order.sort_unstable_by_key(|&i| ids[i as usize]);

        let merged = merge_labels(labels, pairs, n, sources.len())?;

        let seed = bloom_seed(order.iter().map(|&i| &ids[i as usize]));
        let bloom = {
            let mut bloom = Bloom::with_rate(n as u64, fp_rate, seed).map_err(|e| match e {
                BloomError::Parameters => BuildError::FpRate(fp_rate),
                _ => BuildError::TooLarge("keys"),
            })?;
            let mut start = 0;
            for &end in &ends {
                bloom.insert(&arena[start..end as usize]);
                start = end as usize;
            }
            bloom
        };
        drop((arena, ends));

        let sources: Vec<SourceInfo> = sources
            .into_iter()
            .zip(&merged.per_source)
            .map(|((name, as_of), &entries)| SourceInfo { name, as_of, entries })
            .collect();
        let built_at = built_at.unwrap_or_else(|| sources.iter().map(|s| s.as_of.clone()).max().unwrap_or_default());
        let meta = Metadata { list_name, sources, built_at, fp_rate, keys: n as u64, key_scheme: KEY_SCHEME_VERSION };

        let mut w = Writer::default();
        begin_file(&mut w, if details { FLAG_DETAILS } else { 0 });
        let at = w.begin_blob();
        meta.encode(&mut w);
        w.end_blob(at);
        let at = w.begin_blob();
        bloom.encode(&mut w);
        w.end_blob(at);
        drop(bloom);
        let at = w.begin_blob();
        if details {
            write_details(&mut w, &merged, &order, &ids);
        }
        w.end_blob(at);
        Ok(seal(w))
    }
}

/// Every key's final labels, as indices into a canonically sorted table.
struct MergedLabels {
    labels: Vec<Label>,
    /// `ids[starts[k]..starts[k + 1]]`: the labels of key `k`, ascending.
    starts: Vec<u32>,
    ids: Vec<u32>,
    /// Distinct keys per source.
    per_source: Vec<u64>,
}

impl MergedLabels {
    fn of(&self, key: usize) -> &[u32] {
        &self.ids[self.starts[key] as usize..self.starts[key + 1] as usize]
    }
}

/// Merge the labels one source gave one key (the same address in two asset
/// files, say) into one: names in label order without repeats, assets united.
/// Labels are ranked in their canonical order first, so the result does not
/// depend on insertion order.
fn merge_labels(
    labels: Vec<Label>,
    mut pairs: Vec<(u32, u32)>,
    keys: usize,
    sources: usize,
) -> Result<MergedLabels, BuildError> {
    let mut by_rank: Vec<u32> = (0..labels.len() as u32).collect();
    by_rank.sort_unstable_by(|&a, &b| labels[a as usize].cmp(&labels[b as usize]));
    let mut rank = vec![0u32; labels.len()];
    for (r, &l) in by_rank.iter().enumerate() {
        rank[l as usize] = r as u32;
    }
    let mut table: Vec<Label> = by_rank.iter().map(|&l| labels[l as usize].clone()).collect();
    drop((labels, by_rank));
    for p in &mut pairs {
        p.1 = rank[p.1 as usize];
    }
    drop(rank);
    pairs.sort_unstable();
    pairs.dedup();

    // Ranks sort by source first, so one key's labels from one source are adjacent.
    // A merged label may equal one some other key already carries: reuse it,
    // so the table holds each label once (and the bytes stay order-free).
    let mut interned: HashMap<Label, u32> = table.iter().enumerate().map(|(i, l)| (l.clone(), i as u32)).collect();
    let mut per_source = vec![0u64; sources];
    let mut starts = Vec::with_capacity(keys + 1);
    let mut ids = Vec::with_capacity(pairs.len());
    let mut i = 0;
    for key in 0..keys as u32 {
        starts.push(ids.len() as u32);
        while i < pairs.len() && pairs[i].0 == key {
            let source = table[pairs[i].1 as usize].source;
            let run_end =
                i + pairs[i..].iter().take_while(|p| p.0 == key && table[p.1 as usize].source == source).count();
            per_source[source as usize] += 1;
            if run_end - i == 1 {
                ids.push(pairs[i].1);
            } else {
                let mut merged = Label { source, names: Vec::new(), assets: Vec::new() };
                for p in &pairs[i..run_end] {
                    let l = &table[p.1 as usize];
                    for name in &l.names {
                        if !merged.names.contains(name) {
                            merged.names.push(name.clone());
                        }
                    }
                    merged.assets.extend(l.assets.iter().cloned());
                }
                merged.assets.sort_unstable();
                merged.assets.dedup();
                if merged.names.len() > u16::MAX as usize || merged.assets.len() > u16::MAX as usize {
                    return Err(BuildError::TooLarge("names in one label"));
                }
                let id = match interned.get(&merged) {
                    Some(&id) => id,
                    None => {
                        let id = table.len() as u32;
                        table.push(merged.clone());
                        interned.insert(merged, id);
                        id
                    }
                };
                ids.push(id);
            }
            i = run_end;
        }
    }
    starts.push(ids.len() as u32);
    drop(pairs);

    // Keep only the labels some key uses, in canonical order.
    let mut used = vec![false; table.len()];
    for &id in &ids {
        used[id as usize] = true;
    }
    let mut kept: Vec<u32> = (0..table.len() as u32).filter(|&l| used[l as usize]).collect();
    kept.sort_unstable_by(|&a, &b| table[a as usize].cmp(&table[b as usize]));
    let mut remap = vec![u32::MAX; table.len()];
    for (new, &old) in kept.iter().enumerate() {
        remap[old as usize] = new as u32;
    }
    let mut table: Vec<Option<Label>> = table.into_iter().map(Some).collect();
    let final_table: Vec<Label> = kept.iter().filter_map(|&old| table[old as usize].take()).collect();
    for id in &mut ids {
        *id = remap[*id as usize];
    }
    for k in 0..keys {
        ids[starts[k] as usize..starts[k + 1] as usize].sort_unstable();
    }
    if final_table.len() > u32::MAX as usize {
        return Err(BuildError::TooLarge("labels"));
    }
    Ok(MergedLabels { labels: final_table, starts, ids, per_source })
}

/// The details section: entries in fingerprint order. Two keys with one
/// 64-bit fingerprint (vanishingly rare) share an entry with both keys'
/// labels: both are listed, so a hit on either is still confirmed.
fn write_details(w: &mut Writer, merged: &MergedLabels, order: &[u32], ids: &[[u8; 16]]) {
    let fp = |i: u32| fingerprint_of_id(&ids[i as usize]);
    let count = order.chunk_by(|&a, &b| fp(a) == fp(b)).count();
    Details::encode_header(w, &merged.labels, count);
    let mut shared: Vec<u32> = Vec::new();
    for group in order.chunk_by(|&a, &b| fp(a) == fp(b)) {
        if let [only] = group {
            Details::encode_entry(w, fp(*only), merged.of(*only as usize));
        } else {
            shared.clear();
            for &k in group {
                shared.extend_from_slice(merged.of(k as usize));
            }
            shared.sort_unstable();
            shared.dedup();
            Details::encode_entry(w, fp(group[0]), &shared);
        }
    }
}

/// The Bloom filter's seed (its SipHash key), from the content alone so that
/// a build is reproducible: the first 16 bytes of
/// `SHA-256("addrcheck bloom seed v2\0" ‖ id_1 ‖ … ‖ id_n)`, where the ids
/// are the keys' 16-byte ids (first half of `SHA-256("addrcheck key v1\0" ‖
/// key bytes)`) in ascending order.
fn bloom_seed<'a>(sorted_ids: impl Iterator<Item = &'a [u8; 16]>) -> [u8; 16] {
    let mut h = Sha256::new();
    h.update(b"addrcheck bloom seed v2\0");
    for id in sorted_ids {
        h.update(id);
    }
    let mut seed = [0u8; 16];
    seed.copy_from_slice(&h.finalize()[..16]);
    seed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_is_the_documented_digest() {
        let ids = [[1u8; 16], [2u8; 16]];
        let mut h = Sha256::new();
        h.update(b"addrcheck bloom seed v2\0");
        h.update([1u8; 16]);
        h.update([2u8; 16]);
        assert_eq!(bloom_seed(ids.iter())[..], h.finalize()[..16]);
        assert_ne!(bloom_seed(ids.iter()), bloom_seed(ids[..1].iter()), "depends on every key");
    }

    fn one_key(source: u16) -> FilterBuilder {
        let mut b = FilterBuilder::new("t");
        b.add_source("s", "2025-01-01");
        b.insert(&Key::new(0x01, &[&[1; 20]]), Label { source, names: vec![], assets: vec![] });
        b
    }

    #[test]
    fn rejects_bad_parameters() {
        assert_eq!(FilterBuilder::new("t").build(), Err(BuildError::Empty));
        for p in [0.0, -1.0, 0.75, f64::NAN] {
            let mut b = one_key(0);
            b.fp_rate(p);
            assert!(matches!(b.build(), Err(BuildError::FpRate(_))), "{p}");
        }
        assert_eq!(one_key(9).build(), Err(BuildError::UnknownSource(9)));
        assert!(one_key(0).build().is_ok());
    }
}
