//! Native segwit addresses (Bitcoin `bc1`/`tb1`/`bcrt1`, Litecoin
//! `ltc1`/`tltc1`/`rltc1`), decoded with rust-bitcoin's `bech32` crate without
//! allocating.
//!
//! BIP-173, "Decoding": software interpreting a segwit address
//! > * MUST verify that the human-readable part is "bc" for mainnet and "tb" for testnet.
//! > * MUST verify that the first decoded data value (the witness version) is between 0 and 16, inclusive.
//! > * Convert the rest of the data to bytes: [...] Re-arrange those bits into groups of 8 bits.
//! >   Any incomplete group at the end MUST be 4 bits or less, MUST be all zeroes, and is discarded.
//!
//! > Decoders SHOULD enforce known-length restrictions on witness programs. For example, BIP141
//! > specifies *If the version byte is 0, but the witness program is neither 20 nor 32 bytes,
//! > the script must fail.*
//!
//! > Decoders MUST NOT accept strings where some characters are uppercase and some are
//! > lowercase (such strings are referred to as mixed case strings).
//!
//! BIP-350, "Addresses for segregated witness outputs":
//! > * If the witness version is 0, the Bech32 encoding is used.
//! > * If the witness version is 1 or higher, the Bech32m encoding is used.
//!
//! > Decoding [...] If the witness version is 0, verify that the Bech32 checksum is valid. If the
//! > witness version is 1 or higher, verify that the Bech32m checksum is valid.
//!
//! All of this is the `bech32` crate's `SegwitHrpstring::new`: characters,
//! case, HRP syntax, witness version, the Bech32/Bech32m checksum chosen by
//! version, padding and program length (2..=40 bytes, 20 or 32 for v0), with
//! no allocation. This module adds the HRP allow-list and the key.

use bech32::primitives::decode::{CharError, SegwitHrpstring, SegwitHrpstringError, UncheckedHrpstringError};
use bech32::{Fe32, Hrp};

use super::key::{tag, Key};
use super::{check_chars, length_error, Address, AddressError, Chain};

/// The human-readable parts accepted, and the chain each one names.
const HRPS: &[(&[u8], Chain)] = &[
    (b"bc", Chain::BitcoinSegwit),
    (b"tb", Chain::BitcoinSegwit),
    (b"bcrt", Chain::BitcoinSegwit),
    (b"ltc", Chain::LitecoinSegwit),
    (b"tltc", Chain::LitecoinSegwit),
    (b"rltc", Chain::LitecoinSegwit),
];

/// Whether `c` is in the bech32 alphabet (either case).
pub(super) fn is_charset(c: char) -> bool {
    Fe32::from_char(c).is_ok()
}

/// The chain whose HRP + separator `s` starts with (any case).
pub(super) fn chain_for_prefix(s: &[u8]) -> Option<Chain> {
    hrp_for_prefix(s).map(|(_, c)| c)
}

fn hrp_for_prefix(s: &[u8]) -> Option<(usize, Chain)> {
    HRPS.iter().find_map(|&(hrp, chain)| {
        let n = hrp.len();
        (s.len() > n && s[..n].eq_ignore_ascii_case(hrp) && s[n] == b'1').then_some((n, chain))
    })
}

/// `s` starts with one of [`HRPS`] and `1`.
pub(super) fn parse(s: &str, chain: Chain) -> Result<Address, AddressError> {
    let data_start = hrp_for_prefix(s.as_bytes()).map_or(0, |(n, _)| n + 1);
    // The HRP is everything before the last `1`: a `1` inside the data part
    // would make another HRP, so name that character rather than a checksum.
    if s.rfind('1').map(|i| i + 1) != Some(data_start) {
        return Err(first_bad_data_char(s, data_start, chain));
    }
    let parsed = SegwitHrpstring::new(s).map_err(|e| match e {
        SegwitHrpstringError::Unchecked(UncheckedHrpstringError::Char(CharError::InvalidChar(_))) => {
            first_bad_data_char(s, data_start, chain)
        }
        e => map_error(e, s, chain),
    })?;
    // BIP-173: "MUST verify that the human-readable part is" one we know.
    let written = parsed.hrp();
    let Some(hrp) = HRPS
        .iter()
        .find(|&&(h, c)| c == chain && h.eq_ignore_ascii_case(written.as_bytes()))
        .map(|&(h, _)| h)
    else {
        return Err(first_bad_data_char(s, data_start, chain));
    };
    let mut program = [0u8; 40];
    let mut n = 0;
    // `validate_segwit` bounded the program to 40 bytes.
    for (slot, b) in program.iter_mut().zip(parsed.byte_iter()) {
        *slot = b;
        n += 1;
    }
    let key = Key::new(tag::SEGWIT, &[hrp, &[0, parsed.witness_version().to_u8()], &program[..n]]);
    Ok(Address { chain, key })
}

/// The `Character` error for the first character of the data part (from
/// byte `start`, a character boundary) that is not in the table.
fn first_bad_data_char(s: &str, start: usize, chain: Chain) -> AddressError {
    match check_chars(&s[start..], chain, is_charset) {
        Err(AddressError::Character { chain, ch, pos }) => AddressError::Character { chain, ch, pos: pos + start },
        _ => AddressError::Format { chain, detail: "invalid character" },
    }
}

fn map_error(e: SegwitHrpstringError, s: &str, chain: Chain) -> AddressError {
    use SegwitHrpstringError as E;
    match e {
        E::Unchecked(UncheckedHrpstringError::Char(CharError::MixedCase)) => AddressError::MixedCase { chain },
        E::Unchecked(UncheckedHrpstringError::Char(CharError::InvalidChar(ch))) => {
            let pos = s.chars().position(|c| c == ch).unwrap_or(0);
            AddressError::Character { chain, ch, pos }
        }
        E::Unchecked(UncheckedHrpstringError::Hrp(_)) => {
            AddressError::Format { chain, detail: "invalid human-readable part" }
        }
        E::Unchecked(_) | E::NoData => AddressError::Format { chain, detail: "empty data section" },
        E::TooLong(_) | E::WitnessLength(_) => length_error(s, chain),
        E::InvalidWitnessVersion(_) => AddressError::Format { chain, detail: "invalid witness version" },
        E::Padding(_) => AddressError::Format { chain, detail: "invalid padding" },
        E::Checksum(_) => AddressError::Checksum { chain },
        _ => AddressError::Format { chain, detail: "invalid segwit address" },
    }
}

/// Lower-case bech32 (v0) or bech32m (v1+).
pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    let sep = payload.iter().position(|&b| b == 0)?;
    let hrp = Hrp::parse(core::str::from_utf8(&payload[..sep]).ok()?).ok()?;
    let version = Fe32::try_from(*payload.get(sep + 1)?).ok()?;
    let program = payload.get(sep + 2..)?;
    bech32::segwit::encode(hrp, version, program).ok()
}
