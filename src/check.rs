//! Checking one entry against every list that is switched on, and combining
//! the answers: flagged by any list is flagged (with every list's labels); a
//! possible match on a list without details stays possible; otherwise the
//! address is not listed on any of them (or is invalid / unrecognised, which
//! does not depend on the list).

use addrcheck_core::{AddressError, Chain, Status};

use crate::lists::List;

/// Who flagged an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listed {
    /// The list's name (its metadata), e.g. "OFAC sanctioned digital currency addresses".
    pub list: String,
    pub source: String,
    pub as_of: String,
    pub names: Vec<String>,
    pub assets: Vec<String>,
}

/// A Bloom hit on a list without details: it cannot be confirmed.
#[derive(Clone, Debug, PartialEq)]
pub struct Possible {
    pub list: String,
    /// e.g. "OFAC SDN as of 2025-11-27".
    pub coverage: String,
    /// The list's false-positive rate.
    pub fp_rate: f64,
}

/// The combined answer for one entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub status: Status,
    /// The chain (family) of a recognised or broken address.
    pub chain: Option<Chain>,
    /// The recognised address in its canonical form (computed here, while
    /// checking in steps, so showing and exporting it costs nothing more).
    pub normalized: Option<Box<str>>,
    /// Why the entry is not a valid address.
    pub error: Option<AddressError>,
    pub listed: Vec<Listed>,
    pub possible: Vec<Possible>,
}

/// Check `input` against `lists` (the enabled ones; at least one).
pub fn check(lists: &[&List], input: &str) -> Outcome {
    let mut listed = Vec::new();
    let mut possible = Vec::new();
    let mut fallback = None;
    let mut chain = None;
    let mut normalized = None;
    let mut error = None;
    for (i, list) in lists.iter().enumerate() {
        let filter = &list.filter;
        let verdict = filter.check(input);
        if i == 0 {
            chain = verdict.chain();
            normalized = verdict
                .address
                .as_ref()
                .map(|a| a.normalized().into_boxed_str());
            error = verdict.error.clone();
        }
        match verdict.status {
            Status::Flagged if !verdict.labels.is_empty() => {
                listed.extend(verdict.labels.iter().map(|label| {
                    let source = filter.source(label);
                    Listed {
                        list: list.name().to_string(),
                        source: source.name.clone(),
                        as_of: source.as_of.clone(),
                        names: label.names.clone(),
                        assets: label.assets.clone(),
                    }
                }))
            }
            // (A confirmed hit always names its labels; without them it is
            // treated as unconfirmed rather than dropped.)
            Status::Flagged | Status::Possible => possible.push(Possible {
                list: list.name().to_string(),
                coverage: list.summary.coverage.clone(),
                fp_rate: filter.metadata().fp_rate,
            }),
            // Not listed, invalid or unrecognised: the same on every list.
            other => fallback = Some(other),
        }
    }
    let status = if !listed.is_empty() {
        Status::Flagged
    } else if !possible.is_empty() {
        Status::Possible
    } else {
        fallback.unwrap_or(Status::Unrecognized)
    };
    Outcome {
        status,
        chain,
        normalized,
        error,
        listed,
        possible,
    }
}
