//! Bounds-checked little-endian reading and writing of the file's sections.
//!
//! Every length read from a file is checked against the bytes that remain, so
//! a hostile length can neither panic nor allocate more than the file holds.

use super::error::LoadError;

#[derive(Default)]
pub(crate) struct Writer {
    pub(crate) buf: Vec<u8>,
}

impl Writer {
    pub(crate) fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.buf.extend_from_slice(b);
    }
    /// A length-prefixed (u32) byte string.
    pub(crate) fn blob(&mut self, b: &[u8]) {
        self.u32(b.len() as u32);
        self.bytes(b);
    }
    pub(crate) fn str(&mut self, s: &str) {
        self.blob(s.as_bytes());
    }
    /// Start a length-prefixed blob written in place; returns where its
    /// length goes, for [`Writer::end_blob`].
    pub(crate) fn begin_blob(&mut self) -> usize {
        let at = self.buf.len();
        self.u32(0);
        at
    }
    pub(crate) fn end_blob(&mut self, at: usize) {
        let len = (self.buf.len() - at - 4) as u32;
        self.buf[at..at + 4].copy_from_slice(&len.to_le_bytes());
    }
    /// A u16-counted list of strings.
    pub(crate) fn strs(&mut self, list: &[String]) {
        self.u16(list.len() as u16);
        for s in list {
            self.str(s);
        }
    }
}

pub(crate) struct Reader<'a> {
    rest: &'a [u8],
    /// What a short read means: `Truncated` while walking the outer
    /// structure, `Malformed` inside a section whose digest already verified.
    short: LoadError,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(bytes: &'a [u8], short: LoadError) -> Self {
        Reader { rest: bytes, short }
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], LoadError> {
        if n > self.rest.len() {
            return Err(self.short.clone());
        }
        let (head, tail) = self.rest.split_at(n);
        self.rest = tail;
        Ok(head)
    }
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], LoadError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N)?);
        Ok(out)
    }
    pub(crate) fn u16(&mut self) -> Result<u16, LoadError> {
        Ok(u16::from_le_bytes(self.array()?))
    }
    pub(crate) fn u32(&mut self) -> Result<u32, LoadError> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    pub(crate) fn u64(&mut self) -> Result<u64, LoadError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
    pub(crate) fn blob(&mut self) -> Result<&'a [u8], LoadError> {
        let n = self.u32()? as usize;
        self.take(n)
    }
    pub(crate) fn str(&mut self) -> Result<String, LoadError> {
        let b = self.blob()?;
        core::str::from_utf8(b).map(str::to_owned).map_err(|_| LoadError::Malformed("text is not UTF-8"))
    }
    pub(crate) fn strs(&mut self) -> Result<Vec<String>, LoadError> {
        let n = self.u16()? as usize;
        // Each string needs at least its 4-byte length: bound the allocation.
        if n > self.rest.len() / 4 {
            return Err(self.short.clone());
        }
        (0..n).map(|_| self.str()).collect()
    }
    pub(crate) fn remaining(&self) -> usize {
        self.rest.len()
    }
    pub(crate) fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }
}
