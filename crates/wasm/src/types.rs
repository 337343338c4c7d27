//! TypeScript declarations for the values the API returns and throws, added
//! to the generated `.d.ts` (the methods refer to them by name).
//!
//! Keep in step with: [`crate::codes`] (statuses, chain ids), the serde
//! structs in [`crate::results`] and [`crate::info`], `js/results.js` (the
//! result objects) and `LoadError::code` in the core. Tests check each.

use wasm_bindgen::prelude::*;

/// Appended to the generated `.d.ts`.
pub const TYPESCRIPT: &str = r#"
/** A verdict: the same five words as the addrcheck command line and web app. */
export type Status = "flagged" | "possible" | "clear" | "invalid" | "unrecognized";

/** A chain family, as far as the text of an address can tell. */
export type ChainId =
  | "evm"
  | "bitcoin"
  | "bitcoin-segwit"
  | "bitcoin-cash"
  | "litecoin"
  | "litecoin-segwit"
  | "dogecoin"
  | "dash"
  | "bitcoin-gold"
  | "zcash"
  | "zcash-shielded"
  | "tron"
  | "monero"
  | "xrp"
  | "solana";

/** A list that confirmed the address (from the list's details section). */
export interface Match {
  /** The name of the list (filter file) that lists the address. */
  list: string;
  /** The source within that list, e.g. "OFAC SDN". */
  source: string;
  /** The source's as-of date, YYYY-MM-DD. */
  asOf: string;
  /** Entity names: primary name first, then aliases (may be empty). */
  names: string[];
  /** Asset codes the source gave for the address, e.g. "ETH", "XBT", "USDT". */
  assets: string[];
}

/** A list whose Bloom filter matched but that has no details section to confirm it. */
export interface PossibleMatch {
  /** The name of the list. */
  list: string;
  /** How often such a match is false (e.g. 1e-9). */
  fpRate: number;
  /** The sources the list was built from; it cannot tell which one holds the address. */
  sources: { name: string; asOf: string }[];
}

/** The answer for one input. A plain object: JSON.stringify and structuredClone keep all of it. */
export interface CheckResult {
  /** The input as given (for a pasted text, the piece it was split into). */
  input: string;
  /**
   * - `flagged`: confirmed by a list (see `matches`);
   * - `possible`: a Bloom-filter match no list could confirm (see `possibleMatches`);
   * - `clear`: a valid address that is on no loaded list;
   * - `invalid`: a known format, broken (checksum, length, characters): see `reason`;
   * - `unrecognized`: no known format, and the exact text is on no list.
   */
  status: Status;
  /** The chain family, or null when no format was recognised. */
  chain: ChainId | null;
  /** A human name for `chain`, e.g. "Bitcoin segwit". */
  chainName: string | null;
  /**
   * The canonical form (EIP-55 for EVM, CashAddr for Bitcoin Cash, ...); null
   * unless the input parsed. `checkMany` fills it only with `{ normalized: true }`.
   * When `check`'s input is not already canonical (a lower-case EVM address,
   * say), the form is printed when this property is first read, from `input`
   * as it is then, and kept. Until that read it is an own, enumerable accessor
   * (JSON, `structuredClone` and spreading see the value; a console shows a
   * getter); afterwards a plain data property.
   */
  normalized: string | null;
  /** Why the input is not a valid address (set for `invalid` and `unrecognized`). */
  reason: string | null;
  /**
   * Every confirming list's entry, in list order; empty unless `flagged`.
   * (Results without matches share one frozen empty array.)
   */
  matches: readonly Match[];
  /** Lists that matched without confirmation; non-empty when `possible`. */
  possibleMatches: readonly PossibleMatch[];
}

/** Options of `checker.checkMany`. */
export interface CheckManyOptions {
  /**
   * Fill in `normalized` for every result, as `check` does (default false:
   * it costs a hash per address, Keccak-256 for EVM, more than the check).
   */
  normalized?: boolean;
}

/** One input list a filter was built from. */
export interface ListSource {
  /** e.g. "OFAC SDN". */
  name: string;
  /** The list's as-of date, YYYY-MM-DD. */
  asOf: string;
  /** Distinct addresses it contributed. */
  entries: number;
}

/** What `checker.info()` says about one loaded list. */
export interface ListInfo {
  /** e.g. "OFAC sanctioned digital currency addresses". */
  name: string;
  sources: ListSource[];
  /** Distinct address keys in the list. */
  keys: number;
  /** The Bloom filter's false-positive rate. */
  fpRate: number;
  /** Whether matches are confirmed and named (details section present). */
  hasDetails: boolean;
  /** SHA-256 of the whole filter file, lower-case hex, as `sha256sum` prints it. */
  sha256: string;
  /** Size of the filter file in bytes. */
  sizeBytes: number;
  /** YYYY-MM-DD. */
  builtAt: string;
  /** The address key layout version the list was built with. */
  keyScheme: number;
}

/** Why a filter file was refused. */
export type LoadErrorCode =
  | "truncated"
  | "wrongMagic"
  | "unsupportedVersion"
  | "unsupportedKeyScheme"
  | "corrupt"
  | "malformed";

/**
 * - a LoadErrorCode: the filter file was refused;
 * - `duplicateList`: `addList` was given a file that is already loaded;
 * - `invalidArgument`: an argument has the wrong type;
 * - `internal`: the module failed inside (a bug: please report it).
 */
export type AddrcheckErrorCode = LoadErrorCode | "duplicateList" | "invalidArgument" | "internal";

/**
 * What the module throws: an `Error` with `name` "AddrcheckError" and a
 * `code`. Recognise it with `isAddrcheckError(e)`.
 */
export interface AddrcheckError extends Error {
  name: "AddrcheckError";
  code: AddrcheckErrorCode;
}
"#;

#[wasm_bindgen(typescript_custom_section)]
const TS_APPEND: &'static str = TYPESCRIPT;

/// Whether `value` is an error this module threw (an `Error` named
/// "AddrcheckError" with a string `code`).
#[wasm_bindgen(js_name = isAddrcheckError, unchecked_return_type = "value is AddrcheckError")]
pub fn is_addrcheck_error(
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue,
) -> bool {
    let Some(error) = value.dyn_ref::<js_sys::Error>() else {
        return false;
    };
    error.name() == "AddrcheckError"
        && js_sys::Reflect::get(value, &JsValue::from_str("code")).is_ok_and(|c| c.is_string())
}

#[cfg(test)]
mod tests {
    use super::TYPESCRIPT;
    use crate::codes::{CHAINS, STATUSES};
    use addrcheck_core::LoadError;

    /// The string literals of `export type NAME = ...;`.
    fn union(name: &str) -> Vec<String> {
        let start = TYPESCRIPT
            .find(&format!("export type {name} ="))
            .expect(name);
        let body = &TYPESCRIPT[start..];
        let body = &body[..body.find(';').unwrap()];
        body.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn statuses_match_the_core() {
        let core: Vec<&str> = STATUSES.iter().map(|s| s.as_str()).collect();
        assert_eq!(union("Status"), core);
    }

    #[test]
    fn chain_ids_match_the_core() {
        let core: Vec<&str> = CHAINS.iter().map(|c| c.id()).collect();
        assert_eq!(union("ChainId"), core);
    }

    #[test]
    fn load_error_codes_match_the_core() {
        let all = [
            LoadError::Truncated,
            LoadError::WrongMagic,
            LoadError::UnsupportedVersion {
                found: 2,
                supported: 1,
            },
            LoadError::UnsupportedKeyScheme {
                found: 2,
                supported: 1,
            },
            LoadError::Corrupt,
            LoadError::Malformed("x"),
        ];
        let core: Vec<&str> = all.iter().map(LoadError::code).collect();
        assert_eq!(union("LoadErrorCode"), core);
    }

    #[test]
    fn no_any() {
        assert!(!TYPESCRIPT
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "any"));
    }
}
