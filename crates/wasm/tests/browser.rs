//! The JavaScript API of the crate, exercised from Rust in a real browser
//! (wasm32 in headless Chromium), with the bundled OFAC filter.
//!
//! Run by scripts/test-wasm-module.sh:
//!   CHROMEDRIVER=/usr/bin/chromedriver \
//!   CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!   cargo test -p addrcheck-wasm --target wasm32-unknown-unknown --test browser
//!
//! Every method is called as JavaScript would call it (JsValue in, JsValue
//! out); results are read back through serde, errors through their `code`.
//! The OFAC lists of 2025-11-27 are read from ../shared at compile time.
#![cfg(target_arch = "wasm32")]

use addrcheck_core::filter::Label;
use addrcheck_core::{parse, FilterBuilder, Key};
use addrcheck_wasm::types::is_addrcheck_error;
use addrcheck_wasm::Checker;
use js_sys::{Array, Object, Reflect, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

// Formatted as a file of the core (its rustfmt.toml), not of this crate.
#[rustfmt::skip]
#[path = "../../core/tests/support/ofac_lists.rs"]
mod ofac_lists;
use ofac_lists::{entries, FILTER};

#[derive(Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CheckResult {
    input: String,
    status: String,
    chain: Option<String>,
    chain_name: Option<String>,
    normalized: Option<String>,
    reason: Option<String>,
    matches: Vec<Match>,
    possible_matches: Vec<PossibleMatch>,
}

#[derive(Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Match {
    list: String,
    source: String,
    as_of: String,
    names: Vec<String>,
    assets: Vec<String>,
}

#[derive(Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct PossibleMatch {
    list: String,
    fp_rate: f64,
    sources: Vec<Source>,
}

#[derive(Deserialize, Debug, PartialEq, Clone)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Source {
    name: String,
    as_of: String,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ListInfo {
    name: String,
    sources: Vec<ListSource>,
    keys: u64,
    fp_rate: f64,
    has_details: bool,
    sha256: String,
    size_bytes: u64,
    built_at: String,
    key_scheme: u16,
}

#[derive(Deserialize, Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ListSource {
    name: String,
    as_of: String,
    entries: u64,
}

fn bytes(b: &[u8]) -> JsValue {
    Uint8Array::from(b).into()
}

fn checker() -> Checker {
    Checker::from_bytes(bytes(FILTER)).expect("www/ofac.filter verifies")
}

fn plain(value: &JsValue) {
    assert!(value.is_object());
    let proto = Object::get_prototype_of(value);
    let object_prototype = Object::get_prototype_of(&Object::new().into());
    assert!(
        proto == object_prototype || Array::is_array(value),
        "not a plain object or array: {value:?}"
    );
}

fn result(value: JsValue) -> CheckResult {
    plain(&value);
    serde_wasm_bindgen::from_value(value).expect("a CheckResult")
}

fn check(c: &Checker, input: &str) -> CheckResult {
    result(
        c.check(JsValue::from_str(input))
            .expect("check does not throw"),
    )
}

fn options(normalized: bool) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"normalized".into(), &normalized.into()).unwrap();
    o.into()
}

fn check_many(c: &Checker, input: JsValue, opts: JsValue) -> Vec<CheckResult> {
    let out = c.check_many(input, opts).expect("checkMany does not throw");
    assert!(Array::is_array(&out));
    Array::from(&out).iter().map(result).collect()
}

fn strings(items: &[String]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// (name, code) of a thrown AddrcheckError.
fn error_code(e: JsValue) -> String {
    assert!(e.is_instance_of::<js_sys::Error>(), "not an Error: {e:?}");
    assert!(is_addrcheck_error(&e));
    let name = Reflect::get(&e, &"name".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(name, "AddrcheckError");
    let message = Reflect::get(&e, &"message".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert!(!message.is_empty());
    Reflect::get(&e, &"code".into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn load_code(b: &[u8]) -> String {
    error_code(Checker::from_bytes(bytes(b)).err().expect("refused"))
}

/// xorshift64*: deterministic "random" bytes, the same on every run.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        for chunk in b.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes()[..chunk.len()]);
        }
        b
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Valid addresses of several families, none of them listed (random keys).
fn random_valid(rng: &mut Rng) -> Vec<String> {
    let mut out = Vec::new();
    for _ in 0..200 {
        let evm = format!("0x{}", hex(&rng.bytes::<20>()));
        // The EIP-55 form comes from the checker's own normalized output;
        // tests against the list's mixed-case entries check that form.
        out.push(evm.clone());
        let p2pkh: Vec<u8> = [&[0x00][..], &rng.bytes::<20>()].concat();
        out.push(bs58::encode(p2pkh).with_check().into_string());
        let tron: Vec<u8> = [&[0x41][..], &rng.bytes::<20>()].concat();
        out.push(bs58::encode(tron).with_check().into_string());
        out.push(bs58::encode(rng.bytes::<32>()).into_string());
    }
    out
}

#[wasm_bindgen_test]
fn every_listed_entry_is_flagged_with_its_names() {
    let c = checker();
    let entries = entries();
    assert!(entries.len() > 700, "{} entries", entries.len());
    let inputs: Vec<String> = entries.iter().map(|e| e.address.to_string()).collect();
    let batch = check_many(&c, strings(&inputs), JsValue::UNDEFINED);
    assert_eq!(batch.len(), entries.len());
    let mut failures = Vec::new();
    for (e, many) in entries.iter().zip(&batch) {
        let one = check(&c, e.address);
        for r in [&one, many] {
            if r.status != "flagged" {
                failures.push(format!("{} ({}): {}", e.address, e.asset, r.status));
                continue;
            }
            assert_eq!(r.input, e.address);
            let names: Vec<&str> = r
                .matches
                .iter()
                .flat_map(|m| m.names.iter().map(String::as_str))
                .collect();
            let assets: Vec<&str> = r
                .matches
                .iter()
                .flat_map(|m| m.assets.iter().map(String::as_str))
                .collect();
            for n in &e.names {
                if !names.contains(n) {
                    failures.push(format!("{}: name {n:?} missing from {names:?}", e.address));
                }
            }
            if !assets.contains(&e.asset) {
                failures.push(format!(
                    "{}: asset {} missing from {assets:?}",
                    e.address, e.asset
                ));
            }
            for m in &r.matches {
                assert_eq!(m.list, "OFAC sanctioned digital currency addresses");
                assert_eq!(m.source, "OFAC SDN");
                assert_eq!(m.as_of, "2025-11-27");
            }
            assert!(r.possible_matches.is_empty());
        }
    }
    assert!(
        failures.is_empty(),
        "{} wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn other_forms_of_listed_addresses_are_flagged() {
    let c = checker();
    let mut forms = Vec::new();
    for e in entries() {
        let Ok(address) = parse(e.address) else {
            continue;
        };
        let payload = address.key.payload().to_vec();
        match address.chain.id() {
            "evm" => {
                let digits = &e.address[2..];
                forms.push(format!("0x{}", digits.to_lowercase()));
                forms.push(format!("0x{}", digits.to_uppercase()));
                forms.push(format!("  {}\n", e.address));
                forms.push(format!("ethereum:{}@1", e.address));
            }
            // Bitcoin Cash: the list has CashAddr without prefix; the prefixed
            // and the legacy Base58 forms are the same account.
            "bitcoin-cash" => {
                forms.push(format!("bitcoincash:{}", e.address));
                forms.push(bs58::encode(&payload).with_check().into_string());
            }
            // Tron: the hex forms of the same account.
            "tron" => {
                forms.push(hex(&payload));
                forms.push(format!("0x{}", hex(&payload)));
            }
            _ => forms.push(format!("\u{200B}{}\u{FEFF}", e.address)),
        }
    }
    assert!(forms.len() > 700);
    let batch = check_many(&c, strings(&forms), options(true));
    for (form, r) in forms.iter().zip(&batch) {
        assert_eq!(r.status, "flagged", "{form:?}");
        assert!(!r.matches.is_empty(), "{form:?}");
        assert_eq!(
            &check(&c, form),
            r,
            "check and checkMany differ on {form:?}"
        );
    }
}

#[wasm_bindgen_test]
fn the_normalized_form_is_the_listed_checksummed_one() {
    let c = checker();
    let mut seen = 0;
    for e in entries() {
        let digits = e.address.strip_prefix("0x").unwrap_or("");
        let mixed = digits.len() == 40
            && digits.chars().any(|ch| ch.is_ascii_lowercase())
            && digits.chars().any(|ch| ch.is_ascii_uppercase());
        if mixed {
            let lower = format!("0x{}", digits.to_lowercase());
            assert_eq!(check(&c, &lower).normalized.as_deref(), Some(e.address));
            seen += 1;
        }
    }
    assert!(seen > 30, "{seen} EIP-55 entries");
}

#[wasm_bindgen_test]
fn random_valid_addresses_are_clear() {
    let c = checker();
    let inputs = random_valid(&mut Rng(0x9e37_79b9_7f4a_7c15));
    let batch = check_many(&c, strings(&inputs), options(true));
    for (input, r) in inputs.iter().zip(&batch) {
        assert_eq!(r.status, "clear", "{input}");
        assert!(
            r.chain.is_some() && r.chain_name.is_some() && r.normalized.is_some(),
            "{r:?}"
        );
        assert!(r.matches.is_empty() && r.reason.is_none(), "{r:?}");
    }
}

#[wasm_bindgen_test]
fn bad_checksums_are_invalid_with_a_reason() {
    let c = checker();
    let mut bad = Vec::new();
    for e in entries() {
        let a = e.address;
        let digits = a.strip_prefix("0x").unwrap_or("");
        let mixed = digits.len() == 40
            && digits.chars().any(|ch| ch.is_ascii_uppercase())
            && digits.chars().any(|ch| ch.is_ascii_lowercase());
        if mixed {
            // Flip the case of the first letter: EIP-55 no longer holds.
            let i = a
                .char_indices()
                .skip(2)
                .find(|(_, ch)| ch.is_ascii_alphabetic())
                .unwrap()
                .0;
            let ch = a.as_bytes()[i] as char;
            let flipped = if ch.is_ascii_uppercase() {
                ch.to_ascii_lowercase()
            } else {
                ch.to_ascii_uppercase()
            };
            bad.push(format!("{}{}{}", &a[..i], flipped, &a[i + 1..]));
        } else if a.starts_with('1') || a.starts_with('3') || a.starts_with('T') {
            // Base58Check: change the last character to another valid one.
            let last = a.chars().last().unwrap();
            let other = if last == '2' { '3' } else { '2' };
            bad.push(format!("{}{}", &a[..a.len() - 1], other));
        }
    }
    assert!(bad.len() > 100, "{}", bad.len());
    let batch = check_many(&c, strings(&bad), JsValue::UNDEFINED);
    for (input, r) in bad.iter().zip(&batch) {
        assert_eq!(r.status, "invalid", "{input}: {r:?}");
        assert!(r.chain.is_some(), "{input}");
        let reason = r.reason.as_deref().unwrap_or("");
        assert!(reason.contains("checksum"), "{input}: {reason}");
        assert!(r.normalized.is_none() && r.matches.is_empty());
    }
}

#[wasm_bindgen_test]
fn damaged_filters_throw_with_the_right_code() {
    let mut flipped = FILTER.to_vec();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x01;
    assert_eq!(load_code(&flipped), "corrupt");
    assert_eq!(load_code(&FILTER[..FILTER.len() / 2]), "truncated");
    assert_eq!(load_code(&[]), "truncated");
    assert_eq!(load_code(b"PK\x03\x04 not a filter at all"), "wrongMagic");
    let mut newer = FILTER.to_vec();
    newer[8] = 0x7f; // format version (u16 after the 8-byte magic)
    assert_eq!(load_code(&newer), "unsupportedVersion");
    for not_bytes in [
        JsValue::from_str("ofac.filter"),
        JsValue::NULL,
        JsValue::from_f64(1.0),
        Array::new().into(),
    ] {
        let e = Checker::from_bytes(not_bytes).err().expect("refused");
        assert_eq!(error_code(e), "invalidArgument");
    }
    // An ArrayBuffer is accepted like a Uint8Array.
    let buffer = Uint8Array::from(FILTER).buffer();
    assert!(Checker::from_bytes(buffer.into()).is_ok());
}

#[wasm_bindgen_test]
fn bad_arguments_throw_instead_of_answering() {
    let c = checker();
    for not_string in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_f64(42.0),
        Object::new().into(),
    ] {
        assert_eq!(
            error_code(c.check(not_string).err().unwrap()),
            "invalidArgument"
        );
    }
    let mixed: Array = [JsValue::from_str("0x00"), JsValue::from_f64(1.0)]
        .iter()
        .collect();
    assert_eq!(
        error_code(
            c.check_many(mixed.into(), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "invalidArgument"
    );
    assert_eq!(
        error_code(
            c.check_many(JsValue::from_f64(1.0), JsValue::UNDEFINED)
                .err()
                .unwrap()
        ),
        "invalidArgument"
    );
    assert_eq!(
        error_code(
            c.check_many(JsValue::from_str("x"), JsValue::from_str("yes"))
                .err()
                .unwrap()
        ),
        "invalidArgument"
    );
    let bad_option = Object::new();
    Reflect::set(&bad_option, &"normalized".into(), &"yes".into()).unwrap();
    assert_eq!(
        error_code(
            c.check_many(JsValue::from_str("x"), bad_option.into())
                .err()
                .unwrap()
        ),
        "invalidArgument"
    );
    // Empty and odd inputs get verdicts, not errors.
    assert_eq!(check(&c, "").status, "invalid");
    assert_eq!(check(&c, "hello world").status, "unrecognized");
    assert_eq!(check(&c, &"x".repeat(100_000)).status, "unrecognized");
    assert!(check_many(&c, JsValue::from_str(" ,\n"), JsValue::UNDEFINED).is_empty());
}

/// Mixed inputs: listed entries, their variants, random valid addresses, bad
/// checksums, junk, unicode, empty strings.
fn mixed_inputs(n: usize) -> Vec<String> {
    let mut rng = Rng(7);
    let listed: Vec<String> = entries().iter().map(|e| e.address.to_string()).collect();
    let valid = random_valid(&mut rng);
    let junk = [
        "",
        " ",
        "hello",
        "0x",
        "0x123",
        "bc1qqqqq",
        "é😀",
        "\u{200B}",
        "ethereum:",
        "1111111111111111111114oLvT2",
        "TLa2f6VPqDgRE67v1736s7bJ8Ray5wYjU7",
    ];
    (0..n)
        .map(|i| match rng.next() % 4 {
            0 => listed[i % listed.len()].clone(),
            1 => valid[i % valid.len()].clone(),
            2 => {
                let v = &valid[(i * 7) % valid.len()];
                format!(
                    "{}{}",
                    &v[..v.len() - 1],
                    if v.ends_with('a') { 'b' } else { 'a' }
                )
            }
            _ => junk[i % junk.len()].to_string(),
        })
        .collect()
}

#[wasm_bindgen_test]
fn check_many_agrees_with_check_on_10000_mixed_inputs() {
    let c = checker();
    let inputs = mixed_inputs(10_000);
    let full = check_many(&c, strings(&inputs), options(true));
    let fast = check_many(&c, strings(&inputs), JsValue::UNDEFINED);
    assert_eq!(full.len(), inputs.len());
    let mut statuses = std::collections::BTreeSet::new();
    for ((input, f), q) in inputs.iter().zip(&full).zip(&fast) {
        let one = check(&c, input);
        assert_eq!(&one, f, "{input:?}");
        let mut without = one.clone();
        without.normalized = None;
        assert_eq!(&without, q, "{input:?}");
        statuses.insert(one.status);
    }
    assert_eq!(
        statuses.len(),
        4,
        "flagged, clear, invalid, unrecognized: {statuses:?}"
    );

    // As a pasted text: the non-blank inputs without separators, in order.
    let pasted: Vec<&String> = inputs
        .iter()
        .filter(|s| !s.is_empty() && !s.chars().any(|c| c.is_whitespace() || c == ','))
        .collect();
    let text = pasted
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join("\n, ");
    let from_text = check_many(&c, JsValue::from_str(&text), options(true));
    assert_eq!(from_text.len(), pasted.len());
    for (input, r) in pasted.iter().zip(&from_text) {
        assert_eq!(&r.input, *input);
        assert_eq!(&check(&c, input), r);
    }
}

fn small_list(name: &str, source: &str, details: bool, addresses: &[&str]) -> Vec<u8> {
    let mut b = FilterBuilder::new(name);
    b.details(details);
    let s = b.add_source(source, "2025-11-20");
    for a in addresses {
        let key = parse(a).map(|a| a.key).unwrap_or_else(|_| Key::exact(a));
        b.insert(
            &key,
            Label {
                source: s,
                names: vec![format!("{source} entity")],
                assets: vec![],
            },
        );
    }
    b.build().unwrap()
}

#[wasm_bindgen_test]
fn several_lists_combine() {
    let ofac_eth = entries()
        .into_iter()
        .find(|e| e.asset == "ETH")
        .unwrap()
        .address;
    let other = "0x00000000000000000000000000000000000000aa";
    let unconfirmed = "0x00000000000000000000000000000000000000bb";
    let mut c = checker();
    c.add_list(bytes(&small_list(
        "Scam list",
        "Scams",
        true,
        &[ofac_eth, other],
    )))
    .unwrap();
    c.add_list(bytes(&small_list(
        "Bare list",
        "Bare",
        false,
        &[unconfirmed],
    )))
    .unwrap();

    let both = check(&c, ofac_eth);
    assert_eq!(both.status, "flagged");
    let lists: Vec<&str> = both.matches.iter().map(|m| m.list.as_str()).collect();
    assert!(
        lists.contains(&"OFAC sanctioned digital currency addresses")
            && lists.contains(&"Scam list"),
        "{lists:?}"
    );

    let only_second = check(&c, other);
    assert_eq!(only_second.status, "flagged");
    assert_eq!(only_second.matches.len(), 1);
    assert_eq!(only_second.matches[0].source, "Scams");
    assert_eq!(only_second.matches[0].as_of, "2025-11-20");

    let possible = check(&c, unconfirmed);
    assert_eq!(possible.status, "possible");
    assert!(possible.matches.is_empty());
    assert_eq!(possible.possible_matches.len(), 1);
    let p = &possible.possible_matches[0];
    assert_eq!(p.list, "Bare list");
    assert!(p.fp_rate > 0.0 && p.fp_rate < 0.01);
    assert_eq!(p.sources[0].name, "Bare");

    assert_eq!(
        check(&c, "0x00000000000000000000000000000000000000cc").status,
        "clear"
    );

    let infos: Vec<ListInfo> = serde_wasm_bindgen::from_value(c.info().unwrap()).unwrap();
    assert_eq!(infos.len(), 3);
    assert_eq!(infos[0].name, "OFAC sanctioned digital currency addresses");
    assert_eq!(infos[0].sources[0].name, "OFAC SDN");
    assert_eq!(infos[0].sources[0].as_of, "2025-11-27");
    assert!(infos[0].sources[0].entries > 700);
    assert!(infos[0].keys > 700 && infos[0].has_details);
    assert_eq!(infos[0].size_bytes, FILTER.len() as u64);
    assert_eq!(infos[0].sha256.len(), 64);
    assert!(infos[0].fp_rate > 0.0 && infos[0].fp_rate < 1e-6);
    assert_eq!(infos[0].built_at, "2025-11-27");
    assert_eq!(
        infos[0].key_scheme,
        addrcheck_core::address::KEY_SCHEME_VERSION
    );
    assert_eq!((infos[1].name.as_str(), infos[1].keys), ("Scam list", 2));
    assert!(!infos[2].has_details);

    // The same file twice, or a damaged one, is refused and changes nothing.
    assert_eq!(
        error_code(c.add_list(bytes(FILTER)).err().unwrap()),
        "duplicateList"
    );
    let mut bad = small_list(
        "Other",
        "Other",
        true,
        &["0x00000000000000000000000000000000000000cc"],
    );
    let mid = bad.len() / 2;
    bad[mid] ^= 0x40;
    assert_eq!(
        error_code(c.add_list(bytes(&bad)).err().unwrap()),
        "corrupt"
    );
    let infos: Vec<ListInfo> = serde_wasm_bindgen::from_value(c.info().unwrap()).unwrap();
    assert_eq!(infos.len(), 3);
    assert_eq!(
        check(&c, "0x00000000000000000000000000000000000000cc").status,
        "clear"
    );
}

fn memory_bytes() -> f64 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let buffer: js_sys::ArrayBuffer = memory.buffer().unchecked_into();
    buffer.byte_length() as f64
}

#[wasm_bindgen_test]
fn creating_and_freeing_10000_checkers_keeps_memory_flat() {
    let filter = bytes(FILTER);
    let probe = JsValue::from_str("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c");
    let batch = JsValue::from_str(
        "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c\nbc1qxyz 1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
    );
    let cycle = || {
        let c = Checker::from_bytes(filter.clone()).unwrap();
        c.check(probe.clone()).unwrap();
        c.check_many(batch.clone(), JsValue::UNDEFINED).unwrap();
        drop(c); // what checker.free() does
    };
    for _ in 0..200 {
        cycle();
    }
    let before = memory_bytes();
    for _ in 0..10_000 {
        cycle();
    }
    let after = memory_bytes();
    assert_eq!(
        addrcheck_wasm::memory_bytes(),
        after,
        "memoryBytes() is the memory's size"
    );
    assert_eq!(
        after, before,
        "Wasm memory grew from {before} to {after} bytes over 10,000 checkers"
    );
}
