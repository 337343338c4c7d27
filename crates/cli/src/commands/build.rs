//! `addrcheck build`: read flagged-address lists and write a filter file.

use crate::input::files::{self, io_message, list_files, read_file, FileRead, InputFile, Opened};
use crate::input::sniff::{Format, SAMPLE_BYTES};
use crate::input::spool::{Spool, Spooled};
use crate::input::{is_iso_date, Entry, Issue, Issues, MAX_KEPT_ISSUES};
use crate::report::{self, thousands};
use addrcheck_core::address::clean;
use addrcheck_core::filter::{Filter, FilterBuilder, Inserted, Label};
use addrcheck_core::{parse, Chain, Key};
use anyhow::{anyhow, bail, Result};
use clap::{ArgMatches, Args};
use indicatif::ProgressBar;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const EXAMPLES: &str = "\
Sources:
  Every INPUT belongs to a source, which the filter records with its name and
  as-of date and which labels every address it lists. With a single --source
  and --as-of (or none), all INPUTs form one source, wherever the options are.
  Several sources are built by repeating the options: each --source or --as-of
  that follows an INPUT starts a new source, which takes the INPUTs after it.
  Without --source the name is derived: \"OFAC SDN\" for OFAC files
  (SDN_ADVANCED.XML, sdn.csv, sanctioned_addresses_XXX lists), else the name of
  the first INPUT. Without --as-of the date comes from SDN_ADVANCED.XML's
  DateOfIssue or from a folder named YYYY-MM-DD, and is required otherwise.
  Sources are stored sorted by (as-of, name), so argument order never changes
  the output bytes.

Inputs (recognised by content, not by name; folders are walked in sorted order,
and files in them that are not lists, such as LICENSE, are skipped with a note):
  - OFAC SDN_ADVANCED.XML (streamed; addresses with entity names)
  - OFAC legacy sdn.csv (addresses from the Remarks column; name = SDN_Name)
  - text lists: ADDRESS, ADDRESS;Name or ADDRESS;\"Name;Alias\" lines; blank lines
    and # comments ignored; the asset code comes from a file name like
    sanctioned_addresses_XBT.txt
  - JSON arrays of address strings or {\"address\", \"name\"} objects
  A .txt and a .json with the same stem in one folder holding the same entries
  (as OFAC per-asset folders do) are read once.

Entries:
  An entry that is not a valid address is reported (file, line, reason) and kept
  as an exact-text key, so checking the same text still finds it. Lines or items
  longer than 4096 bytes, and lines that are not UTF-8, are reported and skipped.
  Memory stays bounded: XML nested deeper than 256 elements, XML text or tags
  over 16 MiB and JSON strings over 1 MiB are refused with an error. Entries
  go into the filter as they are read, so memory grows with the number of
  distinct keys only (about 100 bytes each): every list is read twice, first
  for formats, dates and twins; a pipe's entries are kept in a temporary file
  in between.
  The same address listed several times merges into one key that keeps every
  source's label.

Examples:
  addrcheck build -o ofac.filter SDN_ADVANCED.XML
  addrcheck build -o ofac.filter --source \"OFAC SDN\" --as-of 2025-11-27 \\
      shared/data/ofac/2025-11-27
  addrcheck build -o all.filter \\
      --source \"OFAC SDN\" --as-of 2024-09-27 shared/data/ofac/2024-09-27 \\
      --source \"OFAC SDN\" --as-of 2025-11-27 shared/data/ofac/2025-11-27 \\
      --source ScamSniffer --as-of 2025-11-20 shared/data/scamsniffer";

/// Read flagged-address lists and write a filter file.
#[derive(Args, Debug)]
#[command(after_long_help = EXAMPLES)]
pub struct BuildArgs {
    /// Where to write the filter file.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// List files or folders of list files (see --help for formats).
    #[arg(value_name = "INPUT", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Source name for the INPUTs that follow (repeatable; see --help).
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,

    /// As-of date of the source's list, YYYY-MM-DD (repeatable; see --help).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub as_of: Vec<String>,

    /// The filter's list name [default: the source names joined by " + "].
    #[arg(long, value_name = "NAME")]
    pub list_name: Option<String>,

    /// Target false-positive rate of the Bloom filter, in (0, 0.5].
    #[arg(long, value_name = "RATE", default_value = "1e-9")]
    pub fp_rate: f64,

    /// Build date recorded in the file, YYYY-MM-DD [default: the newest as-of date, so builds are reproducible].
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub built_at: Option<String>,

    /// Leave out the details section (names, sources): smaller file, but hits
    /// can only be reported as "possible".
    #[arg(long)]
    pub no_details: bool,
}

/// Most per-entry reports printed per file before summarising the rest.
const MAX_REPORTS_PER_FILE: usize = MAX_KEPT_ISSUES;

/// Where a source's options and inputs were given.
#[derive(Debug, Default)]
struct SourceSpec {
    name: Option<String>,
    as_of: Option<String>,
    inputs: Vec<PathBuf>,
}

/// Assign INPUTs to sources by their position among --source / --as-of.
fn source_specs(args: &BuildArgs, matches: Option<&ArgMatches>) -> Result<Vec<SourceSpec>> {
    if args.source.len() <= 1 && args.as_of.len() <= 1 {
        return Ok(vec![SourceSpec {
            name: args.source.first().cloned(),
            as_of: args.as_of.first().cloned(),
            inputs: args.inputs.clone(),
        }]);
    }
    let matches =
        matches.ok_or_else(|| anyhow!("cannot tell which INPUT belongs to which --source"))?;
    enum Item<'a> {
        Source(&'a String),
        AsOf(&'a String),
        Input(&'a PathBuf),
    }
    let indices = |id: &str| -> Vec<usize> {
        matches
            .indices_of(id)
            .map(|i| i.collect())
            .unwrap_or_default()
    };
    let mut items: Vec<(usize, Item)> = Vec::new();
    items.extend(
        indices("source")
            .into_iter()
            .zip(&args.source)
            .map(|(i, s)| (i, Item::Source(s))),
    );
    items.extend(
        indices("as_of")
            .into_iter()
            .zip(&args.as_of)
            .map(|(i, s)| (i, Item::AsOf(s))),
    );
    items.extend(
        indices("inputs")
            .into_iter()
            .zip(&args.inputs)
            .map(|(i, p)| (i, Item::Input(p))),
    );
    items.sort_by_key(|(i, _)| *i);

    let mut specs: Vec<SourceSpec> = vec![SourceSpec::default()];
    for (_, item) in items {
        let cur = specs.last_mut().expect("specs is never empty");
        match item {
            Item::Source(name) => {
                if !cur.inputs.is_empty() || cur.name.is_some() {
                    specs.push(SourceSpec {
                        name: Some(name.clone()),
                        ..SourceSpec::default()
                    });
                } else {
                    cur.name = Some(name.clone());
                }
            }
            Item::AsOf(date) => {
                if !cur.inputs.is_empty() || cur.as_of.is_some() {
                    specs.push(SourceSpec {
                        as_of: Some(date.clone()),
                        ..SourceSpec::default()
                    });
                } else {
                    cur.as_of = Some(date.clone());
                }
            }
            Item::Input(path) => cur.inputs.push(path.clone()),
        }
    }
    specs.retain(|s| s.name.is_some() || s.as_of.is_some() || !s.inputs.is_empty());
    for spec in &specs {
        if spec.inputs.is_empty() {
            let what = match (&spec.name, &spec.as_of) {
                (Some(n), _) => format!("--source {n:?}"),
                (None, Some(d)) => format!("--as-of {d}"),
                (None, None) => "a source".into(),
            };
            bail!(
                "{what} has no INPUT after it: with several sources, put each source's INPUTs after its \
                 --source/--as-of options (see addrcheck build --help)"
            );
        }
    }
    Ok(specs)
}

/// The row of the summary an entry counts in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Row {
    Chain(Chain),
    Unrecognized,
}

impl Row {
    fn label(self) -> &'static str {
        match self {
            Row::Chain(c) => c.name(),
            Row::Unrecognized => "unrecognized format",
        }
    }
}

#[derive(Clone, Copy, Debug, Default)]
struct RowStats {
    listed: u64,
    accepted: u64,
    invalid: u64,
    duplicates: u64,
}

/// One file of a source after the first pass.
struct Scanned {
    file: InputFile,
    format: Format,
    /// The entries of an input that cannot be read twice (a pipe), kept
    /// from the first pass.
    spooled: Option<Spooled>,
    /// What the reader reported in the first pass; kept for the files that
    /// are not read again (twins, spooled inputs).
    issues: Issues,
    /// The date the file states (SDN_ADVANCED.XML).
    as_of: Option<String>,
    /// The set of entries, for files that may repeat a sibling.
    digest: Option<EntrySetDigest>,
    /// Whether the file repeats a sibling's entries (counted once).
    twin: bool,
    /// Bytes, for the second pass's progress bar.
    size: u64,
}

/// One source after the first pass: its name, date and files, decided
/// before any entry is keyed.
struct SourcePlan {
    name: String,
    as_of: String,
    inputs: Vec<PathBuf>,
    files: Vec<Scanned>,
    /// Lines for the summary about which files were read or skipped.
    file_notes: Vec<String>,
}

/// What keying one source's entries counted.
#[derive(Debug, Default)]
struct SourceStats {
    rows: BTreeMap<Row, RowStats>,
}

pub fn run(args: BuildArgs, matches: Option<&ArgMatches>) -> Result<ExitCode> {
    if !(args.fp_rate > 0.0 && args.fp_rate <= 0.5) {
        bail!(
            "--fp-rate must be greater than 0 and at most 0.5 (got {})",
            args.fp_rate
        );
    }
    if let Some(d) = &args.built_at {
        if !is_iso_date(d) {
            bail!("--built-at must be a date written YYYY-MM-DD (got {d:?})");
        }
    }
    for d in &args.as_of {
        if !is_iso_date(d) {
            bail!("--as-of must be a date written YYYY-MM-DD (got {d:?})");
        }
    }
    for s in &args.source {
        if s.trim().is_empty() {
            bail!("--source must not be empty");
        }
    }
    check_output_dir(&args.output)?;
    let specs = source_specs(&args, matches)?;

    // First pass: formats, dates, names and twins of every source, without
    // keeping any entry.
    let digest_key = random_digest_key();
    let mut plans = Vec::new();
    for spec in specs {
        plans.push(scan_source(spec, &digest_key)?);
    }
    // Sources are stored sorted by (as-of, name), so argument order never
    // changes the output.
    let mut order: Vec<usize> = (0..plans.len()).collect();
    order.sort_by(|&a, &b| {
        (&plans[a].as_of, &plans[a].name).cmp(&(&plans[b].as_of, &plans[b].name))
    });
    for pair in order.windows(2) {
        let (a, b) = (&plans[pair[0]], &plans[pair[1]]);
        if a.name == b.name && a.as_of == b.as_of {
            bail!(
                "two sources are both named {:?} as of {}: give them different --source names or --as-of dates, \
                 or list all their INPUTs after one --source",
                a.name,
                a.as_of
            );
        }
    }

    let list_name = args.list_name.clone().unwrap_or_else(|| {
        let mut names: Vec<&str> = Vec::new();
        for &i in &order {
            if !names.contains(&plans[i].name.as_str()) {
                names.push(&plans[i].name);
            }
        }
        names.join(" + ")
    });
    let mut builder = FilterBuilder::new(list_name);
    builder.fp_rate(args.fp_rate).details(!args.no_details);
    if let Some(d) = &args.built_at {
        builder.built_at(d.clone());
    }
    let mut index = vec![0u16; plans.len()];
    for &i in &order {
        index[i] = builder.add_source(plans[i].name.clone(), plans[i].as_of.clone());
    }

    // Second pass: every entry straight into the builder, in the sorted
    // order of the sources (so the insertion order, too, is canonical).
    let mut stats: Vec<SourceStats> = plans.iter().map(|_| SourceStats::default()).collect();
    for &i in &order {
        stats[i] = key_source(&mut plans[i], index[i], &mut builder)?;
    }
    if builder.distinct_keys() == 0 {
        bail!("no addresses found in the inputs: nothing to build");
    }

    let distinct = builder.distinct_keys();
    let bytes = builder
        .build()
        .map_err(|e| anyhow!("could not build the filter: {e}"))?;
    let filter = Filter::from_bytes(&bytes)
        .map_err(|e| anyhow!("the filter just built does not verify ({e}); nothing written"))?;
    write_atomically(&args.output, &bytes)?;
    drop(bytes);

    let sorted: Vec<(&SourcePlan, &SourceStats)> =
        order.iter().map(|&i| (&plans[i], &stats[i])).collect();
    print_summary(
        &sorted,
        &filter,
        distinct as u64,
        &args.output,
        &filter.sha256_hex(),
    );
    Ok(ExitCode::SUCCESS)
}
fn check_output_dir(output: &Path) -> Result<()> {
    if output.as_os_str().is_empty() {
        bail!("-o/--output must not be empty");
    }
    let dir = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => bail!(
            "{}: not a folder, cannot write {}",
            dir.display(),
            output.display()
        ),
        Err(e) => bail!(
            "cannot write {}: {}: {}",
            output.display(),
            dir.display(),
            io_message(&e)
        ),
    }
    if output.is_dir() {
        bail!(
            "{}: is a folder; give a file name with -o",
            output.display()
        );
    }
    Ok(())
}

/// Write to a temporary file beside `path`, then rename it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "filter".into());
    let tmp = dir.join(format!(".{file_name}.{}.tmp", std::process::id()));
    let result = (|| -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        bail!("cannot write {}: {}", path.display(), io_message(&e));
    }
    Ok(())
}

/// Files a source's INPUTs name, each once, in path order.
fn source_files(spec: &SourceSpec) -> Result<Vec<InputFile>> {
    let mut files: BTreeMap<PathBuf, bool> = BTreeMap::new();
    for input in &spec.inputs {
        for f in list_files(input).map_err(|e| anyhow!(e))? {
            *files.entry(f.path).or_insert(false) |= f.explicit;
        }
    }
    Ok(files
        .into_iter()
        .map(|(path, explicit)| InputFile { path, explicit })
        .collect())
}

/// The folder and stem of a file: a `.txt` and a `.json` sharing them may
/// hold the same entries (as OFAC's per-asset folders do).
fn sibling_group(path: &Path) -> (PathBuf, String) {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    (dir, stem)
}

/// First pass over a source: recognise every file, find twins, and decide
/// the source's name and date. Entries are not kept (only a digest of them
/// for files with a sibling of the same stem, and a temporary copy for
/// inputs that cannot be read twice).
fn scan_source(spec: SourceSpec, digest_key: &[u8; 16]) -> Result<SourcePlan> {
    let files = source_files(&spec)?;
    let mut group_sizes: BTreeMap<(PathBuf, String), usize> = BTreeMap::new();
    for f in &files {
        *group_sizes.entry(sibling_group(&f.path)).or_default() += 1;
    }
    // (size, whether it can be read again: a regular file, not a pipe).
    let meta: Vec<(u64, bool)> = files
        .iter()
        .map(|f| {
            std::fs::metadata(&f.path)
                .map(|m| (m.len(), m.is_file()))
                .unwrap_or((0, false))
        })
        .collect();
    let total: u64 = meta.iter().map(|(len, _)| len).sum();
    let progress = report::progress_bar(Some(total), 8 * 1024 * 1024, "scanning");

    let mut scanned: Vec<Scanned> = Vec::new();
    let mut file_notes = Vec::new();
    for (file, (size, regular)) in files.into_iter().zip(meta) {
        let may_repeat = group_sizes
            .get(&sibling_group(&file.path))
            .is_some_and(|&n| n > 1);
        match scan_file(
            file,
            size,
            regular,
            may_repeat,
            digest_key,
            progress.as_ref(),
        ) {
            Ok(Scan::List(s)) => scanned.push(*s),
            Ok(Scan::Skipped(path, reason)) => {
                file_notes.push(format!("skipped {}: {reason}", path.display()));
            }
            Err(e) => {
                if let Some(p) = &progress {
                    p.finish_and_clear();
                }
                bail!(e);
            }
        }
    }
    if let Some(p) = &progress {
        p.finish_and_clear();
    }

    let twins = find_twins(&scanned);
    let mut formats: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut repeated: Vec<String> = Vec::new();
    for (i, s) in scanned.iter().enumerate() {
        if let Some(kept) = twins.get(&i) {
            let name = |p: &Path| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            repeated.push(format!(
                "{} = {}",
                name(&s.file.path),
                name(&scanned[*kept].file.path)
            ));
        } else {
            *formats.entry(s.format.describe()).or_default() += 1;
        }
    }
    for (i, s) in scanned.iter_mut().enumerate() {
        s.twin = twins.contains_key(&i);
        s.digest = None;
        if !s.twin && s.spooled.is_none() {
            // Read again in the second pass, which reports its issues.
            s.issues = Issues::default();
        }
    }
    if !repeated.is_empty() {
        file_notes.push(format!(
            "counted once: {} file{} with the same entries as a sibling of the same name ({})",
            repeated.len(),
            if repeated.len() == 1 { "" } else { "s" },
            if repeated.len() > 2 {
                format!(
                    "{}, and {} more",
                    repeated[..2].join(", "),
                    repeated.len() - 2
                )
            } else {
                repeated.join(", ")
            }
        ));
    }
    let mut counts: Vec<String> = formats
        .iter()
        .map(|(f, n)| format!("{n} {f}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    if counts.is_empty() {
        counts.push("no list".into());
    }
    file_notes.insert(0, format!("read {}", counts.join(", ")));

    // Name and date.
    let name = match &spec.name {
        Some(n) => n.trim().to_string(),
        None => default_source_name(&spec.inputs, &scanned),
    };
    let as_of = match &spec.as_of {
        Some(d) => {
            for s in &scanned {
                if let Some(stated) = s.as_of.as_ref().filter(|s| *s != d) {
                    report::warn(&format!(
                        "{}: the file says it was issued {stated}; using --as-of {d}",
                        s.file.path.display()
                    ));
                }
            }
            d.clone()
        }
        None => derive_as_of(&spec.inputs, &scanned, &name)?,
    };
    Ok(SourcePlan {
        name,
        as_of,
        inputs: spec.inputs,
        files: scanned,
        file_notes,
    })
}

/// What the first pass made of one file.
enum Scan {
    List(Box<Scanned>),
    Skipped(PathBuf, String),
}

/// First pass over one file.
fn scan_file(
    file: InputFile,
    size: u64,
    regular: bool,
    may_repeat: bool,
    digest_key: &[u8; 16],
    progress: Option<&ProgressBar>,
) -> Result<Scan, String> {
    let (format, reader) = match files::open(&file, progress)? {
        Opened::Skipped(reason) => return Ok(Scan::Skipped(file.path, reason)),
        Opened::List { format, reader } => (format, reader),
    };
    let mut scanned = Scanned {
        file,
        format,
        spooled: None,
        issues: Issues::default(),
        as_of: None,
        digest: None,
        twin: false,
        size,
    };
    // Text lists and sdn.csv fail only on I/O errors and state no date: one
    // that is read again later and has no sibling to compare with needs no
    // reading now.
    if regular && !may_repeat && matches!(format, Format::TextList | Format::SdnCsv) {
        drop(reader);
        if let Some(p) = progress {
            p.inc(size.saturating_sub(SAMPLE_BYTES as u64));
        }
        return Ok(Scan::List(Box::new(scanned)));
    }
    let path = scanned.file.path.clone();
    let mut digest = may_repeat.then(EntrySetDigest::default);
    let mut spool = if regular {
        None
    } else {
        Some(Spool::new().map_err(|e| {
            format!(
                "{}: cannot create a temporary file to keep its entries: {}",
                path.display(),
                io_message(&e)
            )
        })?)
    };
    let summary = files::read_opened(&scanned.file, format, reader, progress.cloned(), &mut |e| {
        if let Some(d) = digest.as_mut() {
            d.add(digest_key, &e);
        }
        if let Some(s) = spool.as_mut() {
            s.push(&e);
        }
    })?;
    scanned.spooled = spool.map(Spool::finish).transpose().map_err(|e| {
        format!(
            "{}: cannot keep its entries in a temporary file: {}",
            path.display(),
            io_message(&e)
        )
    })?;
    scanned.issues = summary.issues;
    scanned.as_of = summary.as_of;
    scanned.digest = digest;
    Ok(Scan::List(Box::new(scanned)))
}

/// An order-independent digest of a file's entries (text, names, asset) as
/// a multiset: their number and the sum of their keyed SHA-256 digests. Two
/// files with the same entries in any order get the same digest; different
/// ones collide with negligible probability, even when made to, since the
/// key is random (so no one can search for colliding lists offline).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct EntrySetDigest {
    count: u64,
    sum: [u128; 2],
}

impl EntrySetDigest {
    fn add(&mut self, key: &[u8; 16], e: &Entry<'_>) {
        fn field(h: &mut Sha256, bytes: &[u8]) {
            h.update((bytes.len() as u64).to_le_bytes());
            h.update(bytes);
        }
        let mut h = Sha256::new();
        h.update(key);
        field(&mut h, e.text.as_bytes());
        h.update((e.names.len() as u64).to_le_bytes());
        for n in e.names {
            field(&mut h, n.as_bytes());
        }
        match e.asset {
            Some(a) => {
                h.update([1]);
                field(&mut h, a.as_bytes());
            }
            None => h.update([0]),
        }
        let d: [u8; 32] = h.finalize().into();
        for (lane, half) in self.sum.iter_mut().zip(d.chunks_exact(16)) {
            let mut b = [0u8; 16];
            b.copy_from_slice(half);
            *lane = lane.wrapping_add(u128::from_le_bytes(b));
        }
        self.count += 1;
    }
}

/// A key for [`EntrySetDigest`], from the system's randomness.
fn random_digest_key() -> [u8; 16] {
    use std::hash::{BuildHasher, Hasher};
    let state = std::collections::hash_map::RandomState::new();
    let mut key = [0u8; 16];
    for (i, chunk) in key.chunks_exact_mut(8).enumerate() {
        let mut h = state.build_hasher();
        h.write_usize(i);
        chunk.copy_from_slice(&h.finish().to_le_bytes());
    }
    key
}

/// Files that repeat a sibling's entries: `.txt`/`.json` pairs with the same
/// stem in the same folder. Maps the index of a file not to count to the
/// index of the file that is counted (a text list when there is one: its
/// line numbers make better reports).
fn find_twins(files: &[Scanned]) -> BTreeMap<usize, usize> {
    let mut groups: BTreeMap<(PathBuf, String), Vec<usize>> = BTreeMap::new();
    for (i, s) in files.iter().enumerate() {
        groups
            .entry(sibling_group(&s.file.path))
            .or_default()
            .push(i);
    }
    let mut twins = BTreeMap::new();
    for members in groups.values().filter(|m| m.len() > 1) {
        let kept = members
            .iter()
            .copied()
            .find(|&i| files[i].format == Format::TextList)
            .unwrap_or(members[0]);
        let Some(kept_entries) = files[kept].digest else {
            continue;
        };
        for &i in members {
            let same = files[i]
                .digest
                .is_some_and(|d| d.count > 0 && d == kept_entries);
            if i != kept && same {
                twins.insert(i, kept);
            }
        }
    }
    twins
}

fn default_source_name(inputs: &[PathBuf], files: &[Scanned]) -> String {
    let ofac = files.iter().any(|s| {
        matches!(s.format, Format::SdnXml | Format::SdnCsv)
            || s.file
                .path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("sanctioned_addresses_"))
    });
    if ofac {
        return "OFAC SDN".into();
    }
    inputs
        .first()
        .and_then(|p| {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            let name = if p.is_dir() {
                p.file_name()
            } else {
                p.file_stem()
            };
            name.map(|n| n.to_string_lossy().into_owned())
        })
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "list".into())
}

/// The as-of date the inputs state: SDN_ADVANCED.XML's DateOfIssue, or a
/// folder named YYYY-MM-DD (the input folder or a file's folder).
fn derive_as_of(inputs: &[PathBuf], files: &[Scanned], name: &str) -> Result<String> {
    let mut found: BTreeSet<String> = BTreeSet::new();
    for s in files {
        if let Some(d) = &s.as_of {
            found.insert(d.clone());
        }
    }
    if found.is_empty() {
        let folder_date = |p: &Path| -> Option<String> {
            let p = std::fs::canonicalize(p).ok()?;
            let dir = if p.is_dir() { p.as_path() } else { p.parent()? };
            let n = dir.file_name()?.to_str()?;
            is_iso_date(n).then(|| n.to_string())
        };
        for p in inputs {
            if let Some(d) = folder_date(p) {
                found.insert(d);
            }
        }
        for s in files {
            if let Some(d) = folder_date(&s.file.path) {
                found.insert(d);
            }
        }
    }
    match found.len() {
        1 => Ok(found.into_iter().next().unwrap_or_default()),
        0 => bail!(
            "source {name:?}: no as-of date in its inputs (SDN_ADVANCED.XML states one; so does a folder named \
             YYYY-MM-DD): pass --as-of YYYY-MM-DD"
        ),
        _ => bail!(
            "source {name:?}: its inputs state different dates ({}): pass --as-of YYYY-MM-DD, or build them as \
             separate sources",
            found.into_iter().collect::<Vec<_>>().join(", ")
        ),
    }
}

/// Second pass over a source: key every entry of every file it counts into
/// the builder as the file is read, and report each file's problems.
fn key_source(
    plan: &mut SourcePlan,
    source: u16,
    builder: &mut FilterBuilder,
) -> Result<SourceStats> {
    let again: u64 = plan
        .files
        .iter()
        .filter(|s| !s.twin && s.spooled.is_none())
        .map(|s| s.size)
        .sum();
    let progress = report::progress_bar(Some(again), 8 * 1024 * 1024, "reading");
    let mut stats = SourceStats::default();
    let mut result = Ok(());
    for s in &mut plan.files {
        result = key_file(s, source, builder, &mut stats, progress.clone());
        if result.is_err() {
            break;
        }
    }
    if let Some(p) = &progress {
        p.finish_and_clear();
    }
    result.map_err(|e| anyhow!(e))?;
    Ok(stats)
}

fn key_file(
    s: &mut Scanned,
    source: u16,
    builder: &mut FilterBuilder,
    stats: &mut SourceStats,
    progress: Option<ProgressBar>,
) -> Result<(), String> {
    let path = s.file.path.clone();
    if s.twin {
        report_issues(&path, &s.issues, &Issues::default());
        return Ok(());
    }
    let mut invalid = Issues::default();
    let mut visit = |e: Entry<'_>| {
        if let Some(issue) = add_entry(builder, source, &mut stats.rows, e) {
            invalid.push(issue);
        }
    };
    let issues = match s.spooled.as_mut() {
        Some(spooled) => {
            spooled.replay(&mut visit).map_err(|e| {
                format!(
                    "{}: cannot read back its entries: {}",
                    path.display(),
                    io_message(&e)
                )
            })?;
            std::mem::take(&mut s.issues)
        }
        None => match read_file(&s.file, progress, &mut visit)? {
            FileRead::Read { format, summary } if format == s.format => summary.issues,
            _ => {
                return Err(format!(
                    "{}: the file changed while it was being read; run the build again",
                    path.display()
                ))
            }
        },
    };
    report_issues(&path, &issues, &invalid);
    Ok(())
}

/// Key one entry into the builder; returns an issue when it is kept as
/// exact text (or skipped).
fn add_entry(
    builder: &mut FilterBuilder,
    source: u16,
    rows: &mut BTreeMap<Row, RowStats>,
    entry: Entry<'_>,
) -> Option<Issue> {
    let (row, key, issue) = match parse(entry.text) {
        Ok(address) => (Row::Chain(address.chain), address.key, None),
        Err(e) => {
            let cleaned = clean(entry.text);
            if cleaned.is_empty() {
                return Some(Issue {
                    location: entry.location,
                    message: "empty after cleaning, skipped".into(),
                });
            }
            let row = e.chain().map(Row::Chain).unwrap_or(Row::Unrecognized);
            let issue = Issue {
                location: entry.location,
                message: format!(
                    "{e}: \"{}\"; kept as an exact-text key",
                    report::shown(entry.text, 120)
                ),
            };
            (row, Key::exact(cleaned), Some(issue))
        }
    };
    let stats = rows.entry(row).or_default();
    stats.listed += 1;
    if issue.is_some() {
        stats.invalid += 1;
    } else {
        stats.accepted += 1;
    }
    // The builder merges the labels one source gives one key.
    let label = Label {
        source,
        names: entry.names.to_vec(),
        assets: entry.asset.map(|a| vec![a.to_string()]).unwrap_or_default(),
    };
    if builder.insert(&key, label) == Inserted::Duplicate {
        stats.duplicates += 1;
    }
    issue
}

/// Print a file's problems: the reader's, then the entries kept as exact
/// text, at most [`MAX_REPORTS_PER_FILE`] in all.
fn report_issues(path: &Path, issues: &Issues, invalid: &Issues) {
    for issue in issues
        .kept
        .iter()
        .chain(&invalid.kept)
        .take(MAX_REPORTS_PER_FILE)
    {
        report::warn(&format!(
            "{}: {}: {}",
            path.display(),
            issue.location,
            issue.message
        ));
    }
    let total = issues.total + invalid.total;
    if total > MAX_REPORTS_PER_FILE as u64 {
        report::warn(&format!(
            "{}: {} more problems not shown",
            path.display(),
            thousands(total - MAX_REPORTS_PER_FILE as u64)
        ));
    }
}

fn print_summary(
    sources: &[(&SourcePlan, &SourceStats)],
    filter: &Filter,
    distinct: u64,
    output: &Path,
    file_sha256: &str,
) {
    let meta = filter.metadata();
    // Distinct keys per source, as the filter records them (sources are
    // numbered in the sorted order they are printed in).
    let source_keys = |i: usize| meta.sources.get(i).map_or(0, |s| s.entries);
    for (i, &(source, stats)) in sources.iter().enumerate() {
        let inputs: Vec<String> = source
            .inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        println!(
            "Source {}: {:?} as of {} ({})",
            i + 1,
            source.name,
            source.as_of,
            inputs.join(", ")
        );
        for note in &source.file_notes {
            println!("  {note}");
        }
        let width = stats
            .rows
            .keys()
            .map(|r| r.label().chars().count())
            .max()
            .unwrap_or(0)
            .max(5);
        println!(
            "  {:<width$}  {:>8}  {:>8}  {:>8}  {:>10}  {:>8}",
            "chain", "listed", "accepted", "invalid", "duplicates", "distinct"
        );
        let mut total = RowStats::default();
        for (row, s) in &stats.rows {
            println!(
                "  {:<width$}  {:>8}  {:>8}  {:>8}  {:>10}  {:>8}",
                row.label(),
                thousands(s.listed),
                thousands(s.accepted),
                thousands(s.invalid),
                thousands(s.duplicates),
                thousands(s.listed - s.duplicates)
            );
            total.listed += s.listed;
            total.accepted += s.accepted;
            total.invalid += s.invalid;
            total.duplicates += s.duplicates;
        }
        println!(
            "  {:<width$}  {:>8}  {:>8}  {:>8}  {:>10}  {:>8}",
            "total",
            thousands(total.listed),
            thousands(total.accepted),
            thousands(total.invalid),
            thousands(total.duplicates),
            thousands(source_keys(i))
        );
        if total.invalid > 0 {
            println!(
                "  ({} invalid entries kept as exact-text keys; see the warnings above)",
                total.invalid
            );
        }
    }
    let per_source: u64 = (0..sources.len()).map(source_keys).sum();
    let size = filter.size_bytes() as u64;
    let bits = filter.bloom_bits();
    let keys = meta.keys.max(distinct);
    let per_key = |b: f64| if keys == 0 { 0.0 } else { b / keys as f64 };
    println!(
        "Filter {}: {} keys from {} source{}{}",
        output.display(),
        thousands(keys),
        sources.len(),
        if sources.len() == 1 { "" } else { "s" },
        if per_source > keys {
            format!(
                " ({} keys are in more than one source)",
                thousands(per_source - keys)
            )
        } else {
            String::new()
        }
    );
    println!(
        "  size {} bytes ({}), {:.1} bits/entry overall{}",
        thousands(size),
        report::human_bytes(size),
        per_key(size as f64 * 8.0),
        if filter.has_details() {
            ", details included"
        } else {
            ", no details section"
        }
    );
    println!(
        "  Bloom filter: {} bits ({:.1} bits/entry), {} hash functions",
        thousands(bits),
        per_key(bits as f64),
        filter.hash_count()
    );
    println!(
        "  expected false-positive rate {} (target {})",
        report::rate(report::expected_fp_rate(bits, filter.hash_count(), keys)),
        report::rate(meta.fp_rate)
    );
    println!("  SHA-256 {file_sha256} (whole file, as sha256sum prints it)");
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{CommandFactory, FromArgMatches, Parser};

    #[derive(Parser, Debug)]
    struct T {
        #[command(flatten)]
        b: BuildArgs,
    }

    type Spec = (Option<String>, Option<String>, Vec<String>);

    fn specs(argv: &[&str]) -> Result<Vec<Spec>> {
        let m = T::command().try_get_matches_from(argv)?;
        let t = T::from_arg_matches(&m)?;
        Ok(source_specs(&t.b, Some(&m))?
            .into_iter()
            .map(|s| {
                (
                    s.name,
                    s.as_of,
                    s.inputs.iter().map(|p| p.display().to_string()).collect(),
                )
            })
            .collect())
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn one_source_whatever_the_order() {
        let got = specs(&[
            "t",
            "-o",
            "f",
            "a",
            "--source",
            "S",
            "b",
            "--as-of",
            "2024-01-01",
        ])
        .unwrap();
        assert_eq!(
            got,
            vec![(s("S"), s("2024-01-01"), vec!["a".into(), "b".into()])]
        );
    }

    #[test]
    fn several_sources_by_position() {
        let got = specs(&[
            "t",
            "-o",
            "f",
            "--source",
            "A",
            "--as-of",
            "2024-01-01",
            "a1",
            "a2",
            "--source",
            "B",
            "--as-of",
            "2025-01-01",
            "b1",
            "--as-of",
            "2025-02-02",
            "c1",
        ])
        .unwrap();
        assert_eq!(
            got,
            vec![
                (s("A"), s("2024-01-01"), vec!["a1".into(), "a2".into()]),
                (s("B"), s("2025-01-01"), vec!["b1".into()]),
                (None, s("2025-02-02"), vec!["c1".into()]),
            ]
        );
        let err = specs(&["t", "-o", "f", "--source", "A", "a", "--source", "B"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("--source \"B\" has no INPUT"), "{err}");
    }
}
