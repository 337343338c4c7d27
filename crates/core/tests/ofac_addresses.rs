//! Every address of the raw OFAC SDN extracts in `shared/data/ofac` parses to
//! the family its asset file implies, and its other textual forms meet it on
//! the same key. The data is required: a missing directory fails the test.

use addrcheck_core::address::{parse, parse_text, Address, AddressError, Chain};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

const OFAC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ofac");

/// The snapshots, with the number of distinct addresses `shared/README.md` gives.
const SNAPSHOTS: &[(&str, usize)] = &[("2025-11-27", 743), ("2024-09-27", 641)];

/// The XMR file lists a 64-hex string (a hash or key, not an address).
const XMR_NOT_AN_ADDRESS: &str = "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320";

/// The XBT file lists one Tron address (an OFAC data-entry quirk).
const XBT_TRON_ENTRY: &str = "TUCsTq7TofTCJRRoHk6RvhMoS2mJLm5Yzq";

struct Entry {
    snapshot: &'static str,
    asset: String,
    address: String,
}

fn snapshot_dir(snapshot: &str) -> PathBuf {
    let dir = Path::new(OFAC).join(snapshot);
    assert!(dir.is_dir(), "OFAC data missing: {} (shared/ must sit beside the checkout)", dir.display());
    dir
}

/// All entries of one snapshot's `sanctioned_addresses_<ASSET>.txt` files.
fn entries(snapshot: &'static str) -> Vec<Entry> {
    let dir = snapshot_dir(snapshot);
    let mut out = Vec::new();
    let mut files = 0;
    for item in fs::read_dir(&dir).expect("read OFAC dir") {
        let path = item.expect("dir entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let Some(asset) = name.strip_prefix("sanctioned_addresses_").and_then(|n| n.strip_suffix(".txt")) else {
            continue;
        };
        files += 1;
        let text = fs::read_to_string(&path).expect("read OFAC list");
        for line in text.lines() {
            // Lines are `ADDRESS`, `ADDRESS;Name` or `ADDRESS;"Name;Alias"`, some with CRLF.
            let address = line.split(';').next().unwrap_or_default().trim();
            if !address.is_empty() {
                out.push(Entry { snapshot, asset: asset.to_string(), address: address.to_string() });
            }
        }
    }
    assert!(files >= 17, "{}: only {files} asset files", dir.display());
    out
}

fn all_entries() -> Vec<Entry> {
    SNAPSHOTS.iter().flat_map(|&(s, _)| entries(s)).collect()
}

/// The chains an asset file's entries may parse to.
fn expected_chains(asset: &str) -> &'static [Chain] {
    match asset {
        "XBT" => &[Chain::Bitcoin, Chain::BitcoinSegwit],
        "ETH" | "ETC" | "ARB" | "BSC" => &[Chain::Evm],
        // Tether on Ethereum, Tron and (Omni) Bitcoin; USD Coin on Ethereum.
        "USDT" => &[Chain::Evm, Chain::Tron, Chain::Bitcoin],
        "USDC" => &[Chain::Evm],
        "TRX" => &[Chain::Tron],
        "LTC" => &[Chain::Litecoin, Chain::LitecoinSegwit],
        // CashAddr without prefix, and one legacy Base58 entry.
        "BCH" => &[Chain::BitcoinCash, Chain::Bitcoin],
        "BSV" => &[Chain::Bitcoin],
        "BTG" => &[Chain::BitcoinGold],
        "DASH" => &[Chain::Dash],
        "XVG" => &[Chain::Dogecoin],
        "ZEC" => &[Chain::Zcash, Chain::ZcashShielded],
        "XMR" => &[Chain::Monero],
        "XRP" => &[Chain::Xrp],
        "SOL" => &[Chain::Solana],
        other => panic!("new OFAC asset file {other:?}: add its expected chains here"),
    }
}

fn parsed(e: &Entry) -> Address {
    parse(&e.address).unwrap_or_else(|err| panic!("{} {} {:?}: {err}", e.snapshot, e.asset, e.address))
}

#[test]
fn ofac_snapshots_have_the_documented_number_of_addresses() {
    for &(snapshot, distinct) in SNAPSHOTS {
        let set: BTreeSet<String> = entries(snapshot).into_iter().map(|e| e.address).collect();
        assert_eq!(set.len(), distinct, "{snapshot}");
    }
}

#[test]
fn ofac_every_address_parses_to_its_assets_family() {
    let mut checked = 0;
    for e in all_entries() {
        if e.asset == "XMR" && e.address == XMR_NOT_AN_ADDRESS {
            continue;
        }
        let a = parsed(&e);
        if e.asset == "XBT" && e.address == XBT_TRON_ENTRY {
            assert_eq!(a.chain, Chain::Tron);
        } else {
            assert!(
                expected_chains(&e.asset).contains(&a.chain),
                "{} {} {}: parsed as {:?}",
                e.snapshot,
                e.asset,
                e.address,
                a.chain
            );
        }
        checked += 1;
    }
    assert!(checked > 1300, "only {checked} entries checked");
}

#[test]
fn ofac_xmr_64_hex_entry_is_not_an_address() {
    let listed = entries("2025-11-27").iter().any(|e| e.asset == "XMR" && e.address == XMR_NOT_AN_ADDRESS);
    assert!(listed, "the XMR file no longer has the 64-hex entry");
    assert_eq!(parse(XMR_NOT_AN_ADDRESS), Err(AddressError::Unrecognized));
}

#[test]
fn ofac_xbt_file_holds_one_tron_address() {
    let odd: Vec<String> = entries("2025-11-27")
        .into_iter()
        .filter(|e| e.asset == "XBT")
        .filter(|e| !matches!(parsed(e).chain, Chain::Bitcoin | Chain::BitcoinSegwit))
        .map(|e| e.address)
        .collect();
    assert_eq!(odd, [XBT_TRON_ENTRY]);
}

#[test]
fn ofac_usdt_file_mixes_ethereum_tron_and_bitcoin_forms() {
    for &(snapshot, _) in SNAPSHOTS {
        let chains: BTreeSet<Chain> =
            entries(snapshot).iter().filter(|e| e.asset == "USDT").map(|e| parsed(e).chain).collect();
        assert_eq!(chains, BTreeSet::from([Chain::Evm, Chain::Bitcoin, Chain::Tron]), "{snapshot}");
    }
}

#[test]
fn ofac_normalized_form_round_trips() {
    for e in all_entries().iter().filter(|e| e.address != XMR_NOT_AN_ADDRESS) {
        let a = parsed(e);
        let text = a.normalized();
        let again = parse(&text).unwrap_or_else(|err| panic!("{} → {text}: {err}", e.address));
        assert_eq!(again, a, "{} → {text}", e.address);
    }
}

#[test]
fn ofac_normalized_form_borrowed_from_the_entry_is_the_computed_one() {
    let mut borrowed = 0;
    for e in all_entries().iter().filter(|e| e.address != XMR_NOT_AN_ADDRESS) {
        for text in [e.address.clone(), e.address.to_ascii_lowercase(), e.address.to_ascii_uppercase()] {
            let Ok(p) = parse_text(&text) else { continue };
            let normalized = p.normalized();
            assert_eq!(normalized, p.address().normalized(), "{text}");
            borrowed += usize::from(matches!(normalized, std::borrow::Cow::Borrowed(_)));
        }
    }
    // Most entries are canonical Base58Check, bech32 or EIP-55 text.
    assert!(borrowed > 1000, "only {borrowed} borrowed");
}

#[test]
fn ofac_base58_and_bech32_entries_print_as_listed() {
    // Apart from EVM case and BCH's missing prefix, the list holds canonical text.
    for e in all_entries().iter().filter(|e| e.address != XMR_NOT_AN_ADDRESS) {
        let a = parsed(e);
        let expected = match a.chain {
            Chain::Evm => continue,
            Chain::BitcoinCash => format!("bitcoincash:{}", e.address),
            _ => e.address.clone(),
        };
        assert_eq!(a.normalized(), expected);
    }
}

#[test]
fn ofac_evm_entries_lower_case_gives_the_same_key() {
    let mut mixed = 0;
    for e in all_entries().iter().filter(|e| e.address.starts_with("0x")) {
        let a = parsed(e);
        assert_eq!(a.chain, Chain::Evm);
        assert_eq!(parse(e.address.to_ascii_lowercase()).map(|l| l.key), Ok(a.key), "{}", e.address);
        assert_eq!(parse(&e.address[2..]).map(|l| l.key), Ok(a.key), "{} without 0x", e.address);
        let upper = format!("0x{}", e.address[2..].to_ascii_uppercase());
        assert_eq!(parse(&upper).map(|l| l.key), Ok(a.key), "{upper}");
        if e.address[2..].bytes().any(|b| b.is_ascii_uppercase()) {
            mixed += 1;
            assert_eq!(a.normalized(), e.address, "a mixed-case entry is its EIP-55 form");
        }
    }
    assert!(mixed > 20, "expected EIP-55 entries, found {mixed}");
}

#[test]
fn ofac_evm_mixed_case_entry_with_one_letter_flipped_is_a_checksum_error() {
    let mut flipped_any = 0;
    for e in all_entries().iter().filter(|e| e.address.starts_with("0x")) {
        let hex = &e.address[2..];
        if !(hex.bytes().any(|b| b.is_ascii_uppercase()) && hex.bytes().any(|b| b.is_ascii_lowercase())) {
            continue;
        }
        // Flip the first letter whose flip keeps the string mixed-case.
        let mut chars: Vec<char> = e.address.chars().collect();
        let Some(i) = (2..chars.len()).find(|&i| {
            let c = chars[i];
            c.is_ascii_alphabetic()
                && hex
                    .bytes()
                    .filter(|b| b.is_ascii_alphabetic() && b.is_ascii_uppercase() == c.is_ascii_uppercase())
                    .count()
                    > 1
        }) else {
            continue;
        };
        let c = chars[i];
        chars[i] = if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
        let typo: String = chars.into_iter().collect();
        let e2 = parse(&typo).expect_err(&typo);
        assert_eq!(e2, AddressError::Checksum { chain: Chain::Evm }, "{typo}");
        assert!(e2.to_string().contains("checksum mismatch, likely a typo"));
        flipped_any += 1;
    }
    assert!(flipped_any > 20);
}

#[test]
fn ofac_bch_entries_legacy_form_gives_the_same_key() {
    let mut cashaddrs = 0;
    for e in all_entries().iter().filter(|e| e.asset == "BCH") {
        let a = parsed(e);
        let legacy = Address { chain: Chain::Bitcoin, key: a.key }.normalized();
        assert!(legacy.starts_with('1') || legacy.starts_with('3'), "{legacy}");
        let l = parse(&legacy).expect("legacy form parses");
        assert_eq!(l.chain, Chain::Bitcoin);
        assert_eq!(l.key, a.key, "{} ↔ {legacy}", e.address);
        // And the CashAddr form of the legacy entry meets the same key.
        let cash = Address { chain: Chain::BitcoinCash, key: a.key }.normalized();
        assert_eq!(parse(&cash).map(|c| c.key), Ok(a.key));
        assert_eq!(parse(format!("bitcoincash:{}", e.address)).map(|c| c.key), Ok(a.key));
        if a.chain == Chain::BitcoinCash {
            cashaddrs += 1;
        }
    }
    assert!(cashaddrs >= 12);
}

#[test]
fn ofac_tron_entries_hex_form_gives_the_same_key() {
    let mut n = 0;
    for e in all_entries() {
        let Ok(a) = parse(&e.address) else { continue };
        if a.chain != Chain::Tron {
            continue;
        }
        let hex = hex::encode(a.key.payload());
        assert!(hex.starts_with("41"), "{hex}");
        for form in [hex.clone(), format!("0x{hex}"), hex.to_ascii_uppercase()] {
            let h = parse(&form).unwrap_or_else(|err| panic!("{form}: {err}"));
            assert_eq!((h.chain, h.key), (Chain::Tron, a.key), "{} ↔ {form}", e.address);
        }
        n += 1;
    }
    assert!(n > 100, "{n} Tron entries");
}

#[test]
fn ofac_monero_entries_agree_with_the_base58_monero_crate() {
    let mut n = 0;
    for e in all_entries().iter().filter(|e| e.asset == "XMR" && e.address != XMR_NOT_AN_ADDRESS) {
        let a = parsed(e);
        let raw = base58_monero::decode_check(&e.address).expect("base58-monero decodes the entry");
        // network byte, spend key, view key (standard or subaddress).
        assert_eq!(raw.len(), 65);
        assert_eq!(a.key.payload(), &raw[..]);
        n += 1;
    }
    assert!(n >= 9);
}

#[test]
fn ofac_no_entry_is_unrecognized_or_invalid_except_the_xmr_hash() {
    let failures: Vec<String> = all_entries()
        .into_iter()
        .filter(|e| e.address != XMR_NOT_AN_ADDRESS)
        .filter_map(|e| parse(&e.address).err().map(|err| format!("{} {}: {err}", e.asset, e.address)))
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
