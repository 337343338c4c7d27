//! The bundled filter (www/ofac.filter) against the raw OFAC lists in
//! ../shared: a 1,000-line paste of listed, unlisted and mistyped addresses
//! gives exactly the expected counts, rows and CSV.

use std::fs;
use std::path::PathBuf;

use addrcheck_core::Status;

use super::*;
use crate::batch::Show;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (address, first name) of every entry of every per-asset .txt list.
fn ofac_entries() -> Vec<(String, String)> {
    let dir = root().join("../shared/data/ofac/2025-11-27");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        for line in fs::read_to_string(&file)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            let (address, rest) = line.split_once(';').unwrap_or((line, ""));
            let first = rest
                .trim()
                .trim_matches('"')
                .split(';')
                .next()
                .unwrap_or("")
                .trim();
            out.push((address.trim().to_string(), first.to_string()));
        }
    }
    out
}

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// An EIP-55 address with the case of its second letter flipped.
fn break_checksum(address: &str) -> Option<String> {
    let letters: Vec<usize> = address
        .char_indices()
        .skip(2)
        .filter(|(_, c)| c.is_ascii_alphabetic())
        .map(|(i, _)| i)
        .collect();
    let i = *letters.get(1)?;
    let mut bytes = address.as_bytes().to_vec();
    bytes[i] ^= 0x20;
    Some(String::from_utf8(bytes).unwrap())
}

#[test]
fn a_thousand_mixed_lines_give_exact_counts_rows_and_csv() {
    let bytes = fs::read(root().join("www/ofac.filter")).unwrap();
    let s = State::new(today()).apply(Action::Loaded(filter(&bytes)));

    let entries = ofac_entries();
    assert!(entries.len() > 700, "{}", entries.len());
    let mixed_case: Vec<&(String, String)> = entries
        .iter()
        .filter(|(a, _)| {
            a.starts_with("0x")
                && a[2..].chars().any(|c| c.is_ascii_uppercase())
                && a[2..].chars().any(|c| c.is_ascii_lowercase())
        })
        .collect();
    let mut rng = Rng(0x5eed_cafe);
    // (line text, expected status, expected first name)
    let mut lines: Vec<(String, Status, String)> = Vec::new();
    for i in 0..300 {
        let (address, name) = &entries[(i * 7) % entries.len()];
        lines.push((address.clone(), Status::Flagged, name.clone()));
    }
    for _ in 0..500 {
        let address = format!(
            "0x{:016x}{:016x}{:08x}",
            rng.next(),
            rng.next(),
            rng.next() as u32
        );
        lines.push((address, Status::Clear, String::new()));
    }
    for i in 0..200 {
        let (address, _) = mixed_case[i % mixed_case.len()];
        lines.push((
            break_checksum(address).unwrap(),
            Status::Invalid,
            String::new(),
        ));
    }
    // Shuffle (Fisher-Yates).
    for i in (1..lines.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        lines.swap(i, j);
    }
    let text = lines
        .iter()
        .map(|(l, _, _)| l.as_str())
        .collect::<Vec<_>>()
        .join("\n");

    let s = finish(s.apply(Action::Input(text)));
    let batch = s.batch().unwrap();
    assert_eq!(batch.len(), 1000);
    assert_eq!(
        (
            batch.counts.flagged,
            batch.counts.clear,
            batch.counts.invalid
        ),
        (300, 500, 200)
    );
    assert_eq!(
        crate::rows::summary_line(&batch.counts),
        "300 flagged · 500 not listed · 200 invalid"
    );

    // Every row: the right line, input, verdict and (for flagged) entity name.
    for (i, (text, status, name)) in lines.iter().enumerate() {
        let outcome = batch.outcome(i).unwrap();
        assert_eq!(batch.span(i).line as usize, i + 1);
        assert_eq!(batch.entry(i), text);
        assert_eq!(outcome.status, *status, "line {}: {text}", i + 1);
        if *status == Status::Flagged && !name.is_empty() {
            assert!(
                outcome
                    .listed
                    .iter()
                    .any(|l| l.names.iter().any(|n| n == name) && l.source == "OFAC SDN"),
                "line {}: {text} should name {name}",
                i + 1
            );
        }
    }

    // The flagged-only view shows exactly the listed lines.
    let hits = s.apply(Action::Show(Show::Hits));
    assert_eq!(hits.table.view.len(), 300);

    // The CSV: a header and one row per line, in order, with the verdict.
    let csv = crate::csv::export(batch, &s.checked);
    let rows: Vec<&str> = csv
        .trim_start_matches('\u{FEFF}')
        .trim_end()
        .split("\r\n")
        .collect();
    assert_eq!(rows.len(), 1001);
    for (i, (text, status, _)) in lines.iter().enumerate() {
        let prefix = format!(
            "{},{},{},{},",
            i + 1,
            text,
            crate::present::title(*status),
            status.as_str()
        );
        assert!(
            rows[i + 1].starts_with(&prefix),
            "{} does not start with {prefix}",
            rows[i + 1]
        );
    }
}
