//! Building a filter file from keys and labels.

use super::details::Label;
use crate::address::Key;

/// Collects keys with labels and writes a filter file.
///
/// Deterministic: the same set of (key, label) pairs gives byte-identical
/// output whatever the insertion order.
pub struct FilterBuilder {
    _todo: (),
}

/// Why a filter could not be built.
#[derive(Clone, Debug, PartialEq)]
pub enum BuildError {
    /// The false-positive rate is not within (0, 0.5].
    FpRate(f64),
    /// No keys were inserted.
    Empty,
    /// More sources than the format holds.
    TooManySources,
}

impl FilterBuilder {
    pub fn new(list_name: impl Into<String>) -> Self {
        let _ = list_name.into();
        todo!()
    }
    /// Target false-positive rate (default 1e-9).
    pub fn fp_rate(&mut self, p: f64) -> &mut Self {
        let _ = p;
        todo!()
    }
    /// `YYYY-MM-DD`; defaults to the newest source as-of date.
    pub fn built_at(&mut self, date: impl Into<String>) -> &mut Self {
        let _ = date.into();
        todo!()
    }
    /// Whether to write the details section (default true).
    pub fn details(&mut self, on: bool) -> &mut Self {
        let _ = on;
        todo!()
    }
    /// Register a source; returns its index for [`Label::source`].
    pub fn add_source(&mut self, name: impl Into<String>, as_of: impl Into<String>) -> u16 {
        let _ = (name.into(), as_of.into());
        todo!()
    }
    /// Add one key with a label. The same key from several inputs keeps every label.
    pub fn insert(&mut self, key: &Key, label: Label) {
        let _ = (key, label);
        todo!()
    }
    /// Distinct keys so far (duplicates merged).
    pub fn distinct_keys(&self) -> usize {
        todo!()
    }
    pub fn build(&self) -> Result<Vec<u8>, BuildError> {
        todo!()
    }
}
