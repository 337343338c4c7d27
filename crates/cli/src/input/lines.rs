//! Line reading with a hard cap on what is kept of each line.
//!
//! `BufRead::read_line` keeps a whole line in memory, so a file made of one
//! 1 GB line would need 1 GB. [`BoundedLines`] keeps at most `max` bytes of a
//! line, skips the rest while counting it, and says the line was too long.

use std::io::{self, BufRead};

/// One line (without its `\n` / `\r\n`).
#[derive(Debug, PartialEq, Eq)]
pub enum Line<'a> {
    Text(&'a [u8]),
    /// Longer than the cap; `len` is its full length in bytes.
    TooLong {
        len: u64,
    },
}

pub struct BoundedLines<R> {
    inner: R,
    max: usize,
    buf: Vec<u8>,
    number: u64,
}

impl<R: BufRead> BoundedLines<R> {
    pub fn new(inner: R, max: usize) -> Self {
        BoundedLines {
            inner,
            max,
            buf: Vec::new(),
            number: 0,
        }
    }

    /// The next line and its 1-based number, or `None` at end of input.
    pub fn next_line(&mut self) -> io::Result<Option<(u64, Line<'_>)>> {
        self.buf.clear();
        let mut len: u64 = 0;
        let mut seen_any = false;
        loop {
            let chunk = match self.inner.fill_buf() {
                Ok(c) => c,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if chunk.is_empty() {
                if !seen_any {
                    return Ok(None);
                }
                break;
            }
            seen_any = true;
            let (take, done) = match chunk.iter().position(|&b| b == b'\n') {
                Some(i) => (i, true),
                None => (chunk.len(), false),
            };
            let room = (self.max + 1).saturating_sub(self.buf.len());
            self.buf.extend_from_slice(&chunk[..take.min(room)]);
            len += take as u64;
            let consumed = if done { take + 1 } else { take };
            self.inner.consume(consumed);
            if done {
                break;
            }
        }
        self.number += 1;
        if self.buf.last() == Some(&b'\r') && len as usize <= self.max + 1 {
            self.buf.pop();
            len -= 1;
        }
        if len > self.max as u64 {
            return Ok(Some((self.number, Line::TooLong { len })));
        }
        Ok(Some((self.number, Line::Text(&self.buf))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{BufReader, Read};

    fn collect(data: &[u8], max: usize) -> Vec<(u64, Result<Vec<u8>, u64>)> {
        let mut r = BoundedLines::new(BufReader::with_capacity(7, data), max);
        let mut out = Vec::new();
        while let Some((n, l)) = r.next_line().unwrap() {
            out.push((
                n,
                match l {
                    Line::Text(t) => Ok(t.to_vec()),
                    Line::TooLong { len } => Err(len),
                },
            ));
        }
        out
    }

    #[test]
    fn splits_lines() {
        let got = collect(b"a\r\nbb\n\nccc", 10);
        assert_eq!(
            got,
            vec![
                (1, Ok(b"a".to_vec())),
                (2, Ok(b"bb".to_vec())),
                (3, Ok(vec![])),
                (4, Ok(b"ccc".to_vec()))
            ]
        );
        assert!(collect(b"", 10).is_empty());
    }

    #[test]
    fn caps_long_lines() {
        let got = collect(b"0123456789\n01234567890\nok\n0123456789\r\n", 10);
        assert_eq!(
            got,
            vec![
                (1, Ok(b"0123456789".to_vec())),
                (2, Err(11)),
                (3, Ok(b"ok".to_vec())),
                (4, Ok(b"0123456789".to_vec()))
            ]
        );
    }

    /// A reader producing `n` bytes of `x` without allocating them.
    struct Endless(u64);
    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            let n = (buf.len() as u64).min(self.0) as usize;
            buf[..n].fill(b'x');
            self.0 -= n as u64;
            Ok(n)
        }
    }

    #[test]
    fn huge_line_uses_bounded_memory() {
        let big = 64 * 1024 * 1024;
        let mut r = BoundedLines::new(BufReader::new(Endless(big)), 4096);
        match r.next_line().unwrap() {
            Some((1, Line::TooLong { len })) => assert_eq!(len, big),
            other => panic!("unexpected {other:?}"),
        }
        assert!(r.buf.capacity() < 64 * 1024);
        assert!(r.next_line().unwrap().is_none());
    }
}
