//! What the text box holds. A browser needs about 1.5 s to lay out 100,000
//! lines in a text box, freezing the page, so a large paste or file is held
//! outside the box (checked all the same) and the box shows what it is.

use crate::format::{format_size, group_digits};

/// Texts with more lines than this are held outside the box.
pub const LARGE_LINES: usize = 2_000;
/// Texts larger than this are held outside the box.
pub const LARGE_BYTES: usize = 256 * 1024;

/// Lines in `text` (a last line without a newline counts).
pub fn line_count(text: &str) -> usize {
    let newlines = text.bytes().filter(|&b| b == b'\n').count();
    newlines + usize::from(!text.is_empty() && !text.ends_with('\n'))
}

/// Whether `text` is too large to put in the box.
pub fn is_large(text: &str) -> bool {
    text.len() > LARGE_BYTES || line_count(text) > LARGE_LINES
}

/// The box's text after pasting `pasted` over the selection `start..end`,
/// given in UTF-16 code units as the browser reports them (clamped).
pub fn splice(current: &str, start: u32, end: u32, pasted: &str) -> String {
    let byte_at = |units: u32| -> usize {
        let mut seen = 0u32;
        for (i, c) in current.char_indices() {
            if seen >= units {
                return i;
            }
            seen += c.len_utf16() as u32;
        }
        current.len()
    };
    let (a, b) = (byte_at(start.min(end)), byte_at(start.max(end)));
    let mut out = String::with_capacity(current.len() - (b - a) + pasted.len());
    out.push_str(&current[..a]);
    out.push_str(pasted);
    out.push_str(&current[b..]);
    out
}

/// What the box says about a held text: "100,000 lines (4.1 MiB) pasted".
pub fn describe(text: &str, from_file: Option<&str>) -> String {
    let lines = line_count(text);
    let what = format!(
        "{} {} ({})",
        group_digits(lines as u64),
        if lines == 1 { "line" } else { "lines" },
        format_size(text.len() as u64)
            .split(" (")
            .next()
            .unwrap_or_default()
    );
    match from_file {
        Some(name) => format!("{what} from {name}"),
        None => format!("{what} pasted"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_like_an_editor() {
        assert_eq!(line_count(""), 0);
        assert_eq!(line_count("a"), 1);
        assert_eq!(line_count("a\n"), 1);
        assert_eq!(line_count("a\nb"), 2);
        assert_eq!(line_count("a\r\nb\r\n"), 2);
    }

    #[test]
    fn large_means_many_lines_or_many_bytes() {
        assert!(!is_large(&"0x1\n".repeat(LARGE_LINES)));
        assert!(is_large(&"0x1\n".repeat(LARGE_LINES + 1)));
        assert!(!is_large(&"x".repeat(LARGE_BYTES)));
        assert!(is_large(&"x".repeat(LARGE_BYTES + 1)));
    }

    #[test]
    fn pastes_replace_the_selection_in_utf16_units() {
        assert_eq!(splice("", 0, 0, "abc"), "abc");
        assert_eq!(splice("hello", 5, 5, "!"), "hello!");
        assert_eq!(splice("hello", 1, 4, "ipp"), "hippo");
        assert_eq!(splice("hello", 4, 1, "ipp"), "hippo");
        // 😀 is two UTF-16 units; é is one.
        assert_eq!(splice("😀é", 2, 3, "e"), "😀e");
        assert_eq!(splice("ab", 99, 120, "c"), "abc");
    }

    #[test]
    fn held_texts_are_described() {
        let text = "0x0000000000000000000000000000000000000001\n".repeat(100_000);
        assert_eq!(describe(&text, None), "100,000 lines (4.1 MiB) pasted");
        assert_eq!(
            describe("a", Some("team.csv")),
            "1 line (1 byte) from team.csv"
        );
    }
}
