//! The details section: 64-bit fingerprints of the keys mapped to labels, so a
//! Bloom hit can be confirmed and explained.
//!
//! Encoding: `u32` label count, each label (`u16` source, names, assets);
//! `u32` entry count, each entry (`u64` fingerprint, `u16` label count, `u32`
//! label indices), fingerprints strictly increasing.

use super::codec::{Reader, Writer};
use super::error::LoadError;
use crate::address::Key;
use sha2::{Digest, Sha256};

/// Who flagged an address.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label {
    /// Index into [`crate::filter::Metadata::sources`].
    pub source: u16,
    /// Entity names (primary first, then aliases).
    pub names: Vec<String>,
    /// OFAC asset codes (XBT, ETH, USDT, ...) the list gave for the address.
    pub assets: Vec<String>,
}

impl Label {
    fn encode(&self, w: &mut Writer) {
        w.u16(self.source);
        w.strs(&self.names);
        w.strs(&self.assets);
    }
    fn decode(r: &mut Reader<'_>) -> Result<Label, LoadError> {
        Ok(Label { source: r.u16()?, names: r.strs()?, assets: r.strs()? })
    }
}

/// SHA-256 of a domain tag and the key bytes. Its first 16 bytes identify a
/// key while building; its first 8, read big-endian, are the key's
/// fingerprint, so keys sorted by id are sorted by fingerprint.
pub(crate) fn key_digest(key: &Key) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"addrcheck key v1\0");
    h.update(key.as_bytes());
    h.finalize().into()
}

pub(crate) fn fingerprint_of_id(id: &[u8; 16]) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&id[..8]);
    u64::from_be_bytes(b)
}

pub(crate) fn key_id(key: &Key) -> [u8; 16] {
    let mut id = [0u8; 16];
    id.copy_from_slice(&key_digest(key)[..16]);
    id
}

pub(crate) fn fingerprint(key: &Key) -> u64 {
    fingerprint_of_id(&key_id(key))
}

/// The decoded details section.
#[derive(Debug)]
pub(crate) struct Details {
    labels: Vec<Label>,
    fingerprints: Vec<u64>,
    /// `starts[i]..starts[i + 1]` indexes `label_ids` for entry `i`.
    starts: Vec<u32>,
    label_ids: Vec<u32>,
}

impl Details {
    /// Encode the label table and the entry count; [`Details::encode_entry`]
    /// then writes `count` entries in strictly increasing fingerprint order.
    pub(crate) fn encode_header(w: &mut Writer, labels: &[Label], count: usize) {
        w.u32(labels.len() as u32);
        for l in labels {
            l.encode(w);
        }
        w.u32(count as u32);
    }

    pub(crate) fn encode_entry(w: &mut Writer, fingerprint: u64, label_ids: &[u32]) {
        w.u64(fingerprint);
        w.u16(label_ids.len() as u16);
        for &id in label_ids {
            w.u32(id);
        }
    }

    pub(crate) fn decode(r: &mut Reader<'_>, sources: usize) -> Result<Details, LoadError> {
        let n_labels = r.u32()? as usize;
        // A label takes at least 6 bytes: bound allocations by what remains.
        if n_labels > r.remaining() / 6 {
            return Err(LoadError::Malformed("label count exceeds section size"));
        }
        let mut labels = Vec::with_capacity(n_labels);
        for _ in 0..n_labels {
            let l = Label::decode(r)?;
            if l.source as usize >= sources {
                return Err(LoadError::Malformed("label names an unknown source"));
            }
            labels.push(l);
        }
        let n = r.u32()? as usize;
        if n > r.remaining() / 10 {
            return Err(LoadError::Malformed("entry count exceeds section size"));
        }
        let mut fingerprints = Vec::with_capacity(n);
        let mut starts = Vec::with_capacity(n + 1);
        let mut label_ids = Vec::with_capacity(n);
        starts.push(0);
        for _ in 0..n {
            let fp = r.u64()?;
            if fingerprints.last().is_some_and(|&prev| prev >= fp) {
                return Err(LoadError::Malformed("fingerprints are not strictly increasing"));
            }
            fingerprints.push(fp);
            let k = r.u16()?;
            if k == 0 {
                return Err(LoadError::Malformed("entry without labels"));
            }
            for _ in 0..k {
                let id = r.u32()?;
                if id as usize >= labels.len() {
                    return Err(LoadError::Malformed("entry names an unknown label"));
                }
                label_ids.push(id);
            }
            starts.push(label_ids.len() as u32);
        }
        if !r.is_empty() {
            return Err(LoadError::Malformed("trailing bytes in details"));
        }
        Ok(Details { labels, fingerprints, starts, label_ids })
    }

    /// The labels of the key with this fingerprint, if listed.
    pub(crate) fn find(&self, fp: u64) -> Option<impl Iterator<Item = &Label>> {
        let i = self.fingerprints.binary_search(&fp).ok()?;
        let ids = &self.label_ids[self.starts[i] as usize..self.starts[i + 1] as usize];
        Some(ids.iter().map(|&id| &self.labels[id as usize]))
    }

    pub(crate) fn len(&self) -> usize {
        self.fingerprints.len()
    }
}
