//! Zcash Sapling shielded payment addresses (`zs1…`).
//!
//! Zcash protocol specification, §5.6.3.1 "Sapling Payment Addresses": the raw
//! encoding is "the 43-byte sequence `d || LEBS2OSP256(repr_J(pk_d))`" (an
//! 11-byte diversifier and a 32-byte transmission key); "for addresses on
//! Mainnet, the Human-Readable Part is `zs`", encoded with Bech32 as ZIP-173
//! profiles it (BIP-173's Bech32 checksum, without its 90-character limit; a
//! Sapling address is 78 characters). The key is the 43-byte payload.

use bech32::primitives::decode::{
    CharError, CheckedHrpstring, CheckedHrpstringError, ChecksumError, UncheckedHrpstringError,
};
use bech32::{Bech32, Hrp};

use super::key::{tag, Key};
use super::segwit::is_charset;
use super::{check_chars, length_error, Address, AddressError, Chain};

const CHAIN: Chain = Chain::ZcashShielded;
const PAYLOAD_LEN: usize = 43;
const HRP: &str = "zs";

/// `s` starts with `zs1` (any case).
pub(super) fn parse(s: &str) -> Result<Address, AddressError> {
    check_chars(&s[3..], CHAIN, is_charset).map_err(|e| match e {
        AddressError::Character { chain, ch, pos } => AddressError::Character { chain, ch, pos: pos + 3 },
        e => e,
    })?;
    let checked = CheckedHrpstring::new::<Bech32>(s).map_err(|e| match e {
        CheckedHrpstringError::Parse(UncheckedHrpstringError::Char(CharError::MixedCase)) => {
            AddressError::MixedCase { chain: CHAIN }
        }
        CheckedHrpstringError::Checksum(ChecksumError::InvalidResidue) => AddressError::Checksum { chain: CHAIN },
        CheckedHrpstringError::Checksum(_) => length_error(s, CHAIN),
        _ => AddressError::Format { chain: CHAIN, detail: "invalid bech32 string" },
    })?;
    // Same padding rule as segwit: at most 4 zero bits left over.
    checked.validate_segwit_padding().map_err(|_| AddressError::Format { chain: CHAIN, detail: "invalid padding" })?;
    if checked.byte_iter().len() != PAYLOAD_LEN {
        return Err(length_error(s, CHAIN));
    }
    let mut payload = [0u8; PAYLOAD_LEN];
    for (dst, b) in payload.iter_mut().zip(checked.byte_iter()) {
        *dst = b;
    }
    Ok(Address { chain: CHAIN, key: Key::new(tag::SAPLING, &[&payload]) })
}

pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    if payload.len() != PAYLOAD_LEN {
        return None;
    }
    let hrp = Hrp::parse(HRP).ok()?;
    bech32::encode_lower::<Bech32>(hrp, payload).ok()
}
