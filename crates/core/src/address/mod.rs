//! Address recognition: a pasted string becomes a chain and a canonical [`Key`],
//! or a precise reason why not.
//!
//! One address, one key: every textual form of the same account (EVM case
//! variants, Bitcoin Cash CashAddr and legacy, Tron Base58 and hex, ...) yields
//! the same key bytes. The key layout is versioned by [`KEY_SCHEME_VERSION`] and
//! written into every filter file.
//!
//! Parsing never allocates and does bounded work: input longer than
//! [`MAX_ADDRESS_LEN`] bytes after cleaning is rejected before any decoding.
//! Each family lives in its own module; [`parse`] only dispatches on the shape
//! of the text (prefix, length, alphabet) and lets the family report the precise
//! reason when a string has its shape but is broken.

mod base58;
pub mod cashaddr;
mod clean;
mod evm;
mod key;
mod monero;
mod sapling;
mod segwit;
mod solana;
mod tron;
mod xrp;

pub use clean::clean;
pub use key::{Key, KEY_SCHEME_VERSION};

use core::fmt;
use std::borrow::Cow;

/// The longest cleaned text any supported format can have (a Monero integrated
/// address is 106 characters); longer input is rejected before decoding.
pub const MAX_ADDRESS_LEN: usize = 128;

/// Raw input longer than this is rejected before cleaning, so that even
/// cleaning does bounded work. Generous enough for payment URIs with labels.
pub const MAX_INPUT_LEN: usize = 4096;

/// The chain family an address belongs to, as far as its text can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Chain {
    /// Any EVM chain (Ethereum, Arbitrum, BSC, ETC, ...): a 20-byte account.
    Evm,
    /// Base58Check version 0x00/0x05 (testnet 0x6f/0xc4): Bitcoin, and the
    /// legacy form of BCH and BSV.
    Bitcoin,
    /// Bitcoin segwit (bech32/bech32m, `bc1`/`tb1`/`bcrt1`).
    BitcoinSegwit,
    /// Bitcoin Cash CashAddr (same key as its legacy Base58 form).
    BitcoinCash,
    /// Base58Check version 0x30/0x32.
    Litecoin,
    /// Litecoin segwit (`ltc1`/`tltc1`/`rltc1`).
    LitecoinSegwit,
    /// Base58Check version 0x1e/0x16: Dogecoin and Verge share it.
    Dogecoin,
    /// Base58Check version 0x4c/0x10.
    Dash,
    /// Base58Check version 0x26/0x17.
    BitcoinGold,
    /// Zcash transparent (t1/t3).
    Zcash,
    /// Zcash shielded Sapling (`zs1`).
    ZcashShielded,
    Tron,
    Monero,
    Xrp,
    Solana,
}

impl Chain {
    /// A stable machine name (used in JSON output and by the JS API).
    pub fn id(self) -> &'static str {
        match self {
            Chain::Evm => "evm",
            Chain::Bitcoin => "bitcoin",
            Chain::BitcoinSegwit => "bitcoin-segwit",
            Chain::BitcoinCash => "bitcoin-cash",
            Chain::Litecoin => "litecoin",
            Chain::LitecoinSegwit => "litecoin-segwit",
            Chain::Dogecoin => "dogecoin",
            Chain::Dash => "dash",
            Chain::BitcoinGold => "bitcoin-gold",
            Chain::Zcash => "zcash",
            Chain::ZcashShielded => "zcash-shielded",
            Chain::Tron => "tron",
            Chain::Monero => "monero",
            Chain::Xrp => "xrp",
            Chain::Solana => "solana",
        }
    }

    /// A human name for display.
    pub fn name(self) -> &'static str {
        match self {
            Chain::Evm => "EVM (Ethereum, BSC, Arbitrum, ...)",
            Chain::Bitcoin => "Bitcoin (or BCH/BSV legacy)",
            Chain::BitcoinSegwit => "Bitcoin segwit",
            Chain::BitcoinCash => "Bitcoin Cash",
            Chain::Litecoin => "Litecoin",
            Chain::LitecoinSegwit => "Litecoin segwit",
            Chain::Dogecoin => "Dogecoin or Verge",
            Chain::Dash => "Dash",
            Chain::BitcoinGold => "Bitcoin Gold",
            Chain::Zcash => "Zcash transparent",
            Chain::ZcashShielded => "Zcash shielded",
            Chain::Tron => "Tron",
            Chain::Monero => "Monero",
            Chain::Xrp => "XRP Ledger",
            Chain::Solana => "Solana",
        }
    }
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A recognised address: its chain and canonical key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    pub chain: Chain,
    pub key: Key,
}

impl Address {
    /// The canonical text form (EIP-55 for EVM, lower-case bech32, CashAddr with
    /// prefix for BCH, Base58 for Tron, ...). Computed on demand: checks do not
    /// pay for it.
    ///
    /// Derived from the key (and, for the Base58 tag, the chain: Bitcoin Cash
    /// prints as CashAddr, everything else as Base58Check), so
    /// `parse(a.normalized())` gives back `a.key`. A key no parser could have
    /// produced (hand-built, or the exact-text tag) prints as `key:` + hex.
    pub fn normalized(&self) -> String {
        match self.key.tag() {
            key::tag::SEGWIT => segwit::normalize(self.key.payload()).unwrap_or_else(|| self.key_text()),
            _ => self.normalized_not_segwit(),
        }
    }

    /// [`normalized`](Self::normalized) of every tag but segwit's, which
    /// [`normalized_from`] prints from the text: so the module that only
    /// prints from text carries no bech32 encoder.
    fn normalized_not_segwit(&self) -> String {
        let p = self.key.payload();
        let text = match self.key.tag() {
            key::tag::EVM => evm::normalize(p),
            // A 32-byte hash (P2SH32) has no legacy form: CashAddr whatever the chain.
            key::tag::BASE58 if self.chain == Chain::BitcoinCash || p.len() == 33 => cashaddr::normalize(p),
            key::tag::BASE58 => base58::normalize(p),
            key::tag::TRON => tron::normalize(p),
            key::tag::MONERO => monero::normalize(p),
            key::tag::XRP => xrp::normalize(p),
            key::tag::SOLANA => solana::normalize(p),
            key::tag::SAPLING => sapling::normalize(p),
            _ => None,
        };
        text.unwrap_or_else(|| self.key_text())
    }

    /// `key:` + hex: the form of a key no parser could have produced.
    fn key_text(&self) -> String {
        format!("key:{}", hex::encode(self.key.as_bytes()))
    }
}

/// A recognised address and the cleaned text it was read from (see
/// [`parse_text`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed<'a> {
    address: Address,
    text: &'a str,
}

impl<'a> Parsed<'a> {
    pub fn address(&self) -> &Address {
        &self.address
    }

    pub fn into_address(self) -> Address {
        self.address
    }

    /// The input after cleaning: what was parsed.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// [`Address::normalized`], borrowed from the text when the text already
    /// is the canonical form: then nothing is hashed or encoded again.
    pub fn normalized(&self) -> Cow<'a, str> {
        normalized_from(&self.address, self.text)
    }
}

/// [`Parsed::normalized`] for an address kept apart from its text; `text` must
/// be the cleaned text `address` was parsed from.
pub(crate) fn normalized_from<'a>(address: &Address, text: &'a str) -> Cow<'a, str> {
    match canonical_text(address, text) {
        Some(text) => Cow::Borrowed(text),
        // Bech32 text that parsed is in one case, and its lower case is the
        // canonical form (BIP-173: "encoders MUST always output an all
        // lowercase Bech32 string"; the data part is one-to-one).
        None if address.key.tag() == key::tag::SEGWIT => Cow::Owned(text.to_ascii_lowercase()),
        None => Cow::Owned(address.normalized_not_segwit()),
    }
}

/// `text`, which parsed to `address`, when it already is what
/// [`Address::normalized`] prints, judged from the text's shape alone (nothing
/// is printed); `None` when the form must be computed. Sound because parsing
/// verified the text (its checksum matched) and each family's text is a
/// one-to-one encoding of what the key holds; a test holds it to
/// `normalized()` over the official vectors, the OFAC lists and random
/// addresses of every family.
pub(crate) fn canonical_text<'a>(address: &Address, text: &'a str) -> Option<&'a str> {
    let b = text.as_bytes();
    let canonical = match address.key.tag() {
        // The EIP-55 form: `0x` and mixed case, which parsing checked against
        // the Keccak-256 (or no letters at all: every case is the same).
        key::tag::EVM => {
            let digits = b.get(2..).unwrap_or_default();
            let lower = digits.iter().any(u8::is_ascii_lowercase);
            let upper = digits.iter().any(u8::is_ascii_uppercase);
            b.len() == 2 + evm::HEX_LEN && b.starts_with(b"0x") && lower == upper
        }
        // Base58Check text, not CashAddr (which the Bitcoin Cash chain and
        // 32-byte hashes print as): Base58 is one-to-one, and the key keeps
        // the version bytes.
        key::tag::BASE58 => address.chain != Chain::BitcoinCash && address.key.payload().len() != 33,
        // The Base58Check `T…` form, not hex.
        key::tag::TRON => b.first() == Some(&b'T'),
        // Lower-case bech32: BIP-173 fixes the checksum variant and the zero
        // padding, so the data part is one-to-one.
        key::tag::SEGWIT => !b.iter().any(u8::is_ascii_uppercase),
        // Plain Base58, and Base58Check in XRP's alphabet.
        key::tag::SOLANA | key::tag::XRP => true,
        // CashAddr (token-aware types print as plain ones), Monero (integrated
        // addresses print as standard), Sapling: rare enough to print again.
        _ => false,
    };
    canonical.then_some(text)
}

/// Why a string is not a valid address.
///
/// Positions and lengths count characters (not bytes) of the cleaned input,
/// positions from 0.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AddressError {
    /// Nothing left after cleaning.
    Empty,
    /// No known address format.
    Unrecognized,
    /// A known format whose checksum does not match: likely a typo.
    Checksum { chain: Chain },
    /// A known format with the wrong length.
    Length { chain: Chain, len: usize },
    /// A character outside the format's alphabet.
    Character { chain: Chain, ch: char, pos: usize },
    /// Upper and lower case mixed where the format forbids it (bech32, CashAddr).
    MixedCase { chain: Chain },
    /// Structurally invalid for the format (bad witness version/program, unknown version byte, ...).
    Format { chain: Chain, detail: &'static str },
}

impl AddressError {
    /// The chain whose format was recognised but broken; `None` for `Empty`/`Unrecognized`.
    pub fn chain(&self) -> Option<Chain> {
        match *self {
            AddressError::Empty | AddressError::Unrecognized => None,
            AddressError::Checksum { chain }
            | AddressError::Length { chain, .. }
            | AddressError::Character { chain, .. }
            | AddressError::MixedCase { chain }
            | AddressError::Format { chain, .. } => Some(chain),
        }
    }
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AddressError::Empty => f.write_str("empty input"),
            AddressError::Unrecognized => f.write_str("not a recognised address format"),
            AddressError::Checksum { chain } => {
                write!(f, "{} address: checksum mismatch, likely a typo", chain.name())
            }
            AddressError::Length { chain, len } => {
                write!(f, "{} address: wrong length ({len})", chain.name())
            }
            AddressError::Character { chain, ch, pos } => {
                write!(f, "{} address: invalid character ", chain.name())?;
                // Visible ASCII as itself; anything else also by code point,
                // since it may be invisible or look like an ASCII letter.
                if ch.is_ascii_graphic() {
                    write!(f, "'{ch}'")?;
                } else if ch.is_whitespace() || ch.is_control() {
                    write!(f, "U+{:04X}", u32::from(*ch))?;
                } else {
                    write!(f, "'{ch}' (U+{:04X})", u32::from(*ch))?;
                }
                write!(f, " at position {pos}")
            }
            AddressError::MixedCase { chain } => {
                write!(f, "{} address: mixes upper and lower case", chain.name())
            }
            AddressError::Format { chain, detail } => {
                write!(f, "{} address: {detail}", chain.name())
            }
        }
    }
}

/// A leaf error: no underlying cause, so `source()` is the default `None`.
impl std::error::Error for AddressError {}

/// Recognise an address. `input` is cleaned first (see [`clean`]).
pub fn parse<S: AsRef<str>>(input: S) -> Result<Address, AddressError> {
    parse_text(input.as_ref()).map(Parsed::into_address)
}

/// [`parse`], keeping the cleaned text the address was read from (so that its
/// canonical form can often be borrowed rather than computed).
pub fn parse_text(input: &str) -> Result<Parsed<'_>, AddressError> {
    if let Some(plain) = evm::parse_plain(input) {
        return plain.map(|address| Parsed { address, text: input });
    }
    if input.len() > MAX_INPUT_LEN {
        return Err(AddressError::Unrecognized);
    }
    let text = clean(input);
    parse_inner(text).map(|address| Parsed { address, text })
}

/// Dispatch on the shape of the cleaned text.
fn parse_inner(s: &str) -> Result<Address, AddressError> {
    if s.is_empty() {
        return Err(AddressError::Empty);
    }
    if s.len() > MAX_ADDRESS_LEN {
        return Err(AddressError::Unrecognized);
    }
    let b = s.as_bytes();

    // Hex forms: `0x…` is EVM (or Tron hex `0x41…`); bare hex of 40 digits is
    // EVM, 42 digits starting `41` is Tron. Other bare hex (a 64-digit hash, a
    // key) falls through and ends up unrecognised.
    if b.len() >= 2 && b[0] == b'0' && (b[1] | 0x20) == b'x' {
        return evm::parse_prefixed(s);
    }
    if b.iter().all(u8::is_ascii_hexdigit) {
        match b.len() {
            evm::HEX_LEN => return evm::parse_hex(s, 0),
            tron::HEX_LEN if b.starts_with(b"41") => return tron::parse_hex(s, 0),
            _ => {}
        }
    }

    // Bech32-like forms, recognised by their human-readable prefix.
    if starts_with_ci(b, b"bitcoincash:") || starts_with_ci(b, b"bchtest:") || starts_with_ci(b, b"bchreg:") {
        return cashaddr::parse(s);
    }
    if let Some(chain) = segwit::chain_for_prefix(b) {
        return segwit::parse(s, chain).or_else(|e| base58_or(s, e));
    }
    if starts_with_ci(b, b"zs1") {
        return sapling::parse(s).or_else(|e| base58_or(s, e));
    }
    if cashaddr::looks_unprefixed(b) {
        return cashaddr::parse(s).or_else(|e| base58_or(s, e));
    }

    base58_families(s)
}

/// Strings made of the Base58 alphabet: Monero by length, XRP by its `r`,
/// Base58Check families (and short Solana keys) by decoded length, Solana for
/// the rest of its length range.
fn base58_families(s: &str) -> Result<Address, AddressError> {
    let b = s.as_bytes();
    // The byte scan is the fast path; characters are decoded only for the error.
    let bad = if b.iter().all(|&c| base58::is_alphabet(c)) {
        None
    } else {
        first_invalid(s, |c| c.is_ascii() && base58::is_alphabet(c as u8))
    };
    if let Some((ch, pos)) = bad {
        // Say which format was meant when the shape makes it plain.
        let n = s.chars().count();
        let chain = match n {
            monero::STANDARD_LEN | monero::INTEGRATED_LEN => monero::chain_for_lead(b[0]),
            base58::MIN_LEN..=base58::MAX_LEN => base58::chain_for_lead(b[0]),
            _ => None,
        };
        return match chain {
            Some(chain) => Err(AddressError::Character { chain, ch, pos }),
            None => Err(AddressError::Unrecognized),
        };
    }
    // Base58Check lengths come first: a short Solana key (32..=35 characters,
    // all leading `1`s) is recognised there by its decoded length.
    match b.len() {
        monero::STANDARD_LEN | monero::INTEGRATED_LEN => monero::parse(s),
        base58::MIN_LEN..=base58::MAX_LEN if b[0] == b'r' => xrp::parse(s),
        base58::MIN_LEN..=base58::MAX_LEN => base58::parse(s),
        n if (solana::MIN_LEN..=solana::MAX_LEN).contains(&n) => solana::parse(s),
        _ => Err(AddressError::Unrecognized),
    }
}

/// A prefixed family failed; a Base58 address may still begin with the same
/// letters (Tron `TB1…`, Litecoin `Ltc1…`, XRP `rLtc1…`, Solana `bc1…`,
/// `zs1…`, or a 42-character Solana key starting `q`), so try the Base58
/// families before giving the prefixed family's error.
fn base58_or(s: &str, err: AddressError) -> Result<Address, AddressError> {
    if s.bytes().all(base58::is_alphabet) {
        if let Ok(a) = base58_families(s) {
            return Ok(a);
        }
    }
    Err(err)
}

/// ASCII case-insensitive `starts_with`.
fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The first character of `s` that `ok` rejects, with its character position.
fn first_invalid(s: &str, ok: impl Fn(char) -> bool) -> Option<(char, usize)> {
    s.chars().enumerate().find(|&(_, c)| !ok(c)).map(|(i, c)| (c, i))
}

/// The error for a character `ok` rejects, if any.
fn check_chars(s: &str, chain: Chain, ok: impl Fn(char) -> bool) -> Result<(), AddressError> {
    match first_invalid(s, ok) {
        Some((ch, pos)) => Err(AddressError::Character { chain, ch, pos }),
        None => Ok(()),
    }
}

/// `Length` error for `s` (counted in characters).
fn length_error(s: &str, chain: Chain) -> AddressError {
    AddressError::Length { chain, len: s.chars().count() }
}

/// Double SHA-256 checksum of Base58Check (first four bytes).
fn sha256d_checksum(data: &[u8]) -> [u8; 4] {
    use sha2::{Digest, Sha256};
    let h = Sha256::digest(Sha256::digest(data));
    [h[0], h[1], h[2], h[3]]
}

/// `payload` followed by its Base58Check checksum, ready for Base58.
fn with_checksum(payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload.len() + 4);
    out.extend_from_slice(payload);
    out.extend_from_slice(&sha256d_checksum(payload));
    out
}

/// Keccak-256 (the original Keccak padding, as Ethereum and Monero use it).
fn keccak256(data: &[u8]) -> [u8; 32] {
    use tiny_keccak::{Hasher, Keccak};
    let mut k = Keccak::v256();
    k.update(data);
    let mut out = [0u8; 32];
    k.finalize(&mut out);
    out
}
