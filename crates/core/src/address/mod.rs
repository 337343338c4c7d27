//! Address recognition: a pasted string becomes a chain and a canonical [`Key`],
//! or a precise reason why not.
//!
//! One address, one key: every textual form of the same account (EVM case
//! variants, Bitcoin Cash CashAddr and legacy, Tron Base58 and hex, ...) yields
//! the same key bytes. The key layout is versioned by [`KEY_SCHEME_VERSION`] and
//! written into every filter file.

mod clean;
mod key;

pub use clean::clean;
pub use key::{Key, KEY_SCHEME_VERSION};

use core::fmt;

/// The chain family an address belongs to, as far as its text can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Chain {
    /// Any EVM chain (Ethereum, Arbitrum, BSC, ETC, ...): a 20-byte account.
    Evm,
    /// Base58Check version 0x00/0x05: Bitcoin, and the legacy form of BCH and BSV.
    Bitcoin,
    /// Bitcoin segwit (bech32/bech32m, `bc1`/`tb1`).
    BitcoinSegwit,
    /// Bitcoin Cash CashAddr (same key as its legacy Base58 form).
    BitcoinCash,
    Litecoin,
    LitecoinSegwit,
    /// Base58Check version 0x1e: Dogecoin and Verge share it.
    Dogecoin,
    Dash,
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
    pub fn normalized(&self) -> String {
        todo!("address helper")
    }
}

/// Why a string is not a valid address.
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
                write!(f, "{} address: invalid character {ch:?} at position {pos}", chain.name())
            }
            AddressError::MixedCase { chain } => {
                write!(f, "{} address: mixes upper and lower case", chain.name())
            }
            AddressError::Format { chain, detail } => write!(f, "{} address: {detail}", chain.name()),
        }
    }
}

impl std::error::Error for AddressError {}

/// Recognise an address. `input` is cleaned first (see [`clean`]).
pub fn parse<S: AsRef<str>>(input: S) -> Result<Address, AddressError> {
    parse_inner(clean(input.as_ref()))
}

fn parse_inner(_cleaned: &str) -> Result<Address, AddressError> {
    todo!("address helper")
}
