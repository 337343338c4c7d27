//! Many entries at once: steps, counts, the table's filter, order and pages,
//! limits, and the CSV export.

use addrcheck_core::Status;

use super::*;
use crate::batch::{next_step_size, Order, Show, CHUNK, MAX_STEP_SIZE};
use crate::present::{too_much, Notice};
use crate::rows::{summary_line, PAGE_SIZE};
use crate::split::{TooMuch, MAX_ENTRIES};
use crate::state::Results;

/// `n` distinct valid EVM addresses that are on no list.
fn unlisted(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("0x{:040x}", 0x1000_0000u64 + i as u64))
        .collect()
}

#[test]
fn a_mixed_paste_gets_one_row_per_entry_and_the_right_counts() {
    let text = format!(
        "address\n{LISTED}\n{OTHER}, {TYPO}\thello\n\"{}\"\n",
        LISTED.to_lowercase()
    );
    let s = input(&ready(true), &text);
    let batch = s.batch().unwrap();
    assert_eq!(batch.len(), 5);
    assert!(batch.is_finished());
    assert_eq!(
        summary_line(&batch.counts),
        "2 flagged · 1 not listed · 1 invalid · 1 unrecognised"
    );
    assert_eq!(
        crate::rows::header_note(batch).as_deref(),
        Some("line 1: “address”")
    );
    let rows = &s.table.rows;
    let got: Vec<(u32, &str, Status)> = rows
        .iter()
        .map(|r| (r.line, r.input.as_str(), r.status))
        .collect();
    let lower = LISTED.to_lowercase();
    assert_eq!(
        got,
        [
            (2, LISTED, Status::Flagged),
            (3, OTHER, Status::Clear),
            (3, TYPO, Status::Invalid),
            (3, "hello", Status::Unrecognized),
            (4, lower.as_str(), Status::Flagged),
        ]
    );
    // Rows carry what the table shows.
    assert_eq!(
        rows[0].chain,
        Some(("EVM", "EVM (Ethereum, BSC, Arbitrum, ...)"))
    );
    assert_eq!(rows[0].normalized.as_deref(), Some(LISTED));
    assert_eq!(rows[0].matches[0].names, ["Tornado Cash", "TC"]);
    assert_eq!(rows[0].input_short, "0x8589427373D…f6f8731FDA16");
    assert_eq!(rows[2].detail, "Checksum mismatch, likely a typo");
    assert_eq!(rows[3].detail, "Not a recognised address format");
    assert_eq!(rows[4].normalized.as_deref(), Some(LISTED));
    assert!(s.single_verdict().is_none());
    assert_eq!(
        s.announcement(),
        "Checked 5 entries: 2 flagged · 1 not listed · 1 invalid · 1 unrecognised."
    );
}

#[test]
fn big_batches_are_checked_in_steps_and_stale_steps_are_ignored() {
    let mut lines = unlisted(3 * CHUNK + 10);
    lines[2 * CHUNK + 5] = LISTED.to_string();
    let text = lines.join("\n");
    // A large text is split by the first step, not when it arrives.
    let s = ready(true).apply(Action::Input(text.clone()));
    let run = s.running().expect("reading");
    assert_eq!(s.results, Results::Reading { run });
    assert_eq!(s.announcement(), "Reading the text…");
    let s = s.apply(Action::Step { run, chunks: 1 });
    assert_eq!(s.batch().unwrap().done(), 0);
    assert_eq!(s.batch().unwrap().len(), lines.len());
    assert_eq!(s.running(), Some(run));
    assert_eq!(
        s.announcement(),
        format!(
            "Checking {} entries…",
            crate::format::group_digits(lines.len() as u64)
        )
    );

    let s = s.apply(Action::Step { run, chunks: 2 });
    assert_eq!(s.batch().unwrap().done(), 2 * CHUNK);
    // A step of an older run changes nothing.
    let same = s.apply(Action::Step {
        run: run - 1,
        chunks: 5,
    });
    assert_eq!(same.batch().unwrap().done(), 2 * CHUNK);

    // New text starts a new run; the old run's steps are ignored.
    let s2 = s.apply(Action::Input(text.clone()));
    let run2 = s2.running().unwrap();
    assert!(run2 > run);
    let ignored = s2.apply(Action::Step { run, chunks: 10 });
    assert_eq!(ignored.results, Results::Reading { run: run2 });

    let done = finish(s2);
    let batch = done.batch().unwrap();
    assert!(batch.is_finished());
    assert_eq!(batch.counts.flagged, 1);
    assert_eq!(batch.counts.clear, lines.len() - 1);
    assert_eq!(batch.counts.total(), lines.len());
    // Steps reuse the chunks already checked.
    assert_eq!(
        batch.outcome(2 * CHUNK + 5).unwrap().status,
        Status::Flagged
    );
    assert!(batch.outcome(lines.len()).is_none());
}

#[test]
fn small_batches_are_checked_at_once() {
    let text = unlisted(CHUNK).join("\n");
    let s = ready(true).apply(Action::Input(text));
    assert_eq!(s.running(), None);
    assert_eq!(s.batch().unwrap().done(), CHUNK);
}

#[test]
fn step_sizes_adapt_to_the_time_taken() {
    assert_eq!(next_step_size(4, 5.0), 8);
    assert_eq!(next_step_size(MAX_STEP_SIZE, 1.0), MAX_STEP_SIZE);
    assert_eq!(next_step_size(8, 30.0), 8);
    assert_eq!(next_step_size(8, 120.0), 4);
    assert_eq!(next_step_size(1, 500.0), 1);
}

#[test]
fn the_table_filters_sorts_and_pages() {
    let mut lines = unlisted(250);
    lines[10] = TYPO.to_string();
    lines[100] = LISTED.to_string();
    lines[200] = "not-an-address".to_string();
    let s = input(&ready(true), &lines.join("\n"));
    assert_eq!(s.table.view.len(), 250);
    assert_eq!(s.table.rows.len(), PAGE_SIZE);
    assert_eq!(s.table.rows[0].line, 1);

    let hits = s.apply(Action::Show(Show::Hits));
    assert_eq!(hits.table.view.len(), 1);
    assert_eq!(hits.table.rows[0].line, 101);
    assert_eq!(hits.table.rows[0].status, Status::Flagged);

    let problems = s.apply(Action::Show(Show::Problems));
    let lines_shown: Vec<u32> = problems.table.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines_shown, [11, 201]);

    let sorted = s.apply(Action::Order(Order::FlaggedFirst));
    let first: Vec<(u32, Status)> = sorted
        .table
        .rows
        .iter()
        .take(4)
        .map(|r| (r.line, r.status))
        .collect();
    assert_eq!(
        first,
        [
            (101, Status::Flagged),
            (11, Status::Invalid),
            (201, Status::Unrecognized),
            (1, Status::Clear)
        ]
    );

    let page3 = s.apply(Action::Page(2));
    assert_eq!(page3.table.rows.len(), 50);
    assert_eq!(page3.table.rows[0].line, 201);
    // A page past the end shows the last page; a new filter starts at page one.
    assert_eq!(s.apply(Action::Page(99)).table.page, 2);
    assert_eq!(page3.apply(Action::Show(Show::Hits)).table.page, 0);
    // The settings survive a new text.
    let again = input(&hits, &lines.join("\n"));
    assert_eq!(again.table.show, Show::Hits);
    assert_eq!(again.table.view.len(), 1);
}

#[test]
fn oversized_text_is_refused_whole_with_a_clear_message() {
    let text = "x,".repeat(MAX_ENTRIES + 5);
    let s = input(&ready(true), &text);
    assert_eq!(
        s.results,
        Results::TooMuch(TooMuch::Entries {
            entries: MAX_ENTRIES + 5
        })
    );
    assert_eq!(s.running(), None);
    let Notice::Problem { code, title, body } = too_much(TooMuch::Entries {
        entries: MAX_ENTRIES + 5,
    }) else {
        panic!("no notice")
    };
    assert_eq!(code, "tooMany");
    assert_eq!(title, "Too many entries to check at once: 250,005 found.");
    assert!(
        body.contains("250,000") && body.contains("Nothing was checked"),
        "{body}"
    );
    assert_eq!(s.announcement(), "Nothing was checked.");
}

#[test]
fn garbage_gets_a_result_per_entry() {
    // Printable junk, binary-ish junk, and one very long token.
    let junk = format!(
        "@@@\n=cmd|' /C calc'!A0\n\u{0}\u{1}\u{7f}\n{}\n\u{202e}0x1\n💥",
        "z".repeat(100_000)
    );
    let s = input(&ready(true), &junk);
    let batch = s.batch().unwrap();
    assert!(batch.is_finished());
    assert_eq!(batch.counts.total(), batch.len());
    assert_eq!(batch.counts.flagged + batch.counts.clear, 0);
    let long = s.table.rows.iter().find(|r| r.line == 4).unwrap();
    assert_eq!(
        long.detail,
        "Not a recognised address format (too long: 100,000 characters)"
    );
    assert!(long.input.ends_with("(100,000 characters in all)"));
    assert_eq!(long.input_short.chars().count(), crate::rows::SHORT_INPUT);
}

#[test]
fn the_csv_is_the_same_built_in_parts() {
    let mut lines = unlisted(2500);
    lines[1234] = LISTED.to_string();
    lines[2000] = TYPO.to_string();
    let s = finish(ready(true).apply(Action::PasteLarge(lines.join("\n"))));
    let batch = s.batch().unwrap();
    let whole = crate::csv::export(batch, &s.checked);
    let mut parts = crate::csv::head();
    for start in (0..batch.done()).step_by(1000) {
        parts.push_str(&crate::csv::rows(batch, &s.checked, start..start + 1000));
    }
    assert_eq!(parts, whole);
    assert_eq!(whole.matches("\r\n").count(), 2501);
    assert!(crate::csv::rows(batch, &s.checked, 2500..3000).is_empty());
}

#[test]
fn the_csv_holds_every_row_escaped() {
    let text = format!("wallet,note\n{LISTED},\"=HYPERLINK(\"\"x\"\")\"\n{TYPO}\n{OTHER}");
    let s = input(&ready(true), &text);
    let csv = crate::csv::export(s.batch().unwrap(), &s.checked);
    assert!(csv.starts_with('\u{FEFF}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{FEFF}').split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 4 + 1, "{csv}");
    assert_eq!(lines[0], crate::csv::HEADER.join(","));
    assert_eq!(
        lines[1],
        format!(
            "2,{LISTED},Flagged,flagged,\"EVM (Ethereum, BSC, Arbitrum, ...)\",{LISTED},,\
             OFAC sanctioned digital currency addresses,OFAC SDN as of 2025-11-27,Tornado Cash; TC,ETH,,OFAC SDN as of 2025-11-27"
        )
    );
    // The quoted formula from the paste (kept as written, with its doubled
    // quotes) is defused and escaped.
    assert!(
        lines[2]
            .starts_with("2,\"'=HYPERLINK(\"\"\"\"x\"\"\"\")\",Unrecognised format,unrecognized,"),
        "{}",
        lines[2]
    );
    assert!(
        lines[3].starts_with(&format!("3,{TYPO},Invalid address,invalid,")),
        "{}",
        lines[3]
    );
    assert!(
        lines[3].contains(",Checksum mismatch, likely a typo,")
            || lines[3].contains(",\"Checksum mismatch, likely a typo\",")
    );
    assert!(
        lines[4].starts_with(&format!("4,{OTHER},Not listed,clear,")),
        "{}",
        lines[4]
    );
    assert!(lines[4].ends_with(",OFAC SDN as of 2025-11-27"));
    assert_eq!(lines[5], "");
}

#[test]
fn large_texts_are_held_outside_the_box_and_checked() {
    let text = unlisted(3000).join("\n");
    let s = ready(true);
    let rev = s.revision;
    let pasted = finish(s.apply(Action::PasteLarge(text.clone())));
    assert_eq!(
        pasted.held.as_deref(),
        Some("3,000 lines (126.0 KiB) pasted")
    );
    assert_eq!(pasted.revision, rev + 1, "the box is emptied");
    assert_eq!(pasted.batch().unwrap().counts.clear, 3000);

    let opened = pasted.apply(Action::OpenedText {
        name: "big.csv".into(),
        text: text.clone(),
    });
    assert_eq!(
        opened.held.as_deref(),
        Some("3,000 lines (126.0 KiB) from big.csv")
    );
    assert_eq!(opened.from_file.as_deref(), Some("big.csv"));

    // A small file goes in the box; typing replaces a held text.
    let small = opened.apply(Action::OpenedText {
        name: "few.txt".into(),
        text: format!("{LISTED}\n{OTHER}"),
    });
    assert_eq!(small.held, None);
    assert_eq!(
        small.revision,
        opened.revision + 1,
        "the box shows the file"
    );
    assert_eq!(small.batch().unwrap().counts.flagged, 1);
    let typed = opened.apply(Action::Input(OTHER.into()));
    assert_eq!(typed.held, None);
    assert_eq!(typed.from_file, None);
    assert_eq!(
        typed.revision, opened.revision,
        "typing is not written back"
    );

    let cleared = opened.apply(Action::Clear);
    assert_eq!(cleared.held, None);
    assert_eq!(cleared.input.as_str(), "");
    assert_eq!(cleared.results, Results::Nothing);
    assert_eq!(cleared.revision, opened.revision + 1);
}
