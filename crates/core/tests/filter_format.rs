//! The filter file: round trips, determinism, size and false-positive bounds,
//! and refusal of every damaged file.

use addrcheck_core::address::Key;
use addrcheck_core::filter::{Filter, FilterBuilder, Inserted, Label, LoadError, Lookup, FORMAT_VERSION, MAGIC};

#[path = "../benches/mix.rs"]
mod mix;
use mix::Rng;

/// A random EVM account key.
fn evm_key(rng: &mut Rng) -> Key {
    Key::new(0x01, &[&rng.bytes::<20>()])
}

fn label(source: u16, name: &str) -> Label {
    Label { source, names: vec![name.to_string()], assets: vec!["ETH".into()] }
}

fn build(keys: &[Key], fp: f64, details: bool) -> Vec<u8> {
    let mut b = FilterBuilder::new("test list");
    let s = b.add_source("Test source", "2025-11-27");
    b.fp_rate(fp).details(details);
    for (i, k) in keys.iter().enumerate() {
        b.insert(k, label(s, &format!("entity {}", i % 7)));
    }
    b.build().expect("build")
}

fn small_filter() -> Vec<u8> {
    let mut rng = Rng(1);
    let keys: Vec<Key> = (0..50).map(|_| evm_key(&mut rng)).collect();
    build(&keys, 1e-6, true)
}

#[test]
fn no_false_negatives_over_a_million_keys() {
    let mut rng = Rng(42);
    let keys: Vec<Key> = (0..1_000_000).map(|_| evm_key(&mut rng)).collect();
    let bytes = build(&keys, 1e-6, true);
    let f = Filter::from_bytes(&bytes).expect("load");
    assert_eq!(f.metadata().keys, 1_000_000);
    for (i, k) in keys.iter().enumerate() {
        match f.lookup(k) {
            Lookup::Listed(labels) => {
                assert_eq!(labels.len(), 1);
                assert_eq!(labels[0].names, vec![format!("entity {}", i % 7)]);
            }
            other => panic!("key {i} not confirmed: {other:?}"),
        }
    }
}

#[test]
fn bits_per_key_within_bound() {
    // Size: bits per key at most 1.45 × log2(1/ε) for the Bloom part.
    for (n, fp) in [(1_000usize, 1e-9), (100_000, 1e-6), (10_000, 1e-3)] {
        let mut rng = Rng(n as u64);
        let keys: Vec<Key> = (0..n).map(|_| evm_key(&mut rng)).collect();
        let f = Filter::from_bytes(&build(&keys, fp, false)).unwrap();
        let bound = 1.45 * (1.0 / fp).log2();
        assert!(f.bits_per_key() <= bound, "n={n} fp={fp}: {} > {bound}", f.bits_per_key());
        assert!(f.bits_per_key() >= 1.40 * (1.0 / fp).log2(), "suspiciously small filter");
    }
}

#[test]
fn measured_false_positive_rate_near_target() {
    // 1e-3 so that a million probes see about a thousand false positives.
    let target = 1e-3;
    let mut rng = Rng(7);
    let keys: Vec<Key> = (0..20_000).map(|_| evm_key(&mut rng)).collect();
    let f = Filter::from_bytes(&build(&keys, target, false)).unwrap();
    let probes = 1_000_000;
    let mut other = Rng(0xDEAD_BEEF);
    let hits = (0..probes).filter(|_| f.bloom_contains(&evm_key(&mut other))).count();
    let rate = hits as f64 / probes as f64;
    assert!(rate <= 1.5 * target, "measured {rate}, target {target}");
    assert!(rate >= target / 3.0, "measured {rate} implausibly low for target {target}");
}

#[test]
fn details_rule_out_bloom_false_positives() {
    let mut rng = Rng(9);
    let keys: Vec<Key> = (0..2_000).map(|_| evm_key(&mut rng)).collect();
    let with = Filter::from_bytes(&build(&keys, 0.2, true)).unwrap();
    let without = Filter::from_bytes(&build(&keys, 0.2, false)).unwrap();
    let mut other = Rng(99);
    let mut possible = 0;
    for _ in 0..2_000 {
        let k = evm_key(&mut other);
        // A non-member is never confirmed; without details a Bloom hit is "possible".
        assert_eq!(with.lookup(&k), Lookup::Miss);
        match without.lookup(&k) {
            Lookup::Possible => possible += 1,
            Lookup::Miss => {}
            Lookup::Listed(_) => panic!("listed without details"),
        }
    }
    assert!(possible > 100, "fp 0.2 should give many possible matches, got {possible}");
    assert!(!without.has_details());
    assert_eq!(without.lookup(&keys[0]), Lookup::Possible);
}

#[test]
fn same_inputs_in_any_order_give_identical_bytes() {
    let mut rng = Rng(3);
    let keys: Vec<Key> = (0..5_000).map(|_| evm_key(&mut rng)).collect();
    let mut b1 = FilterBuilder::new("l");
    let s1 = b1.add_source("A", "2025-01-01");
    let t1 = b1.add_source("B", "2025-02-01");
    for (i, k) in keys.iter().enumerate() {
        b1.insert(k, label(s1, "x"));
        if i % 3 == 0 {
            b1.insert(k, label(t1, &format!("y{}", i % 5)));
        }
    }
    let mut b2 = FilterBuilder::new("l");
    let s2 = b2.add_source("A", "2025-01-01");
    let t2 = b2.add_source("B", "2025-02-01");
    for (i, k) in keys.iter().enumerate().rev() {
        if i % 3 == 0 {
            b2.insert(k, label(t2, &format!("y{}", i % 5)));
        }
        b2.insert(k, label(s2, "x"));
        b2.insert(k, label(s2, "x"));
    }
    assert_eq!(b1.build().unwrap(), b2.build().unwrap());
}

#[test]
fn duplicates_merge_and_keep_every_label() {
    let k = Key::new(0x01, &[&[5; 20]]);
    let mut b = FilterBuilder::new("l");
    let a = b.add_source("A", "2024-09-27");
    let c = b.add_source("C", "2025-11-27");
    assert_eq!(b.insert(&k, label(a, "first")), Inserted::New);
    assert_eq!(b.insert(&k, label(a, "first")), Inserted::Duplicate, "same source again");
    assert_eq!(b.insert(&k, label(c, "second")), Inserted::New, "first time from this source");
    assert_eq!(b.insert(&Key::new(0x01, &[&[6; 20]]), label(c, "other")), Inserted::New);
    assert_eq!(b.distinct_keys(), 2);
    let f = Filter::from_bytes(&b.build().unwrap()).unwrap();
    let meta = f.metadata();
    assert_eq!(meta.built_at, "2025-11-27", "defaults to the newest source date");
    assert_eq!(meta.sources[0].entries, 1);
    assert_eq!(meta.sources[1].entries, 2);
    let Lookup::Listed(labels) = f.lookup(&k) else { panic!("not listed") };
    let mut names: Vec<_> = labels.iter().map(|l| (f.source(l).name.as_str(), l.names[0].as_str())).collect();
    names.sort();
    assert_eq!(names, vec![("A", "first"), ("C", "second")]);
}

#[test]
fn metadata_round_trips() {
    let mut b = FilterBuilder::new("OFAC list — Ünïcode غزة");
    let s = b.add_source("OFAC SDN", "2025-11-27");
    b.fp_rate(1e-7).built_at("2025-12-01");
    b.insert(&Key::new(0x01, &[&[1; 20]]), label(s, "Имя"));
    let bytes = b.build().unwrap();
    let f = Filter::from_bytes(&bytes).unwrap();
    let m = f.metadata();
    assert_eq!(m.list_name, "OFAC list — Ünïcode غزة");
    assert_eq!(m.built_at, "2025-12-01");
    assert_eq!(m.fp_rate, 1e-7);
    assert_eq!(m.keys, 1);
    assert_eq!(m.key_scheme, addrcheck_core::address::KEY_SCHEME_VERSION);
    assert_eq!(f.size_bytes(), bytes.len());
    use sha2::Digest;
    assert_eq!(f.sha256_hex(), hex::encode(sha2::Sha256::digest(&bytes)), "whole-file SHA-256");
    assert_eq!(f.content_digest_hex(), hex::encode(&bytes[bytes.len() - 32..]));
    assert_eq!(&bytes[..8], &MAGIC);
}

#[test]
fn every_single_byte_flip_is_refused() {
    let bytes = small_filter();
    assert!(Filter::from_bytes(&bytes).is_ok());
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x01;
        let err = Filter::from_bytes(&bad).expect_err(&format!("flip at {i} accepted"));
        match i {
            0..=7 => assert_eq!(err, LoadError::WrongMagic, "at {i}"),
            8..=9 => assert!(matches!(err, LoadError::UnsupportedVersion { .. }), "at {i}: {err}"),
            _ => assert!(matches!(err, LoadError::Corrupt | LoadError::Truncated), "at {i}: {err}"),
        }
    }
}

#[test]
fn every_truncation_is_refused() {
    let bytes = small_filter();
    for len in 0..bytes.len() {
        let err = Filter::from_bytes(&bytes[..len]).expect_err(&format!("prefix {len} accepted"));
        assert!(matches!(err, LoadError::Truncated | LoadError::Corrupt), "len {len}: {err}");
    }
    // A cut inside the sections is named as a truncation.
    assert_eq!(Filter::from_bytes(&bytes[..bytes.len() / 2]).unwrap_err(), LoadError::Truncated);
    assert_eq!(Filter::from_bytes(&[]).unwrap_err(), LoadError::Truncated);
}

#[test]
fn trailing_bytes_are_refused() {
    let mut bytes = small_filter();
    bytes.push(0);
    assert_eq!(Filter::from_bytes(&bytes).unwrap_err(), LoadError::Corrupt);
}

#[test]
fn newer_version_and_foreign_files_are_named() {
    let mut bytes = small_filter();
    bytes[8..10].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
    let err = Filter::from_bytes(&bytes).unwrap_err();
    assert_eq!(err, LoadError::UnsupportedVersion { found: FORMAT_VERSION + 1, supported: FORMAT_VERSION });
    assert!(err.to_string().contains("not supported"));
    assert_eq!(err.code(), "unsupportedVersion");
    assert_eq!(Filter::from_bytes(b"<html>not a filter</html>").unwrap_err(), LoadError::WrongMagic);
    assert_eq!(Filter::from_bytes(b"ADD").unwrap_err(), LoadError::Truncated);
    assert_eq!(LoadError::Corrupt.code(), "corrupt");
    assert_eq!(LoadError::Truncated.code(), "truncated");
}

#[test]
fn version_1_files_are_refused() {
    // Format 1 held the `bloomfilter` crate's filter, probed differently: a
    // checker reading it as format 2 would answer "clear" for listed keys. A
    // current file relabelled as version 1, digest re-computed so that only
    // the version is wrong, is refused by its version.
    use sha2::Digest;
    assert_eq!(FORMAT_VERSION, 2);
    let bytes = small_filter();
    let mut old = bytes[..bytes.len() - 32].to_vec();
    old[8..10].copy_from_slice(&1u16.to_le_bytes());
    let digest = sha2::Sha256::digest(&old);
    old.extend_from_slice(&digest);
    let err = Filter::from_bytes(&old).unwrap_err();
    let expected = LoadError::UnsupportedVersion { found: 1, supported: 2 };
    assert_eq!(err, expected);
    assert!(err.to_string().contains("version 1 is not supported"));
}

#[test]
fn random_bytes_after_a_valid_header_never_panic() {
    let mut rng = Rng(11);
    for len in 0..2_000usize {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        bytes.extend((0..len).map(|_| rng.next() as u8));
        assert!(Filter::from_bytes(&bytes).is_err());
    }
}

#[test]
fn one_sources_labels_for_a_key_merge_into_one() {
    // The same address in two asset files of one list, with overlapping names.
    let k = Key::new(0x01, &[&[8; 20]]);
    let eth = Label { source: 0, names: vec!["Garantex".into(), "Garantex Europe".into()], assets: vec!["ETH".into()] };
    let usdt = Label { source: 0, names: vec!["Garantex".into()], assets: vec!["USDT".into()] };
    let build = |first: &Label, second: &Label| {
        let mut b = FilterBuilder::new("l");
        b.add_source("OFAC SDN", "2025-11-27");
        b.insert(&k, first.clone());
        assert_eq!(b.insert(&k, second.clone()), Inserted::Duplicate);
        b.build().unwrap()
    };
    let bytes = build(&eth, &usdt);
    assert_eq!(bytes, build(&usdt, &eth), "merging does not depend on order");
    let f = Filter::from_bytes(&bytes).unwrap();
    let Lookup::Listed(labels) = f.lookup(&k) else { panic!("not listed") };
    assert_eq!(labels.len(), 1, "one label per source");
    let mut names = labels[0].names.clone();
    names.sort();
    assert_eq!(names, vec!["Garantex".to_string(), "Garantex Europe".to_string()]);
    assert_eq!(labels[0].assets, vec!["ETH".to_string(), "USDT".to_string()]);
    assert_eq!(f.metadata().sources[0].entries, 1);
}

#[test]
fn a_merged_label_equal_to_an_existing_one_is_stored_once() {
    // Key A: "X" with ETH and "X" with USDT from one source merge into
    // {X, [ETH, USDT]}, which key B already carries as is.
    let a = Key::new(0x01, &[&[1; 20]]);
    let b = Key::new(0x01, &[&[2; 20]]);
    let l = |assets: &[&str]| Label {
        source: 0,
        names: vec!["X".into()],
        assets: assets.iter().map(|s| s.to_string()).collect(),
    };
    let build = |order: &[(&Key, Label)]| {
        let mut fb = FilterBuilder::new("l");
        fb.add_source("S", "2025-11-27");
        for (k, label) in order {
            fb.insert(k, label.clone());
        }
        fb.build().unwrap()
    };
    let one = build(&[(&a, l(&["ETH"])), (&a, l(&["USDT"])), (&b, l(&["ETH", "USDT"]))]);
    let two = build(&[(&b, l(&["ETH", "USDT"])), (&a, l(&["USDT"])), (&a, l(&["ETH"]))]);
    assert_eq!(one, two);
    let f = Filter::from_bytes(&one).unwrap();
    let (Lookup::Listed(la), Lookup::Listed(lb)) = (f.lookup(&a), f.lookup(&b)) else { panic!("not listed") };
    assert!(std::ptr::eq(la[0], lb[0]), "both keys point at one stored label");
}

#[test]
fn several_lists_answer_as_one() {
    use addrcheck_core::filter::check_all;
    use addrcheck_core::Status;
    let listed = "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c";
    let key = addrcheck_core::parse(listed).unwrap().key;
    let one = |name: &str, details: bool| {
        let mut b = FilterBuilder::new(name);
        let s = b.add_source(name, "2025-11-27");
        b.details(details).insert(&key, label(s, name));
        Filter::from_bytes(&b.build().unwrap()).unwrap()
    };
    let (confirmed, unconfirmed, other) = (one("A", true), one("B", false), {
        let mut b = FilterBuilder::new("C");
        let s = b.add_source("C", "2025-11-27");
        b.insert(&Key::new(0x01, &[&[3; 20]]), label(s, "C"));
        Filter::from_bytes(&b.build().unwrap()).unwrap()
    });
    let c = check_all([&other, &unconfirmed, &confirmed], listed);
    assert_eq!(c.status, Status::Flagged, "a confirmation wins over a possible match");
    assert_eq!(c.matches.iter().map(|&(i, l)| (i, l.names[0].as_str())).collect::<Vec<_>>(), vec![(2, "A")]);
    assert_eq!(c.possible, vec![1]);
    assert_eq!(check_all([&other, &unconfirmed], listed).status, Status::Possible);
    assert_eq!(check_all([&other], listed).status, Status::Clear);
    assert_eq!(check_all([&other], "0x4F47bc496083C727c5fbe3CE9CDf2B0f6496270C").status, Status::Invalid);
    assert_eq!(check_all([&other], "hello").status, Status::Unrecognized);
}
