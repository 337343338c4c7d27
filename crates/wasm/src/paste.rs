//! Cutting a batch into items, with each item's position in UTF-16 code units
//! (JavaScript string indices), so JavaScript can hand back the exact input of
//! every result without copying strings across the boundary.
//!
//! Pure Rust (no wasm-bindgen): tested natively.

/// One item of a batch: its text and its span in the JavaScript string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item<'a> {
    pub text: &'a str,
    /// UTF-16 offsets in the original JavaScript string, `start..end`.
    pub start: u32,
    pub end: u32,
}

/// Whether `c` separates the addresses of a paste: any Unicode whitespace
/// (spaces, tabs, line breaks, no-break spaces, ...) or a comma.
fn is_separator(c: char) -> bool {
    c == ',' || c.is_whitespace()
}

/// ASCII separators, as a table: the hot loop of a large paste.
const ASCII_SEPARATOR: [bool; 128] = {
    let mut t = [false; 128];
    t[b' ' as usize] = true;
    t[b',' as usize] = true;
    let mut b = 0x09;
    while b <= 0x0d {
        t[b] = true; // tab, line feed, vertical tab, form feed, carriage return
        b += 1;
    }
    t
};

/// Whether any of 8 bytes may be a separator or start a non-ASCII character:
/// a byte below 0x21 (space and controls), a comma, or one with the high bit
/// set. A fast filter only: such bytes are then looked at one by one.
fn may_separate(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_0x21 = word.wrapping_sub(ONES * 0x21) & !word & HIGH;
    let comma = word ^ (ONES * b',' as u64);
    let has_comma = comma.wrapping_sub(ONES) & !comma & HIGH;
    (below_0x21 | has_comma | (word & HIGH)) != 0
}

/// The addresses in pasted text: split on whitespace and commas, empty pieces
/// skipped (one address a line, a comma-separated list, a column copied from a
/// spreadsheet ...).
pub fn split_paste(text: &str) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    let bytes = text.as_bytes();
    // UTF-16 offset = byte offset - `shrink`, the bytes that the non-ASCII
    // characters so far take beyond their UTF-16 units.
    let mut shrink: u32 = 0;
    let mut start: Option<(usize, u32)> = None; // (byte, utf16) of the current item
    let mut i = 0;
    while i < bytes.len() {
        // Inside an item, skip 8 plain bytes at a time (the usual address).
        if start.is_some() {
            while let Some(chunk) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes([
                    chunk[0], chunk[1], chunk[2], chunk[3], chunk[4], chunk[5], chunk[6], chunk[7],
                ]);
                if may_separate(word) {
                    break;
                }
                i += 8;
            }
            if i >= bytes.len() {
                break;
            }
        }
        let utf16 = i as u32 - shrink;
        let b = bytes[i];
        let (separator, len) = if b < 0x80 {
            (ASCII_SEPARATOR[b as usize], 1)
        } else {
            // A non-ASCII character: decode it (the text is valid UTF-8).
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            shrink += (c.len_utf8() - c.len_utf16()) as u32;
            (is_separator(c), c.len_utf8())
        };
        if separator {
            if let Some((s, s16)) = start.take() {
                items.push(Item {
                    text: &text[s..i],
                    start: s16,
                    end: utf16,
                });
            }
        } else if start.is_none() {
            start = Some((i, utf16));
        }
        i += len;
    }
    if let Some((s, s16)) = start {
        items.push(Item {
            text: &text[s..],
            start: s16,
            end: bytes.len() as u32 - shrink,
        });
    }
    items
}

/// The elements of a JavaScript string array that was joined without a
/// separator, given each element's length in UTF-16 code units. `None` when
/// the lengths do not add up to the text.
pub fn split_joined<'a>(text: &'a str, utf16_lengths: &[u32]) -> Option<Vec<Item<'a>>> {
    let mut items = Vec::with_capacity(utf16_lengths.len());
    if text.is_ascii() {
        // One byte per UTF-16 unit: offsets are byte offsets.
        let total: u64 = utf16_lengths.iter().map(|&n| u64::from(n)).sum();
        if total != text.len() as u64 {
            return None;
        }
        let mut at = 0usize;
        for &n in utf16_lengths {
            let end = at + n as usize;
            items.push(Item {
                text: text.get(at..end)?,
                start: at as u32,
                end: end as u32,
            });
            at = end;
        }
        return Some(items);
    }
    let mut chars = text.char_indices();
    let mut byte = 0usize;
    let mut utf16: u32 = 0;
    for &n in utf16_lengths {
        let (start_byte, start16) = (byte, utf16);
        let target = start16.checked_add(n)?;
        while utf16 < target {
            let (_, c) = chars.next()?;
            utf16 += c.len_utf16() as u32;
            byte += c.len_utf8();
        }
        if utf16 != target {
            return None;
        }
        items.push(Item {
            text: &text[start_byte..byte],
            start: start16,
            end: utf16,
        });
    }
    if chars.next().is_some() {
        return None;
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(items: &[Item<'a>]) -> Vec<&'a str> {
        items.iter().map(|i| i.text).collect()
    }

    /// The UTF-16 span of every item must index the same text in UTF-16.
    fn assert_spans(text: &str, items: &[Item<'_>]) {
        let units: Vec<u16> = text.encode_utf16().collect();
        for it in items {
            let s = String::from_utf16(&units[it.start as usize..it.end as usize]).unwrap();
            assert_eq!(s, it.text);
        }
    }

    #[test]
    fn splits_a_paste_like_a_person_would() {
        let text = "0xAbC, 1BoatSLRHtKNngkdXEeobR76b53LETtpyT\n\n  bc1qxyz;label\r\n\tTXYZ,,end";
        let items = split_paste(text);
        assert_eq!(
            texts(&items),
            [
                "0xAbC",
                "1BoatSLRHtKNngkdXEeobR76b53LETtpyT",
                "bc1qxyz;label",
                "TXYZ",
                "end"
            ]
        );
        assert_spans(text, &items);
    }

    #[test]
    fn unicode_separators_and_offsets() {
        // No-break space, ideographic space, line separator; astral and
        // accented characters shift UTF-16 offsets differently from bytes.
        let text = "é\u{00A0}😀x\u{3000}abc\u{2028}\u{FEFF}zz";
        let items = split_paste(text);
        assert_eq!(texts(&items), ["é", "😀x", "abc", "\u{FEFF}zz"]);
        assert_spans(text, &items);
        assert_eq!(items[1].start, 2);
        assert_eq!(items[1].end, 5);
    }

    #[test]
    fn long_items_and_separators_at_every_position() {
        // Items of every length around the 8-byte steps, separated by each
        // kind of separator, with non-ASCII characters inside and around.
        for len in 0..20 {
            for sep in [" ", ",", "\n", "\r\n", "\t", "\u{00A0}", "\u{3000}", " , "] {
                let word: String = "0123456789abcdefghijklmnopqrstuvwxyz"
                    .chars()
                    .take(len)
                    .collect();
                let text = format!("{word}{sep}é{word}😀{sep}{sep}{word}");
                let items = split_paste(&text);
                let expected: Vec<String> = [word.clone(), format!("é{word}😀"), word.clone()]
                    .into_iter()
                    .filter(|w| !w.is_empty())
                    .collect();
                assert_eq!(texts(&items), expected, "{text:?}");
                assert_spans(&text, &items);
            }
        }
    }

    #[test]
    fn nothing_to_split() {
        assert!(split_paste("").is_empty());
        assert!(split_paste(" ,\n\t, ").is_empty());
        assert_eq!(texts(&split_paste("one")), ["one"]);
    }

    #[test]
    fn joined_arrays_come_apart_at_the_given_lengths() {
        let parts = ["0xabc", "", "a b,c", "é😀", "\n", "z"];
        let text: String = parts.concat();
        let lens: Vec<u32> = parts
            .iter()
            .map(|p| p.encode_utf16().count() as u32)
            .collect();
        let items = split_joined(&text, &lens).unwrap();
        assert_eq!(texts(&items), parts);
        assert_spans(&text, &items);

        let ascii = ["ab", "", "cde"];
        let items = split_joined("abcde", &[2, 0, 3]).unwrap();
        assert_eq!(texts(&items), ascii);
        assert_eq!((items[2].start, items[2].end), (2, 5));
    }

    #[test]
    fn lengths_that_do_not_fit_are_refused() {
        assert_eq!(split_joined("abc", &[1, 1]), None);
        assert_eq!(split_joined("abc", &[2, 2]), None);
        // Half of a surrogate pair is not a boundary.
        assert_eq!(split_joined("😀", &[1, 1]), None);
        assert_eq!(split_joined("é", &[2]), None);
        assert_eq!(split_joined("", &[]), Some(Vec::new()));
        assert_eq!(split_joined("a", &[u32::MAX, 2]), None);
    }
}
