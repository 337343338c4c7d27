//! XRP Ledger classic addresses: Base58Check in the Ripple alphabet
//! `rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz`, type prefix
//! 0x00 ("Account ID", hence the leading `r`), a 20-byte account ID, and the
//! first four bytes of a double SHA-256 as checksum.

use super::key::{tag, Key};
use super::{base58, length_error, sha256d_checksum, Address, AddressError, Chain};

/// Type prefix of an account ID.
const ACCOUNT_ID: u8 = 0x00;

/// `s` is 25..=35 Base58 characters starting with `r` (the Ripple alphabet has
/// the same characters as Bitcoin's, in another order).
pub(super) fn parse(s: &str) -> Result<Address, AddressError> {
    let mut buf = [0u8; base58::MAX_LEN];
    let n = base58::decode(s.as_bytes(), &base58::RIPPLE, &mut buf).ok_or_else(|| length_error(s, Chain::Xrp))?;
    if n != 25 {
        return Err(length_error(s, Chain::Xrp));
    }
    let (body, check) = buf[..25].split_at(21);
    if sha256d_checksum(body) != check {
        return Err(AddressError::Checksum { chain: Chain::Xrp });
    }
    if body[0] != ACCOUNT_ID {
        return Err(AddressError::Format { chain: Chain::Xrp, detail: "not an account address" });
    }
    Ok(Address { chain: Chain::Xrp, key: Key::new(tag::XRP, &[&body[1..]]) })
}

pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    if payload.len() != 20 {
        return None;
    }
    let mut body = [0u8; 21];
    body[0] = ACCOUNT_ID;
    body[1..].copy_from_slice(payload);
    Some(bs58::encode(super::with_checksum(&body)).with_alphabet(bs58::Alphabet::RIPPLE).into_string())
}
