//! Pure presentation logic: a verified filter, or the combined outcome of a
//! check, becomes the plain strings the page shows. No Yew, no browser:
//! tested natively with `cargo test -p addrcheck-web`.

use addrcheck_core::filter::Metadata;
use addrcheck_core::{AddressError, Chain, Filter, Status};

use crate::age::{age, Age, Date};
use crate::check::Outcome;
use crate::format::{capitalize, format_size, group_digits, one_in, plural};
use crate::split::{TooMuch, MAX_ENTRIES, MAX_TEXT_BYTES};

/// What the page shows about a loaded list.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterSummary {
    pub list_name: String,
    pub sources: Vec<SourceLine>,
    /// Distinct address keys, e.g. "743".
    pub keys: String,
    /// e.g. "1 in 1,000,000,000".
    pub fp_rate: String,
    /// e.g. "3.1 KiB (3,172 bytes)".
    pub size: String,
    /// SHA-256 of the whole file, as `sha256sum` prints it.
    pub sha256: String,
    pub built_at: String,
    /// Whether hits can be confirmed and named (details section present).
    pub has_details: bool,
    /// e.g. "OFAC SDN as of 2025-11-27" (all sources, joined).
    pub coverage: String,
    /// Whether any source is older than the warning threshold.
    pub stale: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    pub name: String,
    pub as_of: String,
    /// e.g. "743 addresses".
    pub entries: String,
    /// How old the source is today (`None` without a clock or a readable date).
    pub age: Option<Age>,
}

/// The colour/tone of a verdict; also its CSS modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Danger,
    Warning,
    Ok,
    Error,
    Neutral,
}

impl Tone {
    pub fn of(status: Status) -> Tone {
        match status {
            Status::Flagged => Tone::Danger,
            Status::Possible => Tone::Warning,
            Status::Clear => Tone::Ok,
            Status::Invalid => Tone::Error,
            Status::Unrecognized => Tone::Neutral,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Tone::Danger => "verdict--danger",
            Tone::Warning => "verdict--warning",
            Tone::Ok => "verdict--ok",
            Tone::Error => "verdict--error",
            Tone::Neutral => "verdict--neutral",
        }
    }
}

/// The words for each status, used everywhere on the page.
pub fn title(status: Status) -> &'static str {
    match status {
        Status::Flagged => "Flagged",
        Status::Possible => "Possible match",
        Status::Clear => "Not listed",
        Status::Invalid => "Invalid address",
        Status::Unrecognized => "Unrecognised format",
    }
}

/// A symbol for each status, shown beside its words (never colour alone).
pub fn glyph(status: Status) -> &'static str {
    match status {
        Status::Flagged => "✕",
        Status::Possible => "?",
        Status::Clear => "✓",
        Status::Invalid => "!",
        Status::Unrecognized => "–",
    }
}

pub fn summarize(filter: &Filter, today: Option<Date>) -> FilterSummary {
    let meta = filter.metadata();
    let sources: Vec<SourceLine> = meta
        .sources
        .iter()
        .map(|s| SourceLine {
            name: s.name.clone(),
            as_of: s.as_of.clone(),
            entries: plural(s.entries, "address", "addresses"),
            age: today.and_then(|t| age(&s.as_of, t)),
        })
        .collect();
    FilterSummary {
        list_name: meta.list_name.clone(),
        stale: sources
            .iter()
            .any(|s| s.age.as_ref().is_some_and(|a| a.stale)),
        sources,
        keys: group_digits(meta.keys),
        fp_rate: one_in(meta.fp_rate),
        size: format_size(filter.size_bytes() as u64),
        sha256: filter.sha256_hex(),
        built_at: meta.built_at.clone(),
        has_details: filter.has_details(),
        coverage: coverage(meta),
    }
}

/// "OFAC SDN as of 2025-11-27" (or several, joined with "; ").
pub fn coverage(meta: &Metadata) -> String {
    if meta.sources.is_empty() {
        return format!("{} as of {}", meta.list_name, meta.built_at);
    }
    meta.sources
        .iter()
        .map(|s| format!("{} as of {}", s.name, s.as_of))
        .collect::<Vec<_>>()
        .join("; ")
}

/// What was checked against: the lists switched on.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Checked {
    /// How many lists.
    pub lists: usize,
    /// Their coverage, e.g. "OFAC SDN as of 2025-11-27; ScamSniffer as of 2025-11-01".
    pub coverage: String,
    /// Age warnings of the lists checked (empty when all are recent).
    pub stale: Vec<String>,
}

/// Who flagged an address, ready to display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchLine {
    /// The list that matched.
    pub list: String,
    pub source: String,
    pub as_of: String,
    pub names: Vec<String>,
    pub assets: Vec<String>,
}

/// An unconfirmed hit, ready to display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PossibleLine {
    pub list: String,
    pub coverage: String,
    /// e.g. "1 in 1,000,000".
    pub fp_rate: String,
}

/// One verdict, ready to display.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictView {
    pub status: Status,
    pub tone: Tone,
    /// Short, e.g. "Flagged", "Not listed".
    pub title: &'static str,
    /// One sentence explaining the verdict.
    pub summary: String,
    /// For flagged: who listed it.
    pub matches: Vec<MatchLine>,
    /// For possible: which lists could not confirm it.
    pub possible: Vec<PossibleLine>,
    pub chain: Option<String>,
    pub normalized: Option<String>,
}

pub fn match_lines(outcome: &Outcome) -> Vec<MatchLine> {
    outcome
        .listed
        .iter()
        .map(|l| MatchLine {
            list: l.list.clone(),
            source: l.source.clone(),
            as_of: l.as_of.clone(),
            names: l.names.clone(),
            assets: l.assets.clone(),
        })
        .collect()
}

pub fn possible_lines(outcome: &Outcome) -> Vec<PossibleLine> {
    outcome
        .possible
        .iter()
        .map(|p| PossibleLine {
            list: p.list.clone(),
            coverage: p.coverage.clone(),
            fp_rate: one_in(p.fp_rate),
        })
        .collect()
}

/// The full verdict for one entry (the single-address view).
pub fn verdict(outcome: &Outcome, checked: &Checked) -> VerdictView {
    let status = outcome.status;
    let the_list = if checked.lists == 1 {
        "the list"
    } else {
        "any list checked"
    };
    let summary = match status {
        Status::Flagged => {
            let mut sources: Vec<String> = outcome
                .listed
                .iter()
                .map(|l| format!("{} as of {}", l.source, l.as_of))
                .collect();
            sources.dedup();
            if sources.len() == 1 {
                format!("This address is on the list: {}.", sources[0])
            } else {
                format!(
                    "This address is on {} lists: {}.",
                    sources.len(),
                    sources.join("; ")
                )
            }
        }
        Status::Possible => {
            let p = &outcome.possible[0];
            format!(
                "This address matched {} ({}), which holds no details to confirm it. \
                 A false match happens about {} checks: confirm against the official list.",
                p.list,
                p.coverage,
                one_in(p.fp_rate).to_lowercase()
            )
        }
        Status::Clear if checked.lists == 1 => format!("Not on the list: {}.", checked.coverage),
        Status::Clear => format!(
            "Not on any of the {} lists checked: {}.",
            checked.lists, checked.coverage
        ),
        Status::Invalid => match &outcome.error {
            Some(e) => format!("{}.", capitalize(&e.to_string())),
            None => "This is not a valid address.".to_string(),
        },
        Status::Unrecognized => {
            format!("Not a recognised address format, and this exact text is not on {the_list}.")
        }
    };
    VerdictView {
        status,
        tone: Tone::of(status),
        title: title(status),
        summary,
        matches: match_lines(outcome),
        possible: possible_lines(outcome),
        chain: outcome.chain.map(|c| c.name().to_string()),
        normalized: outcome.normalized.as_deref().map(str::to_string),
    }
}

/// Why the results area shows no results.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Nothing to check yet.
    Empty,
    /// A large text is being split into entries.
    Reading,
    /// Something to say instead of results.
    Problem {
        code: &'static str,
        title: String,
        body: String,
    },
}

/// The notice for a text over the limits.
pub fn too_much(t: TooMuch) -> Notice {
    match t {
        TooMuch::Bytes { bytes } => Notice::Problem {
            code: "tooLarge",
            title: format!("This text is too large to check at once: {}.", format_size(bytes as u64)),
            body: format!(
                "The limit is {} per check. Nothing was checked: split the list into smaller parts.",
                format_size(MAX_TEXT_BYTES as u64)
            ),
        },
        TooMuch::Entries { entries } => Notice::Problem {
            code: "tooMany",
            title: format!("Too many entries to check at once: {} found.", group_digits(entries as u64)),
            body: format!(
                "The limit is {} entries per check. Nothing was checked: split the list into smaller parts.",
                group_digits(MAX_ENTRIES as u64)
            ),
        },
    }
}

/// The notice when every list is switched off.
pub fn no_lists() -> Notice {
    Notice::Problem {
        code: "noLists",
        title: "No list is in use, so nothing was checked.".to_string(),
        body: "Switch on at least one list below to check these addresses.".to_string(),
    }
}

/// Why an entry is invalid, without the chain (shown beside it), e.g.
/// "Checksum mismatch, likely a typo".
pub fn reason(error: &AddressError) -> String {
    let text = error.to_string();
    let short = match error.chain() {
        Some(chain) => text
            .strip_prefix(&format!("{} address: ", chain.name()))
            .map(str::to_string),
        None => None,
    };
    capitalize(&short.unwrap_or(text))
}

/// A chain's name without its parenthesised examples: "EVM", "Bitcoin".
pub fn chain_short(chain: Chain) -> &'static str {
    let name = chain.name();
    match name.find(" (") {
        Some(i) => &name[..i],
        None => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_has_its_words() {
        assert_eq!(title(Status::Flagged), "Flagged");
        assert_eq!(title(Status::Possible), "Possible match");
        assert_eq!(title(Status::Clear), "Not listed");
        assert_eq!(title(Status::Invalid), "Invalid address");
        assert_eq!(title(Status::Unrecognized), "Unrecognised format");
        assert_eq!(Tone::of(Status::Flagged).class(), "verdict--danger");
        assert_eq!(Tone::of(Status::Clear).class(), "verdict--ok");
    }

    #[test]
    fn reasons_drop_the_chain_prefix() {
        let e = addrcheck_core::parse("0x8589427373d6D84E98730D7795D8f6f8731FDA16").unwrap_err();
        assert_eq!(reason(&e), "Checksum mismatch, likely a typo");
        assert_eq!(
            reason(&AddressError::Unrecognized),
            "Not a recognised address format"
        );
    }

    #[test]
    fn chain_names_are_short_in_tables() {
        assert_eq!(chain_short(Chain::Evm), "EVM");
        assert_eq!(chain_short(Chain::Bitcoin), "Bitcoin");
        assert_eq!(chain_short(Chain::Tron), "Tron");
    }
}
