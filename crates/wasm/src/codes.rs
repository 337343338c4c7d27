//! Small integer codes for statuses and chains, so a batch of results crosses
//! the Wasm/JS boundary as numbers and JavaScript turns them back into the same
//! interned strings (`status`, `chain`, `chainName`) for every result.

use addrcheck_core::{Chain, Status};

/// Every status, indexed by [`status_code`].
pub const STATUSES: [Status; 5] = [
    Status::Flagged,
    Status::Possible,
    Status::Clear,
    Status::Invalid,
    Status::Unrecognized,
];

/// Every chain, indexed by [`chain_code`].
pub const CHAINS: [Chain; 15] = [
    Chain::Evm,
    Chain::Bitcoin,
    Chain::BitcoinSegwit,
    Chain::BitcoinCash,
    Chain::Litecoin,
    Chain::LitecoinSegwit,
    Chain::Dogecoin,
    Chain::Dash,
    Chain::BitcoinGold,
    Chain::Zcash,
    Chain::ZcashShielded,
    Chain::Tron,
    Chain::Monero,
    Chain::Xrp,
    Chain::Solana,
];

/// The code of "no chain" (an unrecognised input).
pub const NO_CHAIN: u8 = 0xff;

pub fn status_code(status: Status) -> u8 {
    match status {
        Status::Flagged => 0,
        Status::Possible => 1,
        Status::Clear => 2,
        Status::Invalid => 3,
        Status::Unrecognized => 4,
    }
}

/// Exhaustive on purpose: a new chain in the core fails to compile here until
/// it has a code (and a place in [`CHAINS`] and the TypeScript `ChainId`).
pub fn chain_code(chain: Option<Chain>) -> u8 {
    match chain {
        None => NO_CHAIN,
        Some(Chain::Evm) => 0,
        Some(Chain::Bitcoin) => 1,
        Some(Chain::BitcoinSegwit) => 2,
        Some(Chain::BitcoinCash) => 3,
        Some(Chain::Litecoin) => 4,
        Some(Chain::LitecoinSegwit) => 5,
        Some(Chain::Dogecoin) => 6,
        Some(Chain::Dash) => 7,
        Some(Chain::BitcoinGold) => 8,
        Some(Chain::Zcash) => 9,
        Some(Chain::ZcashShielded) => 10,
        Some(Chain::Tron) => 11,
        Some(Chain::Monero) => 12,
        Some(Chain::Xrp) => 13,
        Some(Chain::Solana) => 14,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_index_the_tables() {
        for (i, s) in STATUSES.iter().enumerate() {
            assert_eq!(status_code(*s) as usize, i, "{s}");
        }
        for (i, c) in CHAINS.iter().enumerate() {
            assert_eq!(chain_code(Some(*c)) as usize, i, "{c:?}");
        }
        assert_eq!(chain_code(None), NO_CHAIN);
        assert!(CHAINS.len() < NO_CHAIN as usize);
    }

    #[test]
    fn chain_ids_are_distinct() {
        let mut ids: Vec<&str> = CHAINS.iter().map(|c| c.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CHAINS.len());
    }
}
