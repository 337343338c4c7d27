//! Verdicts: the same five words everywhere (core, CLI, app, JS).

use crate::address::{Address, AddressError, Chain};
use crate::filter::Label;
use core::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    /// Confirmed by the details section, with labels.
    Flagged,
    /// A Bloom hit that no details section can confirm; the false-positive rate applies.
    Possible,
    /// A recognised address that is not listed.
    Clear,
    /// A known format, broken (checksum, length, characters).
    Invalid,
    /// No known format, and its exact text is not listed.
    Unrecognized,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Flagged => "flagged",
            Status::Possible => "possible",
            Status::Clear => "clear",
            Status::Invalid => "invalid",
            Status::Unrecognized => "unrecognized",
        }
    }

    /// Whether this verdict should stop a payment (flagged or possible).
    pub fn is_hit(self) -> bool {
        matches!(self, Status::Flagged | Status::Possible)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The answer for one input. `labels` borrow from the filter that answered.
#[derive(Clone, Debug)]
pub struct Verdict<'f> {
    pub status: Status,
    /// The recognised address, when the input parsed.
    pub address: Option<Address>,
    /// Why the input did not parse (for `invalid`/`unrecognized`, and for an
    /// unparseable input that matched a list's exact-text entry).
    pub error: Option<AddressError>,
    /// Who flagged it (for `flagged`).
    pub labels: Vec<&'f Label>,
}

impl Verdict<'_> {
    pub fn chain(&self) -> Option<Chain> {
        match (&self.address, &self.error) {
            (Some(a), _) => Some(a.chain),
            (None, Some(e)) => e.chain(),
            _ => None,
        }
    }
}
