//! The results of a batch in compact form: one row of integers per result, one
//! string pool for the normalized forms and reasons, and a table of the match
//! lists of the results that have one. JavaScript (`js/results.js`) turns this
//! into plain result objects in one pass, so a batch (or each slice of a large
//! one) costs one crossing of the boundary however many results it holds, and
//! hits (rare) are the only part that goes through serde.
//!
//! Pure Rust (no wasm-bindgen): tested natively.

use crate::codes::{chain_code, status_code};
use crate::lists::{Lists, Outcome};
use crate::paste::Item;
use serde::Serialize;

/// Integers per result row:
/// `[status | chain << 8 | flags, input start, input end, normalized start,
///   normalized end, reason start, reason end, match set, possible set]`.
/// Input spans are UTF-16 offsets in the JavaScript input string; the other
/// spans are UTF-16 offsets in the pool, except the normalized span when the
/// row has [`NORMALIZED_IN_INPUT`]. Sets are 1-based indices into
/// `match_sets` / `possible_sets` (0: none); every result has its own.
pub const FIELDS: usize = 9;

/// Row flag: the normalized form is a span of the item's own input (offsets
/// from the item's start), because the input already is canonical.
pub const NORMALIZED_IN_INPUT: u32 = 1 << 16;

/// Flag of `check`'s result code (never in a batch row): the input is a valid
/// address but not in its canonical form, which JavaScript has printed with
/// [`normalized_of`] when `normalized` is first read. Printing it costs more
/// than the check (a Keccak-256 for a lower-case EVM address), and most
/// callers never read it.
pub const NORMALIZED_LATER: u32 = 1 << 17;

/// The canonical form of the address in `input` (cleaned and parsed as
/// `check` does), or `None` when it is not a valid address.
pub fn normalized_of(input: &str) -> Option<String> {
    let parsed = addrcheck_core::address::parse_text(input).ok()?;
    Some(parsed.normalized().into_owned())
}

/// A missing span (`normalized` or `reason` is `null`).
pub const NONE: u32 = u32::MAX;

/// One confirmed match, as JavaScript sees it.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MatchOut<'f> {
    /// The list's name.
    pub list: &'f str,
    /// The source within the list, e.g. "OFAC SDN".
    pub source: &'f str,
    /// The source's as-of date, `YYYY-MM-DD`.
    pub as_of: &'f str,
    pub names: &'f [String],
    pub assets: &'f [String],
}

/// A list's unconfirmed Bloom hit, as JavaScript sees it.
#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PossibleOut<'f> {
    pub list: &'f str,
    /// The list's false-positive rate: how often such a hit is wrong.
    pub fp_rate: f64,
    /// The sources the list was built from (it cannot tell which one).
    pub sources: Vec<SourceOut<'f>>,
}

#[derive(Serialize, Debug, Clone, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SourceOut<'f> {
    pub name: &'f str,
    pub as_of: &'f str,
}

/// The results of one batch.
#[derive(Debug)]
pub struct Batch<'f> {
    lists: &'f Lists,
    /// Whether rows carry the normalized form (it costs a hash per address:
    /// Keccak-256 for EVM, SHA-256 for Base58Check).
    normalized: bool,
    pub rows: Vec<u32>,
    pub pool: String,
    pool_utf16: u32,
    pub match_sets: Vec<Vec<MatchOut<'f>>>,
    pub possible_sets: Vec<Vec<PossibleOut<'f>>>,
}

impl<'f> Batch<'f> {
    pub fn with_capacity(lists: &'f Lists, n: usize, normalized: bool) -> Batch<'f> {
        Batch {
            lists,
            normalized,
            rows: Vec::with_capacity(n.saturating_mul(FIELDS)),
            pool: String::new(),
            pool_utf16: 0,
            match_sets: Vec::new(),
            possible_sets: Vec::new(),
        }
    }

    /// Check one item and append its row.
    pub fn check(&mut self, item: Item<'_>) {
        let outcome = self.lists.check(item.text);
        self.push(item, outcome);
    }

    pub fn len(&self) -> usize {
        self.rows.len() / FIELDS
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    fn push(&mut self, item: Item<'_>, outcome: Outcome<'f, '_>) {
        let mut code = row_code(&outcome);
        let normalized = if self.normalized {
            outcome.normalized()
        } else {
            None
        };
        let (norm_start, norm_end) = match normalized.as_deref() {
            None => (NONE, NONE),
            Some(form) => match utf16_span(item.text, form) {
                Some(span) => {
                    code |= NORMALIZED_IN_INPUT;
                    span
                }
                None => self.pool_push(form),
            },
        };
        let (reason_start, reason_end) = match &outcome.error {
            Some(e) => self.pool_push(&e.to_string()),
            None => (NONE, NONE),
        };
        let match_set = self.match_set(&outcome);
        let possible_set = self.possible_set(&outcome);
        self.rows.extend_from_slice(&[
            code,
            item.start,
            item.end,
            norm_start,
            norm_end,
            reason_start,
            reason_end,
            match_set,
            possible_set,
        ]);
    }

    fn pool_push(&mut self, s: &str) -> (u32, u32) {
        let start = self.pool_utf16;
        self.pool.push_str(s);
        self.pool_utf16 = self.pool_utf16.saturating_add(utf16_len(s) as u32);
        (start, self.pool_utf16)
    }

    fn match_set(&mut self, outcome: &Outcome<'f, '_>) -> u32 {
        if outcome.matches.is_empty() {
            return 0;
        }
        self.match_sets.push(matches_out(self.lists, outcome));
        self.match_sets.len() as u32
    }

    fn possible_set(&mut self, outcome: &Outcome<'f, '_>) -> u32 {
        if outcome.possible.is_empty() {
            return 0;
        }
        self.possible_sets.push(possible_out(self.lists, outcome));
        self.possible_sets.len() as u32
    }
}

/// The confirmed matches of an outcome, as JavaScript sees them.
pub fn matches_out<'f>(lists: &'f Lists, outcome: &Outcome<'f, '_>) -> Vec<MatchOut<'f>> {
    let filters = lists.filters();
    outcome
        .matches
        .iter()
        .map(|&(list, label)| {
            let filter = &filters[list];
            let source = filter.source(label);
            MatchOut {
                list: &filter.metadata().list_name,
                source: &source.name,
                as_of: &source.as_of,
                names: &label.names,
                assets: &label.assets,
            }
        })
        .collect()
}

/// The unconfirmed hits of an outcome, as JavaScript sees them.
pub fn possible_out<'f>(lists: &'f Lists, outcome: &Outcome<'f, '_>) -> Vec<PossibleOut<'f>> {
    let filters = lists.filters();
    outcome
        .possible
        .iter()
        .map(|&list| {
            let meta = filters[list].metadata();
            PossibleOut {
                list: &meta.list_name,
                fp_rate: meta.fp_rate,
                sources: meta
                    .sources
                    .iter()
                    .map(|s| SourceOut {
                        name: &s.name,
                        as_of: &s.as_of,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// The length of `s` in UTF-16 code units, as JavaScript counts it.
fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.encode_utf16().count()
    }
}

/// The UTF-16 offsets of `part` in `text`, when `part` is a slice of `text`
/// (such as its cleaned form).
pub fn utf16_span(text: &str, part: &str) -> Option<(u32, u32)> {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    let end = start.checked_add(part.len())?;
    if end > text.len() {
        return None;
    }
    let (before, part) = (text.get(..start)?, text.get(start..end)?);
    let start = u32::try_from(utf16_len(before)).ok()?;
    let end = start.checked_add(u32::try_from(utf16_len(part)).ok()?)?;
    Some((start, end))
}

/// The first integer of a row: status and chain codes.
pub fn row_code(outcome: &Outcome<'_, '_>) -> u32 {
    u32::from(status_code(outcome.status)) | u32::from(chain_code(outcome.chain())) << 8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codes::{CHAINS, NO_CHAIN, STATUSES};
    use crate::paste::split_paste;
    use addrcheck_core::filter::Label;
    use addrcheck_core::{parse, FilterBuilder, Status};

    const A: &str = "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c";

    fn lists(details: bool) -> Lists {
        let mut b = FilterBuilder::new("Test list");
        b.details(details);
        let s = b.add_source("Test source", "2025-11-27");
        let label = Label {
            source: s,
            names: vec!["Alice".into(), "Алиса".into()],
            assets: vec!["ETH".into()],
        };
        b.insert(&parse(A).unwrap().key, label);
        Lists::new(&b.build().unwrap()).unwrap()
    }

    fn utf16_slice(s: &str, start: u32, end: u32) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16(&units[start as usize..end as usize]).unwrap()
    }

    #[test]
    fn rows_carry_every_field() {
        let lists = lists(true);
        let text = "0x4F47BC496083C727C5FBE3CE9CDF2B0F6496270C, é-not-an-address 0x4F47bc496083C727c5fbe3CE9CDf2B0f6496270D";
        let items = split_paste(text);
        let mut batch = Batch::with_capacity(&lists, items.len(), true);
        for it in &items {
            batch.check(*it);
        }
        assert_eq!(batch.len(), 3);
        let row = |i: usize| &batch.rows[i * FIELDS..(i + 1) * FIELDS];

        // Flagged, with its normalized EIP-55 form and one match set.
        let r = row(0);
        assert_eq!(STATUSES[(r[0] & 0xff) as usize], Status::Flagged);
        assert_eq!(CHAINS[((r[0] >> 8) & 0xff) as usize].id(), "evm");
        assert_eq!(utf16_slice(text, r[1], r[2]), items[0].text);
        assert_eq!(
            utf16_slice(&batch.pool, r[3], r[4]),
            "0x4F47Bc496083C727c5fbe3CE9CDf2B0f6496270c"
        );
        assert_eq!((r[5], r[6]), (NONE, NONE));
        assert_eq!(r[7], 1);
        assert_eq!(r[8], 0);
        let m = &batch.match_sets[0][0];
        assert_eq!(
            (m.list, m.source, m.as_of),
            ("Test list", "Test source", "2025-11-27")
        );
        assert_eq!(m.names, ["Alice", "Алиса"]);
        assert_eq!(m.assets, ["ETH"]);

        // Unrecognized, no chain, a reason; the input span skips the é correctly.
        let r = row(1);
        assert_eq!(STATUSES[(r[0] & 0xff) as usize], Status::Unrecognized);
        assert_eq!(((r[0] >> 8) & 0xff) as u8, NO_CHAIN);
        assert_eq!(utf16_slice(text, r[1], r[2]), "é-not-an-address");
        assert_eq!((r[3], r[4]), (NONE, NONE));
        assert_eq!(
            utf16_slice(&batch.pool, r[5], r[6]),
            "not a recognised address format"
        );

        // Invalid (checksum), chain known, no normalized form.
        let r = row(2);
        assert_eq!(STATUSES[(r[0] & 0xff) as usize], Status::Invalid);
        assert_eq!(CHAINS[((r[0] >> 8) & 0xff) as usize].id(), "evm");
        assert!(utf16_slice(&batch.pool, r[5], r[6]).contains("checksum"));
        assert_eq!((r[7], r[8]), (0, 0));
    }

    #[test]
    fn canonical_inputs_lend_their_normalized_form() {
        let lists = lists(true);
        let eip55 = "0x4F47Bc496083C727c5fbe3CE9CDf2B0f6496270c";
        let text = format!("x ethereum:{eip55}@1 \u{a0}bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        let items = split_paste(&text);
        let mut batch = Batch::with_capacity(&lists, items.len(), true);
        items.iter().for_each(|it| batch.check(*it));
        assert_eq!(batch.len(), 3);
        // `x`: unrecognized, no normalized form.
        assert_eq!(batch.rows[0] & NORMALIZED_IN_INPUT, 0);
        assert_eq!((batch.rows[3], batch.rows[4]), (NONE, NONE));
        // The URI's address: a span of the item, past `ethereum:`.
        let r = &batch.rows[FIELDS..2 * FIELDS];
        assert_ne!(r[0] & NORMALIZED_IN_INPUT, 0);
        assert_eq!(STATUSES[(r[0] & 0xff) as usize], Status::Flagged);
        assert_eq!((r[3], r[4]), (9, 9 + 42));
        assert_eq!(&items[1].text[9..51], eip55);
        // The segwit address after a no-break space (a separator, so its own item).
        let r = &batch.rows[2 * FIELDS..];
        assert_ne!(r[0] & NORMALIZED_IN_INPUT, 0);
        assert_eq!((r[3], r[4]), (0, 42));
        // The pool holds only the reason of `x`: no normalized form was printed.
        assert_eq!(batch.pool, "not a recognised address format");
    }

    #[test]
    fn normalized_later_is_what_the_check_would_print() {
        let lists = lists(true);
        for input in [
            "0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c",
            " ethereum:0x4F47BC496083C727C5FBE3CE9CDF2B0F6496270C@1 ",
            "BITCOINCASH:QPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVY22GDX6A",
            "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
        ] {
            let outcome = lists.check(input);
            assert_eq!(
                outcome.normalized_borrowed(),
                None,
                "{input:?} is not canonical"
            );
            let computed = outcome.normalized().map(|form| form.into_owned());
            assert!(computed.is_some(), "{input:?}");
            assert_eq!(normalized_of(input), computed, "{input:?}");
        }
        assert_eq!(
            normalized_of("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270"),
            None
        );
        assert_eq!(normalized_of(""), None);
    }

    #[test]
    fn utf16_spans_count_code_units() {
        let text = "é😀 abc";
        assert_eq!(utf16_span(text, &text[7..]), Some((4, 7)));
        assert_eq!(utf16_span(text, &text[..2]), Some((0, 1)));
        assert_eq!(utf16_span(text, text), Some((0, 7)));
        // Not a slice of `text`.
        assert_eq!(utf16_span(text, "abc"), None);
        assert_eq!(utf16_span(&text[..2], &text[7..]), None);
    }

    #[test]
    fn every_hit_has_its_own_match_set() {
        let lists = lists(true);
        let text = format!(
            "{A} 0x0000000000000000000000000000000000000001 {} {A}",
            A.to_uppercase().replace("0X", "0x")
        );
        let items = split_paste(&text);
        let mut batch = Batch::with_capacity(&lists, items.len(), true);
        items.iter().for_each(|it| batch.check(*it));
        assert_eq!(batch.match_sets.len(), 3);
        let sets: Vec<u32> = (0..4).map(|i| batch.rows[i * FIELDS + 7]).collect();
        assert_eq!(sets, [1, 0, 2, 3]);
        assert!(batch.match_sets.iter().all(|s| s == &batch.match_sets[0]));
    }

    #[test]
    fn normalized_forms_only_when_asked() {
        let lists = lists(true);
        let items = split_paste("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c nonsense");
        let mut batch = Batch::with_capacity(&lists, items.len(), false);
        items.iter().for_each(|it| batch.check(*it));
        assert_eq!((batch.rows[3], batch.rows[4]), (NONE, NONE));
        assert_eq!(STATUSES[(batch.rows[0] & 0xff) as usize], Status::Flagged);
        // Reasons are still there.
        let r = &batch.rows[FIELDS..];
        assert_eq!(
            utf16_slice(&batch.pool, r[5], r[6]),
            "not a recognised address format"
        );
    }

    #[test]
    fn possible_hits_name_the_list_and_its_rate() {
        let lists = lists(false);
        let mut batch = Batch::with_capacity(&lists, 1, true);
        batch.check(split_paste(A)[0]);
        assert_eq!(STATUSES[(batch.rows[0] & 0xff) as usize], Status::Possible);
        assert_eq!(batch.rows[7], 0);
        assert_eq!(batch.rows[8], 1);
        let p = &batch.possible_sets[0][0];
        assert_eq!(p.list, "Test list");
        assert!(p.fp_rate > 0.0 && p.fp_rate < 1e-6);
        assert_eq!(
            p.sources,
            [SourceOut {
                name: "Test source",
                as_of: "2025-11-27"
            }]
        );
    }
}
