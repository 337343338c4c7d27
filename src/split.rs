//! Splitting pasted text into entries: one address a line, or several on a
//! line separated by commas, semicolons, tabs or spaces (a spreadsheet column
//! or row, a CSV file). Double-quoted cells are kept whole; a header row
//! ("address", "Wallet address", ...) is recognised and skipped, and reported.
//!
//! Pure and allocation-light: entries are byte ranges into the text, so a
//! 100,000-line paste costs one small record per entry. (So a quoted cell is
//! kept as written: a doubled quote inside it stays doubled. No address
//! contains a quote.)

use addrcheck_core::{parse, AddressError};

/// The most text checked at once (a 100,000-line paste is about 4.3 MB).
pub const MAX_TEXT_BYTES: usize = 16 * 1024 * 1024;
/// The most entries checked at once.
pub const MAX_ENTRIES: usize = 250_000;

/// One entry: where it is in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// 1-based line number in the text.
    pub line: u32,
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start as usize..self.end as usize]
    }
}

/// The entries of a text.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Split {
    pub entries: Vec<Span>,
    /// The header row that was skipped: its line number and its cells.
    pub header: Option<(u32, Vec<Span>)>,
}

/// Why a text is not checked at all (never a silent partial check).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TooMuch {
    Bytes { bytes: usize },
    Entries { entries: usize },
}

/// Split `text` into entries.
pub fn split(text: &str) -> Result<Split, TooMuch> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(TooMuch::Bytes { bytes: text.len() });
    }
    let mut lines = Lines::new(text);
    let mut entries = Vec::new();
    let mut counted = 0usize;
    let mut header = None;
    let mut first = true;
    while let Some(line) = lines.next_cells() {
        if line.cells.is_empty() {
            continue;
        }
        if first {
            first = false;
            if is_header(text, &line.cells) && lines.has_more_cells() {
                header = Some((line.number, line.cells));
                continue;
            }
        }
        counted += line.cells.len();
        if counted <= MAX_ENTRIES {
            entries.extend(line.cells);
        }
    }
    if counted > MAX_ENTRIES {
        return Err(TooMuch::Entries { entries: counted });
    }
    Ok(Split { entries, header })
}

/// A line's cells.
struct Line {
    number: u32,
    cells: Vec<Span>,
}

/// Walks the text line by line.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
    number: u32,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Lines {
            text,
            pos: 0,
            number: 0,
        }
    }

    /// The cells of the next line, or `None` at the end.
    fn next_cells(&mut self) -> Option<Line> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        // A line ends at \n, \r\n or a lone \r.
        let (len, skip) = match rest.bytes().position(|b| b == b'\n' || b == b'\r') {
            Some(i)
                if rest.as_bytes()[i] == b'\r' && rest.as_bytes().get(i + 1) == Some(&b'\n') =>
            {
                (i, 2)
            }
            Some(i) => (i, 1),
            None => (rest.len(), 0),
        };
        let start = self.pos;
        self.pos += len + skip;
        self.number += 1;
        let mut cells = Vec::new();
        cells_of(self.text, start, start + len, self.number, &mut cells);
        Some(Line {
            number: self.number,
            cells,
        })
    }

    /// Whether a later line holds at least one cell (without consuming it).
    fn has_more_cells(&self) -> bool {
        self.text[self.pos.min(self.text.len())..]
            .chars()
            .any(|c| !is_separator(c) && c != '"')
    }
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | ';') || c.is_whitespace()
}

/// The character at byte `i` of `text` and its length (ASCII fast path).
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        (char::from(b), 1)
    } else {
        let c = text[i..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER);
        (c, c.len_utf8())
    }
}

/// Push the cells of `text[start..end]` (one line) onto `out`.
fn cells_of(text: &str, start: usize, end: usize, line: u32, out: &mut Vec<Span>) {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < end {
        let (c, len) = char_at(text, i);
        if is_separator(c) {
            i += len;
            continue;
        }
        if c == '"' {
            // A quoted cell: up to the closing quote ("" is a literal quote),
            // or to the end of the line when it is never closed. (A quote is
            // ASCII, so scanning bytes never splits a character.)
            let mut j = i + 1;
            let mut cell_end = end;
            while j < end {
                if bytes[j] == b'"' {
                    if j + 1 < end && bytes[j + 1] == b'"' {
                        j += 2;
                        continue;
                    }
                    cell_end = j;
                    break;
                }
                j += 1;
            }
            push_cell(text, i + 1, cell_end, line, out);
            i = (cell_end + 1).min(end);
            continue;
        }
        let cell_start = i;
        while i < end {
            let (c, len) = char_at(text, i);
            if is_separator(c) {
                break;
            }
            i += len;
        }
        push_cell(text, cell_start, i, line, out);
    }
}

/// Trim a cell, unwrap one pair of surrounding quotes, and keep it if
/// anything is left.
fn push_cell(text: &str, start: usize, end: usize, line: u32, out: &mut Vec<Span>) {
    let cell = &text[start..end];
    let trimmed = cell.trim();
    let lead = cell.len() - cell.trim_start().len();
    let mut s = start + lead;
    let mut e = s + trimmed.len();
    for (open, close) in [('\'', '\''), ('`', '`'), ('“', '”'), ('‘', '’'), ('«', '»')] {
        let t = &text[s..e];
        if t.len() >= open.len_utf8() + close.len_utf8()
            && t.starts_with(open)
            && t.ends_with(close)
        {
            s += open.len_utf8();
            e -= close.len_utf8();
            let inner = &text[s..e];
            let lead = inner.len() - inner.trim_start().len();
            s += lead;
            e = s + inner.trim().len();
            break;
        }
    }
    if e > s {
        out.push(Span {
            line,
            start: s as u32,
            end: e as u32,
        });
    }
}

/// Words that name an address column.
const HEADER_WORDS: &[&str] = &[
    "address",
    "addresses",
    "addr",
    "wallet",
    "wallets",
    "account",
    "accounts",
    "recipient",
    "recipients",
    "beneficiary",
    "destination",
    "counterparty",
    "payee",
    "sender",
    "receiver",
    "to",
    "from",
    "pubkey",
    "publickey",
];

/// A first line is a header when no cell on it is (even a broken) address
/// and one of its cells names an address column.
fn is_header(text: &str, cells: &[Span]) -> bool {
    let names_a_column = cells.iter().any(|c| {
        let word: String = c
            .text(text)
            .chars()
            .filter(|ch| ch.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        HEADER_WORDS.contains(&word.as_str()) || word.contains("address") || word.contains("wallet")
    });
    names_a_column
        && cells.iter().all(|c| {
            matches!(
                parse(c.text(text)),
                Err(AddressError::Unrecognized | AddressError::Empty)
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const EVM: &str = "0x8589427373D6D84E98730D7795D8f6f8731FDA16";
    const BTC: &str = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

    fn texts(text: &str) -> Vec<&str> {
        split(text)
            .unwrap()
            .entries
            .iter()
            .map(|s| s.text(text))
            .collect()
    }

    fn lines(text: &str) -> Vec<u32> {
        split(text)
            .unwrap()
            .entries
            .iter()
            .map(|s| s.line)
            .collect()
    }

    #[test]
    fn one_address_is_one_entry() {
        assert_eq!(texts(EVM), [EVM]);
        assert_eq!(texts(&format!("  {EVM}\n")), [EVM]);
        assert_eq!(texts(""), Vec::<&str>::new());
        assert_eq!(texts(" \n\t\n ,, ;"), Vec::<&str>::new());
    }

    #[test]
    fn lines_and_separators_all_split() {
        for sep in [
            "\n", "\r\n", "\r", ",", ", ", ";", "\t", " ", "   ", "\u{00A0}", "\u{3000}",
        ] {
            let text = format!("{EVM}{sep}{BTC}");
            assert_eq!(texts(&text), [EVM, BTC], "separator {sep:?}");
        }
        let text = format!("{EVM}\n\n{BTC}\r\n\r\n{EVM}\r{BTC}");
        assert_eq!(texts(&text), [EVM, BTC, EVM, BTC]);
        assert_eq!(lines(&text), [1, 3, 5, 6]);
    }

    #[test]
    fn spreadsheet_rows_give_one_entry_per_cell() {
        let text = format!("{EVM}\tTornado\t12.5\n{BTC}\tx\t1");
        assert_eq!(texts(&text), [EVM, "Tornado", "12.5", BTC, "x", "1"]);
        assert_eq!(lines(&text), [1, 1, 1, 2, 2, 2]);
    }

    #[test]
    fn quotes_are_unwrapped_and_keep_cells_whole() {
        let text = format!("\"{EVM}\",\"Lazarus Group, DPRK\"\n'{BTC}'\n“{EVM}”\n\" {BTC} \"");
        assert_eq!(texts(&text), [EVM, "Lazarus Group, DPRK", BTC, EVM, BTC]);
        // "" inside a quoted cell is a literal quote, not its end.
        let text = "\"say \"\"hi\"\", then\",next";
        assert_eq!(texts(text), ["say \"\"hi\"\", then", "next"]);
        // An unclosed quote runs to the end of its line only.
        let text = format!("\"{EVM}, open\n{BTC}");
        assert_eq!(texts(&text), [&format!("{EVM}, open"), BTC]);
        // Quotes around nothing give nothing.
        assert_eq!(texts("\"\",'',\" \""), Vec::<&str>::new());
    }

    #[test]
    fn payment_uris_stay_whole() {
        let uri = format!("bitcoin:{BTC}?amount=0.1&label=Shop%20A");
        let eth = format!("ethereum:pay-{EVM}@1/transfer?address={EVM}&uint256=1e18");
        let text = format!("{uri}\n{eth}");
        assert_eq!(texts(&text), [uri.as_str(), eth.as_str()]);
    }

    #[test]
    fn header_rows_are_skipped_and_reported() {
        for header in [
            "address",
            "Address",
            "\"Wallet Address\"",
            "wallet_address,name,amount",
            "To",
            "ADDRESSES (ETH)",
        ] {
            let text = format!("{header}\n{EVM}\n{BTC}");
            let split = split(&text).unwrap();
            let got: Vec<_> = split.entries.iter().map(|s| s.text(&text)).collect();
            assert_eq!(got, [EVM, BTC], "header {header:?}");
            let (line, cells) = split.header.expect("header reported");
            assert_eq!(line, 1);
            assert!(!cells.is_empty());
        }
        // Blank lines before the header do not hide it.
        let text = format!("\n\naddress\n{EVM}");
        let split = split(&text).unwrap();
        assert_eq!(split.header.unwrap().0, 3);
        assert_eq!(split.entries.len(), 1);
    }

    #[test]
    fn not_headers() {
        // A first line holding an address (even a broken one) is data.
        let text = format!("address {EVM}\n{BTC}");
        assert_eq!(texts(&text), ["address", EVM, BTC]);
        let broken = EVM.replace('D', "d");
        let text = format!("to {broken}\n{BTC}");
        assert!(split(&text).unwrap().header.is_none());
        // Words that name no address column are data (reported as unrecognised).
        let text = format!("name,amount\n{EVM}");
        assert_eq!(texts(&text), ["name", "amount", EVM]);
        // A lone header word with nothing after it is what the user typed.
        assert_eq!(texts("address"), ["address"]);
        assert_eq!(texts("address\n\n  \n"), ["address"]);
        // Only the first line can be a header.
        let text = format!("{EVM}\naddress");
        assert_eq!(texts(&text), [EVM, "address"]);
    }

    #[test]
    fn unicode_is_split_on_character_boundaries() {
        let text = "Пётр,محمد\u{2003}李 😀";
        assert_eq!(texts(text), ["Пётр", "محمد", "李", "😀"]);
    }

    #[test]
    fn limits_refuse_instead_of_checking_part() {
        let many = "a\n".repeat(MAX_ENTRIES + 1);
        assert_eq!(
            split(&many),
            Err(TooMuch::Entries {
                entries: MAX_ENTRIES + 1
            })
        );
        let exactly = "a,".repeat(MAX_ENTRIES);
        assert_eq!(split(&exactly).unwrap().entries.len(), MAX_ENTRIES);
        let big = "x".repeat(MAX_TEXT_BYTES + 1);
        assert_eq!(
            split(&big),
            Err(TooMuch::Bytes {
                bytes: MAX_TEXT_BYTES + 1
            })
        );
        // One huge token is one entry (the checker reports it).
        let long = "y".repeat(1 << 20);
        assert_eq!(split(&long).unwrap().entries.len(), 1);
    }
}
