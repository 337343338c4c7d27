//! Files the user drops or picks: a filter file (an extra list) or a text
//! file of addresses, read locally. Which is which is decided by content
//! (the filter magic bytes), then by name; text is decoded from UTF-8 or, as
//! spreadsheet programs save "Unicode text", UTF-16 with a byte-order mark.

use addrcheck_core::filter::MAGIC;

use crate::format::format_size;
use crate::split::MAX_TEXT_BYTES;

/// The largest filter file accepted (a list of millions of addresses).
pub const MAX_FILTER_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An addrcheck filter file: verify it and add it as a list.
    Filter,
    /// Text to check.
    Text,
}

/// Decide what a file is from its name, size and first bytes. `Err` says
/// why it is not read at all.
pub fn classify(name: &str, size: u64, head: &[u8]) -> Result<Kind, String> {
    let lower = name.to_lowercase();
    let kind = if head.starts_with(&MAGIC) || lower.ends_with(".filter") {
        Kind::Filter
    } else {
        Kind::Text
    };
    let limit = match kind {
        Kind::Filter => MAX_FILTER_BYTES,
        Kind::Text => MAX_TEXT_BYTES as u64,
    };
    if size > limit {
        return Err(format!(
            "{name} is too large to check here ({}; the limit is {}). Split it into smaller files.",
            format_size(size),
            format_size(limit)
        ));
    }
    if kind == Kind::Text && looks_binary(head) {
        return Err(format!(
            "{name} is not a text file (.txt or .csv) or a filter file."
        ));
    }
    Ok(kind)
}

/// NUL bytes outside UTF-16 text mean a binary file (a spreadsheet, an image, ...).
fn looks_binary(head: &[u8]) -> bool {
    let utf16 = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
    !utf16 && head.iter().take(4096).any(|&b| b == 0)
}

/// Text from a file's bytes: UTF-8 (byte-order mark dropped, invalid bytes
/// shown as U+FFFD), or UTF-16 LE/BE when it starts with a byte-order mark.
pub fn decode_text(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], le: bool| -> String {
        let units = rest.chunks_exact(2).map(|p| {
            if le {
                u16::from_le_bytes([p[0], p[1]])
            } else {
                u16::from_be_bytes([p[0], p[1]])
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect()
    };
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [0xFF, 0xFE, rest @ ..] => utf16(rest, true),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, false),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_known_by_magic_or_name() {
        assert_eq!(classify("team.bin", 100, &MAGIC), Ok(Kind::Filter));
        assert_eq!(classify("Team.FILTER", 100, b"garbage"), Ok(Kind::Filter));
        assert_eq!(classify("list.csv", 100, b"address\n0x"), Ok(Kind::Text));
        assert_eq!(classify("list.txt", 0, b""), Ok(Kind::Text));
    }

    #[test]
    fn oversized_and_binary_files_are_refused_with_a_reason() {
        let e = classify("big.csv", MAX_TEXT_BYTES as u64 + 1, b"0x").unwrap_err();
        assert!(e.starts_with("big.csv is too large"), "{e}");
        assert!(e.contains("16.0 MiB"), "{e}");
        let e = classify("huge.filter", MAX_FILTER_BYTES + 1, &MAGIC).unwrap_err();
        assert!(e.contains("64.0 MiB"), "{e}");
        let e = classify("sheet.xlsx", 100, b"PK\x03\x04\x00\x00").unwrap_err();
        assert!(e.contains("not a text file"), "{e}");
        assert_eq!(
            classify("u16.txt", 4, &[0xFF, 0xFE, b'a', 0]),
            Ok(Kind::Text)
        );
    }

    #[test]
    fn text_is_decoded_from_utf8_and_utf16() {
        assert_eq!(decode_text(b"0xabc\n"), "0xabc\n");
        assert_eq!(decode_text(b"\xEF\xBB\xBFaddress\n"), "address\n");
        assert_eq!(decode_text(b"a\xFFb"), "a\u{FFFD}b");
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("0x1\nПётр".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode_text(&le), "0x1\nПётр");
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("bc1q".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode_text(&be), "bc1q");
    }
}
