//! Filter metadata: what list this is, where it came from, and how it was built.

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
