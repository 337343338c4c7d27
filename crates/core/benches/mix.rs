//! Synthetic address generators shared by the benchmarks (and by the core's
//! tests and the CLI's list generator, through `#[path]`): random valid
//! addresses of each family, encoded by the codecs' own crates.

#![allow(dead_code)]

use addrcheck_core::address::{Address, Chain, Key};

/// SplitMix64: deterministic and fast.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A value in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        for chunk in b.chunks_mut(8) {
            let v = self.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        b
    }
}

/// Makes a random address of one family.
pub type Generator = fn(&mut Rng) -> String;

pub fn evm_lower(rng: &mut Rng) -> String {
    format!("0x{}", hex::encode(rng.bytes::<20>()))
}

pub fn evm_checksummed(rng: &mut Rng) -> String {
    Address { chain: Chain::Evm, key: Key::new(0x01, &[&rng.bytes::<20>()]) }.normalized()
}

pub fn base58check(rng: &mut Rng, version: &[u8]) -> String {
    let mut payload = version.to_vec();
    payload.extend_from_slice(&rng.bytes::<20>());
    bs58::encode(payload).with_check().into_string()
}

pub fn segwit_v0(rng: &mut Rng, hrp: &str) -> String {
    let hrp = bech32::Hrp::parse(hrp).expect("hrp");
    bech32::segwit::encode_v0(hrp, &rng.bytes::<20>()).expect("encode")
}

pub fn taproot(rng: &mut Rng) -> String {
    bech32::segwit::encode_v1(bech32::hrp::BC, &rng.bytes::<32>()).expect("encode")
}

pub fn tron(rng: &mut Rng) -> String {
    base58check(rng, &[0x41])
}

pub fn cashaddr(rng: &mut Rng) -> String {
    let hash = rng.bytes::<20>();
    Address { chain: Chain::BitcoinCash, key: Key::new(0x02, &[&[0x00], &hash]) }.normalized()
}

pub fn solana(rng: &mut Rng) -> String {
    bs58::encode(rng.bytes::<32>()).into_string()
}

/// A realistic mix of what people paste: mostly EVM, then Bitcoin forms,
/// Tron, and a tail of other chains.
pub fn realistic(rng: &mut Rng) -> String {
    match rng.next() % 100 {
        0..=24 => evm_lower(rng),
        25..=44 => evm_checksummed(rng),
        45..=57 => base58check(rng, &[0x00]),
        58..=64 => base58check(rng, &[0x05]),
        65..=74 => segwit_v0(rng, "bc"),
        75..=77 => taproot(rng),
        78..=87 => tron(rng),
        88..=90 => base58check(rng, &[0x30]),
        91..=93 => cashaddr(rng),
        _ => solana(rng),
    }
}
