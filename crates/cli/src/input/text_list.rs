//! Line-based lists: plain `ADDRESS` lines, and the per-asset OFAC lists'
//! `ADDRESS;Name` / `ADDRESS;"Name;Alias;..."` lines.
//!
//! Blank lines and lines starting with `#` are ignored. Lines longer than
//! [`MAX_ENTRY_BYTES`] and lines that are not UTF-8 are reported and skipped;
//! memory stays bounded whatever the line length.

use super::lines::{BoundedLines, Line};
use super::{split_names, Collector, Location, ReadError, MAX_ENTRY_BYTES};
use std::io::BufRead;

/// Read a text list. `asset` is the OFAC asset code from the file name, if any.
pub fn read<R: BufRead>(
    reader: R,
    asset: Option<&str>,
    out: &mut Collector<'_>,
) -> Result<(), ReadError> {
    let mut lines = BoundedLines::new(reader, MAX_ENTRY_BYTES);
    while let Some((number, line)) = lines.next_line()? {
        let location = Location::Line(number);
        let bytes = match line {
            Line::TooLong { len } => {
                out.issue(
                    location,
                    format!("line is {len} bytes, longer than {MAX_ENTRY_BYTES}, skipped"),
                );
                continue;
            }
            Line::Text(b) => b,
        };
        let bytes = if number == 1 {
            bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
        } else {
            bytes
        };
        let Ok(text) = std::str::from_utf8(bytes) else {
            out.issue(location, "line is not valid UTF-8, skipped");
            continue;
        };
        let text = text.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let (address, names) = parse_line(text);
        out.entry(address, &names, asset, location);
    }
    Ok(())
}

/// Split `ADDRESS;rest` into the address and its names.
pub fn parse_line(line: &str) -> (&str, Vec<String>) {
    match line.split_once(';') {
        None => (line.trim(), Vec::new()),
        Some((address, rest)) => (address.trim(), split_names(&unquote(rest.trim()))),
    }
}

/// `"a;b ""c"""` -> `a;b "c"`; an unquoted field is returned as is.
fn unquote(field: &str) -> String {
    match field.strip_prefix('"').and_then(|f| f.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::input::Collected;

    fn read_str(s: &[u8]) -> Collected {
        Collected::read_with(|c| read(s, Some("XBT"), c)).unwrap()
    }

    #[test]
    fn parses_all_line_forms() {
        let c = read_str(
            "\u{feff}# header\n\n1AAA\n 0xBBB;Single Name \n0xCCC;\"Sim Hyon Sop;Sim Hyo'n-so'p\"\nqq;\"A \"\"B\"\"\"\n"
                .as_bytes(),
        );
        assert!(c.issues.is_empty(), "{:?}", c.issues);
        let got: Vec<(&str, Vec<&str>, u64)> = c
            .entries
            .iter()
            .map(|e| {
                let Location::Line(n) = e.location else {
                    panic!()
                };
                (
                    e.text.as_str(),
                    e.names.iter().map(String::as_str).collect(),
                    n,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("1AAA", vec![], 3),
                ("0xBBB", vec!["Single Name"], 4),
                ("0xCCC", vec!["Sim Hyon Sop", "Sim Hyo'n-so'p"], 5),
                ("qq", vec!["A \"B\""], 6),
            ]
        );
        assert!(c.entries.iter().all(|e| e.asset.as_deref() == Some("XBT")));
    }

    #[test]
    fn reports_bad_lines() {
        let mut data = b"ok1\n".to_vec();
        data.extend(vec![b'z'; MAX_ENTRY_BYTES + 10]);
        data.extend(b"\nbad\xff\xfe\n;Name only\nok2\n");
        let c = read_str(&data);
        assert_eq!(
            c.entries
                .iter()
                .map(|e| e.text.as_str())
                .collect::<Vec<_>>(),
            vec!["ok1", "ok2"]
        );
        let issues: Vec<_> = c
            .issues
            .iter()
            .map(|i| (i.location.clone(), i.message.clone()))
            .collect();
        assert_eq!(issues.len(), 3);
        assert_eq!(issues[0].0, Location::Line(2));
        assert!(issues[0].1.contains("longer than 4096"));
        assert_eq!(issues[1].0, Location::Line(3));
        assert!(issues[1].1.contains("UTF-8"));
        assert_eq!(issues[2].0, Location::Line(4));
    }
}
