// JavaScript half of the batch path (imported by the Rust side, see
// src/results.rs): builds plain result objects from the compact rows the Wasm
// side wrote, in one pass, with no further calls into Wasm.

/** Integers per row; must equal `FIELDS` in src/results.rs. */
const FIELDS = 9;
/** A missing span: `normalized` or `reason` is null. */
const NONE = 0xffffffff;
/** The chain code of "no chain". */
const NO_CHAIN = 0xff;
/**
 * The `matches` / `possibleMatches` of a result without any: one frozen empty
 * array shared by every such result (typed readonly), instead of two new
 * arrays per result, which in a large batch cost more than the check.
 */
const NONE_MATCHED = Object.freeze([]);

/** The error type of every failure the module reports (see AddrcheckError in the .d.ts). */
export function addrcheckError(code, message) {
  const error = new Error(message);
  error.name = "AddrcheckError";
  error.code = code;
  return error;
}

const encoder = new TextEncoder();

/**
 * The elements of a string array as one string, and the length of each in
 * UTF-16 code units (so the Wasm side can cut it apart again). Throws an
 * AddrcheckError naming the first element that is not a string.
 */
export function joinStrings(items, lengths) {
  const n = items.length;
  let joined = "";
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (typeof item !== "string") {
      throw addrcheckError(
        "invalidArgument",
        `checkMany: element ${i} is ${item === null ? "null" : typeof item}, not a string`,
      );
    }
    lengths[i] = item.length;
    joined += item;
  }
  return joined;
}

/**
 * UTF-8 of `text` from UTF-16 offset `from` into Wasm memory at `ptr`, at
 * most `capacity` bytes (TextEncoder.encodeInto: far faster than a copy loop
 * for long ASCII text). Returns [UTF-16 units read, bytes written].
 */
export function encodeUtf8(text, from, memory, ptr, capacity) {
  const rest = from === 0 ? text : text.substring(from);
  const { read, written } = encoder.encodeInto(rest, new Uint8Array(memory.buffer, ptr, capacity));
  return [read, written];
}

/**
 * The result object of one check: the same fields as a batch row, given
 * directly (`code` as in a row; strings and match lists or null).
 */
export function buildResult(input, code, normalized, reason, matches, possibleMatches, vocab) {
  const chain = (code >>> 8) & 0xff;
  return {
    input,
    status: vocab[0][code & 0xff],
    chain: chain === NO_CHAIN ? null : vocab[1][chain],
    chainName: chain === NO_CHAIN ? null : vocab[2][chain],
    normalized: normalized === undefined ? null : normalized,
    reason: reason === undefined ? null : reason,
    matches: matches === null ? NONE_MATCHED : matches,
    possibleMatches: possibleMatches === null ? NONE_MATCHED : possibleMatches,
  };
}

/**
 * The result objects of a batch.
 *
 * rows: Uint32Array view into Wasm memory (read here, never kept);
 * pool: normalized forms and reasons, one string;
 * input: the text (results take substrings of it) or the array of inputs;
 * matchSets / possibleSets: the match lists of the results that have one
 *   (each result its own), or null when there are none;
 * vocab: [statuses, chain ids, chain names], indexed by the codes in a row.
 */
export function buildResults(rows, pool, input, matchSets, possibleSets, vocab) {
  const statuses = vocab[0];
  const chainIds = vocab[1];
  const chainNames = vocab[2];
  const n = (rows.length / FIELDS) | 0;
  const fromText = typeof input === "string";
  const out = new Array(n);
  for (let i = 0, r = 0; i < n; i++, r += FIELDS) {
    const code = rows[r];
    const chain = (code >>> 8) & 0xff;
    const normStart = rows[r + 3];
    const reasonStart = rows[r + 5];
    const matchSet = rows[r + 7];
    const possibleSet = rows[r + 8];
    out[i] = {
      input: fromText ? input.substring(rows[r + 1], rows[r + 2]) : input[i],
      status: statuses[code & 0xff],
      chain: chain === NO_CHAIN ? null : chainIds[chain],
      chainName: chain === NO_CHAIN ? null : chainNames[chain],
      normalized: normStart === NONE ? null : pool.substring(normStart, rows[r + 4]),
      reason: reasonStart === NONE ? null : pool.substring(reasonStart, rows[r + 6]),
      matches: matchSet === 0 ? NONE_MATCHED : matchSets[matchSet - 1],
      possibleMatches: possibleSet === 0 ? NONE_MATCHED : possibleSets[possibleSet - 1],
    };
  }
  return out;
}
