//! Pure presentation logic: a verified filter and a [`Verdict`] become the
//! plain strings the page shows. No Yew, no browser: tested natively with
//! `cargo test -p addrcheck-web`.

use addrcheck_core::filter::Metadata;
use addrcheck_core::{Filter, Status, Verdict};

/// What the page shows about the loaded list.
#[derive(Clone, Debug, PartialEq)]
pub struct FilterSummary {
    pub list_name: String,
    pub sources: Vec<SourceLine>,
    /// Distinct address keys, e.g. "743".
    pub keys: String,
    /// e.g. "1 in 1,000,000,000".
    pub fp_rate: String,
    /// e.g. "3.1 KiB (3,172 bytes)".
    pub size: String,
    /// SHA-256 of the whole file, as `sha256sum` prints it.
    pub sha256: String,
    pub built_at: String,
    /// Whether hits can be confirmed and named (details section present).
    pub has_details: bool,
    /// e.g. "OFAC SDN as of 2025-11-27" (all sources, joined).
    pub coverage: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    pub name: String,
    pub as_of: String,
    /// e.g. "743 addresses".
    pub entries: String,
}

/// The colour/tone of a verdict; also its CSS modifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Danger,
    Warning,
    Ok,
    Error,
    Neutral,
}

impl Tone {
    pub fn of(status: Status) -> Tone {
        match status {
            Status::Flagged => Tone::Danger,
            Status::Possible => Tone::Warning,
            Status::Clear => Tone::Ok,
            Status::Invalid => Tone::Error,
            Status::Unrecognized => Tone::Neutral,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            Tone::Danger => "verdict--danger",
            Tone::Warning => "verdict--warning",
            Tone::Ok => "verdict--ok",
            Tone::Error => "verdict--error",
            Tone::Neutral => "verdict--neutral",
        }
    }
}

/// Who flagged an address, ready to display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MatchLine {
    pub source: String,
    pub as_of: String,
    pub names: Vec<String>,
    pub assets: Vec<String>,
}

/// One verdict, ready to display.
#[derive(Clone, Debug, PartialEq)]
pub struct VerdictView {
    pub status: Status,
    pub tone: Tone,
    /// Short, e.g. "Flagged", "Not listed".
    pub title: &'static str,
    /// One sentence explaining the verdict.
    pub summary: String,
    /// For flagged: who listed it.
    pub matches: Vec<MatchLine>,
    pub chain: Option<String>,
    pub normalized: Option<String>,
}

/// The words for each status, used everywhere on the page.
pub fn title(status: Status) -> &'static str {
    match status {
        Status::Flagged => "Flagged",
        Status::Possible => "Possible match",
        Status::Clear => "Not listed",
        Status::Invalid => "Invalid address",
        Status::Unrecognized => "Unrecognised format",
    }
}

pub fn summarize(filter: &Filter) -> FilterSummary {
    let meta = filter.metadata();
    FilterSummary {
        list_name: meta.list_name.clone(),
        sources: meta
            .sources
            .iter()
            .map(|s| SourceLine {
                name: s.name.clone(),
                as_of: s.as_of.clone(),
                entries: plural(s.entries, "address", "addresses"),
            })
            .collect(),
        keys: group_digits(meta.keys),
        fp_rate: one_in(meta.fp_rate),
        size: format_size(filter.size_bytes() as u64),
        sha256: filter.sha256_hex(),
        built_at: meta.built_at.clone(),
        has_details: filter.has_details(),
        coverage: coverage(meta),
    }
}

/// "OFAC SDN as of 2025-11-27" (or several, joined with "; ").
pub fn coverage(meta: &Metadata) -> String {
    if meta.sources.is_empty() {
        return format!("{} as of {}", meta.list_name, meta.built_at);
    }
    meta.sources
        .iter()
        .map(|s| format!("{} as of {}", s.name, s.as_of))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Turn a verdict into display strings. Returns `None` for empty input, which
/// gets no verdict at all.
pub fn present(filter: &Filter, input: &str, verdict: &Verdict<'_>) -> Option<VerdictView> {
    if input.trim().is_empty() {
        return None;
    }
    let meta = filter.metadata();
    let status = verdict.status;
    let summary = match status {
        Status::Flagged => format!("This address is on the list: {}.", coverage(meta)),
        Status::Possible => format!(
            "This address matched the filter, but the filter holds no details to confirm it. \
             A false match happens about {} checks: confirm against the official list.",
            one_in(meta.fp_rate).to_lowercase()
        ),
        Status::Clear => format!("Not on the list: {}.", coverage(meta)),
        Status::Invalid => match &verdict.error {
            Some(e) => capitalize(&format!("{e}.")),
            None => "This is not a valid address.".to_string(),
        },
        Status::Unrecognized => {
            "Not a recognised address format, and this exact text is not on the list.".to_string()
        }
    };
    let matches = verdict
        .labels
        .iter()
        .map(|label| {
            let source = filter.source(label);
            MatchLine {
                source: source.name.clone(),
                as_of: source.as_of.clone(),
                names: label.names.clone(),
                assets: label.assets.clone(),
            }
        })
        .collect();
    Some(VerdictView {
        status,
        tone: Tone::of(status),
        title: title(status),
        summary,
        matches,
        chain: verdict.chain().map(|c| c.name().to_string()),
        normalized: verdict.address.as_ref().map(|a| a.normalized()),
    })
}

/// 1234567 -> "1,234,567".
pub fn group_digits(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// 1 -> "1 address", 743 -> "743 addresses".
pub fn plural(n: u64, one: &str, many: &str) -> String {
    format!("{} {}", group_digits(n), if n == 1 { one } else { many })
}

/// A false-positive rate as "1 in N" (N rounded to a whole number).
pub fn one_in(p: f64) -> String {
    if !(p > 0.0 && p.is_finite()) {
        return "none".to_string();
    }
    if p >= 1.0 {
        return "every check".to_string();
    }
    let n = (1.0 / p).round();
    if n >= 1e15 {
        return format!("1 in {:.0e}", n);
    }
    format!("1 in {}", group_digits(n as u64))
}

/// Bytes as "812 bytes", "3.1 KiB (3,172 bytes)", "1.4 MiB (1,468,006 bytes)".
pub fn format_size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    let b = bytes as f64;
    if bytes < 1024 {
        plural(bytes, "byte", "bytes")
    } else if b < KIB * KIB {
        format!("{:.1} KiB ({} bytes)", b / KIB, group_digits(bytes))
    } else {
        format!("{:.1} MiB ({} bytes)", b / (KIB * KIB), group_digits(bytes))
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped() {
        assert_eq!(group_digits(0), "0");
        assert_eq!(group_digits(743), "743");
        assert_eq!(group_digits(1000), "1,000");
        assert_eq!(group_digits(1234567), "1,234,567");
        assert_eq!(group_digits(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn fp_rates_read_as_one_in_n() {
        assert_eq!(one_in(1e-9), "1 in 1,000,000,000");
        assert_eq!(one_in(0.01), "1 in 100");
        assert_eq!(one_in(1e-6), "1 in 1,000,000");
        assert_eq!(one_in(0.3), "1 in 3");
        assert_eq!(one_in(0.0), "none");
        assert_eq!(one_in(f64::NAN), "none");
        assert_eq!(one_in(1e-20), "1 in 1e20");
    }

    #[test]
    fn sizes_are_human() {
        assert_eq!(format_size(1), "1 byte");
        assert_eq!(format_size(812), "812 bytes");
        assert_eq!(format_size(3172), "3.1 KiB (3,172 bytes)");
        assert_eq!(format_size(1_468_006), "1.4 MiB (1,468,006 bytes)");
    }

    #[test]
    fn every_status_has_its_words() {
        assert_eq!(title(Status::Flagged), "Flagged");
        assert_eq!(title(Status::Possible), "Possible match");
        assert_eq!(title(Status::Clear), "Not listed");
        assert_eq!(title(Status::Invalid), "Invalid address");
        assert_eq!(title(Status::Unrecognized), "Unrecognised format");
        assert_eq!(Tone::of(Status::Flagged).class(), "verdict--danger");
        assert_eq!(Tone::of(Status::Clear).class(), "verdict--ok");
    }

    #[test]
    fn capitalizes_error_messages() {
        assert_eq!(capitalize("evm address: checksum"), "Evm address: checksum");
        assert_eq!(capitalize(""), "");
    }
}
