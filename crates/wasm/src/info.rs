//! What `checker.info()` tells about each loaded list.
//!
//! Pure Rust (no wasm-bindgen): tested natively.

use addrcheck_core::Filter;
use serde::Serialize;

#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ListInfo {
    /// The list's name, e.g. "OFAC sanctioned digital currency addresses".
    pub name: String,
    pub sources: Vec<SourceInfo>,
    /// Distinct address keys in the list.
    pub keys: u64,
    /// The Bloom filter's target false-positive rate.
    pub fp_rate: f64,
    /// Whether hits are confirmed and named (details section present);
    /// without it every hit is "possible".
    pub has_details: bool,
    /// SHA-256 of the whole filter file, lower-case hex (as `sha256sum` prints it).
    pub sha256: String,
    pub size_bytes: u64,
    /// `YYYY-MM-DD`.
    pub built_at: String,
    /// The address key layout version the list was built with.
    pub key_scheme: u16,
}

#[derive(Serialize, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SourceInfo {
    pub name: String,
    /// `YYYY-MM-DD`.
    pub as_of: String,
    /// Distinct addresses this source contributed.
    pub entries: u64,
}

pub fn list_info(filter: &Filter) -> ListInfo {
    let meta = filter.metadata();
    ListInfo {
        name: meta.list_name.clone(),
        sources: meta
            .sources
            .iter()
            .map(|s| SourceInfo {
                name: s.name.clone(),
                as_of: s.as_of.clone(),
                entries: s.entries,
            })
            .collect(),
        keys: meta.keys,
        fp_rate: meta.fp_rate,
        has_details: filter.has_details(),
        sha256: filter.sha256_hex(),
        size_bytes: filter.size_bytes() as u64,
        built_at: meta.built_at.clone(),
        key_scheme: meta.key_scheme,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use addrcheck_core::filter::Label;
    use addrcheck_core::{parse, FilterBuilder};

    #[test]
    fn describes_the_file() {
        let mut b = FilterBuilder::new("Test list");
        b.fp_rate(1e-6);
        let s = b.add_source("Source A", "2025-01-02");
        let key = parse("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c")
            .unwrap()
            .key;
        b.insert(
            &key,
            Label {
                source: s,
                names: vec![],
                assets: vec![],
            },
        );
        let bytes = b.build().unwrap();
        let info = list_info(&Filter::from_bytes(&bytes).unwrap());
        assert_eq!(info.name, "Test list");
        assert_eq!(
            info.sources,
            [SourceInfo {
                name: "Source A".into(),
                as_of: "2025-01-02".into(),
                entries: 1
            }]
        );
        assert_eq!(info.keys, 1);
        assert_eq!(info.fp_rate, 1e-6);
        assert!(info.has_details);
        assert_eq!(info.size_bytes, bytes.len() as u64);
        assert_eq!(info.built_at, "2025-01-02");
        assert_eq!(info.sha256.len(), 64);
        assert_eq!(info.key_scheme, addrcheck_core::address::KEY_SCHEME_VERSION);
    }
}
