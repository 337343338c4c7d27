//! EVM accounts: 20 bytes as 40 hex digits, with or without `0x`, checked
//! against EIP-55 when the letters mix cases.

use super::key::{tag, Key};
use super::{check_chars, keccak256, length_error, tron, Address, AddressError, Chain};

/// Hex digits of a 20-byte account.
pub(super) const HEX_LEN: usize = 40;

/// `0x…`: an EVM account, or Tron's hex form `0x41…` (44 characters).
pub(super) fn parse_prefixed(s: &str) -> Result<Address, AddressError> {
    let digits = &s.as_bytes()[2..];
    match digits.len() {
        HEX_LEN => parse_hex(s, 2),
        tron::HEX_LEN if digits.starts_with(b"41") && digits.iter().all(u8::is_ascii_hexdigit) => tron::parse_hex(s, 2),
        _ => {
            check_chars(&s[2..], Chain::Evm, |c| c.is_ascii_hexdigit()).map_err(|e| shift(e, 2))?;
            Err(length_error(s, Chain::Evm))
        }
    }
}

/// Move a character position past a prefix that was cut off before checking.
fn shift(e: AddressError, by: usize) -> AddressError {
    match e {
        AddressError::Character { chain, ch, pos } => AddressError::Character { chain, ch, pos: pos + by },
        e => e,
    }
}

/// `s[start..]` is 40 bytes long (hex digits or not): one pass decodes the
/// account and notes which letter cases occur. Only mixed case pays for the
/// Keccak-256 of EIP-55.
///
/// Branch-free arithmetic per byte rather than a table lookup, so that the
/// compiler processes the digits 16 at a time (SIMD); this is most of the
/// cost of checking a lower-case address.
pub(super) fn parse_hex(s: &str, start: usize) -> Result<Address, AddressError> {
    let digits = &s.as_bytes()[start..];
    let Ok(digits) = <&[u8; HEX_LEN]>::try_from(digits) else {
        return Err(length_error(s, Chain::Evm));
    };
    // Three whole 16-byte vectors: the padding is a digit, which changes none
    // of the flags and decodes into no byte of the account.
    let mut padded = [b'0'; 48];
    padded[..HEX_LEN].copy_from_slice(digits);
    let mut values = [0u8; 48];
    let (mut bad, mut lower, mut upper) = (0u8, 0u8, 0u8);
    for (value, &c) in values.iter_mut().zip(&padded) {
        let digit = c.wrapping_sub(b'0');
        // `| 0x20` maps 'A'..='F' onto 'a'..='f' (and nothing else onto them).
        let letter = (c | 0x20).wrapping_sub(b'a');
        let (is_digit, is_letter) = (digit < 10, letter < 6);
        *value = if is_digit { digit } else { letter.wrapping_add(10) };
        bad |= u8::from(!is_digit & !is_letter);
        lower |= u8::from(is_letter & (c & 0x20 != 0));
        upper |= u8::from(is_letter & (c & 0x20 == 0));
    }
    if bad != 0 {
        check_chars(&s[start..], Chain::Evm, |c| c.is_ascii_hexdigit()).map_err(|e| shift(e, start))?;
    }
    let mut account = [0u8; 20];
    for (byte, pair) in account.iter_mut().zip(values[..HEX_LEN].chunks_exact(2)) {
        *byte = (pair[0] << 4) | pair[1];
    }
    // All-lower and all-upper carry no checksum; only mixed case is EIP-55.
    if lower != 0 && upper != 0 && !eip55_matches(&account, digits) {
        return Err(AddressError::Checksum { chain: Chain::Evm });
    }
    Ok(Address { chain: Chain::Evm, key: Key::new(tag::EVM, &[&account]) })
}

/// The input is `0x` and 40 more bytes, the last one visible ASCII (the
/// usual EVM paste): cleaning leaves such a string as it is (its ends are
/// visible, and `0x…` names no URI scheme), and the full path would parse it
/// as [`parse_hex`] does here. So both steps are skipped, with the same
/// answer; `None` for any other shape.
pub(super) fn parse_plain(s: &str) -> Option<Result<Address, AddressError>> {
    let b = s.as_bytes();
    let plain = b.len() == 2 + HEX_LEN && b[0] == b'0' && b[1] == b'x' && b[2 + HEX_LEN - 1].is_ascii_graphic();
    plain.then(|| parse_hex(s, 2))
}

/// EIP-55 (ERC-55), "Mixed-case checksum address encoding":
///
/// > In English, convert the address to hex, but if the `i`th digit is a letter
/// > (ie. it's one of `abcdef`) print it in uppercase if the `4*i`th bit of the
/// > hash of the lowercase hexadecimal address is 1 otherwise print it in
/// > lowercase.
///
/// > Note that the input to the Keccak256 hash is the lowercase hexadecimal
/// > string (i.e. the hex address encoded as ASCII)
///
/// Bit `4*i` counted from the most significant bit of the 256-bit hash is the
/// high bit of the hash's `i`th hex nibble, i.e. "nibble ≥ 8" as the spec's
/// reference code writes it (`if hashed_address_nibble > 7: character.upper()`).
fn eip55_hash(account: &[u8; 20]) -> [u8; 32] {
    keccak256(&lower_hex(account))
}

/// Whether EIP-55 writes hex digit `i` (if it is a letter) in upper case:
/// the high bit of the hash's `i`th nibble.
fn eip55_upper(hash: &[u8; 32], i: usize) -> bool {
    let nibble = (hash[i / 2] >> (4 * (1 - i % 2))) & 0x0f;
    nibble >= 8
}

/// Whether the case of each letter in `digits` is the one EIP-55 prescribes.
/// Branch-free over the digits: the letters' cases are random, so branching on
/// them costs more than the comparisons.
fn eip55_matches(account: &[u8; 20], digits: &[u8]) -> bool {
    let hash = eip55_hash(account);
    let mut mismatch = 0u8;
    for (i, &c) in digits.iter().enumerate() {
        // Valid hex digits: '0'..='9' < 'A'..='F' < 'a'..='f'.
        let letter = u8::from(c >= b'A');
        let upper = u8::from(c < b'a');
        mismatch |= letter & (upper ^ u8::from(eip55_upper(&hash, i)));
    }
    mismatch == 0
}

fn lower_hex(account: &[u8; 20]) -> [u8; HEX_LEN] {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = [0u8; HEX_LEN];
    for (i, b) in account.iter().enumerate() {
        out[2 * i] = DIGITS[usize::from(b >> 4)];
        out[2 * i + 1] = DIGITS[usize::from(b & 0x0f)];
    }
    out
}

/// `0x` + the EIP-55 checksummed form.
pub(super) fn normalize(payload: &[u8]) -> Option<String> {
    let account: &[u8; 20] = payload.try_into().ok()?;
    let hash = eip55_hash(account);
    let mut out = String::with_capacity(2 + HEX_LEN);
    out.push_str("0x");
    for (i, c) in lower_hex(account).iter().enumerate() {
        out.push(if eip55_upper(&hash, i) { c.to_ascii_uppercase() } else { *c } as char);
    }
    Some(out)
}
