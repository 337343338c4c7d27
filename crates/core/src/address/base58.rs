//! Base58Check families: Bitcoin (and BCH/BSV legacy), Litecoin, Dogecoin and
//! Verge, Dash, Bitcoin Gold, Tron `T…`, Zcash transparent `t1`/`t3`.
//!
//! Base58Check (Bitcoin wiki, "Base58Check encoding"): the payload is a version
//! prefix followed by the data, then "the first four bytes of a double SHA-256
//! digest of the version and payload" as checksum; the whole is written in
//! Base58 with the alphabet `123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz`,
//! each leading zero byte as a leading `1`.
//!
//! The key keeps the version byte(s) and the 20-byte hash, so a BCH legacy
//! address and its CashAddr (`cashaddr.rs`) meet on the same key.

use super::key::{tag, Key};
use super::{length_error, sha256d_checksum, solana, tron, Address, AddressError, Chain};

/// Base58Check strings of a 21- or 22-byte payload are 25..=35 characters.
pub(super) const MIN_LEN: usize = 25;
pub(super) const MAX_LEN: usize = 35;

/// A Base58 alphabet as a table from byte to digit value (0xFF: not a digit).
pub(super) struct Alphabet {
    digits: [u8; 256],
}

impl Alphabet {
    const fn new(chars: &[u8; 58]) -> Alphabet {
        let mut digits = [0xFFu8; 256];
        let mut i = 0;
        while i < chars.len() {
            digits[chars[i] as usize] = i as u8;
            i += 1;
        }
        Alphabet { digits }
    }
}

/// Bitcoin's alphabet (also Solana's, and Monero's in its block form).
pub(super) const BITCOIN: Alphabet = Alphabet::new(b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");

/// XRP Ledger's alphabet: the same characters in another order.
pub(super) const RIPPLE: Alphabet = Alphabet::new(b"rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz");

/// Whether `b` is a character of the Bitcoin Base58 alphabet (which XRP's
/// alphabet permutes and Monero's reuses).
pub(super) fn is_alphabet(b: u8) -> bool {
    BITCOIN.digits[usize::from(b)] != 0xFF
}

/// Decode Base58 text into `out` and return the byte count, or `None` when a
/// character is outside the alphabet or the result does not fit `out` (or 48
/// bytes). As in Bitcoin's Base58, each leading zero digit is a leading zero
/// byte and the rest is a big-endian number.
///
/// Five digits at a time (58^5 < 2^30) into 32-bit limbs: about a tenth of the
/// work of the byte-at-a-time loop in `bs58` (30 ns against 300 ns for an
/// address), which decides whether a mix of formats checks at 3 million per
/// second. It is the one decoding step not left to a crate: `bs58` still
/// encodes, `sha2` hashes the checksum, and a test holds this decoder to
/// `bs58`'s output on random inputs in both alphabets (the fuzz target
/// exercises it too).
pub(super) fn decode(s: &[u8], alphabet: &Alphabet, out: &mut [u8]) -> Option<usize> {
    const LIMBS: usize = 12;
    let zeros = s.iter().take_while(|&&c| alphabet.digits[usize::from(c)] == 0).count();
    let mut limbs = [0u32; LIMBS]; // little-endian
    let mut used = 0;
    for chunk in s[zeros..].chunks(5) {
        let (mut value, mut scale) = (0u32, 1u32);
        for &c in chunk {
            let d = alphabet.digits[usize::from(c)];
            if d == 0xFF {
                return None;
            }
            value = value * 58 + u32::from(d);
            scale *= 58;
        }
        let mut carry = u64::from(value);
        for limb in &mut limbs[..used] {
            let t = u64::from(*limb) * u64::from(scale) + carry;
            *limb = t as u32;
            carry = t >> 32;
        }
        if carry != 0 {
            // `carry` < 2^31 here: one new limb holds it.
            *limbs.get_mut(used)? = carry as u32;
            used += 1;
        }
    }
    let value_bytes = match used {
        0 => 0,
        n => (n - 1) * 4 + (32 - limbs[n - 1].leading_zeros() as usize).div_ceil(8),
    };
    let total = zeros + value_bytes;
    let out = out.get_mut(..total)?;
    out[..zeros].fill(0);
    for (i, b) in out[zeros..].iter_mut().rev().enumerate() {
        *b = (limbs[i / 4] >> (8 * (i % 4))) as u8;
    }
    Some(total)
}

/// One-byte versions of a 25-byte Base58Check address.
const VERSIONS: &[(u8, Chain)] = &[
    (0x00, Chain::Bitcoin),       // P2PKH `1…` (also BCH, BSV legacy)
    (0x05, Chain::Bitcoin),       // P2SH `3…` (also BCH, BSV legacy, old Litecoin P2SH)
    (0x6f, Chain::Bitcoin),       // testnet P2PKH `m…`/`n…` (bchtest CashAddr maps here)
    (0xc4, Chain::Bitcoin),       // testnet P2SH `2…`
    (0x30, Chain::Litecoin),      // `L…`
    (0x32, Chain::Litecoin),      // `M…`
    (0x1e, Chain::Dogecoin),      // `D…` (Dogecoin, Verge)
    (0x16, Chain::Dogecoin),      // `9…`/`A…` P2SH
    (0x4c, Chain::Dash),          // `X…`
    (0x10, Chain::Dash),          // `7…` P2SH
    (0x26, Chain::BitcoinGold),   // `G…`
    (0x17, Chain::BitcoinGold),   // `A…` P2SH
    (tron::VERSION, Chain::Tron), // `T…`
];

/// Two-byte versions of Zcash transparent addresses (26-byte Base58Check).
const ZCASH_VERSIONS: &[[u8; 2]] = &[
    [0x1c, 0xb8], // `t1…` P2PKH
    [0x1c, 0xbd], // `t3…` P2SH
];

fn chain_for_version(v: u8) -> Option<Chain> {
    VERSIONS.iter().find(|(b, _)| *b == v).map(|(_, c)| *c)
}

/// The family a Base58Check string's first character suggests, to name the
/// chain in an error when the version byte itself cannot be trusted.
pub(super) fn chain_for_lead(c: u8) -> Option<Chain> {
    Some(match c {
        b'1' | b'3' => Chain::Bitcoin,
        b'L' | b'M' => Chain::Litecoin,
        b'D' => Chain::Dogecoin,
        b'X' => Chain::Dash,
        b'G' => Chain::BitcoinGold,
        b'T' => Chain::Tron,
        b't' => Chain::Zcash,
        b'r' => Chain::Xrp,
        _ => return None,
    })
}

/// `s` is 25..=35 Base58 characters (not starting with `r`).
pub(super) fn parse(s: &str) -> Result<Address, AddressError> {
    let mut buf = [0u8; MAX_LEN];
    let lead = chain_for_lead(s.as_bytes()[0]);
    let n = decode(s.as_bytes(), &BITCOIN, &mut buf)
        .ok_or_else(|| unrecognized_or(lead, |chain| length_error(s, chain)))?;
    match n {
        25 => {
            let (body, check) = buf[..25].split_at(21);
            let chain = chain_for_version(body[0]);
            if sha256d_checksum(body) != check {
                return Err(unrecognized_or(chain.or(lead), |chain| AddressError::Checksum { chain }));
            }
            match chain {
                Some(Chain::Tron) => {
                    let mut raw = [0u8; 21];
                    raw.copy_from_slice(body);
                    Ok(tron::from_raw(&raw))
                }
                Some(chain) => Ok(Address { chain, key: Key::new(tag::BASE58, &[body]) }),
                // A valid Base58Check address of some other coin.
                None => Err(AddressError::Unrecognized),
            }
        }
        26 => {
            let (body, check) = buf[..26].split_at(22);
            let known = ZCASH_VERSIONS.iter().any(|v| body[..2] == v[..]);
            let chain = if known { Some(Chain::Zcash) } else { lead };
            if sha256d_checksum(body) != check {
                return Err(unrecognized_or(chain, |chain| AddressError::Checksum { chain }));
            }
            if !known {
                return Err(AddressError::Unrecognized);
            }
            Ok(Address { chain: Chain::Zcash, key: Key::new(tag::BASE58, &[body]) })
        }
        solana::KEY_LEN => Ok(solana::from_bytes(&buf[..solana::KEY_LEN])),
        _ => Err(unrecognized_or(lead, |chain| length_error(s, chain))),
    }
}

fn unrecognized_or(chain: Option<Chain>, err: impl FnOnce(Chain) -> AddressError) -> AddressError {
    chain.map_or(AddressError::Unrecognized, err)
}

/// Base58Check of version byte(s) + hash.
pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    let valid = match payload.len() {
        21 => true,
        22 => ZCASH_VERSIONS.iter().any(|v| payload[..2] == v[..]),
        _ => false,
    };
    valid.then(|| bs58::encode(super::with_checksum(payload)).into_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::xorshift;

    /// The dispatch's character test agrees with the crate's alphabet.
    #[test]
    fn alphabet_matches_bs58() {
        for b in 0..=255u8 {
            assert_eq!(is_alphabet(b), bs58::decode([b]).into_vec().is_ok(), "byte {b:#x}");
        }
    }

    /// The limb decoder agrees with the `bs58` crate on random byte strings
    /// (with and without leading zeros) in both alphabets.
    #[test]
    fn decode_agrees_with_bs58() {
        let mut next = xorshift(0x1234_5678_9abc_def0);
        for round in 0..20_000 {
            let len = (next() % 34) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            for b in bytes.iter_mut().take((next() % 4) as usize) {
                *b = 0;
            }
            let (alphabet, theirs) =
                if round % 2 == 0 { (&BITCOIN, bs58::Alphabet::BITCOIN) } else { (&RIPPLE, bs58::Alphabet::RIPPLE) };
            let text = bs58::encode(&bytes).with_alphabet(theirs).into_string();
            let mut out = [0u8; 48];
            let n = decode(text.as_bytes(), alphabet, &mut out);
            assert_eq!(n.map(|n| &out[..n]), Some(&bytes[..]), "{text}");
            // Too small a buffer is refused, not overrun.
            if !bytes.is_empty() {
                assert_eq!(decode(text.as_bytes(), alphabet, &mut out[..bytes.len() - 1]), None);
            }
        }
        let mut out = [0u8; 48];
        assert_eq!(decode(b"1110", &BITCOIN, &mut out), None);
        assert_eq!(decode(&[b'z'; 70], &BITCOIN, &mut out), None);
        assert_eq!(decode(b"", &BITCOIN, &mut out), Some(0));
    }
}
