//! Why a filter file was refused.

use core::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The file ends before its declared sections do.
    Truncated,
    /// Not an addrcheck filter file.
    WrongMagic,
    /// Written by a newer (or unknown) format version.
    UnsupportedVersion { found: u16, supported: u16 },
    /// Uses an address key layout this checker does not implement.
    UnsupportedKeyScheme { found: u16, supported: u16 },
    /// The SHA-256 does not match the contents.
    Corrupt,
    /// The checksum matches but a section is malformed.
    Malformed(&'static str),
}

impl LoadError {
    /// A stable camelCase code (used by the JS API and JSON output).
    pub fn code(&self) -> &'static str {
        match self {
            LoadError::Truncated => "truncated",
            LoadError::WrongMagic => "wrongMagic",
            LoadError::UnsupportedVersion { .. } => "unsupportedVersion",
            LoadError::UnsupportedKeyScheme { .. } => "unsupportedKeyScheme",
            LoadError::Corrupt => "corrupt",
            LoadError::Malformed(_) => "malformed",
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Truncated => f.write_str("filter file is truncated"),
            LoadError::WrongMagic => f.write_str("not an addrcheck filter file (wrong magic bytes)"),
            LoadError::UnsupportedVersion { found, supported } => {
                write!(f, "filter format version {found} is not supported (this build reads version {supported})")
            }
            LoadError::UnsupportedKeyScheme { found, supported } => {
                write!(f, "filter key scheme {found} is not supported (this build uses key scheme {supported})")
            }
            LoadError::Corrupt => f.write_str("filter file is corrupt: SHA-256 mismatch"),
            LoadError::Malformed(what) => write!(f, "filter file is malformed: {what}"),
        }
    }
}

impl std::error::Error for LoadError {}
