//! Export of a batch's results as CSV (RFC 4180, UTF-8 with a byte-order
//! mark so spreadsheet programs read entity names in any script).
//!
//! Cells that a spreadsheet would run as a formula (starting with `=`, `+`,
//! `-`, `@`, tab or carriage return) are prefixed with `'`: a pasted list is
//! untrusted text.

use std::ops::Range;

use addrcheck_core::Status;

use crate::age::Date;
use crate::batch::Batch;
use crate::format::cap;
use crate::present::Checked;
use crate::rows::{detail, is_uri, MAX_SHOWN_INPUT};

pub const HEADER: [&str; 13] = [
    "line",
    "input",
    "verdict",
    "status",
    "chain",
    "normalized",
    "payment_uri",
    "matched_list",
    "matched_source",
    "entity_names",
    "assets",
    "detail",
    "checked_against",
];

/// One cell, escaped.
#[cfg(test)]
pub fn cell(value: &str) -> String {
    let mut out = String::new();
    push_cell(&mut out, value);
    out
}

/// Append one escaped cell to `out` (no allocation for the common case).
fn push_cell(out: &mut String, value: &str) {
    let formula = matches!(
        value.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quoted = value.contains([',', '"', '\n', '\r'])
        || value.starts_with(char::is_whitespace) && !formula
        || value.ends_with(char::is_whitespace);
    if quoted {
        out.push('"');
    }
    if formula {
        out.push('\'');
    }
    if quoted && value.contains('"') {
        out.push_str(&value.replace('"', "\"\""));
    } else {
        out.push_str(value);
    }
    if quoted {
        out.push('"');
    }
}

fn push_row<'a>(out: &mut String, cells: impl IntoIterator<Item = &'a str>) {
    for (i, value) in cells.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_cell(out, value);
    }
    out.push_str("\r\n");
}

/// Distinct items, joined with "; ".
fn join_distinct<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for item in items {
        if !seen.contains(&item) {
            seen.push(item);
        }
    }
    seen.join("; ")
}

/// Rows exported per part: a part is built in one go (tens of milliseconds),
/// then the page yields before the next.
pub const PART_ROWS: usize = 20_000;

/// The byte-order mark and the header row.
pub fn head() -> String {
    let mut out = String::from('\u{FEFF}');
    push_row(&mut out, HEADER);
    out
}

/// The rows of entries `range` (checked entries, in entry order).
pub fn rows(batch: &Batch, checked: &Checked, range: Range<usize>) -> String {
    let range = range.start.min(batch.done())..range.end.min(batch.done());
    let mut out = String::with_capacity(range.len() * (180 + checked.coverage.len()));
    for i in range {
        let Some(outcome) = batch.outcome(i) else {
            break;
        };
        let entry = batch.entry(i);
        let line = batch.span(i).line.to_string();
        let chain = outcome.chain.map(|c| c.name()).unwrap_or("");
        let (lists, sources) = match outcome.status {
            Status::Flagged => {
                let sources: Vec<String> = outcome
                    .listed
                    .iter()
                    .map(|l| format!("{} as of {}", l.source, l.as_of))
                    .collect();
                (
                    join_distinct(outcome.listed.iter().map(|l| l.list.as_str())),
                    join_distinct(sources.iter().map(String::as_str)),
                )
            }
            Status::Possible => (
                join_distinct(outcome.possible.iter().map(|p| p.list.as_str())),
                join_distinct(outcome.possible.iter().map(|p| p.coverage.as_str())),
            ),
            _ => (String::new(), String::new()),
        };
        let names = join_distinct(
            outcome
                .listed
                .iter()
                .flat_map(|l| l.names.iter().map(String::as_str)),
        );
        let assets = join_distinct(
            outcome
                .listed
                .iter()
                .flat_map(|l| l.assets.iter().map(String::as_str)),
        );
        let input = if entry.len() > MAX_SHOWN_INPUT {
            cap(entry, MAX_SHOWN_INPUT)
        } else {
            String::new()
        };
        push_row(
            &mut out,
            [
                line.as_str(),
                if input.is_empty() { entry } else { &input },
                crate::present::title(outcome.status),
                outcome.status.as_str(),
                chain,
                outcome.normalized.as_deref().unwrap_or(""),
                if is_uri(entry) { "yes" } else { "" },
                &lists,
                &sources,
                &names,
                &assets,
                &detail(entry, outcome),
                &checked.coverage,
            ],
        );
    }
    out
}

/// The whole batch (every checked entry, in entry order) as CSV text. The
/// page builds the same text in parts: [`head`], then [`rows`] of
/// [`PART_ROWS`] entries at a time; tests hold the parts to this whole.
#[cfg(test)]
pub fn export(batch: &Batch, checked: &Checked) -> String {
    head() + &rows(batch, checked, 0..batch.done())
}

/// "addrcheck-results-2026-11-24.csv" (no addresses in file names).
pub fn file_name(today: Option<Date>) -> String {
    match today {
        Some(d) => format!(
            "addrcheck-results-{:04}-{:02}-{:02}.csv",
            d.year, d.month, d.day
        ),
        None => "addrcheck-results.csv".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_cells_are_left_alone() {
        assert_eq!(
            cell("0x8589427373D6D84E98730D7795D8f6f8731FDA16"),
            "0x8589427373D6D84E98730D7795D8f6f8731FDA16"
        );
        assert_eq!(cell(""), "");
        assert_eq!(cell("Пётр"), "Пётр");
    }

    #[test]
    fn separators_and_quotes_are_quoted() {
        assert_eq!(cell("Lazarus Group, DPRK"), "\"Lazarus Group, DPRK\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(cell(" padded"), "\" padded\"");
    }

    #[test]
    fn formulas_are_defused() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\tx"), "'\tx");
        assert_eq!(cell("a=b"), "a=b");
    }

    #[test]
    fn file_names_hold_only_the_date() {
        assert_eq!(
            file_name(Date::parse("2026-11-24")),
            "addrcheck-results-2026-11-24.csv"
        );
        assert_eq!(file_name(None), "addrcheck-results.csv");
    }
}
