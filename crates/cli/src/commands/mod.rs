//! One module per subcommand.

pub mod build;
pub mod check;
pub mod fetch;
pub mod inspect;

use crate::input::files::io_message;
use addrcheck_core::Filter;
use anyhow::{bail, Result};
use std::io::Read;
use std::path::Path;

/// Largest file accepted as a filter (real ones are kilobytes to a few hundred MB).
const MAX_FILTER_BYTES: u64 = 1 << 30;

/// Read and verify a filter file, with a clear message when it is refused.
pub fn load_filter(path: &Path) -> Result<Filter> {
    let file = std::fs::File::open(path)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_message(&e)))?;
    let len = file.metadata().map(|m| m.len()).unwrap_or(0);
    if len > MAX_FILTER_BYTES {
        bail!(
            "{}: {} bytes is too large to be a filter file",
            path.display(),
            len
        );
    }
    let mut bytes = Vec::with_capacity(len as usize);
    file.take(MAX_FILTER_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!("{}: {}", path.display(), io_message(&e)))?;
    if bytes.len() as u64 > MAX_FILTER_BYTES {
        bail!("{}: too large to be a filter file", path.display());
    }
    Filter::from_bytes(&bytes)
        .map_err(|e| anyhow::anyhow!("{}: {e} (refusing to use it)", path.display()))
}
