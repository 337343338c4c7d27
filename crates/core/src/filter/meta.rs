//! Filter metadata: what list this is, where it came from, and how it was built.

use super::codec::{Reader, Writer};
use super::error::LoadError;

/// One input list that went into a filter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    /// e.g. "OFAC SDN".
    pub name: String,
    /// The list's as-of date, `YYYY-MM-DD`.
    pub as_of: String,
    /// Distinct keys this source contributed.
    pub entries: u64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Metadata {
    /// e.g. "OFAC sanctioned digital currency addresses".
    pub list_name: String,
    pub sources: Vec<SourceInfo>,
    /// `YYYY-MM-DD` (defaults to the newest source date, so builds are reproducible).
    pub built_at: String,
    /// Target false-positive rate the Bloom filter was sized for.
    pub fp_rate: f64,
    /// Distinct keys in the filter.
    pub keys: u64,
    /// The address key layout version ([`crate::address::KEY_SCHEME_VERSION`]).
    pub key_scheme: u16,
}

impl Metadata {
    pub(crate) fn encode(&self, w: &mut Writer) {
        w.str(&self.list_name);
        w.u16(self.sources.len() as u16);
        for s in &self.sources {
            w.str(&s.name);
            w.str(&s.as_of);
            w.u64(s.entries);
        }
        w.str(&self.built_at);
        w.u64(self.fp_rate.to_bits());
        w.u64(self.keys);
        w.u16(self.key_scheme);
    }

    pub(crate) fn decode(r: &mut Reader<'_>) -> Result<Metadata, LoadError> {
        let list_name = r.str()?;
        let n = r.u16()? as usize;
        let mut sources = Vec::with_capacity(n.min(r.remaining() / 16));
        for _ in 0..n {
            sources.push(SourceInfo { name: r.str()?, as_of: r.str()?, entries: r.u64()? });
        }
        let built_at = r.str()?;
        let fp_rate = f64::from_bits(r.u64()?);
        if !(fp_rate > 0.0 && fp_rate < 1.0) {
            return Err(LoadError::Malformed("false-positive rate out of range"));
        }
        let keys = r.u64()?;
        let key_scheme = r.u16()?;
        if !r.is_empty() {
            return Err(LoadError::Malformed("trailing bytes in metadata"));
        }
        Ok(Metadata { list_name, sources, built_at, fp_rate, keys, key_scheme })
    }
}
