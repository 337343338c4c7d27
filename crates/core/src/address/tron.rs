//! Tron accounts: 21 bytes, `0x41` followed by the 20-byte account. Written in
//! Base58Check (`T…`, decoded in `base58.rs`) or in hex (`41…`, optionally
//! `0x41…`); both give the same key.

use super::key::{tag, Key};
use super::{Address, AddressError, Chain};

/// The Tron address prefix byte.
pub(super) const VERSION: u8 = 0x41;

/// Hex digits of a 21-byte Tron address.
pub(super) const HEX_LEN: usize = 42;

/// `s[start..]` is exactly 42 ASCII hex digits beginning with `41`.
pub(super) fn parse_hex(s: &str, start: usize) -> Result<Address, AddressError> {
    let mut raw = [0u8; 21];
    hex::decode_to_slice(&s.as_bytes()[start..], &mut raw)
        .map_err(|_| AddressError::Format { chain: Chain::Tron, detail: "invalid hex" })?;
    Ok(from_raw(&raw))
}

/// The address from its 21 raw bytes (`raw[0]` is 0x41).
pub(super) fn from_raw(raw: &[u8; 21]) -> Address {
    Address { chain: Chain::Tron, key: Key::new(tag::TRON, &[raw]) }
}

/// Base58Check `T…`.
pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    if payload.len() != 21 || payload[0] != VERSION {
        return None;
    }
    Some(bs58::encode(super::with_checksum(payload)).into_string())
}
