//! The batch table, ready to display: one row per entry, the summary line
//! ("3 flagged · 495 not listed · 2 invalid"), and the page of rows shown.

use addrcheck_core::address::clean;
use addrcheck_core::Status;

use crate::batch::{Batch, Counts};
use crate::check::Outcome;
use crate::format::{cap, group_digits, one_in, plural, shorten_middle};
use crate::present::{chain_short, match_lines, reason, title, MatchLine, Tone};

/// Rows a page of the table shows.
pub const PAGE_SIZE: usize = 100;
/// Inputs are shown (and copied) up to this many characters; no address is
/// anywhere near as long.
pub const MAX_SHOWN_INPUT: usize = 1024;
/// Inputs longer than this are shortened in the middle in the table.
pub const SHORT_INPUT: usize = 26;

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    /// The entry's index in the batch (stable key).
    pub index: u32,
    /// Its line in the text.
    pub line: u32,
    /// The entry as given (capped at [`MAX_SHOWN_INPUT`] characters).
    pub input: String,
    /// Shortened in the middle for the table.
    pub input_short: String,
    /// "EVM", "Bitcoin segwit", ... and the full chain name.
    pub chain: Option<(&'static str, &'static str)>,
    /// Whether the entry was a payment URI (`bitcoin:…?amount=…`).
    pub uri: bool,
    pub normalized: Option<String>,
    pub status: Status,
    pub tone: Tone,
    pub title: &'static str,
    /// One short line: the reason, the possible-match caveat, ...
    pub detail: String,
    pub matches: Vec<MatchLine>,
}

/// Whether `entry` is wrapped in a payment URI (the address inside it was checked).
pub fn is_uri(entry: &str) -> bool {
    let trimmed = entry.trim();
    trimmed.contains(':') && clean(trimmed).len() < trimmed.len()
}

/// The short line beside a verdict in the table (and the CSV's detail column).
pub fn detail(entry: &str, outcome: &Outcome) -> String {
    match outcome.status {
        Status::Flagged => String::new(),
        Status::Possible => outcome
            .possible
            .iter()
            .map(|p| {
                format!(
                    "Unconfirmed match on {} (false matches: about {} checks)",
                    p.list,
                    one_in(p.fp_rate).to_lowercase()
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        Status::Clear => String::new(),
        Status::Invalid => outcome.error.as_ref().map(reason).unwrap_or_default(),
        Status::Unrecognized => {
            let chars = entry.chars().count();
            if chars > 128 {
                format!(
                    "Not a recognised address format (too long: {})",
                    plural(chars as u64, "character", "characters")
                )
            } else {
                "Not a recognised address format".to_string()
            }
        }
    }
}

pub fn row(batch: &Batch, index: usize) -> Option<RowView> {
    let outcome = batch.outcome(index)?;
    let entry = batch.entry(index);
    let chain = outcome.chain;
    Some(RowView {
        index: index as u32,
        line: batch.span(index).line,
        input: cap(entry, MAX_SHOWN_INPUT),
        input_short: shorten_middle(&cap(entry, MAX_SHOWN_INPUT), SHORT_INPUT),
        chain: chain.map(|c| (chain_short(c), c.name())),
        uri: is_uri(entry),
        normalized: outcome.normalized.as_deref().map(str::to_string),
        status: outcome.status,
        tone: Tone::of(outcome.status),
        title: title(outcome.status),
        detail: detail(entry, outcome),
        matches: match_lines(outcome),
    })
}

/// The rows of page `page` of `view` (indices into the batch).
pub fn page(batch: &Batch, view: &[u32], page: usize) -> Vec<RowView> {
    view.iter()
        .skip(page * PAGE_SIZE)
        .take(PAGE_SIZE)
        .filter_map(|&i| row(batch, i as usize))
        .collect()
}

/// What was skipped as a header row, as written (spacing tidied), e.g.
/// "line 1: “Wallet Address, Name”".
pub fn header_note(batch: &Batch) -> Option<String> {
    let (line, cells) = batch.split.header.as_ref()?;
    let (first, last) = (cells.first()?, cells.last()?);
    let raw = &batch.text[first.start as usize..last.end as usize];
    let tidy = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(format!("line {line}: “{}”", shorten_middle(&tidy, 120)))
}

/// How many pages `rows` rows fill (at least one).
pub fn pages(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

/// The words for a count of one status: "3 flagged", "1 possible match".
pub fn count_words(status: Status, n: usize) -> String {
    let n_text = group_digits(n as u64);
    match status {
        Status::Flagged => format!("{n_text} flagged"),
        Status::Possible => format!(
            "{n_text} possible {}",
            if n == 1 { "match" } else { "matches" }
        ),
        Status::Clear => format!("{n_text} not listed"),
        Status::Invalid => format!("{n_text} invalid"),
        Status::Unrecognized => format!("{n_text} unrecognised"),
    }
}

/// Order of the summary line.
pub const SUMMARY_ORDER: [Status; 5] = [
    Status::Flagged,
    Status::Possible,
    Status::Clear,
    Status::Invalid,
    Status::Unrecognized,
];

/// The non-zero counts, as (status, words), in summary order.
pub fn summary_parts(counts: &Counts) -> Vec<(Status, String)> {
    SUMMARY_ORDER
        .iter()
        .filter(|s| counts.get(**s) > 0)
        .map(|&s| (s, count_words(s, counts.get(s))))
        .collect()
}

/// "3 flagged · 495 not listed · 2 invalid".
pub fn summary_line(counts: &Counts) -> String {
    summary_parts(counts)
        .into_iter()
        .map(|(_, w)| w)
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_reads_like_the_issue() {
        let counts = Counts {
            flagged: 3,
            possible: 0,
            clear: 495,
            invalid: 2,
            unrecognized: 0,
        };
        assert_eq!(
            summary_line(&counts),
            "3 flagged · 495 not listed · 2 invalid"
        );
        let counts = Counts {
            flagged: 0,
            possible: 1,
            clear: 1_000_000,
            invalid: 0,
            unrecognized: 7,
        };
        assert_eq!(
            summary_line(&counts),
            "1 possible match · 1,000,000 not listed · 7 unrecognised"
        );
        assert_eq!(summary_line(&Counts::default()), "");
    }

    #[test]
    fn payment_uris_are_recognised() {
        assert!(is_uri(
            "bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=1"
        ));
        assert!(is_uri(
            "ethereum:0x8589427373D6D84E98730D7795D8f6f8731FDA16"
        ));
        assert!(!is_uri("0x8589427373D6D84E98730D7795D8f6f8731FDA16"));
        assert!(!is_uri("note: hello"));
    }

    #[test]
    fn pages_round_up() {
        assert_eq!(pages(0), 1);
        assert_eq!(pages(100), 1);
        assert_eq!(pages(101), 2);
        assert_eq!(pages(100_000), 1000);
    }
}
