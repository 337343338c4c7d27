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
//! codecs' crates or the core itself, so it parses back to the same key.
//! Deterministic for a given N and SEED.

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

// The one definition of the mix, shared with the core's benchmarks.
// Formatted as a file of the core (its rustfmt.toml), not of this crate.
#[rustfmt::skip]
#[path = "../../core/benches/mix.rs"]
mod mix;
use mix::{realistic, Rng};

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
