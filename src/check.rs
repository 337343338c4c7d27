//! Checking one entry against every list that is switched on, and combining
//! the answers: flagged by any list is flagged (with every list's labels); a
//! possible match on a list without details stays possible; otherwise the
//! address is not listed on any of them (or is invalid / unrecognised, which
//! does not depend on the list).

use addrcheck_core::filter::check_all;
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

/// Check `input` against `lists` (the enabled ones; at least one): parsed
/// once, looked up in each list by the core's `check_all`.
pub fn check(lists: &[&List], input: &str) -> Outcome {
    if lists.is_empty() {
        // Nothing to check against: never "not listed".
        return Outcome {
            status: Status::Unrecognized,
            chain: None,
            normalized: None,
            error: None,
            listed: Vec::new(),
            possible: Vec::new(),
        };
    }
    let combined = check_all(lists.iter().map(|l| &*l.filter), input);
    let listed = combined
        .matches
        .iter()
        .map(|&(i, label)| {
            let list = lists[i];
            let source = list.filter.source(label);
            Listed {
                list: list.name().to_string(),
                source: source.name.clone(),
                as_of: source.as_of.clone(),
                names: label.names.clone(),
                assets: label.assets.clone(),
            }
        })
        .collect();
    let possible = combined
        .possible
        .iter()
        .map(|&i| {
            let list = lists[i];
            Possible {
                list: list.name().to_string(),
                coverage: list.summary.coverage.clone(),
                fp_rate: list.filter.metadata().fp_rate,
            }
        })
        .collect();
    Outcome {
        status: combined.status,
        chain: combined.chain(),
        normalized: combined
            .normalized()
            .map(|n| n.into_owned().into_boxed_str()),
        error: combined.error,
        listed,
        possible,
    }
}
