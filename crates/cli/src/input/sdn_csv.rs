//! OFAC's legacy `sdn.csv`: no header, 12 columns (ent_num, SDN_Name,
//! SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag,
//! Vess_owner, Remarks), `-0- ` for an empty field. Addresses sit in Remarks
//! as `Digital Currency Address - XBT 1Abc...;` and
//! `alt. Digital Currency Address - ETH 0x...;`.

use super::lines::{BoundedLines, Line};
use super::{push_name, Collector, Location, ReadError};
use std::io::BufRead;

const PREFIX: &str = "Digital Currency Address - ";

/// Longest record accepted (the real file's longest is a few KiB).
pub const MAX_RECORD_BYTES: usize = 1024 * 1024;

/// Read sdn.csv. Records are split by line first (a record continues on the
/// next line only inside quotes), so reports carry exact line numbers and no
/// record can grow past [`MAX_RECORD_BYTES`].
pub fn read<R: BufRead>(reader: R, out: &mut Collector<'_>) -> Result<(), ReadError> {
    let mut lines = BoundedLines::new(reader, MAX_RECORD_BYTES);
    let mut pending: Vec<u8> = Vec::new();
    let mut start_line = 0;
    let mut quotes = 0usize;
    while let Some((number, line)) = lines.next_line()? {
        let bytes = match line {
            Line::Text(b) => b,
            Line::TooLong { len } => {
                let at = if pending.is_empty() {
                    number
                } else {
                    start_line
                };
                out.issue(
                    Location::Line(at),
                    format!("record longer than {MAX_RECORD_BYTES} bytes ({len}), skipped"),
                );
                pending.clear();
                quotes = 0;
                continue;
            }
        };
        if pending.is_empty() {
            start_line = number;
        } else {
            pending.push(b'\n');
        }
        if pending.len() + bytes.len() > MAX_RECORD_BYTES {
            out.issue(
                Location::Line(start_line),
                format!("record longer than {MAX_RECORD_BYTES} bytes, skipped"),
            );
            pending.clear();
            quotes = 0;
            continue;
        }
        pending.extend_from_slice(bytes);
        quotes += bytes.iter().filter(|&&b| b == b'"').count();
        if quotes.is_multiple_of(2) {
            record(&pending, start_line, out);
            pending.clear();
            quotes = 0;
        }
    }
    if !pending.is_empty() {
        out.issue(
            Location::Line(start_line),
            "record ends inside quotes at the end of the file, skipped",
        );
    }
    Ok(())
}

fn record(raw: &[u8], line: u64, out: &mut Collector<'_>) {
    let location = Location::Line(line);
    // The file ends with a lone Ctrl-Z (0x1A); blank lines are harmless too.
    if raw.iter().all(|b| b.is_ascii_whitespace() || *b == 0x1a) {
        return;
    }
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(raw);
    let mut record = csv::ByteRecord::new();
    match csv.read_byte_record(&mut record) {
        Ok(true) => {}
        Ok(false) => return,
        Err(e) => {
            out.issue(location, format!("invalid CSV record ({e}), skipped"));
            return;
        }
    }
    if record.len() != 12 {
        out.issue(
            location,
            format!("record has {} fields instead of 12, skipped", record.len()),
        );
        return;
    }
    let remarks = field(&record, 11);
    if !remarks.contains(PREFIX) {
        return;
    }
    let mut names = Vec::new();
    push_name(&mut names, &field(&record, 1));
    for (asset, address) in addresses_in_remarks(&remarks) {
        out.entry(address, &names, Some(asset), location.clone());
    }
}

/// A field as text (lossy: the legacy file is not always UTF-8), with
/// OFAC's `-0-` empty marker removed.
fn field(record: &csv::ByteRecord, i: usize) -> String {
    let raw = record.get(i).unwrap_or(&[]);
    let text = String::from_utf8_lossy(raw);
    let t = text.trim();
    if t == "-0-" {
        String::new()
    } else {
        t.to_string()
    }
}

/// `(asset, address)` pairs found in a Remarks field.
pub fn addresses_in_remarks(remarks: &str) -> Vec<(&str, &str)> {
    let mut out = Vec::new();
    for part in remarks.split(';') {
        let part = part.trim();
        let part = part
            .strip_prefix("alt.")
            .map(str::trim_start)
            .unwrap_or(part);
        let Some(rest) = part.strip_prefix(PREFIX) else {
            continue;
        };
        let mut words = rest.split_whitespace();
        let (Some(asset), Some(address)) = (words.next(), words.next()) else {
            continue;
        };
        // The last remark of a record ends with a full stop; no address
        // alphabet contains '.' or ','.
        let address = address.trim_end_matches(['.', ',']);
        if !address.is_empty() {
            out.push((asset, address));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remarks() {
        let r = "Website www.x.ru; Digital Currency Address - XBT 1AbC; alt. Digital Currency Address - ETH 0xdef.; \
                 alt. Digital Currency Address - XBT; Secondary sanctions risk: x.";
        assert_eq!(
            addresses_in_remarks(r),
            vec![("XBT", "1AbC"), ("ETH", "0xdef")]
        );
    }

    #[test]
    fn reads_records() {
        let data = "36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\
                    9999,\"GROUP, THE\",-0- ,\"CYBER2\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Digital Currency Address - XBT 1AbC; alt. Digital Currency Address - USDT TXyz.\"\r\n\
                    1,2,3\r\n\
                    10,\"multi\nline\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"Digital Currency Address - ETH 0xabc\"\n\
                    \x1a";
        let c = crate::input::Collected::read_with(|c| read(data.as_bytes(), c)).unwrap();
        let got: Vec<_> = c
            .entries
            .iter()
            .map(|e| {
                (
                    e.text.as_str(),
                    e.names.clone(),
                    e.asset.clone().unwrap(),
                    e.location.clone(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "1AbC",
                    vec!["GROUP, THE".to_string()],
                    "XBT".to_string(),
                    Location::Line(2)
                ),
                (
                    "TXyz",
                    vec!["GROUP, THE".to_string()],
                    "USDT".to_string(),
                    Location::Line(2)
                ),
                (
                    "0xabc",
                    vec!["multi\nline".to_string()],
                    "ETH".to_string(),
                    Location::Line(4)
                ),
            ]
        );
        assert_eq!(c.issues.len(), 1);
        assert_eq!(c.issues[0].location, Location::Line(3));
    }
}
