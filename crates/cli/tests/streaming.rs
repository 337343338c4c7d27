//! `build` streams its inputs in two passes (formats, dates and twins first,
//! then every entry straight into the filter builder). What that must not
//! change: an input that can be read only once (a pipe) gives the same filter
//! as the same list in a file; `.txt`/`.json` twins are recognised whatever
//! the order of their entries, and only when they hold the same entries;
//! problems are reported per file, the reader's first, at most 50.

mod common;

use common::*;
use std::ffi::OsString;
use std::path::Path;

const ETH: &str = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96";
const BTC: &str = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
const TRX: &str = "TAYhjpL8pPs8T84FSM329nffQpc6jD8GBM";

fn build(out: &Path, dated: bool, inputs: &[&Path], stdin: Option<Vec<u8>>) -> Run {
    let mut args: Vec<OsString> = vec!["build".into(), "-o".into(), out.into()];
    if dated {
        args.extend([
            "--source".into(),
            "T".into(),
            "--as-of".into(),
            "2025-01-01".into(),
        ]);
    }
    args.extend(inputs.iter().map(|p| p.as_os_str().to_os_string()));
    let r = run(args, stdin);
    assert_eq!(r.code, 0, "{}\n{}", r.stdout, r.stderr);
    r
}

/// The summary's per-chain table and key count, without file names.
fn table(stdout: &str) -> Vec<&str> {
    stdout
        .lines()
        .filter(|l| l.starts_with("  ") && !l.contains("SHA-256") && !l.contains("read "))
        .collect()
}

#[test]
fn a_list_from_a_pipe_gives_the_same_filter_as_from_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let mut list = format!(
        "# header\n{ETH};\"Alpha;Al\"\n{BTC}\n{}\n0xnot-an-address;Typo\n{BTC};Beta\n",
        ETH.to_lowercase()
    )
    .into_bytes();
    list.extend(b"bad\xff line\n");
    list.extend(vec![b'9'; 5000]);
    list.extend(format!("\n{TRX}\n").as_bytes());
    let file = tmp.path().join("list.txt");
    std::fs::write(&file, &list).unwrap();

    let from_file = tmp.path().join("file.filter");
    let a = build(&from_file, true, &[&file], None);
    let from_pipe = tmp.path().join("pipe.filter");
    let b = build(&from_pipe, true, &[Path::new("/dev/stdin")], Some(list));
    assert_eq!(
        std::fs::read(&from_file).unwrap(),
        std::fs::read(&from_pipe).unwrap()
    );
    assert_eq!(
        table(&a.stdout),
        table(&b.stdout),
        "{}\n{}",
        a.stdout,
        b.stdout
    );
    assert!(a.stdout.contains("4 keys"), "{}", a.stdout);
    // The same problems, at the same lines.
    let problems = |r: &Run, path: &str| -> Vec<String> {
        r.stderr.lines().map(|l| l.replace(path, "LIST")).collect()
    };
    let file_problems = problems(&a, &file.display().to_string());
    assert_eq!(file_problems, problems(&b, "/dev/stdin"), "{}", b.stderr);
    for needle in [
        "LIST: line 5: ",
        "LIST: line 7: line is not valid UTF-8",
        "LIST: line 8: line is 5000 bytes",
    ] {
        assert!(
            file_problems.iter().any(|l| l.contains(needle)),
            "{needle:?} not in {file_problems:?}"
        );
    }

    // Names of both entries of BTC are kept.
    let (_, v) = check_json(&from_pipe, &[BTC.to_string(), ETH.to_string()]);
    assert_eq!(label_names(&v[0]), vec!["Beta".to_string()]);
    assert_eq!(
        label_names(&v[1]),
        vec!["Alpha".to_string(), "Al".to_string()]
    );
}

#[test]
fn sdn_advanced_xml_from_a_pipe_states_its_date() {
    let xml = format!(
        r#"<?xml version="1.0"?>
<Sanctions xmlns="x">
  <DateOfIssue><Year>2025</Year><Month>3</Month><Day>21</Day></DateOfIssue>
  <ReferenceValueSets><FeatureTypeValues>
    <FeatureType ID="5">Digital Currency Address - ETH</FeatureType>
  </FeatureTypeValues></ReferenceValueSets>
  <DistinctParties><DistinctParty><Profile ID="1">
    <Identity ID="2"><Alias Primary="true"><DocumentedName>
      <DocumentedNamePart><NamePartValue>PIPE GROUP</NamePartValue></DocumentedNamePart>
    </DocumentedName></Alias></Identity>
    <Feature ID="3" FeatureTypeID="5">
      <FeatureVersion><VersionDetail>{ETH}</VersionDetail></FeatureVersion>
      <IdentityReference IdentityID="2"/>
    </Feature>
  </Profile></DistinctParty></DistinctParties>
</Sanctions>"#
    );
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("f.filter");
    let r = build(
        &out,
        false,
        &[Path::new("/dev/stdin")],
        Some(xml.into_bytes()),
    );
    assert!(
        r.stdout.contains("Source 1: \"OFAC SDN\" as of 2025-03-21"),
        "{}",
        r.stdout
    );
    let (_, v) = check_json(&out, &[ETH.to_string()]);
    assert_eq!(v[0]["status"], "flagged");
    assert_eq!(label_names(&v[0]), vec!["PIPE GROUP".to_string()]);
    assert_eq!(v[0]["labels"][0]["assets"][0], "ETH");
}

#[test]
fn twins_hold_the_same_entries_in_any_order() {
    let tmp = tempfile::tempdir().unwrap();
    let case = |name: &str, txt: String, json: String| -> Run {
        let dir = tmp.path().join(name);
        std::fs::create_dir(&dir).unwrap();
        std::fs::write(dir.join("sanctioned_addresses_ETH.txt"), txt).unwrap();
        std::fs::write(dir.join("sanctioned_addresses_ETH.json"), json).unwrap();
        build(
            &tmp.path().join(format!("{name}.filter")),
            true,
            &[&dir],
            None,
        )
    };
    let txt = format!("{ETH};Alpha\n{BTC}\n");

    // Same entries, other order: the .json is counted once.
    let r = case(
        "same",
        txt.clone(),
        format!(r#"["{BTC}", {{"address": "{ETH}", "name": "Alpha"}}]"#),
    );
    assert!(
        r.stdout.contains("read 1 text address list\n"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(
            "counted once: 1 file with the same entries as a sibling of the same name \
             (sanctioned_addresses_ETH.json = sanctioned_addresses_ETH.txt)"
        ),
        "{}",
        r.stdout
    );
    let total = |r: &Run| -> Vec<String> {
        let line = r
            .stdout
            .lines()
            .find(|l| l.trim_start().starts_with("total"));
        line.unwrap_or_default()
            .split_whitespace()
            .skip(1)
            .map(str::to_string)
            .collect()
    };
    assert_eq!(total(&r), ["2", "2", "0", "0", "2"], "{}", r.stdout);

    // One more entry, another name, or an entry repeated: both files count.
    for (name, json) in [
        (
            "extra",
            format!(r#"["{BTC}", {{"address": "{ETH}", "name": "Alpha"}}, "{TRX}"]"#),
        ),
        (
            "renamed",
            format!(r#"["{BTC}", {{"address": "{ETH}", "name": "Beta"}}]"#),
        ),
        (
            "repeated",
            format!(r#"["{BTC}", "{BTC}", {{"address": "{ETH}", "name": "Alpha"}}]"#),
        ),
    ] {
        let r = case(name, txt.clone(), json);
        assert!(
            r.stdout
                .contains("read 1 JSON address list, 1 text address list\n")
                && !r.stdout.contains("counted once"),
            "{name}: {}",
            r.stdout
        );
    }
}

#[test]
fn problems_are_capped_per_file_reader_first() {
    let tmp = tempfile::tempdir().unwrap();
    let mut list: Vec<u8> = Vec::new();
    for i in 0..10 {
        list.extend(format!("bad{i}").as_bytes());
        list.extend(b"\xff\n");
    }
    for i in 0..60 {
        list.extend(format!("1notanaddress{i}\n").as_bytes());
    }
    list.extend(format!("{ETH}\n").as_bytes());
    let file = tmp.path().join("many.txt");
    std::fs::write(&file, &list).unwrap();
    let r = build(&tmp.path().join("f.filter"), true, &[&file], None);
    let warnings: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(warnings.len(), 51, "{}", r.stderr);
    assert!(
        warnings[..10]
            .iter()
            .all(|l| l.contains("line is not valid UTF-8")),
        "{}",
        r.stderr
    );
    assert!(warnings[10].contains("line 11: not a recognised address format: \"1notanaddress0\""));
    assert!(warnings[49].contains("line 50: "), "{}", warnings[49]);
    assert!(
        warnings[50].ends_with("many.txt: 20 more problems not shown"),
        "{}",
        warnings[50]
    );
    assert!(r.stdout.contains("61 keys"), "{}", r.stdout);
}
