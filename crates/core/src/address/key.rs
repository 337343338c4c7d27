//! The canonical key of an address: fixed-size, allocation-free, hashed by its
//! bytes only (portable between 32- and 64-bit targets).

use core::fmt;
use core::hash::{Hash, Hasher};
use sha2::{Digest, Sha256};

/// Version of the key layout below. Filters record it; a checker refuses a
/// filter whose key scheme differs.
///
/// Layout: one tag byte, then the payload.
/// - `0x01` EVM: 20-byte account
/// - `0x02` Base58Check: version byte(s) + payload (hash160); BCH CashAddr maps here
///   with the legacy version byte (0x00 P2PKH, 0x05 P2SH; testnet 0x6f/0xc4), its
///   token-aware types 2/3 like 0/1, and a P2SH32 CashAddr as 0x05 + its 32-byte hash
/// - `0x03` segwit: HRP bytes (lower case), `0x00`, witness version, program
/// - `0x04` Tron: 21 bytes (0x41 + 20)
/// - `0x05` Monero: network byte of the standard/subaddress form + spend key + view key
///   (an integrated address maps to its standard address)
/// - `0x06` XRP: 20-byte account ID
/// - `0x07` Solana: 32-byte public key
/// - `0x08` Zcash Sapling: 43-byte payload
/// - `0xFF` exact text: SHA-256 of the cleaned text (formats nobody parses)
pub const KEY_SCHEME_VERSION: u16 = 1;

pub const KEY_CAPACITY: usize = 80;

pub mod tag {
    pub const EVM: u8 = 0x01;
    pub const BASE58: u8 = 0x02;
    pub const SEGWIT: u8 = 0x03;
    pub const TRON: u8 = 0x04;
    pub const MONERO: u8 = 0x05;
    pub const XRP: u8 = 0x06;
    pub const SOLANA: u8 = 0x07;
    pub const SAPLING: u8 = 0x08;
    pub const EXACT: u8 = 0xFF;
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    len: u8,
    buf: [u8; KEY_CAPACITY],
}

impl Key {
    /// A key from a tag and payload parts. Panics if the total exceeds
    /// [`KEY_CAPACITY`] (callers pass bounded, validated payloads).
    pub fn new(tag: u8, parts: &[&[u8]]) -> Key {
        let mut k = Key { len: 1, buf: [0; KEY_CAPACITY] };
        k.buf[0] = tag;
        for p in parts {
            let end = k.len as usize + p.len();
            assert!(end <= KEY_CAPACITY, "key payload too long");
            k.buf[k.len as usize..end].copy_from_slice(p);
            k.len = end as u8;
        }
        k
    }

    /// The exact-text key of a string no parser accepts.
    pub fn exact(cleaned: &str) -> Key {
        let digest = Sha256::digest(cleaned.as_bytes());
        Key::new(tag::EXACT, &[&digest])
    }

    pub fn tag(&self) -> u8 {
        self.buf[0]
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len as usize]
    }

    /// The payload after the tag byte.
    pub fn payload(&self) -> &[u8] {
        &self.buf[1..self.len as usize]
    }
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // `write` only: no usize length prefix, so wasm32 and x86_64 agree.
        state.write(self.as_bytes());
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Key({})", hex::encode(self.as_bytes()))
    }
}
