//! Reading flagged-address lists in every supported format.
//!
//! Formats are recognised by content ([`sniff`]), never by file name. Each
//! reader streams a file as [`Entry`] values (the address text as listed, the
//! names and asset code the list gives for it, and where it was found), handed
//! one at a time to a visitor through a [`Collector`], plus [`Issue`]s for
//! lines or items it could not use. Readers never panic on bad input and keep
//! memory bounded (see [`guard`] and [`lines`]).

pub mod files;
pub mod guard;
pub mod json_list;
pub mod lines;
pub mod sdn_csv;
pub mod sdn_xml;
pub mod sniff;
pub mod spool;
pub mod text_list;

use std::fmt;
use std::io;

/// Longest address text accepted from any list, in bytes. Longer lines or items
/// are reported and skipped (no real address is longer than ~110 characters).
pub const MAX_ENTRY_BYTES: usize = 4096;

/// Where in a file an entry or issue was found.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Location {
    /// 1-based line number (text lists, CSV records).
    Line(u64),
    /// 1-based position in a JSON array.
    Item(u64),
    /// The `ID` of an SDN_ADVANCED.XML `Feature` element.
    Feature(String),
    /// The whole file.
    File,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::Line(n) => write!(f, "line {n}"),
            Location::Item(n) => write!(f, "item {n}"),
            Location::Feature(id) => write!(f, "Feature ID {id}"),
            Location::File => f.write_str("file"),
        }
    }
}

/// One listed address, as the list gives it. Borrowed from the reader, which
/// hands entries one at a time to a visitor (see [`Collector`]), so no file's
/// entries are ever all in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry<'a> {
    /// The address text as listed, trimmed (cleaning happens when keyed).
    pub text: &'a str,
    /// Entity names, primary first. May be empty.
    pub names: &'a [String],
    /// OFAC asset code (XBT, ETH, ...), when the list gives one.
    pub asset: Option<&'a str>,
    pub location: Location,
}

/// A line or item that could not be used, or a note about the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub location: Location,
    pub message: String,
}

/// Most issues kept per file (and per kind): more are only counted. The
/// builder prints this many per file, then says how many more there were.
pub const MAX_KEPT_ISSUES: usize = 50;

/// The first [`MAX_KEPT_ISSUES`] issues of a file and how many there were in
/// all: memory stays bounded however many lines are bad.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Issues {
    pub kept: Vec<Issue>,
    pub total: u64,
}

impl Issues {
    pub fn push(&mut self, issue: Issue) {
        self.total += 1;
        if self.kept.len() < MAX_KEPT_ISSUES {
            self.kept.push(issue);
        }
    }
}

/// What reading one file yielded besides its entries.
#[derive(Debug, Default)]
pub struct Summary {
    pub issues: Issues,
    /// How many entries were handed to the visitor.
    pub entries: u64,
    /// The list's own as-of date (`YYYY-MM-DD`), when the file states one
    /// (SDN_ADVANCED.XML `DateOfIssue`).
    pub as_of: Option<String>,
}

/// Where a reader puts what it finds: entries go straight to a visitor,
/// issues are kept (bounded) in a [`Summary`].
pub struct Collector<'v> {
    visit: &'v mut dyn FnMut(Entry<'_>),
    summary: Summary,
}

impl<'v> Collector<'v> {
    pub fn new(visit: &'v mut dyn FnMut(Entry<'_>)) -> Self {
        Collector {
            visit,
            summary: Summary::default(),
        }
    }

    pub fn issue(&mut self, location: Location, message: impl Into<String>) {
        self.summary.issues.push(Issue {
            location,
            message: message.into(),
        });
    }

    pub fn set_as_of(&mut self, date: String) {
        self.summary.as_of = Some(date);
    }

    /// Hand an entry to the visitor after the checks common to every format:
    /// non-empty, bounded length.
    pub fn entry(&mut self, text: &str, names: &[String], asset: Option<&str>, location: Location) {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            self.issue(location, "no address (empty field), skipped");
            return;
        }
        if trimmed.len() > MAX_ENTRY_BYTES {
            self.issue(
                location,
                format!(
                    "address field is {} bytes, longer than {MAX_ENTRY_BYTES}, skipped",
                    trimmed.len()
                ),
            );
            return;
        }
        self.summary.entries += 1;
        (self.visit)(Entry {
            text: trimmed,
            names,
            asset,
            location,
        });
    }

    pub fn finish(self) -> Summary {
        self.summary
    }
}

/// Test helper: everything a reader yields, owned.
#[cfg(test)]
#[derive(Debug, Default)]
pub struct Collected {
    pub entries: Vec<OwnedEntry>,
    pub issues: Vec<Issue>,
    pub as_of: Option<String>,
}

#[cfg(test)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedEntry {
    pub text: String,
    pub names: Vec<String>,
    pub asset: Option<String>,
    pub location: Location,
}

#[cfg(test)]
impl Collected {
    /// Run a reader and collect all it yields (issues beyond
    /// [`MAX_KEPT_ISSUES`] are only counted, so tests stay below that).
    pub fn read_with(
        f: impl FnOnce(&mut Collector<'_>) -> Result<(), ReadError>,
    ) -> Result<Collected, ReadError> {
        let mut entries = Vec::new();
        let mut visit = |e: Entry<'_>| {
            entries.push(OwnedEntry {
                text: e.text.to_string(),
                names: e.names.to_vec(),
                asset: e.asset.map(str::to_string),
                location: e.location,
            })
        };
        let mut c = Collector::new(&mut visit);
        f(&mut c)?;
        let summary = c.finish();
        Ok(Collected {
            entries,
            issues: summary.issues.kept,
            as_of: summary.as_of,
        })
    }
}

/// Why a file could not be read at all.
#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// The content is not what its format requires.
    Format(String),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::Format(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> Self {
        ReadError::Io(e)
    }
}

/// Split a `;`-separated name list, trimming and dropping empty parts and
/// repeats (order kept).
pub fn split_names(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split(';') {
        push_name(&mut out, part);
    }
    out
}

/// Append a trimmed, non-empty name unless already present.
pub fn push_name(names: &mut Vec<String>, name: &str) {
    let name = name.trim();
    if !name.is_empty() && !names.iter().any(|n| n == name) {
        names.push(name.to_string());
    }
}

/// The OFAC asset code in a file name like `sanctioned_addresses_XBT.txt`:
/// the part after the last `_` of the stem, when it is 2 to 8 upper-case
/// letters or digits.
pub fn asset_from_file_name(path: &std::path::Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let (_, code) = stem.rsplit_once('_')?;
    let ok = (2..=8).contains(&code.len())
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        && code.bytes().any(|b| b.is_ascii_uppercase());
    ok.then(|| code.to_string())
}

/// Whether `s` is a real calendar date written `YYYY-MM-DD`.
pub fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    if y < 1900 || !(1..=12).contains(&m) || d == 0 {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if leap => 29,
        _ => 28,
    };
    d <= days
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn asset_codes_from_file_names() {
        assert_eq!(
            asset_from_file_name(Path::new("x/sanctioned_addresses_XBT.txt")).as_deref(),
            Some("XBT")
        );
        assert_eq!(
            asset_from_file_name(Path::new("sanctioned_addresses_USDT.json")).as_deref(),
            Some("USDT")
        );
        assert_eq!(asset_from_file_name(Path::new("address.json")), None);
        assert_eq!(asset_from_file_name(Path::new("my_list.txt")), None);
        assert_eq!(asset_from_file_name(Path::new("list_2024.txt")), None);
    }

    #[test]
    fn dates() {
        assert!(is_iso_date("2025-11-27"));
        assert!(is_iso_date("2024-02-29"));
        assert!(!is_iso_date("2023-02-29"));
        assert!(!is_iso_date("2025-13-01"));
        assert!(!is_iso_date("2025-1-01"));
        assert!(!is_iso_date("20251127"));
        assert!(!is_iso_date("２０２５-11-27"));
    }

    #[test]
    fn names_split_and_dedupe() {
        assert_eq!(
            split_names(" A ;B;;A; "),
            vec!["A".to_string(), "B".to_string()]
        );
    }

    #[test]
    fn entry_checks() {
        let c = Collected::read_with(|c| {
            c.entry("   ", &[], None, Location::Line(1));
            c.entry(
                &"x".repeat(MAX_ENTRY_BYTES + 1),
                &[],
                None,
                Location::Line(2),
            );
            c.entry(" abc ", &[], None, Location::Line(3));
            Ok(())
        })
        .unwrap();
        assert_eq!(c.issues.len(), 2);
        assert_eq!(c.entries.len(), 1);
        assert_eq!(c.entries[0].text, "abc");
    }

    #[test]
    fn issues_are_capped_but_counted() {
        let mut visit = |_: Entry<'_>| {};
        let mut c = Collector::new(&mut visit);
        for n in 0..1000 {
            c.issue(Location::Line(n), "bad");
        }
        c.entry("ok", &[], None, Location::Line(1001));
        let s = c.finish();
        assert_eq!(s.issues.total, 1000);
        assert_eq!(s.issues.kept.len(), MAX_KEPT_ISSUES);
        assert_eq!(s.issues.kept[0].location, Location::Line(0));
        assert_eq!(s.entries, 1);
    }
}
