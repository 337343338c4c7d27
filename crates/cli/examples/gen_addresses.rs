//! Synthetic address lists for benchmarking `addrcheck build`
//! (scripts/bench-build.sh):
//!
//! ```text
//! cargo run --release -p addrcheck-cli --example gen_addresses -- N [SEED] > list.txt
//! ```
//!
//! Writes N random valid addresses, one a line, in the realistic mix of the
//! core's benchmarks (crates/core/benches/mix.rs): mostly EVM (lower case and
//! EIP-55), then Bitcoin Base58 and segwit forms, Tron, and a tail of
//! Litecoin, Bitcoin Cash CashAddr and Solana. Every address is encoded by the
//! core itself (`Address::normalized`), so it parses back to the same key.
//! Deterministic for a given N and SEED.

use addrcheck_core::address::{Address, Chain, Key};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// SplitMix64: deterministic and fast.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        for chunk in b.chunks_mut(8) {
            let v = self.next().to_le_bytes();
            chunk.copy_from_slice(&v[..chunk.len()]);
        }
        b
    }
}

fn text(chain: Chain, tag: u8, parts: &[&[u8]]) -> String {
    Address {
        chain,
        key: Key::new(tag, parts),
    }
    .normalized()
}

/// Key tags (crates/core/src/address/key.rs).
const EVM: u8 = 0x01;
const BASE58: u8 = 0x02;
const SEGWIT: u8 = 0x03;
const TRON: u8 = 0x04;
const SOLANA: u8 = 0x07;

/// One address of the realistic mix.
fn realistic(rng: &mut Rng) -> String {
    match rng.next() % 100 {
        0..=24 => text(Chain::Evm, EVM, &[&rng.bytes::<20>()]).to_lowercase(),
        25..=44 => text(Chain::Evm, EVM, &[&rng.bytes::<20>()]),
        45..=57 => text(Chain::Bitcoin, BASE58, &[&[0x00], &rng.bytes::<20>()]),
        58..=64 => text(Chain::Bitcoin, BASE58, &[&[0x05], &rng.bytes::<20>()]),
        65..=74 => text(
            Chain::BitcoinSegwit,
            SEGWIT,
            &[b"bc", &[0, 0], &rng.bytes::<20>()],
        ),
        75..=77 => text(
            Chain::BitcoinSegwit,
            SEGWIT,
            &[b"bc", &[0, 1], &rng.bytes::<32>()],
        ),
        78..=87 => text(Chain::Tron, TRON, &[&[0x41], &rng.bytes::<20>()]),
        88..=90 => text(Chain::Litecoin, BASE58, &[&[0x30], &rng.bytes::<20>()]),
        91..=93 => text(Chain::BitcoinCash, BASE58, &[&[0x00], &rng.bytes::<20>()]),
        _ => text(Chain::Solana, SOLANA, &[&rng.bytes::<32>()]),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let parsed = match args.as_slice() {
        [n] => n.parse::<u64>().ok().map(|n| (n, 1)),
        [n, seed] => n.parse::<u64>().ok().zip(seed.parse::<u64>().ok()),
        _ => None,
    };
    let Some((n, seed)) = parsed else {
        eprintln!("usage: gen_addresses N [SEED] > list.txt");
        return ExitCode::from(2);
    };
    let mut rng = Rng(seed);
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let result = (|| -> io::Result<()> {
        for _ in 0..n {
            writeln!(out, "{}", realistic(&mut rng))?;
        }
        out.flush()
    })();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_addresses: {e}");
            ExitCode::from(1)
        }
    }
}
