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
//!
//! The common case, a valid address in a single case with one of our HRPs, is
//! first read by [`decode_fast`], written for exactly these rules: a v0
//! address parses in about 90 ns natively, where the crate's generic checksum
//! engine took about 285. It answers `None` to anything else, which goes to the crate as
//! before, to decide and to name the error. A test holds the fast path to the
//! crate on random valid and broken addresses: same verdict, same key.

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

/// The entry of [`HRPS`] whose HRP + separator `s` starts with (any case).
fn hrp_for_prefix(s: &[u8]) -> Option<(&'static [u8], Chain)> {
    hrp_index(s).map(|i| HRPS[i])
}

/// The index in [`HRPS`] of [`hrp_for_prefix`]'s entry.
fn hrp_index(s: &[u8]) -> Option<usize> {
    HRPS.iter().position(|&(hrp, _)| {
        let n = hrp.len();
        s.len() > n && s[..n].eq_ignore_ascii_case(hrp) && s[n] == b'1'
    })
}

/// `s` starts with one of [`HRPS`] and `1`.
pub(super) fn parse(s: &str, chain: Chain) -> Result<Address, AddressError> {
    match decode_fast(s.as_bytes()) {
        Some(address) => Ok(address),
        None => parse_with_crate(s, chain),
    }
}

/// [`parse`] by the `bech32` crate: the judge of every string the fast path
/// does not accept, and the source of every error.
fn parse_with_crate(s: &str, chain: Chain) -> Result<Address, AddressError> {
    let data_start = hrp_for_prefix(s.as_bytes()).map_or(0, |(hrp, _)| hrp.len() + 1);
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
    let Some(hrp) =
        HRPS.iter().find(|&&(h, c)| c == chain && h.eq_ignore_ascii_case(written.as_bytes())).map(|&(h, _)| h)
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

/// BIP-173 allows 90 characters at most (the crate's `segwit::MAX_STRING_LENGTH`).
const MAX_LEN: usize = 90;

/// Flags of [`CHARSET_REV`] entries beside the 5-bit value.
const LOWER: u8 = 0x20;
const UPPER: u8 = 0x40;
const INVALID: u8 = 0x80;

/// Byte to 5-bit value for the bech32 characters `qpzry9x8gf2tvdw0s3jn54khce6mua7l`
/// (BIP-173: "q" is 0, "l" is 31), in either case, letters flagged with their
/// case; [`INVALID`] for every other byte.
const CHARSET_REV: [u8; 256] = {
    let chars = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_lowercase() {
            table[c as usize] = i as u8 | LOWER;
            table[c.to_ascii_uppercase() as usize] = i as u8 | UPPER;
        } else {
            table[c as usize] = i as u8;
        }
        i += 1;
    }
    table
};

/// The checksum, BIP-173 ("Checksum"):
///
/// ```text
/// def bech32_polymod(values):
///   GEN = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3]
///   chk = 1
///   for v in values:
///     b = (chk >> 25)
///     chk = (chk & 0x1ffffff) << 5 ^ v
///     for i in range(5):
///       chk ^= GEN[i] if ((b >> i) & 1) else 0
///   return chk
///
/// def bech32_hrp_expand(s):
///   return [ord(x) >> 5 for x in s] + [0] + [ord(x) & 31 for x in s]
///
/// def bech32_verify_checksum(hrp, data):
///   return bech32_polymod(bech32_hrp_expand(hrp) + data) == 1
/// ```
///
/// BIP-350 ("Bech32m") "modifies the checksum of the Bech32 specification,
/// replacing the constant *1* that is xored into the checksum at the end with
/// *0x2bc830a3*": `BECH32M_CONST = 0x2bc830a3`.
const BECH32_CONST: u32 = 1;
const BECH32M_CONST: u32 = 0x2bc8_30a3;

/// One value of `bech32_polymod`'s loop.
const fn polymod_step(chk: u32, v: u8) -> u32 {
    const GEN: [u32; 5] = [0x3b6a_57b2, 0x2650_8e6d, 0x1ea1_19fa, 0x3d42_33dd, 0x2a14_62b3];
    let b = chk >> 25;
    let mut chk = ((chk & 0x1ff_ffff) << 5) ^ v as u32;
    let mut i = 0;
    while i < 5 {
        if (b >> i) & 1 == 1 {
            chk ^= GEN[i];
        }
        i += 1;
    }
    chk
}

/// The XOR of the generators each 5-bit top of the state selects:
/// `GEN_SUMS[b]` is what the inner `for i in range(5)` loop XORs in.
const GEN_SUMS: [u32; 32] = {
    let mut table = [0u32; 32];
    let mut b = 0;
    while b < 32 {
        table[b] = polymod_step((b as u32) << 25, 0);
        b += 1;
    }
    table
};

/// The checksum state after `bech32_hrp_expand(hrp)` of each of [`HRPS`]:
/// the same for every address with that HRP, so worked out once, here.
const HRP_STATES: [u32; HRPS.len()] = {
    let mut states = [0u32; HRPS.len()];
    let mut i = 0;
    while i < HRPS.len() {
        let hrp = HRPS[i].0;
        let mut chk = 1;
        let mut j = 0;
        while j < hrp.len() {
            chk = polymod_step(chk, hrp[j] >> 5);
            j += 1;
        }
        chk = polymod_step(chk, 0);
        let mut j = 0;
        while j < hrp.len() {
            chk = polymod_step(chk, hrp[j] & 31);
            j += 1;
        }
        states[i] = chk;
        i += 1;
    }
    states
};

/// One step of `bech32_polymod`, with the inner loop's five conditional XORs
/// as one look-up in [`GEN_SUMS`] (a 128-byte table: the module's size
/// matters more here than the last nanoseconds).
fn step(chk: u32, v: u8) -> u32 {
    ((chk & 0x1ff_ffff) << 5) ^ u32::from(v) ^ GEN_SUMS[(chk >> 25) as usize]
}

/// `bech32_polymod(values)`.
#[cfg(test)]
fn polymod(values: &[u8]) -> u32 {
    values.iter().fold(1, |chk, &v| step(chk, v))
}

/// The address `s` is, when it is a valid segwit address with one of [`HRPS`]
/// written in a single case; `None` for anything else, valid or not, which
/// [`parse_with_crate`] then judges. It accepts only what the crate accepts,
/// and builds the same key, by the rules quoted at the top of this module:
/// characters and case, version 0..=16, the checksum constant of the version,
/// padding, and program length.
fn decode_fast(s: &[u8]) -> Option<Address> {
    let index = hrp_index(s)?;
    let (hrp, chain) = HRPS[index];
    if s.len() > MAX_LEN {
        return None;
    }
    // The data part: version, program, six checksum characters.
    let data = &s[hrp.len() + 1..];
    let program_chars = data.len().checked_sub(7)?;
    let (len, padding) = (program_chars * 5 / 8, program_chars * 5 % 8);
    if padding > 4 || !(2..=40).contains(&len) {
        return None;
    }

    // `bech32_hrp_expand(hrp) + data` through the checksum, the HRP's part
    // worked out beforehand from its lower-case form ("The lowercase form is
    // used when determining a character's value for checksum purposes"). Its
    // written case counts for mixed case (it is all letters).
    let mut chk = HRP_STATES[index];
    let mut seen = 0;
    for &c in &s[..hrp.len()] {
        seen |= if c < b'a' { UPPER } else { LOWER };
    }
    // The program's values regrouped into bytes on the way: every five bits
    // in, a byte out as soon as eight are there; the padding bits stay in
    // `acc` (BIP-173: "MUST be all zeroes").
    let mut program = [0u8; 40];
    let (mut acc, mut bits, mut n) = (0u32, 0, 0);
    let mut version = 0;
    for (i, &c) in data.iter().enumerate() {
        let e = CHARSET_REV[usize::from(c)];
        seen |= e;
        let v = e & 31;
        chk = step(chk, v);
        if i == 0 {
            version = v;
        } else if i <= program_chars {
            acc = (acc << 5 | u32::from(v)) & 0xfff;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                program[n % 40] = (acc >> bits) as u8;
                n += 1;
            }
        }
    }
    let valid = seen & INVALID == 0
        && seen & (LOWER | UPPER) != LOWER | UPPER
        && version <= 16
        && chk == if version == 0 { BECH32_CONST } else { BECH32M_CONST }
        && acc & ((1 << bits) - 1) == 0
        && (version != 0 || len == 20 || len == 32);
    valid.then(|| Address { chain, key: Key::new(tag::SEGWIT, &[hrp, &[0, version], &program[..len]]) })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::xorshift;
    use bech32::primitives::iter::{ByteIterExt, Fe32IterExt};
    use bech32::{Bech32, Bech32m};

    /// The table holds the bech32 alphabet as the crate reads it, and flags case.
    #[test]
    fn charset_table_matches_the_crate() {
        for b in 0..=255u8 {
            let e = CHARSET_REV[usize::from(b)];
            match Fe32::from_char(char::from(b)) {
                Ok(fe) if b.is_ascii_digit() => assert_eq!(e, fe.to_u8(), "{b:#x}"),
                Ok(fe) => assert_eq!(e, fe.to_u8() | if b.is_ascii_lowercase() { LOWER } else { UPPER }, "{b:#x}"),
                Err(_) => assert_eq!(e, INVALID, "{b:#x}"),
            }
        }
    }

    /// The table-driven step gives what BIP-173's loop gives.
    #[test]
    fn polymod_matches_the_bip_loop() {
        let mut next = xorshift(0x5e9_0001);
        for len in 0..120 {
            for _ in 0..50 {
                let values: Vec<u8> = (0..len).map(|_| (next() % 32) as u8).collect();
                let expected = values.iter().fold(1, |chk, &v| polymod_step(chk, v));
                assert_eq!(polymod(&values), expected, "{values:?}");
            }
        }
    }

    /// The fast path and the crate agree on every valid address (lower and
    /// upper case, every HRP, witness version and program length) and on
    /// broken ones: changed, swapped, deleted and inserted characters, one
    /// character in the other case, the other checksum constant, wrong padding,
    /// programs of the wrong length, versions above 16. The fast path accepts a
    /// string exactly when the crate does, with the same address.
    #[test]
    fn fast_path_agrees_with_the_crate() {
        let mut next = xorshift(0x5e9_0002);
        let (mut valid, mut rejected) = (0, 0);
        for &(hrp, _) in HRPS {
            let hrp = Hrp::parse(core::str::from_utf8(hrp).unwrap()).unwrap();
            for version in 0..=16u8 {
                for len in 0..=41 {
                    let program: Vec<u8> = (0..len).map(|_| next() as u8).collect();
                    let fes: Vec<Fe32> = program.iter().copied().bytes_to_fes().collect();
                    for text in encodings(hrp, version, &fes, &mut next) {
                        rejected += usize::from(agree(&text).is_none());
                    }
                    let Ok(address) = bech32::segwit::encode(hrp, Fe32::try_from(version).unwrap(), &program) else {
                        assert!(!(2..=40).contains(&len) || version == 0 && len != 20 && len != 32);
                        continue;
                    };
                    for text in [address.clone(), address.to_ascii_uppercase()] {
                        let a = agree(&text).unwrap_or_else(|| panic!("valid {text} not taken by the fast path"));
                        assert_eq!(a.key, Key::new(tag::SEGWIT, &[hrp.as_bytes(), &[0, version], &program]));
                        valid += 1;
                        for mutant in mutants(&text, &mut next) {
                            rejected += usize::from(agree(&mutant).is_none());
                        }
                    }
                }
            }
        }
        // Some mutants are valid (a digit "flipped" in case, a swap of equal
        // characters, a zero value more of padding making a byte): most not.
        assert!(valid == 2 * HRPS.len() * (2 + 16 * 39) && rejected > 150_000, "{valid} {rejected}");
    }

    /// Both paths on `text` (which `parse` takes only with a known prefix); the
    /// address when they accept it.
    fn agree(text: &str) -> Option<Address> {
        let fast = decode_fast(text.as_bytes());
        let Some(chain) = chain_for_prefix(text.as_bytes()) else {
            assert_eq!(fast, None, "{text:?}");
            return None;
        };
        assert_eq!(fast, parse_with_crate(text, chain).ok(), "{text:?}");
        assert_eq!(fast.clone().ok_or(()), parse(text, chain).map_err(|_| ()), "{text:?}");
        fast
    }

    /// Typing mistakes in `text`.
    fn mutants(text: &str, next: &mut impl FnMut() -> u64) -> Vec<String> {
        const NOISE: &[char] = &['q', 'p', 'l', '0', '9', 'Q', 'L', '1', 'b', 'i', 'o', 'B', ' ', '-', 'é', '\u{200B}'];
        let chars: Vec<char> = text.chars().collect();
        let mut below = |n: usize| (next() % n as u64) as usize;
        let mut out = Vec::new();
        for _ in 0..3 {
            let (i, j) = (below(chars.len()), below(chars.len()));
            let mut c = chars.clone();
            c[i] = NOISE[below(NOISE.len())];
            out.push(c);
            let mut c = chars.clone();
            c[i] = char::from(b"qpzry9x8gf2tvdw0s3jn54khce6mua7l"[below(32)]);
            out.push(c);
            let mut c = chars.clone();
            c.swap(i, j);
            out.push(c);
            let mut c = chars.clone();
            c.remove(i);
            out.push(c);
            let mut c = chars.clone();
            c.insert(i, chars[j]);
            out.push(c);
            let mut c = chars.clone();
            c[i] = if c[i].is_ascii_lowercase() { c[i].to_ascii_uppercase() } else { c[i].to_ascii_lowercase() };
            out.push(c);
        }
        out.into_iter().map(|c| c.into_iter().collect()).collect()
    }

    /// Well-checksummed strings for a program: with the checksum its version
    /// calls for (valid if the program length is), and breaking the segwit
    /// rules: the other checksum constant, wrong padding, a value too many or
    /// too few, a version above 16; in lower and upper case.
    fn encodings(hrp: Hrp, version: u8, fes: &[Fe32], next: &mut impl FnMut() -> u64) -> Vec<String> {
        let encode = |version: u8, fes: &[Fe32], bech32m: bool| -> String {
            let version = Fe32::try_from(version).unwrap();
            if bech32m {
                fes.iter().copied().with_checksum::<Bech32m>(&hrp).with_witness_version(version).chars().collect()
            } else {
                fes.iter().copied().with_checksum::<Bech32>(&hrp).with_witness_version(version).chars().collect()
            }
        };
        let right = version != 0;
        let mut out = vec![encode(version, fes, right), encode(version, fes, !right)];
        if let Some((last, rest)) = fes.split_last() {
            let padding = fes.len() * 5 % 8;
            if padding > 0 {
                let nonzero = Fe32::try_from(last.to_u8() | (1 << (next() % padding as u64))).unwrap();
                out.push(encode(version, &[rest, &[nonzero]].concat(), right));
            }
            out.push(encode(version, rest, right));
        }
        out.push(encode(version, &[fes, &[Fe32::Q]].concat(), right));
        out.push(encode(17 + (next() % 15) as u8, fes, right));
        out.push(encode(17 + (next() % 15) as u8, fes, !right));
        let upper: Vec<String> = out.iter().map(|s| s.to_ascii_uppercase()).collect();
        out.extend(upper);
        out
    }
}
