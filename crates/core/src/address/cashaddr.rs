//! Bitcoin Cash CashAddr: a spec-level codec ([`decode`], [`encode`],
//! [`has_valid_checksum`], public so the specification's test vectors can be
//! run against it) and the mapping of a CashAddr onto the Base58 key of the
//! same hash.
//!
//! Implemented from "Address format for Bitcoin Cash" (CashAddr, spec version
//! 1.1). It is not bech32: the prefix is fed to the checksum as its lower 5
//! bits only (no high-bits expansion), the separator is `:` and contributes a
//! zero, and the checksum is a 40-bit BCH code (8 characters) rather than 30.
//! Allocation-free except [`encode`].
//!
//! > The address is composed of
//! > 1. A prefix indicating the purpose or network of the address for compatibility reasons,
//! > 2. A separator, always `:`, and
//! > 3. A base 32 encoded payload with the destination of the address and a checksum.
//!
//! > When presented to users, the prefix may be omitted as it is part of the checksum computation.
//!
//! > The payload is a base 32 encoded stream of data composed of 3 elements:
//! > 1. A byte indicating the type of address.
//! > 2. A variable number of bytes with address data.
//! > 3. A 40 bits checksum.
//!
//! > CashAddr addresses should be displayed in lowercase, but uppercase is accepted.
//! > A mixture of lowercase and uppercase must be rejected.

use super::key::{tag, Key};
use super::{Address, AddressError, Chain};
use bech32::Fe32;

const CHAIN: Chain = Chain::BitcoinCash;

/// The prefix assumed when the input has none (mainnet).
pub const DEFAULT_PREFIX: &str = "bitcoincash";

/// The largest data part (after the type byte) the codec decodes: the
/// specification's own vectors go up to 224 bytes, and it says "no more than
/// 251 bytes should be encoded in the data component".
pub const MAX_DATA_LEN: usize = 251;

/// Checksum length in base-32 characters (40 bits).
const CHECKSUM_CHARS: usize = 8;

/// Longest prefix accepted by the codec.
const MAX_PREFIX_LEN: usize = 32;

/// The value of a base-32 character, either case. CashAddr uses the bech32
/// alphabet (`qpzry9x8gf2tvdw0s3jn54khce6mua7l`); callers check characters
/// first, so an unknown one never reaches the arithmetic.
fn value(b: u8) -> u8 {
    Fe32::from_char(char::from(b)).map_or(0, Fe32::to_u8)
}

fn is_symbol(b: u8) -> bool {
    Fe32::from_char(char::from(b)).is_ok()
}

/// The character of a 5-bit value (`v` < 32).
fn symbol(v: u8) -> char {
    Fe32::try_from(v & 0x1f).map_or('q', Fe32::to_char)
}

/// One step of the specification's `PolyMod`:
///
/// ```cpp
/// uint64_t PolyMod(const data &v) {
///     uint64_t c = 1;
///     for (uint8_t d : v) {
///         uint8_t c0 = c >> 35;
///         c = ((c & 0x07ffffffff) << 5) ^ d;
///
///         if (c0 & 0x01) c ^= 0x98f2bc8e61;
///         if (c0 & 0x02) c ^= 0x79b76d99e2;
///         if (c0 & 0x04) c ^= 0xf33e5fb3c4;
///         if (c0 & 0x08) c ^= 0xae2eabe2a8;
///         if (c0 & 0x10) c ^= 0x1e4f43e470;
///     }
///
///     return c ^ 1;
/// }
/// ```
///
/// The five conditional XORs depend only on the 5 bits of `c0`; the table holds
/// their combined XOR for each of its 32 values.
fn polymod_step(c: u64, d: u8) -> u64 {
    const TABLE: [u64; 32] = {
        const GEN: [u64; 5] = [0x98f2bc8e61, 0x79b76d99e2, 0xf33e5fb3c4, 0xae2eabe2a8, 0x1e4f43e470];
        let mut t = [0u64; 32];
        let mut b = 0;
        while b < 32 {
            let mut i = 0;
            while i < 5 {
                if (b >> i) & 1 == 1 {
                    t[b] ^= GEN[i];
                }
                i += 1;
            }
            b += 1;
        }
        t
    };
    let c0 = (c >> 35) as usize;
    (((c & 0x07_ffff_ffff) << 5) ^ u64::from(d)) ^ TABLE[c0]
}

/// The polymod state after the prefix and the separator:
///
/// > 1. The lower 5 bits of each character of the prefix (e.g. "bit..." becomes 2, 9, 20, ...).
/// > 2. A zero for the separator (5 zero bits).
fn prefix_state(prefix: &[u8]) -> u64 {
    let c = prefix.iter().fold(1u64, |c, &b| polymod_step(c, b & 0x1f));
    polymod_step(c, 0)
}

/// A decoded CashAddr: prefix, type byte and data.
#[derive(Clone)]
pub struct Decoded<'a> {
    prefix: &'a str,
    version: u8,
    len: usize,
    data: [u8; MAX_DATA_LEN],
}

impl<'a> Decoded<'a> {
    /// The prefix as written (or [`DEFAULT_PREFIX`] when there was none).
    pub fn prefix(&self) -> &'a str {
        self.prefix
    }

    /// The type byte ("version byte"): reserved bit, 4 type bits, 3 size bits.
    pub fn version_byte(&self) -> u8 {
        self.version
    }

    /// The 4 type bits (0 P2PKH, 1 P2SH; 2 and 3 their CashTokens-aware forms).
    pub fn kind(&self) -> u8 {
        (self.version >> 3) & 0x0f
    }

    /// The address data (the hash), without the type byte.
    pub fn data(&self) -> &[u8] {
        &self.data[..self.len]
    }
}

impl core::fmt::Debug for Decoded<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("Decoded")
            .field("prefix", &self.prefix)
            .field("version", &self.version)
            .field("data", &hex::encode(self.data()))
            .finish()
    }
}

/// Split `input` into prefix and payload, checking characters and case.
fn split<'a>(input: &'a str, default_prefix: &'a str) -> Result<(&'a str, &'a str, usize), AddressError> {
    let (prefix, payload, offset) = match input.find(':') {
        Some(i) => (&input[..i], &input[i + 1..], i + 1),
        None => (default_prefix, input, 0),
    };
    if prefix.is_empty() || prefix.len() > MAX_PREFIX_LEN || !prefix.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(AddressError::Format { chain: CHAIN, detail: "invalid prefix" });
    }
    if let Some((i, ch)) = payload.chars().enumerate().find(|&(_, c)| Fe32::from_char(c).is_err()) {
        return Err(AddressError::Character { chain: CHAIN, ch, pos: offset + i });
    }
    let written = if offset > 0 { input } else { payload };
    if written.bytes().any(|b| b.is_ascii_lowercase()) && written.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(AddressError::MixedCase { chain: CHAIN });
    }
    Ok((prefix, payload, offset))
}

/// Whether `input` (`prefix:payload`, or a bare payload read with
/// `default_prefix`) has a valid CashAddr checksum, whatever its payload:
///
/// > If PolyMod returns non-zero, then the address was broken.
pub fn has_valid_checksum(input: &str, default_prefix: &str) -> bool {
    match split(input, default_prefix) {
        Ok((prefix, payload, _)) => checksum_ok(prefix, payload),
        Err(_) => false,
    }
}

/// `payload` has been checked to hold only table characters.
fn checksum_ok(prefix: &str, payload: &str) -> bool {
    let c = payload.bytes().fold(prefix_state(prefix.as_bytes()), |c, b| polymod_step(c, value(b)));
    c ^ 1 == 0
}

/// Hash size in bytes for the 3 size bits:
///
/// > | Size bits | Hash size in bits | … |
/// > | 0 | 160 | 1 | 192 | 2 | 224 | 3 | 256 | 4 | 320 | 5 | 384 | 6 | 448 | 7 | 512 |
const HASH_SIZES: [usize; 8] = [20, 24, 28, 32, 40, 48, 56, 64];

/// Decode a CashAddr. The prefix is optional (`default_prefix` is then
/// checksummed in its place). For the defined types (0..=3) the size bits must
/// match the data length; other types decode with any length, as the spec's
/// "undefined types" vectors require.
pub fn decode<'a>(input: &'a str, default_prefix: &'a str) -> Result<Decoded<'a>, AddressError> {
    let (prefix, payload, _) = split(input, default_prefix)?;
    let n = payload.len();
    if n < CHECKSUM_CHARS + 2 || (n - CHECKSUM_CHARS) * 5 / 8 > MAX_DATA_LEN + 1 {
        return Err(AddressError::Length { chain: CHAIN, len: input.chars().count() });
    }
    if !checksum_ok(prefix, payload) {
        return Err(AddressError::Checksum { chain: CHAIN });
    }

    // > 3. The data by chunks of 5 bits. If necessary, the data is padded to
    // >    the right with zero bits to complete any unfinished chunk at the end.
    let values = &payload.as_bytes()[..n - CHECKSUM_CHARS];
    let mut bytes = [0u8; MAX_DATA_LEN + 1];
    let (mut acc, mut bits, mut len) = (0u32, 0u32, 0usize);
    for &b in values {
        acc = (acc << 5) | u32::from(value(b));
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            bytes[len] = (acc >> bits) as u8;
            len += 1;
            acc &= (1 << bits) - 1;
        }
    }
    // Padding is what an encoder adds: fewer than 5 bits, all zero.
    if bits >= 5 || acc != 0 {
        return Err(AddressError::Format { chain: CHAIN, detail: "invalid padding" });
    }

    let version = bytes[0];
    if version & 0x80 != 0 {
        // > The type byte's most significant bit is reserved and must be 0.
        return Err(AddressError::Format { chain: CHAIN, detail: "reserved type bit set" });
    }
    let data_len = len - 1;
    let kind = (version >> 3) & 0x0f;
    if kind <= 3 && HASH_SIZES[usize::from(version & 0x07)] != data_len {
        return Err(AddressError::Length { chain: CHAIN, len: input.chars().count() });
    }
    let mut data = [0u8; MAX_DATA_LEN];
    data[..data_len].copy_from_slice(&bytes[1..len]);
    Ok(Decoded { prefix, version, len: data_len, data })
}

/// Encode `prefix:payload` in lower case. `version` is the whole type byte.
/// Returns `None` for a prefix the checksum cannot take (empty, non
/// alphanumeric) or data longer than [`MAX_DATA_LEN`].
pub fn encode(prefix: &str, version: u8, data: &[u8]) -> Option<String> {
    if prefix.is_empty() || prefix.len() > MAX_PREFIX_LEN || !prefix.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    if data.len() > MAX_DATA_LEN {
        return None;
    }
    let prefix = prefix.to_ascii_lowercase();
    let mut out = String::with_capacity(prefix.len() + 1 + (data.len() + 1) * 8 / 5 + 2 + CHECKSUM_CHARS);
    out.push_str(&prefix);
    out.push(':');

    let mut c = prefix_state(prefix.as_bytes());
    let mut put = |out: &mut String, v: u8| {
        c = polymod_step(c, v);
        out.push(symbol(v));
    };
    let (mut acc, mut bits) = (0u32, 0u32);
    for &byte in core::iter::once(&version).chain(data) {
        acc = (acc << 8) | u32::from(byte);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            put(&mut out, ((acc >> bits) & 0x1f) as u8);
        }
        acc &= (1 << bits) - 1;
    }
    if bits > 0 {
        put(&mut out, ((acc << (5 - bits)) & 0x1f) as u8);
    }
    // > 4. Eight zeros as a "template" for the checksum.
    // > The 40-bit number returned by PolyMod is split into eight 5-bit numbers (msb first).
    for _ in 0..CHECKSUM_CHARS {
        c = polymod_step(c, 0);
    }
    let checksum = c ^ 1;
    for i in 0..CHECKSUM_CHARS {
        let v = (checksum >> (5 * (CHECKSUM_CHARS - 1 - i))) & 0x1f;
        out.push(symbol(v as u8));
    }
    Some(out)
}

/// A bare (prefix-less) mainnet CashAddr: 42 characters for a 20-byte hash, 61
/// for a 32-byte one, starting with the character of its type (`q` P2PKH,
/// `p` P2SH, `z`/`r` their token-aware forms). No other format has exactly
/// these lengths, so such strings are CashAddr whatever else they hold; a few
/// characters more or fewer (a dropped or doubled character) still count when
/// every character is in the CashAddr alphabet, so that the error names
/// Bitcoin Cash.
pub(super) fn looks_unprefixed(s: &[u8]) -> bool {
    let Some(first) = s.first() else { return false };
    if !matches!(first.to_ascii_lowercase(), b'q' | b'p' | b'z' | b'r') {
        return false;
    }
    match s.len() {
        42 | 61 => true,
        39..=45 | 58..=64 => s.iter().all(|&b| is_symbol(b)),
        _ => false,
    }
}

/// The legacy Base58 version byte for a CashAddr network and type: the key of
/// a CashAddr is the key of its legacy address.
fn legacy_version(testnet: bool, script: bool) -> u8 {
    match (testnet, script) {
        (false, false) => 0x00,
        (false, true) => 0x05,
        (true, false) => 0x6f,
        (true, true) => 0xc4,
    }
}

/// A CashAddr with prefix `bitcoincash`/`bchtest`/`bchreg`, or without one.
pub(super) fn parse(s: &str) -> Result<Address, AddressError> {
    let d = decode(s, DEFAULT_PREFIX)?;
    let testnet = if d.prefix().eq_ignore_ascii_case(DEFAULT_PREFIX) {
        false
    } else if d.prefix().eq_ignore_ascii_case("bchtest") || d.prefix().eq_ignore_ascii_case("bchreg") {
        true
    } else {
        return Err(AddressError::Format { chain: CHAIN, detail: "unknown prefix" });
    };
    // CHIP-2022-02 CashTokens: types 2 and 3 are the token-aware forms of
    // P2PKH and P2SH, the same locking script and so the same key.
    let script = match d.kind() {
        0 | 2 => false,
        1 | 3 => true,
        _ => return Err(AddressError::Format { chain: CHAIN, detail: "unknown address type" }),
    };
    // P2PKH hashes are 20 bytes; P2SH 20 (HASH160) or 32 (P2SH32, HASH256).
    match (d.data().len(), script) {
        (20, _) | (32, true) => {}
        _ => return Err(AddressError::Format { chain: CHAIN, detail: "unsupported hash size" }),
    }
    let key = Key::new(tag::BASE58, &[&[legacy_version(testnet, script)], d.data()]);
    Ok(Address { chain: CHAIN, key })
}

/// `bitcoincash:q…`/`p…` (or `bchtest:`) from a Base58 key.
pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    let (&version, hash) = payload.split_first()?;
    let (prefix, script) = match version {
        0x00 => (DEFAULT_PREFIX, false),
        0x05 => (DEFAULT_PREFIX, true),
        0x6f => ("bchtest", false),
        0xc4 => ("bchtest", true),
        _ => return None,
    };
    let size_bits = HASH_SIZES.iter().position(|&n| n == hash.len())? as u8;
    encode(prefix, (u8::from(script) << 3) | size_bits, hash)
}
