//! Recognising a file's format from its first bytes.

use super::MAX_ENTRY_BYTES;

/// How many bytes of a file are looked at.
pub const SAMPLE_BYTES: usize = 16 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// OFAC SDN_ADVANCED.XML (or any XML whose root is `Sanctions`).
    SdnXml,
    /// OFAC's legacy `sdn.csv`.
    SdnCsv,
    /// A JSON array of address strings or `{address, name}` objects.
    JsonList,
    /// One entry a line: `ADDRESS`, `ADDRESS;Name` or `ADDRESS;"Name;Alias"`.
    TextList,
}

impl Format {
    pub fn describe(self) -> &'static str {
        match self {
            Format::SdnXml => "OFAC SDN_ADVANCED.XML",
            Format::SdnCsv => "OFAC sdn.csv",
            Format::JsonList => "JSON address list",
            Format::TextList => "text address list",
        }
    }
}

/// The verdict on a sample.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sniffed {
    Format(Format),
    /// Not something the builder reads, and why.
    NotAList(String),
}

/// Decide the format of a file from its first [`SAMPLE_BYTES`] bytes
/// (`complete` says whether the sample is the whole file).
pub fn sniff(sample: &[u8], complete: bool) -> Sniffed {
    let s = sample.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(sample);
    let start = s.iter().position(|b| !b.is_ascii_whitespace());
    let Some(start) = start else {
        return Sniffed::NotAList(if s.is_empty() {
            "empty file".into()
        } else {
            "only whitespace".into()
        });
    };
    if s.contains(&0) {
        return Sniffed::NotAList("binary data (contains NUL bytes)".into());
    }
    let body = &s[start..];
    match body[0] {
        b'<' => {
            return match xml_root(body) {
                Some(root) if root == "Sanctions" => Sniffed::Format(Format::SdnXml),
                Some(root) => Sniffed::NotAList(format!(
                    "XML whose root element is <{root}>, not <Sanctions> (not SDN_ADVANCED.XML)"
                )),
                None => Sniffed::NotAList("XML without a root element in its first bytes".into()),
            };
        }
        b'[' => return Sniffed::Format(Format::JsonList),
        b'{' => return Sniffed::NotAList("a JSON object, not an array of addresses".into()),
        _ => {}
    }
    if looks_like_sdn_csv(body) {
        return Sniffed::Format(Format::SdnCsv);
    }
    if looks_binary(s, complete) {
        return Sniffed::NotAList(
            "binary data (control characters or bytes that are not UTF-8 text)".into(),
        );
    }
    text_list_verdict(s, complete)
}

/// Binary rather than text: more than 1% control characters, or more than
/// a third of the lines not UTF-8. (A list with the odd non-UTF-8 line is
/// still read; the reader reports those lines.)
fn looks_binary(s: &[u8], complete: bool) -> bool {
    let controls = s
        .iter()
        .filter(|&&b| (b < 0x20 && !b.is_ascii_whitespace()) || b == 0x7f)
        .count();
    if controls * 100 > s.len() {
        return true;
    }
    let mut lines: Vec<&[u8]> = s.split(|&b| b == b'\n').collect();
    if !complete && lines.len() > 1 {
        lines.pop(); // probably cut
    }
    let bad = lines
        .iter()
        .filter(|l| std::str::from_utf8(l).is_err())
        .count();
    if !complete && lines.len() == 1 && bad == 1 {
        // One long line cut inside a character is no evidence.
        return std::str::from_utf8(s)
            .err()
            .is_some_and(|e| e.error_len().is_some());
    }
    bad * 3 > lines.len()
}

/// The local name of the first element of an XML sample.
fn xml_root(body: &[u8]) -> Option<String> {
    let mut i = 0;
    while i < body.len() {
        let rest = &body[i..];
        if rest.starts_with(b"<?") {
            i += find(rest, b"?>")? + 2;
        } else if rest.starts_with(b"<!--") {
            i += find(rest, b"-->")? + 3;
        } else if rest.starts_with(b"<!") {
            // DOCTYPE without an internal subset.
            i += find(rest, b">")? + 1;
        } else if rest.starts_with(b"<") {
            let name: Vec<u8> = rest[1..]
                .iter()
                .take_while(|b| !b.is_ascii_whitespace() && **b != b'>' && **b != b'/')
                .copied()
                .collect();
            let name = String::from_utf8_lossy(&name).into_owned();
            let local = name.rsplit(':').next().unwrap_or("").to_string();
            return (!local.is_empty()).then_some(local);
        } else {
            i += 1;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// sdn.csv: no header; each record starts with the numeric `ent_num` and has
/// 12 fields.
fn looks_like_sdn_csv(body: &[u8]) -> bool {
    let first_line = body.split(|&b| b == b'\n').next().unwrap_or(&[]);
    let digits = first_line.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 0 || first_line.get(digits) != Some(&b',') {
        return false;
    }
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(first_line);
    let mut record = csv::ByteRecord::new();
    matches!(reader.read_byte_record(&mut record), Ok(true)) && record.len() == 12
}

/// A text list has, in most of its first lines, a first field (before any
/// `;`) without spaces: prose (LICENSE, README) has spaces everywhere.
fn text_list_verdict(s: &[u8], complete: bool) -> Sniffed {
    let text = String::from_utf8_lossy(s);
    let mut lines: Vec<&str> = text.lines().collect();
    if !complete && lines.len() > 1 {
        lines.pop(); // probably cut
    }
    let mut good = 0usize;
    let mut total = 0usize;
    for line in lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .take(50)
    {
        total += 1;
        let field = line.split(';').next().unwrap_or("").trim();
        // An over-long line is left to the reader, which reports it.
        if line.len() > MAX_ENTRY_BYTES
            || (!field.is_empty() && !field.chars().any(char::is_whitespace))
        {
            good += 1;
        }
    }
    if total == 0 {
        return Sniffed::NotAList("no entries (only comments or blank lines)".into());
    }
    if good * 2 >= total {
        Sniffed::Format(Format::TextList)
    } else {
        Sniffed::NotAList(
            "text that is not an address list (its lines contain spaces: a README or LICENSE?)"
                .into(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(s: &[u8]) -> Sniffed {
        sniff(s, true)
    }

    #[test]
    fn recognises_formats() {
        assert_eq!(
            fmt(b"<?xml version=\"1.0\"?>\n<!-- c --><Sanctions xmlns=\"x\">"),
            Sniffed::Format(Format::SdnXml)
        );
        assert_eq!(
            fmt(b"\xEF\xBB\xBF<un:Sanctions xmlns:un=\"x\">"),
            Sniffed::Format(Format::SdnXml)
        );
        assert!(matches!(fmt(b"<html><body>"), Sniffed::NotAList(_)));
        assert_eq!(fmt(b"  [\"0xabc\"]"), Sniffed::Format(Format::JsonList));
        assert!(matches!(fmt(b"{\"a\":1}"), Sniffed::NotAList(_)));
        assert_eq!(
            fmt(b"36,\"AEROCARIBBEAN AIRLINES\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"),
            Sniffed::Format(Format::SdnCsv)
        );
        assert_eq!(
            fmt(b"0xabc;\"A;B\"\n1abc;Name Here\n"),
            Sniffed::Format(Format::TextList)
        );
        assert_eq!(
            fmt(b"# comment\n\n1abc\n"),
            Sniffed::Format(Format::TextList)
        );
    }

    #[test]
    fn refuses_non_lists() {
        assert!(matches!(fmt(b""), Sniffed::NotAList(m) if m == "empty file"));
        assert!(matches!(fmt(b"\n \n"), Sniffed::NotAList(_)));
        assert!(matches!(fmt(b"abc\0def"), Sniffed::NotAList(m) if m.contains("binary")));
        assert!(matches!(fmt(b"abc\xff\xfedef\n"), Sniffed::NotAList(m) if m.contains("binary")));
        assert!(matches!(fmt(b"\x01\x02\x03abc\n"), Sniffed::NotAList(m) if m.contains("binary")));
        // One Latin-1 line among UTF-8 ones: a list; the reader reports the line.
        assert_eq!(
            fmt(b"1abc\n1abd;Jos\xe9\n1abe\n1abf\n"),
            Sniffed::Format(Format::TextList)
        );
        assert!(
            matches!(fmt(b"MIT License\n\nCopyright (c) 2025 someone\n\nPermission is hereby granted"), Sniffed::NotAList(m) if m.contains("LICENSE"))
        );
        assert!(matches!(fmt(b"# only\n# comments\n"), Sniffed::NotAList(_)));
    }

    #[test]
    fn a_huge_single_line_goes_to_the_reader() {
        assert_eq!(
            sniff(&[b'x'; SAMPLE_BYTES], false),
            Sniffed::Format(Format::TextList)
        );
    }

    #[test]
    fn cut_utf8_at_end_of_partial_sample_is_fine() {
        let s = b"1abc;\xD0\x90\xD0\x91\n1abd;\xD0".to_vec();
        assert_eq!(sniff(&s, false), Sniffed::Format(Format::TextList));
    }
}
