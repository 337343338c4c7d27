//! Entries that are not valid addresses are reported with file and line (or
//! item) and kept as exact-text keys; duplicates merge and keep every name.

mod common;

use common::*;
use std::ffi::OsStr;

const GOOD: &str = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
const TYPO: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"; // checksum broken
const HASH: &str = "5be5543ff73456ab9f2d207887e2af87322c651ea1a873c5b25b7ffae456c320";

#[test]
fn invalid_entries_are_reported_and_kept_as_exact_text() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("lists");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("a_list.txt"),
        format!("# my list\n{GOOD};Alpha\n\n{TYPO};\"Typo Holder;TH\"\n{HASH};Hash Holder\n"),
    )
    .unwrap();
    std::fs::write(
        dir.join("b_list.json"),
        format!(r#"[{{"address": "{}", "name": "Beta"}}, "some-weird-token", {{"name": "no address"}}, 42]"#, GOOD.to_lowercase()),
    )
    .unwrap();
    let out = tmp.path().join("f.filter");
    let r = run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        "--source".as_ref(),
        "Mine".as_ref(),
        "--as-of".as_ref(),
        "2025-06-01".as_ref(),
        dir.as_os_str(),
    ]);
    let err = &r.stderr;
    assert!(
        err.contains("a_list.txt: line 4: Bitcoin (or BCH/BSV legacy) address: checksum mismatch"),
        "{err}"
    );
    assert!(
        err.contains(&format!("\"{TYPO}\"; kept as an exact-text key")),
        "{err}"
    );
    assert!(
        err.contains("a_list.txt: line 5: not a recognised address format"),
        "{err}"
    );
    assert!(
        err.contains("b_list.json: item 2: not a recognised address format"),
        "{err}"
    );
    assert!(
        err.contains("b_list.json: item 3: object without an \"address\" string, skipped"),
        "{err}"
    );
    assert!(
        err.contains(
            "b_list.json: item 4: expected an address string or object, found a number, skipped"
        ),
        "{err}"
    );
    let out_text = &r.stdout;
    assert!(
        out_text.contains("3 invalid entries kept as exact-text keys"),
        "{out_text}"
    );
    assert!(out_text.contains("4 keys"), "{out_text}");
    // The EVM row: two entries (mixed and lower case), one duplicate, one key.
    let evm_row = out_text
        .lines()
        .find(|l| l.trim_start().starts_with("EVM"))
        .expect("EVM row");
    let cols: Vec<&str> = evm_row.split_whitespace().rev().take(5).collect();
    assert_eq!(cols, vec!["1", "1", "0", "2", "2"], "{evm_row}");

    let inputs = [
        GOOD,
        TYPO,
        HASH,
        "some-weird-token",
        "  some-weird-token\u{200b} ",
        "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN4",
    ];
    let inputs: Vec<String> = inputs.iter().map(|s| s.to_string()).collect();
    let (code, v) = check_json(&out, &inputs);
    assert_eq!(code, 1);
    // Duplicates merge: both names, one source.
    assert_eq!(v[0]["status"], "flagged");
    assert_eq!(
        label_names(&v[0]),
        vec!["Alpha".to_string(), "Beta".to_string()]
    );
    // The exact texts are flagged, with their names; the reason is still given.
    assert_eq!(v[1]["status"], "flagged");
    assert_eq!(
        label_names(&v[1]),
        vec!["Typo Holder".to_string(), "TH".to_string()]
    );
    assert!(v[1]["reason"].as_str().unwrap().contains("checksum"));
    assert_eq!(v[2]["status"], "flagged");
    assert_eq!(v[3]["status"], "flagged");
    assert_eq!(v[4]["status"], "flagged", "cleaned like the list entry");
    // A different typo is not.
    assert_eq!(v[5]["status"], "invalid");

    let human = run(
        [OsStr::new("check"), out.as_os_str(), OsStr::new(HASH)],
        None,
    );
    assert!(
        human.stdout.contains("exact-text entry"),
        "{}",
        human.stdout
    );
}
