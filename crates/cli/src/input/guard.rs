//! A reader adapter that bounds what a parser may have to buffer, and reports
//! progress.
//!
//! Streaming parsers (quick-xml, csv, serde_json) still buffer one token at a
//! time: one XML text node, one CSV record, one JSON string. A hostile file
//! made of a single gigantic token would make them allocate its whole size.
//! [`Guard`] fails the read with a clear error as soon as more than `max_run`
//! bytes pass without the byte that must delimit such tokens (`<` for XML,
//! `\n` for CSV, `"` for JSON), so memory stays bounded whatever the input.

use indicatif::ProgressBar;
use std::io::{self, Read};

pub struct Guard<R> {
    inner: R,
    delimiter: u8,
    max_run: u64,
    run: u64,
    what: &'static str,
    progress: Option<ProgressBar>,
}

impl<R: Read> Guard<R> {
    /// `what` names the token in the error message ("XML text or tag").
    pub fn new(inner: R, delimiter: u8, max_run: u64, what: &'static str) -> Self {
        Guard {
            inner,
            delimiter,
            max_run,
            run: 0,
            what,
            progress: None,
        }
    }

    /// A reader that only reports progress (no run limit).
    pub fn unlimited(inner: R) -> Self {
        Guard::new(inner, 0, u64::MAX, "")
    }

    pub fn with_progress(mut self, progress: Option<ProgressBar>) -> Self {
        self.progress = progress;
        self
    }
}

impl<R: Read> Read for Guard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.max_run != u64::MAX {
            for &b in &buf[..n] {
                if b == self.delimiter {
                    self.run = 0;
                } else {
                    self.run += 1;
                    if self.run > self.max_run {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidData,
                            format!(
                                "{} longer than {} bytes: refusing to buffer it",
                                self.what, self.max_run
                            ),
                        ));
                    }
                }
            }
        }
        if let Some(p) = &self.progress {
            p.inc(n as u64);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fails_on_long_run_and_passes_short_ones() {
        let data = b"ab\ncd\n".repeat(1000);
        let mut out = Vec::new();
        Guard::new(&data[..], b'\n', 2, "line")
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out.len(), data.len());

        let data = vec![b'x'; 10_000];
        let err = Guard::new(&data[..], b'\n', 100, "line")
            .read_to_end(&mut Vec::new())
            .unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidData);
        assert!(err.to_string().contains("line longer than 100 bytes"));
    }
}
