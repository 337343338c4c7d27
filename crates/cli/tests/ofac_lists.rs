//! Build from the real OFAC per-asset lists (2025-11-27) and check every
//! listed entry, its other textual forms, and random addresses.

mod common;

use addrcheck_core::{parse, Chain};
use common::*;
use std::collections::BTreeSet;

fn build_2025(dir: &std::path::Path) -> std::path::PathBuf {
    let out = dir.join("ofac.filter");
    let r = run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        "--source".as_ref(),
        "OFAC SDN".as_ref(),
        "--as-of".as_ref(),
        "2025-11-27".as_ref(),
        ofac("2025-11-27").as_os_str(),
    ]);
    assert!(
        r.stdout.contains("743 keys"),
        "README says 743 distinct addresses:\n{}",
        r.stdout
    );
    // The LICENSE file is recognised by content and skipped; the .json twins are counted once.
    assert!(
        r.stdout.contains("skipped") && r.stdout.contains("LICENSE"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("counted once: 17 files"), "{}", r.stdout);
    // The XMR 64-hex string is reported with file and line.
    assert!(
        r.stderr.contains("sanctioned_addresses_XMR.txt: line 2:")
            && r.stderr.contains("kept as an exact-text key"),
        "{}",
        r.stderr
    );
    out
}

#[test]
fn every_listed_entry_is_flagged_with_its_names() {
    let tmp = tempfile::tempdir().unwrap();
    let filter = build_2025(tmp.path());
    let entries = ofac_entries(&ofac("2025-11-27"));
    let inputs: Vec<String> = entries.iter().map(|e| e.address.clone()).collect();
    let (code, verdicts) = check_json(&filter, &inputs);
    assert_eq!(code, 1);
    for (e, v) in entries.iter().zip(&verdicts) {
        assert_eq!(v["input"], e.address.as_str());
        assert_eq!(
            v["status"], "flagged",
            "{} ({}) not flagged: {v}",
            e.address, e.asset
        );
        let names = label_names(v);
        for n in &e.names {
            assert!(
                names.contains(n),
                "{}: name {n:?} missing from {names:?}",
                e.address
            );
        }
        let assets: Vec<&str> = v["labels"][0]["assets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        assert!(
            assets.contains(&e.asset.as_str()),
            "{}: asset {} not in {assets:?}",
            e.address,
            e.asset
        );
        assert_eq!(
            label_sources(v),
            vec![("OFAC SDN".to_string(), "2025-11-27".to_string())]
        );
    }
    // Names in non-Latin scripts survive.
    assert!(verdicts
        .iter()
        .any(|v| label_names(v).iter().any(|n| n.contains("КАРАСАВИДИ"))));
    assert!(verdicts
        .iter()
        .any(|v| label_names(v).iter().any(|n| n.contains("پارسا"))));
    // The 64-hex XMR entry is not an address but is flagged as exact text.
    let hex64 = verdicts
        .iter()
        .find(|v| v["input"] == "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320");
    let hex64 = hex64.expect("64-hex entry");
    assert_eq!(hex64["status"], "flagged");
    assert!(hex64["normalized"].is_null() && hex64["chain"].is_null());
}

#[test]
fn other_forms_of_listed_addresses_are_flagged() {
    let tmp = tempfile::tempdir().unwrap();
    let filter = build_2025(tmp.path());
    let entries = ofac_entries(&ofac("2025-11-27"));
    let mut variants: Vec<(String, String)> = Vec::new(); // (variant, original)
    let (mut evm, mut bch, mut tron) = (0, 0, 0);
    for e in &entries {
        let Ok(a) = parse(&e.address) else { continue };
        match a.chain {
            Chain::Evm => {
                evm += 1;
                variants.push((e.address.to_lowercase(), e.address.clone()));
                variants.push((
                    format!("0x{}", e.address[2..].to_uppercase()),
                    e.address.clone(),
                ));
                variants.push((a.normalized(), e.address.clone()));
            }
            Chain::BitcoinCash => {
                bch += 1;
                // Legacy Base58Check: the key's payload is version byte + hash160.
                let legacy = bs58::encode(a.key.payload()).with_check().into_string();
                assert!(
                    legacy.starts_with('1') || legacy.starts_with('3'),
                    "{legacy}"
                );
                variants.push((legacy, e.address.clone()));
                variants.push((format!("bitcoincash:{}", e.address), e.address.clone()));
            }
            Chain::Tron => {
                tron += 1;
                let hex = hex::encode(a.key.payload());
                assert!(hex.starts_with("41") && hex.len() == 42, "{hex}");
                variants.push((hex.clone(), e.address.clone()));
                variants.push((hex.to_uppercase(), e.address.clone()));
            }
            _ => {}
        }
    }
    assert!(
        evm >= 80 && bch >= 5 && tron >= 100,
        "evm {evm}, bch {bch}, tron {tron}"
    );
    let inputs: Vec<String> = variants.iter().map(|(v, _)| v.clone()).collect();
    let (code, verdicts) = check_json(&filter, &inputs);
    assert_eq!(code, 1);
    for ((variant, original), v) in variants.iter().zip(&verdicts) {
        assert_eq!(
            v["status"], "flagged",
            "{variant} (form of {original}) not flagged: {v}"
        );
        assert!(!label_names(v).is_empty(), "{variant}: no names");
    }
}

#[test]
fn random_addresses_are_clear() {
    let tmp = tempfile::tempdir().unwrap();
    let filter = build_2025(tmp.path());
    let listed: BTreeSet<String> = ofac_entries(&ofac("2025-11-27"))
        .iter()
        .map(|e| e.address.to_lowercase())
        .collect();
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let inputs: Vec<String> = (0..10_000)
        .map(|_| format!("0x{}", hex::encode(rng.bytes(20))))
        .filter(|a| !listed.contains(a))
        .collect();
    assert_eq!(inputs.len(), 10_000);
    let (code, verdicts) = check_json(&filter, &inputs);
    assert_eq!(code, 0, "no random address may be flagged or possible");
    for v in &verdicts {
        assert_eq!(v["status"], "clear", "{v}");
        assert_eq!(v["chain"], "evm");
        assert!(v["labels"].as_array().unwrap().is_empty());
    }
}
