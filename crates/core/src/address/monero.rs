//! Monero addresses: standard (`4…`), subaddress (`8…`) and integrated, on
//! mainnet, testnet and stagenet.
//!
//! An address is `network byte || public spend key (32) || public view key (32)
//! [|| payment ID (8), integrated only] || checksum (4)`, the checksum being
//! the first four bytes of Keccak-256 of what precedes it, written in Monero's
//! block Base58:
//!
//! > Monero base58 is not like Bitcoin base58, bytes are converted in 8-byte
//! > blocks. The last block can have less than 8 bytes, but at least 1 byte.
//! > Eight bytes converts to 11 or less Base58 characters; if a particular block
//! > converts to <11 characters, the conversion pads it with "1"s (1 is 0 in
//! > Base58). Likewise, the final block can convert to 11 or less Base58 digits.
//! > Due to the conditional padding, the 69-byte string, like Monero addresses,
//! > will always convert to 95 Base58 characters (8 * 11 + 7); where 7 is
//! > length of the last block of 5 bytes.
//!
//! (`base58-monero` crate documentation; Monero's `src/common/base58.cpp` has
//! the block sizes as `encoded_block_sizes[] = {0, 2, 3, 5, 6, 7, 9, 10, 11}`.)
//!
//! The crate does the block Base58 both ways; the checksum is checked here so
//! that a typo is told apart from a malformed string. (Its decoder allocates:
//! Monero is the one family whose parse touches the heap.)

use super::key::{tag, Key};
use super::{keccak256, length_error, Address, AddressError, Chain};

const CHAIN: Chain = Chain::Monero;

/// 69 bytes (standard, subaddress) → 95 characters; 77 (integrated) → 106.
pub(super) const STANDARD_LEN: usize = 95;
pub(super) const INTEGRATED_LEN: usize = 106;
const STANDARD_BYTES: usize = 69;
const INTEGRATED_BYTES: usize = 77;

/// Network bytes (single-byte varints): (address byte, byte of the standard or
/// subaddress form it maps to, integrated?).
const NETWORKS: &[(u8, u8, bool)] = &[
    (18, 18, false), // mainnet standard `4…`
    (42, 42, false), // mainnet subaddress `8…`
    (19, 18, true),  // mainnet integrated `4…`
    (53, 53, false), // testnet standard `9…`
    (63, 63, false), // testnet subaddress `B…`
    (54, 53, true),  // testnet integrated `A…`
    (24, 24, false), // stagenet standard `5…`
    (36, 36, false), // stagenet subaddress `7…`
    (25, 24, true),  // stagenet integrated `5…`
];

/// Whether the first character can start a Monero address (to name Monero in
/// an error for a 95/106-character string with a bad character).
pub(super) fn chain_for_lead(c: u8) -> Option<Chain> {
    matches!(c, b'4' | b'8' | b'9' | b'A' | b'B' | b'5' | b'7').then_some(CHAIN)
}

/// `s` is 95 or 106 Base58 characters.
fn block_error(e: base58_monero::Error) -> &'static str {
    match e {
        base58_monero::Error::InvalidSymbol => "invalid character",
        base58_monero::Error::InvalidBlockSize => "invalid length",
        _ => "invalid block",
    }
}

pub(super) fn parse(s: &str) -> Result<Address, AddressError> {
    let buf = base58_monero::decode(s).map_err(|e| AddressError::Format { chain: CHAIN, detail: block_error(e) })?;
    let n = buf.len();
    if n != STANDARD_BYTES && n != INTEGRATED_BYTES {
        return Err(length_error(s, CHAIN));
    }
    let (body, check) = buf.split_at(n - 4);
    if keccak256(body)[..4] != *check {
        return Err(AddressError::Checksum { chain: CHAIN });
    }
    // A valid checksum with a network byte Monero does not use: another
    // CryptoNote coin, not Monero.
    let &(_, standard, integrated) =
        NETWORKS.iter().find(|(b, _, _)| *b == body[0]).ok_or(AddressError::Unrecognized)?;
    let expected = if integrated { INTEGRATED_BYTES } else { STANDARD_BYTES };
    if n != expected {
        return Err(length_error(s, CHAIN));
    }
    // An integrated address is its standard address plus a payment ID: same key.
    let key = Key::new(tag::MONERO, &[&[standard], &body[1..65]]);
    Ok(Address { chain: CHAIN, key })
}

/// The standard or subaddress form (95 characters).
pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    if payload.len() != 65 || !NETWORKS.iter().any(|&(b, _, integrated)| b == payload[0] && !integrated) {
        return None;
    }
    base58_monero::encode_check(payload).ok()
}
