//! Keeping the entries of an input that can be read only once.
//!
//! `addrcheck build` reads every list twice: once to learn formats, dates and
//! which files repeat a sibling, once to key the entries. A pipe (`<(curl
//! ...)`), a FIFO or a character device cannot be read again, so its entries
//! are written, as they are read the first time, to an anonymous temporary
//! file (removed by the system when closed), one JSON line each, and replayed
//! from there. Memory stays bounded whatever the input's size.

use super::{Entry, Location};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Seek, SeekFrom, Write};

#[derive(Serialize)]
struct EntryOut<'a> {
    text: &'a str,
    names: &'a [String],
    asset: Option<&'a str>,
    location: &'a Location,
}

#[derive(Deserialize)]
struct EntryIn {
    text: String,
    names: Vec<String>,
    asset: Option<String>,
    location: Location,
}

/// Entries being written.
pub struct Spool {
    out: BufWriter<File>,
    /// The first write error; later entries are dropped and [`Spool::finish`]
    /// returns it.
    error: Option<io::Error>,
    entries: u64,
}

impl Spool {
    pub fn new() -> io::Result<Spool> {
        Ok(Spool {
            out: BufWriter::with_capacity(64 * 1024, tempfile::tempfile()?),
            error: None,
            entries: 0,
        })
    }

    pub fn push(&mut self, entry: &Entry<'_>) {
        if self.error.is_some() {
            return;
        }
        let record = EntryOut {
            text: entry.text,
            names: entry.names,
            asset: entry.asset,
            location: &entry.location,
        };
        let written = serde_json::to_writer(&mut self.out, &record)
            .map_err(io::Error::from)
            .and_then(|()| self.out.write_all(b"\n"));
        match written {
            Ok(()) => self.entries += 1,
            Err(e) => self.error = Some(e),
        }
    }

    /// Stop writing; the entries can then be replayed.
    pub fn finish(self) -> io::Result<Spooled> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let file = self.out.into_inner().map_err(|e| e.into_error())?;
        Ok(Spooled {
            file,
            entries: self.entries,
        })
    }
}

/// Entries written, ready to be replayed.
pub struct Spooled {
    file: File,
    entries: u64,
}

impl Spooled {
    /// Hand every entry to `visit`, in the order they were first read.
    pub fn replay(&mut self, visit: &mut dyn FnMut(Entry<'_>)) -> io::Result<()> {
        self.file.seek(SeekFrom::Start(0))?;
        let reader = BufReader::with_capacity(64 * 1024, &self.file);
        let mut count = 0u64;
        for record in serde_json::Deserializer::from_reader(reader).into_iter::<EntryIn>() {
            let e = record.map_err(io::Error::from)?;
            count += 1;
            visit(Entry {
                text: &e.text,
                names: &e.names,
                asset: e.asset.as_deref(),
                location: e.location,
            });
        }
        if count != self.entries {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!(
                    "the temporary copy of its entries holds {count} of {}",
                    self.entries
                ),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_as_written() {
        let names = vec!["A \"quoted\" name".to_string(), "Ünïcode\n".to_string()];
        let written = vec![
            Entry {
                text: "0xabc",
                names: &[],
                asset: None,
                location: Location::Line(3),
            },
            Entry {
                text: "1x;\"y\"",
                names: &names,
                asset: Some("XBT"),
                location: Location::Feature("12".into()),
            },
            Entry {
                text: "z",
                names: &names[..1],
                asset: None,
                location: Location::Item(9),
            },
        ];
        let mut spool = Spool::new().unwrap();
        for e in &written {
            spool.push(e);
        }
        let mut spooled = spool.finish().unwrap();
        for _ in 0..2 {
            let mut got: Vec<(String, Vec<String>, Option<String>, Location)> = Vec::new();
            spooled
                .replay(&mut |e| {
                    got.push((
                        e.text.to_string(),
                        e.names.to_vec(),
                        e.asset.map(str::to_string),
                        e.location,
                    ))
                })
                .unwrap();
            let want: Vec<_> = written
                .iter()
                .map(|e| {
                    (
                        e.text.to_string(),
                        e.names.to_vec(),
                        e.asset.map(str::to_string),
                        e.location.clone(),
                    )
                })
                .collect();
            assert_eq!(got, want);
        }
    }
}
