//! `addrcheck check`: check addresses against a filter file.
//!
//! One result line per input, on stdout only: addresses are never written to
//! any other stream.

use super::load_filter;
use crate::input::lines::{BoundedLines, Line};
use crate::input::MAX_ENTRY_BYTES;
use crate::report;
use addrcheck_core::{Filter, Status, Verdict};
use anyhow::{anyhow, Result};
use clap::Args;
use serde::Serialize;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Check addresses against a filter file.
///
/// Addresses come from the arguments or, when there are none, from standard
/// input (one a line; blank lines skipped). One verdict a line: flagged,
/// possible, clear, invalid or unrecognized. Exit status: 0 when none is
/// flagged or possible, 1 when any is, 2 on error.
#[derive(Args, Debug)]
pub struct CheckArgs {
    /// The filter file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Addresses to check [default: read from standard input].
    #[arg(value_name = "ADDRESS")]
    pub addresses: Vec<String>,

    /// One JSON object per line: input, status, chain, chainName, normalized,
    /// labels [{source, asOf, names, assets}], reason (and fpRate for "possible").
    #[arg(long)]
    pub json: bool,
}

struct Output<W: Write> {
    out: W,
    json: bool,
    flush_each: bool,
    hits: bool,
}

impl<W: Write> Output<W> {
    fn verdict(&mut self, filter: &Filter, input: &str) -> io::Result<()> {
        let verdict = filter.check(input);
        if verdict.status.is_hit() {
            self.hits = true;
        }
        let line = if self.json {
            json_line(filter, input, &verdict)
        } else {
            text_line(filter, input, &verdict)
        };
        self.line(&line)
    }

    /// An input line too long to be an address (not echoed).
    fn too_long(&mut self, number: u64, len: u64) -> io::Result<()> {
        let reason = format!(
            "input line {number} is {len} bytes, longer than {MAX_ENTRY_BYTES}: not an address"
        );
        let line = if self.json {
            let v = JsonVerdict {
                input: None,
                line: Some(number),
                status: Status::Unrecognized.as_str(),
                chain: None,
                chain_name: None,
                normalized: None,
                labels: Vec::new(),
                reason: Some(reason.clone()),
                fp_rate: None,
            };
            to_json(&v)
        } else {
            format!("unrecognized: (line {number} not shown) — {reason}")
        };
        self.line(&line)
    }

    fn line(&mut self, line: &str) -> io::Result<()> {
        writeln!(self.out, "{line}")?;
        if self.flush_each {
            self.out.flush()?;
        }
        Ok(())
    }
}

pub fn run(args: CheckArgs) -> Result<ExitCode> {
    let filter = load_filter(&args.file)?;
    let stdin = io::stdin();
    let interactive = args.addresses.is_empty() && stdin.is_terminal();
    let mut out = Output {
        out: BufWriter::new(io::stdout().lock()),
        json: args.json,
        flush_each: interactive,
        hits: false,
    };
    let result = if args.addresses.is_empty() {
        if interactive {
            report::note("reading addresses from standard input, one a line (end with Ctrl-D)");
        }
        check_lines(&filter, &mut out, stdin.lock())
    } else {
        args.addresses
            .iter()
            .try_for_each(|a| out.verdict(&filter, a))
    };
    let result = result.and_then(|_| out.out.flush());
    match result {
        Ok(()) => {}
        // A closed pipe (`| head`) ends the output; the verdicts so far count.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => return Err(anyhow!("{}", crate::input::files::io_message(&e))),
    }
    Ok(if out.hits {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn check_lines<W: Write>(
    filter: &Filter,
    out: &mut Output<W>,
    input: impl io::BufRead,
) -> io::Result<()> {
    let mut lines = BoundedLines::new(input, MAX_ENTRY_BYTES);
    while let Some((number, line)) = lines
        .next_line()
        .map_err(|e| io::Error::new(e.kind(), format!("reading standard input: {e}")))?
    {
        match line {
            Line::TooLong { len } => out.too_long(number, len)?,
            Line::Text(bytes) => {
                let text = String::from_utf8_lossy(bytes);
                if text.trim().is_empty() {
                    continue;
                }
                out.verdict(filter, &text)?;
            }
        }
    }
    Ok(())
}

/// One line of `--json` output (field order as declared).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonVerdict<'a> {
    /// The input as given (`null` for a line too long to echo).
    input: Option<&'a str>,
    /// The stdin line number, only for a line too long to echo.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    status: &'static str,
    chain: Option<&'static str>,
    chain_name: Option<&'static str>,
    normalized: Option<String>,
    labels: Vec<JsonLabel<'a>>,
    reason: Option<String>,
    /// The false-positive rate, for a "possible" verdict.
    #[serde(skip_serializing_if = "Option::is_none")]
    fp_rate: Option<f64>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonLabel<'a> {
    source: &'a str,
    as_of: &'a str,
    names: &'a [String],
    assets: &'a [String],
}

fn to_json(v: &JsonVerdict<'_>) -> String {
    serde_json::to_string(v)
        .unwrap_or_else(|e| format!("{{\"status\":\"error\",\"reason\":\"{e}\"}}"))
}

fn json_line(filter: &Filter, input: &str, verdict: &Verdict<'_>) -> String {
    let chain = verdict.chain();
    let labels = verdict
        .labels
        .iter()
        .map(|l| {
            let s = filter.source(l);
            JsonLabel {
                source: &s.name,
                as_of: &s.as_of,
                names: &l.names,
                assets: &l.assets,
            }
        })
        .collect();
    let v = JsonVerdict {
        input: Some(input),
        line: None,
        status: verdict.status.as_str(),
        chain: chain.map(|c| c.id()),
        chain_name: chain.map(|c| c.name()),
        normalized: verdict.address.as_ref().map(|a| a.normalized()),
        labels,
        reason: verdict.error.as_ref().map(|e| e.to_string()),
        fp_rate: (verdict.status == Status::Possible).then(|| filter.metadata().fp_rate),
    };
    to_json(&v)
}

fn text_line(filter: &Filter, input: &str, verdict: &Verdict<'_>) -> String {
    let shown = report::shown(input.trim(), 200);
    let mut parts = vec![format!("{}: {shown}", verdict.status.as_str())];
    if let Some(address) = &verdict.address {
        let normalized = address.normalized();
        if normalized == input.trim() {
            parts.push(address.chain.name().to_string());
        } else {
            parts.push(format!("{}, normalized {normalized}", address.chain.name()));
        }
    }
    match verdict.status {
        Status::Flagged => {
            if verdict.address.is_none() {
                parts.push("an exact-text entry of the list (not a recognised address format)".into());
            }
            let labels: Vec<String> = verdict
                .labels
                .iter()
                .map(|l| {
                    let s = filter.source(l);
                    let mut t = format!("{} (as of {})", s.name, s.as_of);
                    if !l.names.is_empty() {
                        t.push_str(": ");
                        t.push_str(&l.names.join("; "));
                    }
                    if !l.assets.is_empty() {
                        t.push_str(&format!(" [{}]", l.assets.join(", ")));
                    }
                    t
                })
                .collect();
            parts.push(format!("listed by {}", labels.join(" | ")));
        }
        Status::Possible => parts.push(format!(
            "matches the filter, which has no details section to confirm it (false-positive rate {})",
            report::rate(filter.metadata().fp_rate)
        )),
        Status::Clear => {
            let meta = filter.metadata();
            let sources: Vec<String> = meta.sources.iter().map(|s| format!("{} as of {}", s.name, s.as_of)).collect();
            parts.push(format!("not listed on {} ({})", meta.list_name, sources.join(", ")));
        }
        Status::Invalid | Status::Unrecognized => {
            if let Some(e) = &verdict.error {
                parts.push(e.to_string());
            }
        }
    }
    parts.join(" — ")
}
