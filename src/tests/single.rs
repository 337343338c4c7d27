//! One address typed or pasted: its verdict, as the single-address view shows it.

use addrcheck_core::Status;

use super::*;
use crate::present::Tone;
use crate::state::{Checker, Results};

#[test]
fn starts_loading_without_verdict() {
    let s = State::new(today());
    assert_eq!(s.checker, Checker::Loading);
    assert!(!s.can_check());
    assert!(s.single_verdict().is_none());
}

#[test]
fn typing_before_the_filter_is_ready_gives_no_verdict() {
    let s = State::new(today()).apply(Action::Input(LISTED.into()));
    assert_eq!(s.input.as_str(), LISTED);
    assert_eq!(s.results, Results::Nothing);
    assert!(s.single_verdict().is_none());
    // ... and the verdict appears once the list is verified.
    let s = s.apply(Action::Loaded(filter(&filter_bytes(true))));
    assert_eq!(s.single_verdict().unwrap().status, Status::Flagged);
}

#[test]
fn loaded_filter_is_summarised() {
    let s = ready(true);
    assert!(s.can_check());
    let lists = s.lists.all();
    assert_eq!(lists.len(), 1);
    let sum = &lists[0].summary;
    assert_eq!(sum.list_name, "OFAC sanctioned digital currency addresses");
    assert_eq!(sum.sources.len(), 1);
    assert_eq!(sum.sources[0].name, "OFAC SDN");
    assert_eq!(sum.sources[0].as_of, "2025-11-27");
    assert_eq!(sum.sources[0].entries, "1 address");
    assert_eq!(sum.keys, "1");
    assert_eq!(sum.fp_rate, "1 in 1,000,000,000");
    assert_eq!(sum.sha256, lists[0].filter.sha256_hex());
    assert_eq!(sum.sha256.len(), 64);
    assert!(sum.has_details);
    assert_eq!(sum.coverage, "OFAC SDN as of 2025-11-27");
    // 2025-11-27 to 2026-11-24.
    let age = sum.sources[0].age.as_ref().unwrap();
    assert_eq!(age.text, "list is 362 days old");
    assert!(sum.stale);
}

#[test]
fn listed_address_is_flagged_with_names_in_any_case() {
    for text in [
        LISTED.to_string(),
        LISTED.to_lowercase(),
        format!("  {LISTED}\n"),
        format!("ethereum:{LISTED}@1"),
    ] {
        let v = input(&ready(true), &text)
            .single_verdict()
            .expect("verdict");
        assert_eq!(v.status, Status::Flagged, "{text}");
        assert_eq!(v.tone, Tone::Danger);
        assert_eq!(v.title, "Flagged");
        assert_eq!(
            v.summary,
            "This address is on the list: OFAC SDN as of 2025-11-27."
        );
        assert_eq!(v.matches.len(), 1);
        assert_eq!(v.matches[0].source, "OFAC SDN");
        assert_eq!(v.matches[0].as_of, "2025-11-27");
        assert_eq!(
            v.matches[0].list,
            "OFAC sanctioned digital currency addresses"
        );
        assert_eq!(v.matches[0].names, ["Tornado Cash", "TC"]);
        assert_eq!(v.matches[0].assets, ["ETH"]);
        assert_eq!(v.normalized.as_deref(), Some(LISTED));
        assert!(v.chain.unwrap().starts_with("EVM"));
    }
}

#[test]
fn other_address_is_not_listed_with_list_and_date() {
    let v = input(&ready(true), OTHER).single_verdict().unwrap();
    assert_eq!(v.status, Status::Clear);
    assert_eq!(v.title, "Not listed");
    assert_eq!(v.summary, "Not on the list: OFAC SDN as of 2025-11-27.");
    assert!(v.matches.is_empty());
}

#[test]
fn checksum_typo_is_invalid_with_reason() {
    let v = input(&ready(true), TYPO).single_verdict().unwrap();
    assert_eq!(v.status, Status::Invalid);
    assert_eq!(v.tone, Tone::Error);
    assert!(
        v.summary.contains("checksum mismatch, likely a typo"),
        "{}",
        v.summary
    );
    assert!(v.normalized.is_none());
    assert!(v.chain.is_some());
}

#[test]
fn unknown_text_is_unrecognised() {
    let v = input(&ready(true), "hello").single_verdict().unwrap();
    assert_eq!(v.status, Status::Unrecognized);
    assert_eq!(v.title, "Unrecognised format");
    assert!(v.chain.is_none());
}

#[test]
fn empty_input_has_no_verdict() {
    let s = input(&input(&ready(true), LISTED), "   \n ,");
    assert_eq!(s.results, Results::Nothing);
    assert!(s.single_verdict().is_none());
    assert_eq!(s.announcement(), "");
}

#[test]
fn hit_without_details_is_possible_with_fp_rate() {
    let v = input(&ready(false), LISTED).single_verdict().unwrap();
    assert_eq!(v.status, Status::Possible);
    assert_eq!(v.tone, Tone::Warning);
    assert!(v.summary.contains("1 in 1,000,000,000"), "{}", v.summary);
    assert_eq!(v.possible.len(), 1);
    assert_eq!(
        v.possible[0].list,
        "OFAC sanctioned digital currency addresses"
    );
    assert_eq!(v.possible[0].fp_rate, "1 in 1,000,000,000");
}

#[test]
fn a_single_address_is_checked_at_once_and_announced() {
    // No step needed: the first chunk is checked when the text changes.
    let s = ready(true).apply(Action::Input(LISTED.into()));
    assert_eq!(s.running(), None);
    assert_eq!(
        s.announcement(),
        "Flagged. This address is on the list: OFAC SDN as of 2025-11-27. Tornado Cash."
    );
}

#[test]
fn damaged_files_fail_closed() {
    let good = filter_bytes(true);
    assert!(interpret(200, &good).is_ok());

    // The last byte the digest covers: a byte of some section's contents (a
    // flip in a section's length prefix reads as a truncation instead).
    let mut flipped = good.clone();
    let last = flipped.len() - 33;
    flipped[last] ^= 0x01;
    assert_eq!(interpret(200, &flipped).err().unwrap().code, "corrupt");

    let truncated = &good[..good.len() / 2];
    assert_eq!(interpret(200, truncated).err().unwrap().code, "truncated");

    assert_eq!(interpret(200, b"").err().unwrap().code, "truncated");
    assert_eq!(
        interpret(200, b"<!DOCTYPE html>").err().unwrap().code,
        "wrongMagic"
    );
    assert_eq!(interpret(404, b"").err().unwrap().code, "notFound");

    // And the state shows no verdict afterwards, whatever is typed or added.
    let why = interpret(200, &flipped).err().unwrap();
    let s = State::new(today()).apply(Action::Failed(why.clone()));
    assert_eq!(s.checker, Checker::Unavailable(why));
    for action in [
        Action::Input(LISTED.into()),
        Action::Check,
        Action::AddList {
            file: "team.filter".into(),
            filter: filter(&team_bytes(true)),
        },
        Action::Input(format!("{LISTED}\n{OTHER}")),
    ] {
        let s = finish(s.apply(action));
        assert!(!s.can_check());
        assert_eq!(s.results, Results::Nothing);
        assert!(s.lists.all().is_empty());
        assert!(s.single_verdict().is_none());
    }
}
