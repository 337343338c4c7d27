//! `addrcheck check`: exit statuses, JSON fields, stdin mode, "possible"
//! verdicts from a filter without details, and usage errors.

mod common;

use common::*;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

const LISTED: &str = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
const LISTED_BTC: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
const CLEAR: &str = "0x0000000000000000000000000000000000000001";

fn filter(dir: &Path, details: bool) -> PathBuf {
    let list = dir.join("list.txt");
    std::fs::write(
        &list,
        format!("{LISTED};\"Lazarus Group;Hidden Cobra\"\n{LISTED_BTC};Someone\n"),
    )
    .unwrap();
    let out = dir.join(if details { "d.filter" } else { "nd.filter" });
    let mut args: Vec<&OsStr> = vec![
        "build".as_ref(),
        "-o".as_ref(),
        out.as_os_str(),
        "--source".as_ref(),
        "Test list".as_ref(),
        "--as-of".as_ref(),
        "2025-11-27".as_ref(),
        "--fp-rate".as_ref(),
        "1e-6".as_ref(),
    ];
    if !details {
        args.push("--no-details".as_ref());
    }
    args.push(list.as_os_str());
    run_ok(args);
    out
}

fn check<S: AsRef<OsStr>>(f: &Path, extra: &[S]) -> Run {
    let mut args: Vec<&OsStr> = vec!["check".as_ref(), f.as_os_str()];
    args.extend(extra.iter().map(|s| s.as_ref()));
    run(args, None)
}

#[test]
fn exit_status_0_1_2() {
    let tmp = tempfile::tempdir().unwrap();
    let f = filter(tmp.path(), true);
    let r = check(&f, &[CLEAR]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("clear: "), "{}", r.stdout);
    assert!(
        r.stdout
            .contains("not listed on Test list (Test list as of 2025-11-27)"),
        "names the list and its date: {}",
        r.stdout
    );
    let r = check(
        &f,
        &["not an address", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"],
    );
    assert_eq!(r.code, 0, "invalid and unrecognized are not hits");
    let r = check(&f, &[CLEAR, &LISTED.to_lowercase()]);
    assert_eq!(r.code, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1].starts_with("flagged: "), "{}", lines[1]);
    assert!(
        lines[1].contains("Test list (as of 2025-11-27): Lazarus Group; Hidden Cobra"),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains(&format!("normalized {LISTED}")),
        "{}",
        lines[1]
    );
    // Errors: exit 2.
    let r = check(&tmp.path().join("missing.filter"), &[CLEAR]);
    assert_eq!(r.code, 2);
    let r = run(["check"], None);
    assert_eq!(r.code, 2, "usage error");
    let r = run(["check", "--bogus"], None);
    assert_eq!(r.code, 2);
    let r = run(["frobnicate"], None);
    assert_eq!(r.code, 2);
    assert_eq!(run(["--help"], None).code, 0);
    assert_eq!(run(["build", "--help"], None).code, 0);
}

#[test]
fn json_fields() {
    let tmp = tempfile::tempdir().unwrap();
    let f = filter(tmp.path(), true);
    let r = check(
        &f,
        &[
            "--json",
            &LISTED.to_lowercase(),
            CLEAR,
            "0x098B716B8Aaf21512996dC57EB0615e2383E2f97",
            "hello",
        ],
    );
    assert_eq!(r.code, 1);
    let v = r.json_lines();
    assert_eq!(v.len(), 4);
    assert_eq!(v[0]["input"], LISTED.to_lowercase());
    assert_eq!(v[0]["status"], "flagged");
    assert_eq!(v[0]["chain"], "evm");
    assert_eq!(v[0]["normalized"], LISTED);
    assert_eq!(
        v[0]["labels"],
        serde_json::json!([{"source": "Test list", "asOf": "2025-11-27", "names": ["Lazarus Group", "Hidden Cobra"], "assets": []}])
    );
    assert!(v[0]["reason"].is_null());
    assert_eq!(v[1]["status"], "clear");
    assert_eq!(v[1]["labels"], serde_json::json!([]));
    assert_eq!(v[2]["status"], "invalid", "bad EIP-55 checksum");
    assert_eq!(v[2]["chain"], "evm");
    assert!(v[2]["normalized"].is_null());
    assert!(
        v[2]["reason"].as_str().unwrap().contains("checksum"),
        "{}",
        v[2]
    );
    assert_eq!(v[3]["status"], "unrecognized");
    assert!(v[3]["chain"].is_null());
    assert!(!v[3]["reason"].as_str().unwrap().is_empty());
    for x in &v {
        for field in ["input", "status", "chain", "normalized", "labels", "reason"] {
            assert!(x.get(field).is_some(), "{field} missing in {x}");
        }
    }
}

#[test]
fn stdin_mode() {
    let tmp = tempfile::tempdir().unwrap();
    let f = filter(tmp.path(), true);
    let input = format!("\n  {LISTED_BTC}  \r\n\n{CLEAR}\n   \n\u{200b}{LISTED}\n");
    let r = run(
        [OsStr::new("check"), OsStr::new("--json"), f.as_os_str()],
        Some(input.into_bytes()),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v = r.json_lines();
    assert_eq!(v.len(), 3, "blank lines skipped: {}", r.stdout);
    assert_eq!(v[0]["status"], "flagged");
    assert_eq!(label_names(&v[0]), vec!["Someone".to_string()]);
    assert_eq!(v[1]["status"], "clear");
    assert_eq!(
        v[2]["status"], "flagged",
        "invisible characters are cleaned"
    );
    // Addresses only ever go to stdout.
    assert!(
        !r.stderr.contains(LISTED) && !r.stderr.contains(CLEAR),
        "{}",
        r.stderr
    );

    let r = run(
        [OsStr::new("check"), f.as_os_str()],
        Some(format!("{CLEAR}\n").into_bytes()),
    );
    assert_eq!(r.code, 0);
    assert_eq!(r.stdout.lines().count(), 1);
    let r = run([OsStr::new("check"), f.as_os_str()], Some(Vec::new()));
    assert_eq!(r.code, 0);
    assert!(r.stdout.is_empty());
}

#[test]
fn possible_without_details() {
    let tmp = tempfile::tempdir().unwrap();
    let f = filter(tmp.path(), false);
    let inspect = run_ok(["inspect".as_ref(), f.as_os_str()]).stdout;
    assert!(inspect.contains("Details:        absent"), "{inspect}");
    let r = check(&f, &["--json", LISTED]);
    assert_eq!(r.code, 1, "possible is a hit");
    let v = r.json_lines();
    assert_eq!(v[0]["status"], "possible");
    assert_eq!(v[0]["fpRate"], 1e-6);
    assert_eq!(v[0]["labels"], serde_json::json!([]));
    let r = check(&f, &[LISTED]);
    assert!(
        r.stdout.starts_with("possible: ") && r.stdout.contains("false-positive rate 1e-6"),
        "{}",
        r.stdout
    );
    let r = check(&f, &[CLEAR]);
    assert_eq!(r.code, 0);
}

#[test]
fn build_option_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let list = tmp.path().join("l.txt");
    std::fs::write(&list, format!("{LISTED}\n")).unwrap();
    let out = tmp.path().join("f.filter");
    let o = out.as_os_str();
    let l = list.as_os_str();
    for (args, needle) in [
        (
            vec![
                "build".as_ref(),
                "-o".as_ref(),
                o,
                "--as-of".as_ref(),
                "2025-13-01".as_ref(),
                l,
            ],
            "--as-of",
        ),
        (
            vec![
                "build".as_ref(),
                "-o".as_ref(),
                o,
                "--as-of".as_ref(),
                "2025-01-01".as_ref(),
                "--fp-rate".as_ref(),
                "0.9".as_ref(),
                l,
            ],
            "--fp-rate",
        ),
        (
            vec![
                "build".as_ref(),
                "-o".as_ref(),
                o,
                "--as-of".as_ref(),
                "2025-01-01".as_ref(),
                "--built-at".as_ref(),
                "yesterday".as_ref(),
                l,
            ],
            "--built-at",
        ),
        (vec!["build".as_ref(), "-o".as_ref(), o, l], "--as-of"),
        (
            vec![
                "build".as_ref(),
                "-o".as_ref(),
                o,
                "--source".as_ref(),
                "A".as_ref(),
                "--as-of".as_ref(),
                "2025-01-01".as_ref(),
                l,
                "--source".as_ref(),
                "B".as_ref(),
            ],
            "has no INPUT",
        ),
        (
            vec![
                "build".as_ref(),
                "-o".as_ref(),
                o,
                "--as-of".as_ref(),
                "2025-01-01".as_ref(),
                l,
                "--as-of".as_ref(),
                "2025-01-01".as_ref(),
                l,
            ],
            "both named",
        ),
    ] {
        let r = run(&args, None);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(
            r.stderr.contains(needle),
            "{args:?}: expected {needle:?} in {}",
            r.stderr
        );
        assert!(!out.exists());
    }
    // --built-at and --list-name are recorded.
    run_ok([
        "build".as_ref(),
        "-o".as_ref(),
        o,
        "--as-of".as_ref(),
        "2025-01-01".as_ref(),
        "--built-at".as_ref(),
        "2025-02-03".as_ref(),
        "--list-name".as_ref(),
        "My list".as_ref(),
        l,
    ]);
    let inspect = run_ok(["inspect".as_ref(), o]).stdout;
    assert!(
        inspect.contains("Built at:       2025-02-03")
            && inspect.contains("List:           My list"),
        "{inspect}"
    );
    assert!(
        inspect.contains("  - l, as of 2025-01-01: 1 entries"),
        "default source name from the file: {inspect}"
    );
}
