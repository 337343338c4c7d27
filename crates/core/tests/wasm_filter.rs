//! The bundled filter, checked in a real browser (wasm32 in headless Chromium).
//!
//! Run by scripts/test-browser.sh:
//!   CHROMEDRIVER=/usr/bin/chromedriver \
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test -p addrcheck-core --target wasm32-unknown-unknown --test wasm_filter
//!
//! The filter is `www/ofac.filter`, built natively by `addrcheck build` from the
//! OFAC lists of 2025-11-27; the same lists (../shared) are embedded here. In
//! wasm32 every listed entry must be found, flagged, with its names and asset
//! code; random valid addresses must be clear; and the key bytes must equal the
//! values computed natively (embedded below), so the 32-bit build hashes exactly
//! what the 64-bit builder inserted.
#![cfg(target_arch = "wasm32")]

use addrcheck_core::address::{clean, KEY_SCHEME_VERSION};
use addrcheck_core::{parse, Filter, Key, Status};
use sha2::{Digest, Sha256};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "support/ofac_lists.rs"]
mod ofac_lists;
use ofac_lists::{entries, FILTER};

// ---- Computed natively (x86_64) from the same lists with addrcheck-core ------
// Regenerate only on a deliberate key-scheme change (which must bump
// KEY_SCHEME_VERSION): for every entry line above in order, SHA-256 over
// (key length byte, key bytes), where the key is `parse(address)?.key`, or
// `Key::exact(clean(address))` for text no parser accepts.
const NATIVE_KEY_SCHEME: u16 = 1;
const NATIVE_ENTRIES: usize = 756;
const NATIVE_KEYS_SHA256: &str = "23243bb462777b31215f7ac47a2947fbdd73bab161d11b3b6a299b0dbac519a3";
/// (chain id, listed input, key bytes, normalized form): one per chain family.
const NATIVE_SAMPLES: &[(&str, &str, &str, &str)] = &[
    ("bitcoin", "18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB", "0200509789660476e48359451991c10968805c442e65", "18M8bJWMzWHDBMxoLqjHHAffdRy4SrzkfB"),
    ("bitcoin-cash", "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq", "020052ac06f8a36dcc7ec0e0fdfbc944e00050da37df", "bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq"),
    ("bitcoin-gold", "GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS", "022642e749e994fe4855aa0a9d1d7eba22c0128150f2", "GPwg61XoHqQPNmAucFACuQ5H9sGCDv9TpS"),
    ("bitcoin-segwit", "bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw", "03626300007d3b65b5a92e3350faf78c168825548eeac7679e", "bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw"),
    ("dash", "XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2", "024c804e16675685d900a9d18ea4c93e51fc320f6885", "XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2"),
    ("dogecoin", "DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z", "021e6edde865328cfeabee82f2b86d9f1742453c7378", "DFFJhnQNZf8rf67tYnesPu7MuGUpYtzv7Z"),
    ("evm", "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c", "014f47bc496083c727c5fbe3ce9cdf2b0f6496270c", "0x4F47Bc496083C727c5fbe3CE9CDf2B0f6496270c"),
    ("litecoin", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb", "023025a624f1dfc63c373c9219298e5906d7007ba003", "LNf2JDiuunBz7GMDKFYHN4rq5meXWxiwfb"),
    ("monero", "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL", "0512ca572a6ebc62f2bdbc810a4a158245e86ab9579fdf59fb2199e111919b43070762bcb18de975a557fb75f98a2f555ac391724322ca547ff0d17894111205ce58", "49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL"),
    ("tron", "TAYhjpL8pPs8T84FSM329nffQpc6jD8GBM", "04410655b7211f302b42a7bfa16a6c45284ab82fd85b", "TAYhjpL8pPs8T84FSM329nffQpc6jD8GBM"),
    ("xrp", "rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66", "0631bc232b08a21a5ec14f0087363eb2204b30f857", "rnXyVQzgxZe7TR1EPzTkGj2jxH4LMJYh66"),
    ("zcash", "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL", "021cb826309516b7f89837a7b604eb5fc722184232b441", "t1MMXtBrSp1XG38Lx9cePcNUCJj5vdWfUWL"),
    // The XMR list's 64-hex string is no address: an exact-text key.
    ("exact", "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320", "ffe3c6994e12383187731ab82814d4aa08507220db6a28ba9228f5ce0f4a926344", ""),
];
// -----------------------------------------------------------------------------

fn key_of(address: &str) -> Key {
    match parse(address) {
        Ok(a) => a.key,
        Err(_) => Key::exact(clean(address)),
    }
}

fn filter() -> Filter {
    Filter::from_bytes(FILTER).expect("www/ofac.filter loads and verifies in wasm32")
}

#[wasm_bindgen_test]
fn runs_on_wasm32() {
    assert_eq!(core::mem::size_of::<usize>(), 4, "this test must run as wasm32");
}

#[wasm_bindgen_test]
fn metadata_describes_the_ofac_list() {
    let f = filter();
    let meta = f.metadata();
    assert_eq!(meta.key_scheme, KEY_SCHEME_VERSION);
    assert!(meta.sources.iter().any(|s| s.as_of == "2025-11-27"), "no source as of 2025-11-27: {:?}", meta.sources);
    assert!(f.has_details(), "the bundled filter should carry its details section");
    assert_eq!(f.size_bytes(), FILTER.len());
    assert_eq!(f.sha256_hex().len(), 64);
}

#[wasm_bindgen_test]
fn key_bytes_match_native() {
    assert_eq!(KEY_SCHEME_VERSION, NATIVE_KEY_SCHEME, "key scheme changed: regenerate the native values");
    let entries = entries();
    assert_eq!(entries.len(), NATIVE_ENTRIES);
    let mut h = Sha256::new();
    for e in &entries {
        let key = key_of(e.address);
        h.update([key.as_bytes().len() as u8]);
        h.update(key.as_bytes());
    }
    assert_eq!(hex::encode(h.finalize()), NATIVE_KEYS_SHA256, "wasm32 keys differ from native keys");

    for &(chain, input, key_hex, normalized) in NATIVE_SAMPLES {
        assert_eq!(hex::encode(key_of(input).as_bytes()), key_hex, "key of {input}");
        match parse(input) {
            Ok(a) => {
                assert_eq!(a.chain.id(), chain, "chain of {input}");
                assert_eq!(a.normalized(), normalized, "normalized form of {input}");
            }
            Err(_) => assert_eq!(chain, "exact", "{input} should parse"),
        }
    }
}

#[wasm_bindgen_test]
fn every_listed_entry_is_flagged_with_its_names() {
    let f = filter();
    let entries = entries();
    let mut failures = Vec::new();
    for e in &entries {
        let v = f.check(e.address);
        if v.status != Status::Flagged {
            failures.push(format!("{} ({}): {}", e.address, e.asset, v.status));
            continue;
        }
        let names: Vec<&str> = v.labels.iter().flat_map(|l| l.names.iter().map(String::as_str)).collect();
        let assets: Vec<&str> = v.labels.iter().flat_map(|l| l.assets.iter().map(String::as_str)).collect();
        for n in &e.names {
            if !names.contains(n) {
                failures.push(format!("{} ({}): name {n:?} missing from {names:?}", e.address, e.asset));
            }
        }
        if !assets.contains(&e.asset) {
            failures.push(format!("{}: asset {} missing from {assets:?}", e.address, e.asset));
        }
        for l in &v.labels {
            let src = f.source(l);
            assert!(!src.name.is_empty() && src.as_of.len() == 10, "bad source {src:?}");
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} entries wrong in wasm32:\n{}",
        failures.len(),
        entries.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn other_forms_of_listed_addresses_are_flagged() {
    let f = filter();
    for e in entries().iter().filter(|e| e.address.starts_with("0x")) {
        for form in
            [e.address.to_lowercase(), format!("  {}\n", e.address), format!("0x{}", e.address[2..].to_uppercase())]
        {
            assert_eq!(f.check(&form).status, Status::Flagged, "{form:?}");
        }
    }
}

/// xorshift64*: deterministic "random" addresses, the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
}

#[wasm_bindgen_test]
fn random_valid_addresses_are_clear() {
    let f = filter();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for _ in 0..2000 {
        let mut bytes = [0u8; 20];
        for chunk in bytes.chunks_mut(8) {
            let r = rng.next().to_le_bytes();
            chunk.copy_from_slice(&r[..chunk.len()]);
        }
        let address = format!("0x{}", hex::encode(bytes));
        let v = f.check(&address);
        assert_eq!(v.status, Status::Clear, "{address}");
        assert!(v.labels.is_empty());
    }
}

#[wasm_bindgen_test]
fn damaged_copies_are_refused() {
    let mut flipped = FILTER.to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x01;
    assert_eq!(Filter::from_bytes(&flipped).err().map(|e| e.code()), Some("corrupt"));
    assert_eq!(Filter::from_bytes(&FILTER[..FILTER.len() / 2]).err().map(|e| e.code()), Some("truncated"));
    assert_eq!(Filter::from_bytes(&[]).err().map(|e| e.code()), Some("truncated"));
}
