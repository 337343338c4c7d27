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

/// Bitcoin's alphabet (also Solana's, and Monero's in its block form).
pub(super) const BITCOIN: &bs58::Alphabet = bs58::Alphabet::BITCOIN;

/// XRP Ledger's alphabet: the same characters in another order.
pub(super) const RIPPLE: &bs58::Alphabet = bs58::Alphabet::RIPPLE;

/// Whether `b` is a character of the Bitcoin Base58 alphabet (which XRP's
/// alphabet permutes and Monero's reuses): alphanumerics without the
/// look-alikes `0`, `O`, `I` and `l`.
pub(super) fn is_alphabet(b: u8) -> bool {
    b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'O' | b'I' | b'l')
}

/// Largest decoded Base58 value the parsers accept (Solana's 32 bytes; the
/// Base58Check forms are 25 or 26).
const MAX_DECODED: usize = 48;

/// Decode Base58 text into `out` (on the stack, no allocation) and return the
/// byte count, or `None` when a character is outside the alphabet or the
/// result does not fit `out`.
pub(super) fn decode(s: &[u8], alphabet: &bs58::Alphabet, out: &mut [u8]) -> Option<usize> {
    let mut buf = [0u8; MAX_DECODED];
    let n = bs58::decode(s).with_alphabet(alphabet).onto(&mut buf[..]).ok()?;
    out.get_mut(..n)?.copy_from_slice(&buf[..n]);
    Some(n)
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
    let n = decode(s.as_bytes(), BITCOIN, &mut buf)
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
    valid.then(|| bs58::encode(payload).with_check().into_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The dispatch's character test agrees with the crate's alphabet.
    #[test]
    fn alphabet_matches_bs58() {
        for b in 0..=255u8 {
            let decodes = bs58::decode([b]).into_vec().is_ok();
            assert_eq!(is_alphabet(b), decodes, "byte {b:#x}");
        }
    }

    #[test]
    fn decode_bounds_its_output() {
        let mut out = [0u8; 48];
        assert_eq!(decode(b"1110", BITCOIN, &mut out), None, "0 is not a digit");
        assert_eq!(decode(&[b'z'; 70], BITCOIN, &mut out), None, "too long");
        assert_eq!(decode(b"", BITCOIN, &mut out), Some(0));
        let text = bs58::encode([7u8; 25]).into_string();
        assert_eq!(decode(text.as_bytes(), BITCOIN, &mut out[..24]), None, "buffer too small");
        assert_eq!(decode(text.as_bytes(), BITCOIN, &mut out), Some(25));
    }
}
