//! The 2025-11-27 OFAC lists and the bundled filter, compiled into the wasm32
//! browser tests (which cannot read files at run time). Shared by
//! `crates/core/tests/wasm_filter.rs` and `crates/wasm/tests/browser.rs`
//! through `#[path]`; the lists stay in ../shared and are only read at build
//! time.

#![allow(dead_code)]

pub const FILTER: &[u8] = include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/ofac.filter"));

macro_rules! ofac_lists {
    ($($asset:literal),* $(,)?) => {
        &[$(($asset, include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/ofac/2025-11-27/sanctioned_addresses_", $asset, ".txt"
        )))),*]
    };
}

/// (asset code, file text), in file-name order.
pub const LISTS: &[(&str, &str)] = ofac_lists!(
    "ARB", "BCH", "BSC", "BSV", "BTG", "DASH", "ETC", "ETH", "LTC", "TRX", "USDC", "USDT", "XBT", "XMR", "XRP", "XVG",
    "ZEC",
);

pub struct Entry {
    pub asset: &'static str,
    pub address: &'static str,
    pub names: Vec<&'static str>,
}

/// `ADDRESS;Name` or `ADDRESS;"Name;Alias;..."`, CRLF or LF.
pub fn entries() -> Vec<Entry> {
    let mut out = Vec::new();
    for (asset, text) in LISTS {
        for line in text.lines() {
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            let (address, rest) = line.split_once(';').unwrap_or((line, ""));
            let rest = rest.trim();
            let rest = rest.strip_prefix('"').and_then(|r| r.strip_suffix('"')).unwrap_or(rest);
            let names = rest.split(';').map(str::trim).filter(|n| !n.is_empty()).collect();
            out.push(Entry { asset, address: address.trim(), names });
        }
    }
    out
}
