//! The app's logic end to end, natively: a filter built in memory goes through
//! the same `State` transitions and presentation the browser uses.

use addrcheck_core::filter::{FilterBuilder, Label};
use addrcheck_core::{parse, Status};

use crate::load::interpret;
use crate::present::Tone;
use crate::state::{Action, FilterState, State};

const LISTED: &str = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";
const TYPO: &str = "0x8589427373d6D84E98730D7795D8f6f8731FDA16";
const OTHER: &str = "0x52908400098527886e0f7030069857d2e4169ee7";

fn filter_bytes(details: bool) -> Vec<u8> {
    let mut b = FilterBuilder::new("OFAC sanctioned digital currency addresses");
    b.details(details);
    let src = b.add_source("OFAC SDN", "2025-11-27");
    let key = parse(LISTED).unwrap().key;
    b.insert(
        &key,
        Label {
            source: src,
            names: vec!["Tornado Cash".into(), "TC".into()],
            assets: vec!["ETH".into()],
        },
    );
    b.build().unwrap()
}

fn ready(details: bool) -> State {
    let filter = interpret(200, &filter_bytes(details)).unwrap();
    State::default().apply(Action::Loaded(Box::new(filter)))
}

#[test]
fn loaded_filter_is_summarised() {
    let s = ready(true);
    assert!(s.can_check());
    let FilterState::Ready(loaded) = &s.filter else {
        panic!("not ready")
    };
    let sum = &loaded.summary;
    assert_eq!(sum.list_name, "OFAC sanctioned digital currency addresses");
    assert_eq!(sum.sources.len(), 1);
    assert_eq!(sum.sources[0].name, "OFAC SDN");
    assert_eq!(sum.sources[0].as_of, "2025-11-27");
    assert_eq!(sum.sources[0].entries, "1 address");
    assert_eq!(sum.keys, "1");
    assert_eq!(sum.fp_rate, "1 in 1,000,000,000");
    // The file's SHA-256 (core: as `sha256sum` prints it; the e2e test checks that).
    assert_eq!(sum.sha256, loaded.filter.sha256_hex());
    assert_eq!(sum.sha256.len(), 64);
    assert!(sum.has_details);
    assert_eq!(sum.coverage, "OFAC SDN as of 2025-11-27");
}

#[test]
fn listed_address_is_flagged_with_names_in_any_case() {
    for input in [
        LISTED.to_string(),
        LISTED.to_lowercase(),
        format!("  {LISTED}\n"),
    ] {
        let s = ready(true).apply(Action::Input(input.clone()));
        let v = s.verdict.expect("verdict");
        assert_eq!(v.status, Status::Flagged, "{input}");
        assert_eq!(v.tone, Tone::Danger);
        assert_eq!(v.title, "Flagged");
        assert_eq!(v.matches.len(), 1);
        assert_eq!(v.matches[0].source, "OFAC SDN");
        assert_eq!(v.matches[0].as_of, "2025-11-27");
        assert_eq!(v.matches[0].names, ["Tornado Cash", "TC"]);
        assert_eq!(v.matches[0].assets, ["ETH"]);
        assert_eq!(v.normalized.as_deref(), Some(LISTED));
        assert!(v.chain.unwrap().starts_with("EVM"));
    }
}

#[test]
fn other_address_is_not_listed_with_list_and_date() {
    let v = ready(true)
        .apply(Action::Input(OTHER.into()))
        .verdict
        .unwrap();
    assert_eq!(v.status, Status::Clear);
    assert_eq!(v.title, "Not listed");
    assert_eq!(v.summary, "Not on the list: OFAC SDN as of 2025-11-27.");
    assert!(v.matches.is_empty());
}

#[test]
fn checksum_typo_is_invalid_with_reason() {
    let v = ready(true)
        .apply(Action::Input(TYPO.into()))
        .verdict
        .unwrap();
    assert_eq!(v.status, Status::Invalid);
    assert_eq!(v.tone, Tone::Error);
    assert!(v.summary.contains("checksum"), "{}", v.summary);
    assert!(v.normalized.is_none());
    assert!(v.chain.is_some());
}

#[test]
fn unknown_text_is_unrecognised() {
    let v = ready(true)
        .apply(Action::Input("hello world".into()))
        .verdict
        .unwrap();
    assert_eq!(v.status, Status::Unrecognized);
    assert_eq!(v.title, "Unrecognised format");
    assert!(v.chain.is_none());
}

#[test]
fn empty_input_has_no_verdict() {
    let s = ready(true)
        .apply(Action::Input(LISTED.into()))
        .apply(Action::Input("   ".into()));
    assert!(s.verdict.is_none());
    assert!(ready(true)
        .apply(Action::Input(String::new()))
        .verdict
        .is_none());
}

#[test]
fn hit_without_details_is_possible_with_fp_rate() {
    let v = ready(false)
        .apply(Action::Input(LISTED.into()))
        .verdict
        .unwrap();
    assert_eq!(v.status, Status::Possible);
    assert_eq!(v.tone, Tone::Warning);
    assert!(v.summary.contains("1 in 1,000,000,000"), "{}", v.summary);
}

#[test]
fn damaged_files_fail_closed() {
    let good = filter_bytes(true);
    assert!(interpret(200, &good).is_ok());

    let mut flipped = good.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x01;
    assert_eq!(interpret(200, &flipped).err().unwrap().code, "corrupt");

    let truncated = &good[..good.len() / 2];
    assert_eq!(interpret(200, truncated).err().unwrap().code, "truncated");

    assert_eq!(interpret(200, b"").err().unwrap().code, "truncated");
    assert_eq!(
        interpret(200, b"<!DOCTYPE html>").err().unwrap().code,
        "wrongMagic"
    );
    assert_eq!(interpret(404, b"").err().unwrap().code, "notFound");

    // And the state shows no verdict afterwards.
    let why = interpret(200, &flipped).err().unwrap();
    let s = State::default()
        .apply(Action::Failed(why))
        .apply(Action::Input(LISTED.into()));
    assert!(s.verdict.is_none());
    assert!(!s.can_check());
}
