//! Several sources in one filter: two OFAC snapshots and ScamSniffer.
//! Labels merge, `inspect` shows each source, the Tornado Cash contracts
//! removed in 2025 are labelled with the 2024 source only, and the output
//! does not depend on argument order.

mod common;

use addrcheck_core::parse;
use common::*;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

const TORNADO_ROUTER: &str = "0xd90e2f925DA726b50C4Ed8D0Fb90Ad053324F31b";
const TORNADO_PROXY: &str = "0x722122dF12D4e14e13Ac3b6895a86e84145b6967";

fn group(name: &str, as_of: &str, input: &Path) -> Vec<OsString> {
    vec![
        "--source".into(),
        name.into(),
        "--as-of".into(),
        as_of.into(),
        input.into(),
    ]
}

fn build_three(out: &Path, reversed: bool) -> String {
    let mut groups = vec![
        group("OFAC SDN", "2024-09-27", &ofac("2024-09-27")),
        group("OFAC SDN", "2025-11-27", &ofac("2025-11-27")),
        group(
            "ScamSniffer",
            "2025-11-20",
            &shared().join("data/scamsniffer"),
        ),
    ];
    if reversed {
        groups.reverse();
    }
    let mut args: Vec<OsString> = vec!["build".into(), "-o".into(), out.into()];
    args.extend(groups.into_iter().flatten());
    run_ok(args).stdout
}

/// Key bytes -> address text, for every parseable entry of a folder.
fn keyed(dir: &Path) -> BTreeMap<Vec<u8>, String> {
    ofac_entries(dir)
        .into_iter()
        .filter_map(|e| {
            parse(&e.address)
                .ok()
                .map(|a| (a.key.as_bytes().to_vec(), e.address))
        })
        .collect()
}

fn ofac_2024_2025() -> (BTreeMap<Vec<u8>, String>, BTreeMap<Vec<u8>, String>) {
    (keyed(&ofac("2024-09-27")), keyed(&ofac("2025-11-27")))
}

#[test]
fn labels_merge_and_inspect_shows_every_source() {
    let tmp = tempfile::tempdir().unwrap();
    let filter = tmp.path().join("all.filter");
    let summary = build_three(&filter, false);
    assert!(
        summary.contains("\"ScamSniffer\" as of 2025-11-20"),
        "{summary}"
    );

    let inspect = run_ok(["inspect".as_ref(), filter.as_os_str()]).stdout;
    assert!(
        inspect.contains("OFAC SDN, as of 2024-09-27: 641 entries"),
        "{inspect}"
    );
    assert!(
        inspect.contains("OFAC SDN, as of 2025-11-27: 743 entries"),
        "{inspect}"
    );
    assert!(
        inspect.contains("ScamSniffer, as of 2025-11-20: 2,530 entries"),
        "{inspect}"
    );
    assert!(inspect.contains("Integrity:      OK"), "{inspect}");
    let j: serde_json::Value = serde_json::from_str(
        &run_ok(["inspect".as_ref(), "--json".as_ref(), filter.as_os_str()]).stdout,
    )
    .unwrap();
    let sources: Vec<(String, String, u64)> = j["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap().into(),
                s["asOf"].as_str().unwrap().into(),
                s["entries"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        sources,
        vec![
            ("OFAC SDN".into(), "2024-09-27".into(), 641),
            ("ScamSniffer".into(), "2025-11-20".into(), 2530),
            ("OFAC SDN".into(), "2025-11-27".into(), 743),
        ]
    );
    assert_eq!(j["listName"], "OFAC SDN + ScamSniffer");

    let (old, new) = ofac_2024_2025();
    let only_old: Vec<String> = old
        .iter()
        .filter(|(k, _)| !new.contains_key(*k))
        .map(|(_, a)| a.clone())
        .collect();
    let both: Vec<String> = old
        .iter()
        .filter(|(k, _)| new.contains_key(*k))
        .map(|(_, a)| a.clone())
        .collect();
    let only_new: Vec<String> = new
        .iter()
        .filter(|(k, _)| !old.contains_key(*k))
        .map(|(_, a)| a.clone())
        .collect();
    assert!(
        only_old.len() >= 90 && both.len() >= 500 && only_new.len() >= 100,
        "{} {} {}",
        only_old.len(),
        both.len(),
        only_new.len()
    );
    assert!(
        only_old.iter().any(|a| a == TORNADO_ROUTER) && only_old.iter().any(|a| a == TORNADO_PROXY)
    );

    let s2024 = ("OFAC SDN".to_string(), "2024-09-27".to_string());
    let s2025 = ("OFAC SDN".to_string(), "2025-11-27".to_string());
    let (_, v) = check_json(&filter, &only_old);
    for (a, v) in only_old.iter().zip(&v) {
        assert_eq!(v["status"], "flagged", "{a}");
        assert_eq!(
            label_sources(v),
            vec![s2024.clone()],
            "{a} is only in the 2024 list"
        );
        assert!(label_names(v).is_empty(), "the 2024 list has no names");
    }
    let (_, v) = check_json(&filter, &both);
    for (a, v) in both.iter().zip(&v) {
        let mut sources = label_sources(v);
        sources.sort();
        assert_eq!(
            sources,
            vec![s2024.clone(), s2025.clone()],
            "{a} is in both lists"
        );
        assert!(!label_names(v).is_empty(), "{a}: the 2025 label has names");
    }
    let (_, v) = check_json(&filter, &only_new);
    for (a, v) in only_new.iter().zip(&v) {
        assert_eq!(label_sources(v), vec![s2025.clone()], "{a}");
    }

    // ScamSniffer entries carry their own source, and no names.
    let scam: Vec<String> = serde_json::from_str(
        &std::fs::read_to_string(shared().join("data/scamsniffer/address.json")).unwrap(),
    )
    .unwrap();
    let (_, v) = check_json(&filter, &scam[..200]);
    for (a, v) in scam.iter().zip(&v) {
        assert_eq!(v["status"], "flagged", "{a}");
        assert_eq!(
            label_sources(v),
            vec![("ScamSniffer".to_string(), "2025-11-20".to_string())]
        );
    }

    // Human output names each source with its date.
    let r = run(
        [
            "check".as_ref(),
            filter.as_os_str(),
            TORNADO_ROUTER.as_ref(),
        ],
        None,
    );
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("OFAC SDN (as of 2024-09-27)") && !r.stdout.contains("2025-11-27"),
        "{}",
        r.stdout
    );
}

#[test]
fn output_does_not_depend_on_argument_order() {
    let tmp = tempfile::tempdir().unwrap();
    let a = tmp.path().join("a.filter");
    let b = tmp.path().join("b.filter");
    build_three(&a, false);
    build_three(&b, true);
    assert_eq!(
        std::fs::read(&a).unwrap(),
        std::fs::read(&b).unwrap(),
        "sources in another order"
    );

    // One source given as individual files in two different orders.
    let mut files: Vec<PathBuf> = std::fs::read_dir(ofac("2025-11-27"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.file_name().unwrap() != "LICENSE");
    files.sort();
    let build_files = |out: &Path, files: &[PathBuf]| {
        let mut args: Vec<OsString> = vec![
            "build".into(),
            "-o".into(),
            out.into(),
            "--as-of".into(),
            "2025-11-27".into(),
        ];
        args.extend(files.iter().map(OsString::from));
        run_ok(args);
    };
    let c = tmp.path().join("c.filter");
    let d = tmp.path().join("d.filter");
    build_files(&c, &files);
    files.reverse();
    files.rotate_left(7);
    build_files(&d, &files);
    assert_eq!(
        std::fs::read(&c).unwrap(),
        std::fs::read(&d).unwrap(),
        "files in another order"
    );

    // Building the same thing twice gives the same bytes.
    let e = tmp.path().join("e.filter");
    build_three(&e, false);
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&e).unwrap());
}
