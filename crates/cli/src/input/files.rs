//! Finding the files of an input and reading one file whatever its format.

use super::guard::Guard;
use super::sniff::{sniff, Format, Sniffed, SAMPLE_BYTES};
use super::{
    asset_from_file_name, json_list, sdn_csv, sdn_xml, text_list, Collector, Entry, ReadError,
    Summary,
};
use indicatif::ProgressBar;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};

/// Deepest folder nesting walked.
const MAX_WALK_DEPTH: usize = 16;
/// Longest XML token (text node, tag) buffered: the real file's are tiny.
const XML_MAX_RUN: u64 = 16 * 1024 * 1024;
/// Longest JSON string.
const JSON_MAX_RUN: u64 = 1024 * 1024;

/// A file to read, and whether it was named on the command line (an
/// explicitly named file that is not a list is an error; one found in a
/// folder is skipped with a note).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct InputFile {
    pub path: PathBuf,
    pub explicit: bool,
}

/// The files of one input: itself, or every file under it in sorted order.
pub fn list_files(input: &Path) -> Result<Vec<InputFile>, String> {
    let meta =
        std::fs::metadata(input).map_err(|e| format!("{}: {}", input.display(), io_message(&e)))?;
    if meta.is_dir() {
        let mut out = Vec::new();
        walk(input, 0, &mut out)?;
        Ok(out)
    } else {
        Ok(vec![InputFile {
            path: input.to_path_buf(),
            explicit: true,
        }])
    }
}

fn walk(dir: &Path, depth: usize, out: &mut Vec<InputFile>) -> Result<(), String> {
    if depth > MAX_WALK_DEPTH {
        return Err(format!(
            "{}: folders nested deeper than {MAX_WALK_DEPTH} levels",
            dir.display()
        ));
    }
    let read =
        std::fs::read_dir(dir).map_err(|e| format!("{}: {}", dir.display(), io_message(&e)))?;
    let mut paths = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| format!("{}: {}", dir.display(), io_message(&e)))?;
        paths.push(entry.path());
    }
    paths.sort();
    for path in paths {
        let meta = std::fs::metadata(&path)
            .map_err(|e| format!("{}: {}", path.display(), io_message(&e)))?;
        if meta.is_dir() {
            walk(&path, depth + 1, out)?;
        } else if meta.is_file() {
            out.push(InputFile {
                path,
                explicit: false,
            });
        }
    }
    Ok(())
}

/// An I/O error's message without the "(os error N)" noise.
pub fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}

/// A file opened and recognised, ready to be read.
pub enum Opened {
    List {
        format: Format,
        /// The whole content (the sniffed sample, then the rest), without a BOM.
        reader: Box<dyn Read>,
    },
    /// Not an address list; the reason.
    Skipped(String),
}

/// Open a file and recognise its format by content. An explicitly named file
/// that is not a list is an error; one found in a folder is skipped.
pub fn open(file: &InputFile, progress: Option<&ProgressBar>) -> Result<Opened, String> {
    let path = &file.path;
    let mut f = File::open(path).map_err(|e| fail(path, ReadError::Io(e)))?;
    let mut sample = Vec::with_capacity(SAMPLE_BYTES);
    (&mut f)
        .take(SAMPLE_BYTES as u64)
        .read_to_end(&mut sample)
        .map_err(|e| fail(path, ReadError::Io(e)))?;
    let complete = sample.len() < SAMPLE_BYTES;
    let format = match sniff(&sample, complete) {
        Sniffed::Format(format) => format,
        Sniffed::NotAList(reason) => {
            if let Some(p) = progress {
                let size = f.metadata().map(|m| m.len()).unwrap_or(0);
                p.inc(size);
            }
            return if file.explicit {
                Err(format!("{}: {reason}", path.display()))
            } else {
                Ok(Opened::Skipped(reason))
            };
        }
    };
    let bom = sample.starts_with(b"\xEF\xBB\xBF");
    if let Some(p) = progress {
        p.inc(sample.len() as u64);
    }
    let mut sample = Cursor::new(sample);
    if bom {
        sample.set_position(3);
    }
    Ok(Opened::List {
        format,
        reader: Box::new(sample.chain(f)),
    })
}

fn fail(path: &Path, e: ReadError) -> String {
    match e {
        ReadError::Io(io) => format!("{}: {}", path.display(), io_message(&io)),
        ReadError::Format(m) => format!("{}: {m}", path.display()),
    }
}

/// The outcome of reading one file.
pub enum FileRead {
    Read {
        format: Format,
        summary: Summary,
    },
    /// Not an address list; the reason.
    Skipped(String),
}

/// Read one file, recognising its format by content: every entry goes to
/// `visit`, as it is read.
pub fn read_file(
    file: &InputFile,
    progress: Option<ProgressBar>,
    visit: &mut dyn FnMut(Entry<'_>),
) -> Result<FileRead, String> {
    match open(file, progress.as_ref())? {
        Opened::Skipped(reason) => Ok(FileRead::Skipped(reason)),
        Opened::List { format, reader } => {
            let summary = read_opened(file, format, reader, progress, visit)?;
            Ok(FileRead::Read { format, summary })
        }
    }
}

/// Read an opened list (see [`open`]).
pub fn read_opened(
    file: &InputFile,
    format: Format,
    whole: Box<dyn Read>,
    progress: Option<ProgressBar>,
    visit: &mut dyn FnMut(Entry<'_>),
) -> Result<Summary, String> {
    let path = &file.path;
    let asset = asset_from_file_name(path);
    let mut out = Collector::new(visit);
    let result = match format {
        Format::SdnXml => {
            let guarded =
                Guard::new(whole, b'<', XML_MAX_RUN, "XML text or markup").with_progress(progress);
            sdn_xml::read(BufReader::with_capacity(64 * 1024, guarded), &mut out)
        }
        Format::SdnCsv => {
            let counted = Guard::unlimited(whole).with_progress(progress);
            sdn_csv::read(BufReader::with_capacity(64 * 1024, counted), &mut out)
        }
        Format::JsonList => {
            let guarded =
                Guard::new(whole, b'"', JSON_MAX_RUN, "JSON string").with_progress(progress);
            json_list::read(BufReader::new(guarded), asset.as_deref(), &mut out)
        }
        Format::TextList => {
            let counted = Guard::unlimited(whole).with_progress(progress);
            text_list::read(
                BufReader::with_capacity(64 * 1024, counted),
                asset.as_deref(),
                &mut out,
            )
        }
    };
    result.map_err(|e| fail(path, e))?;
    Ok(out.finish())
}
