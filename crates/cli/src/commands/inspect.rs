//! `addrcheck inspect`: show a filter file's metadata and verify it.

use super::load_filter;
use crate::report::{self, thousands};
use anyhow::Result;
use clap::Args;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Show a filter file's metadata and verify its integrity (exit 2 if it is corrupt).
#[derive(Args, Debug)]
pub struct InspectArgs {
    /// The filter file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Print one JSON object instead of text.
    #[arg(long)]
    pub json: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonInspect<'a> {
    file: String,
    integrity: &'static str,
    list_name: &'a str,
    sources: Vec<JsonSource<'a>>,
    built_at: &'a str,
    keys: u64,
    fp_rate: f64,
    expected_fp_rate: f64,
    key_scheme: u16,
    bloom_bits: u64,
    hash_count: u32,
    bits_per_key: f64,
    details: bool,
    size_bytes: u64,
    /// SHA-256 of the whole file, as `sha256sum` prints it.
    sha256: String,
    /// The digest stored in the file (over all but its last 32 bytes), verified.
    content_sha256: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct JsonSource<'a> {
    name: &'a str,
    as_of: &'a str,
    entries: u64,
}

pub fn run(args: InspectArgs) -> Result<ExitCode> {
    let filter = &load_filter(&args.file)?;
    let meta = filter.metadata();
    let expected = report::expected_fp_rate(filter.bloom_bits(), filter.hash_count(), meta.keys);
    let size = filter.size_bytes() as u64;
    if args.json {
        let out = JsonInspect {
            file: args.file.display().to_string(),
            integrity: "ok",
            list_name: &meta.list_name,
            sources: meta
                .sources
                .iter()
                .map(|s| JsonSource {
                    name: &s.name,
                    as_of: &s.as_of,
                    entries: s.entries,
                })
                .collect(),
            built_at: &meta.built_at,
            keys: meta.keys,
            fp_rate: meta.fp_rate,
            expected_fp_rate: expected,
            key_scheme: meta.key_scheme,
            bloom_bits: filter.bloom_bits(),
            hash_count: filter.hash_count(),
            bits_per_key: filter.bits_per_key(),
            details: filter.has_details(),
            size_bytes: size,
            sha256: filter.sha256_hex(),
            content_sha256: filter.content_digest_hex(),
        };
        println!("{}", serde_json::to_string(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!("File:           {}", args.file.display());
    println!("Integrity:      OK (stored SHA-256 verified)");
    println!("List:           {}", meta.list_name);
    println!("Sources:        {}", meta.sources.len());
    for s in &meta.sources {
        println!(
            "  - {}, as of {}: {} entries",
            s.name,
            s.as_of,
            thousands(s.entries)
        );
    }
    println!("Built at:       {}", meta.built_at);
    println!("Keys:           {}", thousands(meta.keys));
    println!(
        "FP rate:        {} target, {} expected",
        report::rate(meta.fp_rate),
        report::rate(expected)
    );
    println!("Key scheme:     {}", meta.key_scheme);
    println!("Bloom bits:     {}", thousands(filter.bloom_bits()));
    println!("Hash functions: {}", filter.hash_count());
    println!(
        "Bits per key:   {:.1} (Bloom), {:.1} (whole file)",
        filter.bits_per_key(),
        size as f64 * 8.0 / meta.keys.max(1) as f64
    );
    println!(
        "Details:        {}",
        if filter.has_details() {
            "present (hits are confirmed and labelled)"
        } else {
            "absent (hits are only \"possible\")"
        }
    );
    println!(
        "Size:           {} bytes ({})",
        thousands(size),
        report::human_bytes(size)
    );
    println!(
        "SHA-256:        {} (whole file, as sha256sum prints it)",
        filter.sha256_hex()
    );
    println!(
        "Content digest: {} (SHA-256 stored in the file, verified)",
        filter.content_digest_hex()
    );
    Ok(ExitCode::SUCCESS)
}
