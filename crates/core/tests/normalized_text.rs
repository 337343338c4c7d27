//! `Parsed::normalized` borrows the input when the input already is the
//! canonical form; it must always equal `Address::normalized`, computed from
//! the key. Checked over random addresses of every family, in their canonical
//! form (which must be borrowed) and in other forms of the same address
//! (other case, hex, URI-wrapped, padded), and over official vectors.

use addrcheck_core::address::{parse_text, Address, Chain, Key};
use addrcheck_core::filter::check_all;
use addrcheck_core::Filter;
use std::borrow::Cow;

#[path = "../benches/mix.rs"]
mod mix;
use mix::{Generator, Rng};

/// Parses `input`, checks the borrowed form against the computed one, and
/// says whether it was borrowed.
fn borrowed(input: &str) -> bool {
    let parsed = parse_text(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
    let computed = parsed.address().normalized();
    let normalized = parsed.normalized();
    assert_eq!(normalized, computed, "{input:?}");
    let is_borrowed = matches!(normalized, Cow::Borrowed(_));
    // The check's answer offers the same borrowed form, and only that.
    let combined = check_all(std::iter::empty::<&Filter>(), input);
    assert_eq!(combined.normalized_borrowed(), is_borrowed.then(|| parsed.text()), "{input:?}");
    is_borrowed
}

/// Other textual forms of a canonical address: none of them is canonical
/// text except where the cleaning step reduces them to it.
fn variants(canonical: &str) -> Vec<String> {
    let mut out =
        vec![canonical.to_ascii_lowercase(), canonical.to_ascii_uppercase(), format!("  {canonical}\u{200B}\n")];
    if let Some(hex) = canonical.strip_prefix("0x") {
        out.push(hex.to_string());
        out.push(format!("0X{hex}"));
        out.push(format!("ethereum:{canonical}@1"));
    } else {
        out.push(format!("bitcoin:{canonical}?amount=1"));
    }
    out
}

#[test]
fn canonical_forms_of_every_family_are_borrowed() {
    let mut rng = Rng(55);
    let generators: &[(&str, Generator)] = &[
        ("EIP-55", mix::evm_checksummed),
        ("P2PKH", |r| mix::base58check(r, &[0x00])),
        ("P2SH", |r| mix::base58check(r, &[0x05])),
        ("Litecoin", |r| mix::base58check(r, &[0x30])),
        ("Zcash t1", |r| mix::base58check(r, &[0x1c, 0xb8])),
        ("segwit v0", |r| mix::segwit_v0(r, "bc")),
        ("Litecoin segwit", |r| mix::segwit_v0(r, "ltc")),
        ("taproot", mix::taproot),
        ("Tron", mix::tron),
        ("Solana", mix::solana),
    ];
    for (name, generate) in generators {
        for _ in 0..2_000 {
            let a = generate(&mut rng);
            // An EIP-55 form whose letters happen to be all lower or all upper
            // case carries no checksum: it cannot be told canonical unhashed.
            let expect = *name != "EIP-55"
                || a[2..].bytes().any(|b| b.is_ascii_lowercase()) == a[2..].bytes().any(|b| b.is_ascii_uppercase());
            assert_eq!(borrowed(&a), expect, "{name} {a}: canonical text borrowed?");
            // Surrounding whitespace and URI wrappers are cleaned away first.
            assert_eq!(borrowed(&format!(" {a}\t")), expect, "{name} {a}: padded");
            for v in variants(&a) {
                if parse_text(&v).is_ok() {
                    borrowed(&v);
                }
            }
        }
    }
}

#[test]
fn other_forms_are_computed() {
    let mut rng = Rng(56);
    for _ in 0..2_000 {
        let lower = mix::evm_lower(&mut rng);
        let has_letters = lower[2..].bytes().any(|b| b.is_ascii_alphabetic());
        assert_eq!(borrowed(&lower), !has_letters, "{lower}");
        let canonical = parse_text(&lower).unwrap().normalized().into_owned();
        assert_eq!(borrowed(&canonical.to_ascii_uppercase().replacen("0X", "0x", 1)), !has_letters);
        // Tron's hex forms print as `T…`.
        let tron = mix::tron(&mut rng);
        let raw = bs58::decode(&tron).with_check(None).into_vec().unwrap();
        assert!(!borrowed(&hex::encode(&raw)));
        assert!(!borrowed(&format!("0x{}", hex::encode(&raw))));
        // Upper-case bech32 prints lower case.
        assert!(!borrowed(&mix::segwit_v0(&mut rng, "bc").to_ascii_uppercase()));
        // CashAddr is always printed again (cheap: no hash).
        let cash = mix::cashaddr(&mut rng);
        assert!(!borrowed(&cash));
        assert!(!borrowed(cash.trim_start_matches("bitcoincash:")));
    }
}

/// EIP-55's own examples (all canonical: borrowed) and BIP-173/350 vectors.
#[test]
fn official_vectors() {
    for a in [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
    ] {
        assert!(borrowed(a), "{a}");
    }
    for a in ["BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"] {
        assert!(!borrowed(a), "{a}");
    }
}

#[test]
fn bitcoin_cash_keys_print_as_cashaddr() {
    // A legacy `1…` text read as Bitcoin is canonical; the same key read as
    // Bitcoin Cash prints as CashAddr.
    let mut rng = Rng(57);
    let hash = rng.bytes::<20>();
    let key = Key::new(0x02, &[&[0x00], &hash]);
    let legacy = Address { chain: Chain::Bitcoin, key }.normalized();
    assert!(borrowed(&legacy));
    let cash = Address { chain: Chain::BitcoinCash, key }.normalized();
    assert!(cash.starts_with("bitcoincash:q"));
    assert!(!borrowed(&cash));
}
