//! Several verified lists checked as one: the input is parsed once and its
//! key looked up in each list. Flagged when any list confirms the address
//! (with every confirming list's labels), possible when lists only have
//! unconfirmed Bloom hits, and otherwise what the address itself is (clear,
//! invalid or unrecognized: the same for every list).

use super::details::Label;
use super::file::{Filter, Lookup};
use crate::address::{canonical_text, clean, normalized_from, parse_text, Address, AddressError, Chain, Key};
use crate::verdict::Status;
use std::borrow::Cow;

/// The combined answer of several lists for one input. Borrows labels from
/// the lists (`'f`) and the cleaned text from the input (`'i`).
#[derive(Clone, Debug)]
pub struct Combined<'f, 'i> {
    pub status: Status,
    /// The recognised address, when the input parsed.
    pub address: Option<Address>,
    /// Why the input did not parse (also when its exact text is listed).
    pub error: Option<AddressError>,
    /// Confirmed labels as (list index, label), lists in order.
    pub matches: Vec<(usize, &'f Label)>,
    /// Lists whose Bloom filter matched with no details section to confirm it.
    pub possible: Vec<usize>,
    /// The input after cleaning.
    cleaned: &'i str,
}

impl<'i> Combined<'_, 'i> {
    pub fn chain(&self) -> Option<Chain> {
        match (&self.address, &self.error) {
            (Some(a), _) => Some(a.chain),
            (None, Some(e)) => e.chain(),
            (None, None) => None,
        }
    }

    /// The input after cleaning (whitespace, invisible characters and
    /// payment-URI wrappers removed): a slice of the input.
    pub fn cleaned(&self) -> &'i str {
        self.cleaned
    }

    /// The address's canonical form ([`Address::normalized`]), borrowed from
    /// the input when the input already is canonical
    /// ([`Parsed::normalized`](crate::address::Parsed::normalized)).
    pub fn normalized(&self) -> Option<Cow<'i, str>> {
        Some(normalized_from(self.address.as_ref()?, self.cleaned))
    }

    /// The cleaned input when it already is the address's canonical form:
    /// [`normalized`](Self::normalized) without computing anything. `None`
    /// when there is no address, or when its form would have to be printed.
    pub fn normalized_borrowed(&self) -> Option<&'i str> {
        canonical_text(self.address.as_ref()?, self.cleaned)
    }
}

/// Check `input` against every filter. With no filter at all nothing can be
/// listed, so callers must refuse to answer rather than call this with none.
pub fn check_all<'f, 'i>(filters: impl IntoIterator<Item = &'f Filter>, input: &'i str) -> Combined<'f, 'i> {
    let parsed = parse_text(input);
    let cleaned = match &parsed {
        Ok(p) => p.text(),
        Err(_) => clean(input),
    };
    // Lists keep entries nobody parses as exact-text keys.
    let exact;
    let key = match &parsed {
        Ok(p) => Some(&p.address().key),
        Err(_) => {
            exact = Some(cleaned).filter(|c| !c.is_empty()).map(Key::exact);
            exact.as_ref()
        }
    };
    let mut matches = Vec::new();
    let mut possible = Vec::new();
    if let Some(key) = key {
        for (i, filter) in filters.into_iter().enumerate() {
            match filter.lookup(key) {
                Lookup::Listed(labels) => matches.extend(labels.into_iter().map(|l| (i, l))),
                Lookup::Possible => possible.push(i),
                Lookup::Miss => {}
            }
        }
    }
    let (address, error) = match parsed {
        Ok(p) => (Some(p.into_address()), None),
        Err(error) => (None, Some(error)),
    };
    let status = if !matches.is_empty() {
        Status::Flagged
    } else if !possible.is_empty() {
        Status::Possible
    } else {
        match &error {
            None => Status::Clear,
            Some(AddressError::Unrecognized) => Status::Unrecognized,
            Some(_) => Status::Invalid,
        }
    };
    Combined { status, address, error, matches, possible, cleaned }
}
