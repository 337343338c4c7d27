//! Solana accounts: a 32-byte public key in plain Base58 (Bitcoin alphabet, no
//! checksum), so any Base58 string that decodes to exactly 32 bytes is one.

use super::key::{tag, Key};
use super::{base58, length_error, Address, AddressError, Chain};

pub(super) const KEY_LEN: usize = 32;

/// 32 bytes are at most 44 Base58 characters; 32 is the shortest real one
/// (the all-zero system program `111…1`).
pub(super) const MIN_LEN: usize = 32;
pub(super) const MAX_LEN: usize = 44;

/// `s` is Base58 text of 32..=44 characters.
pub(super) fn parse(s: &str) -> Result<Address, AddressError> {
    let mut buf = [0u8; MAX_LEN];
    match base58::decode(s.as_bytes(), &base58::BITCOIN, &mut buf) {
        Some(KEY_LEN) => Ok(from_bytes(&buf[..KEY_LEN])),
        _ => Err(length_error(s, Chain::Solana)),
    }
}

pub(super) fn from_bytes(key: &[u8]) -> Address {
    Address { chain: Chain::Solana, key: Key::new(tag::SOLANA, &[key]) }
}

pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    (payload.len() == KEY_LEN).then(|| bs58::encode(payload).into_string())
}
