// JavaScript half of the batch path (imported by the Rust side, see
// src/results.rs): builds plain result objects from the compact rows the Wasm
// side wrote, in one pass, with no further calls into Wasm.

/** Integers per row; must equal `FIELDS` in src/results.rs. */
const FIELDS = 9;
/** A missing span: `normalized` or `reason` is null. */
const NONE = 0xffffffff;
/** The chain code of "no chain". */
const NO_CHAIN = 0xff;
/** Row flag: the normalized span is in the item's input, not in the pool. */
const NORMALIZED_IN_INPUT = 1 << 16;
/** Flag of `check`: the normalized form is printed when first read. */
const NORMALIZED_LATER = 1 << 17;
/**
 * The `matches` / `possibleMatches` of a result without any: one frozen empty
 * array shared by every such result (typed readonly), instead of two new
 * arrays per result, which in a large batch cost more than the check.
 */
const NONE_MATCHED = Object.freeze([]);

/** The error type of every failure the module reports (see AddrcheckError in the .d.ts). */
export function addrcheckError(code, message) {
  const error = new Error(message);
  // Defined, not assigned: a setter someone put on a prototype under these
  // names is not run (and cannot throw from inside the module).
  Object.defineProperty(error, "name", dataProperty("AddrcheckError"));
  Object.defineProperty(error, "code", dataProperty(code));
  return error;
}

/**
 * The descriptor of an ordinary data property. Descriptors here have no
 * prototype, so that properties someone put on Object.prototype (`get`,
 * `value`, ...) are not read as part of them.
 */
function dataProperty(value) {
  return { __proto__: null, value, writable: true, enumerable: true, configurable: true };
}

const encoder = new TextEncoder();

/**
 * The elements `from` to `to` (exclusive) of a string array, read once each:
 * - returned joined into one string;
 * - their lengths in UTF-16 code units written to the memory of instance
 *   `id` at `lengthsPtr`, so the Wasm side can cut the string apart again;
 * - put as they are into `read` from index 0, where their results take them
 *   from (so a getter runs once, and a result's `input` is what was checked).
 * Throws an AddrcheckError naming the first element that is not a string.
 */
export function joinStrings(items, from, to, lengthsPtr, read, id) {
  let lengths = viewed(instances[id]).words;
  const at = (lengthsPtr >>> 2) - from;
  let joined = "";
  for (let i = from; i < to; i++) {
    const item = items[i];
    read[i - from] = item;
    if (typeof item !== "string") {
      throw addrcheckError(
        "invalidArgument",
        `checkMany: element ${i} is ${item === null ? "null" : typeof item}, not a string`,
      );
    }
    // A getter that called into the module may have grown its memory,
    // which detaches the view (its length becomes 0).
    if (lengths.length === 0) lengths = viewed(instances[id]).words;
    lengths[at + i] = item.length;
    // An element ending in a lone high surrogate would pair with a low one
    // starting the next, and their UTF-8 could not be cut apart again. It is
    // read as U+FFFD, as every lone surrogate crossing into the module is.
    if ((item.charCodeAt(item.length - 1) & 0xfc00) === 0xd800) joined += item.slice(0, -1) + "\ufffd";
    else joined += item;
  }
  return joined;
}

/**
 * UTF-8 of `text` from UTF-16 offset `from` into Wasm memory at `ptr`, at
 * most `capacity` bytes (TextEncoder.encodeInto: far faster than a copy loop
 * for long ASCII text). Returns [UTF-16 units read, bytes written].
 */
export function encodeUtf8(text, from, ptr, capacity, id) {
  const rest = from === 0 ? text : text.substring(from);
  const { read, written } = encoder.encodeInto(rest, new Uint8Array(instances[id].memory.buffer, ptr, capacity));
  return [read, written];
}

/**
 * `[statuses, chain ids, chain names]`, indexed by the codes in a result: set
 * once by the Wasm side (every result shares the strings).
 */
let vocab = [[], [], []];
/**
 * Each instance of the module (normally one; a program that loads it twice,
 * say under two URLs, has two, each with its own memory, sharing this file):
 * its memory, views of it, its raw exports and the buffer of
 * `addrcheck_normalized_later`. The Wasm side passes the index `setup` gave
 * it with every call that touches its memory.
 */
const instances = [];

export function setup(v, m, e, buffer, capacity, threw) {
  vocab = v;
  instances.push({
    memory: m,
    bytes: new Uint8Array(m.buffer),
    words: new Uint32Array(m.buffer),
    exports: e,
    laterBuffer: buffer,
    laterCapacity: capacity,
    threwAt: threw >>> 2,
  });
  return instances.length - 1;
}

/** `instance`, its views renewed if its memory grew (which detaches the old buffer). */
function viewed(instance) {
  if (instance.bytes.byteLength === 0) {
    instance.bytes = new Uint8Array(instance.memory.buffer);
    instance.words = new Uint32Array(instance.memory.buffer);
  }
  return instance;
}

/**
 * The canonical form of the address in `input` (cleaned and parsed as `check`
 * does), or null: input written to the buffer, the form read back (every
 * canonical form is ASCII). `check` leaves only short ASCII inputs for later.
 */
function normalizeLater(input) {
  // Every instance prints the same form: the newest one does it.
  const id = instances.length - 1;
  const n = readAscii(input, instances[id].laterBuffer, instances[id].laterCapacity, id);
  if (n < 0) return null;
  const m = instances[id].exports.addrcheck_normalized_later(n);
  if (m < 0) return null;
  // Printing may have grown the memory.
  const { bytes, laterBuffer } = viewed(instances[id]);
  return String.fromCharCode.apply(null, bytes.subarray(laterBuffer, laterBuffer + m));
}

/** `normalized` as an ordinary data property, replacing the accessor below. */
function settle(result, value) {
  Object.defineProperty(result, "normalized", dataProperty(value));
}

/** Whether the accessor of `result` can still be replaced (it is not sealed or frozen). */
function replaceable(result) {
  const own = Object.getOwnPropertyDescriptor(result, "normalized");
  return own === undefined ? Object.isExtensible(result) : own.configurable;
}

/**
 * The `normalized` of results sealed or frozen before it was read: their
 * accessor cannot become a data property, so its value is kept here.
 */
const HELD = new WeakMap();

/**
 * `normalized` of a `check` result whose input is valid but not canonical (a
 * lower-case EVM address, a CashAddr without prefix, ...): printing the form
 * costs more than the check itself (a Keccak-256 for EVM) and most callers
 * never read it, so it is printed from `input` when first read and then kept
 * as a plain data property. Until then it is an own, enumerable accessor:
 * JSON.stringify, structuredClone, spreading and Object.keys see it like any
 * other property, assigning to it works as on a data property (on a frozen
 * result it throws, as assigning a frozen data property does in strict code),
 * and a console shows it as a getter. One descriptor shared by every such
 * result: defining it costs far less than a closure per result.
 */
const NORMALIZED_ON_READ = {
  __proto__: null,
  get() {
    if (HELD.has(this)) return HELD.get(this);
    const value = normalizeLater(this.input);
    if (replaceable(this)) settle(this, value);
    else HELD.set(this, value);
    return value;
  },
  set(value) {
    if (replaceable(this)) settle(this, value);
    else if (Object.isFrozen(this)) throw new TypeError("Cannot assign to read only property 'normalized' of a frozen result");
    else HELD.set(this, value);
  },
  enumerable: true,
  configurable: true,
};

/**
 * Writes `text` into Wasm memory at `ptr` when it is a string of at most
 * `capacity` ASCII characters, and returns its length; -1 when it is a longer
 * or non-ASCII string (the caller reads it another way), -2 when it is not a
 * string. For the one short address of `check`, this is cheaper than a
 * TextEncoder call and an allocation.
 */
export function readAscii(text, ptr, capacity, id) {
  if (typeof text !== "string") return -2;
  const n = text.length;
  if (n > capacity) return -1;
  const { bytes, words } = viewed(instances[id]);
  // Four characters a store (`ptr` is 4-byte aligned), the rest one by one.
  let any = 0;
  let i = 0;
  for (let w = ptr >>> 2; i + 4 <= n; i += 4, w++) {
    const a = text.charCodeAt(i);
    const b = text.charCodeAt(i + 1);
    const c = text.charCodeAt(i + 2);
    const d = text.charCodeAt(i + 3);
    any |= a | b | c | d;
    words[w] = a | (b << 8) | (c << 16) | (d << 24);
  }
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    any |= c;
    bytes[ptr + i] = c;
  }
  return any > 0x7f ? -1 : n;
}

/** `text.substring(start, end)`, `text` itself when that is all of it. */
function span(text, start, end) {
  return start === 0 && end === text.length ? text : text.substring(start, end);
}

/**
 * The result object of one check: `code` as in a batch row; the normalized
 * form is `input.substring(normStart, normEnd)`, or, when `normStart` is
 * NONE, printed on first read (NORMALIZED_LATER) or `printed`; printed,
 * reason, matches and possibleMatches may be null or undefined.
 */
export function buildResult(input, code, normStart, normEnd, printed, reason, matches, possibleMatches, id) {
  const chain = (code >>> 8) & 0xff;
  const status = vocab[0][code & 0xff];
  const chainId = chain === NO_CHAIN ? null : vocab[1][chain];
  const chainName = chain === NO_CHAIN ? null : vocab[2][chain];
  reason = reason === undefined ? null : reason;
  matches = matches === null ? NONE_MATCHED : matches;
  possibleMatches = possibleMatches === null ? NONE_MATCHED : possibleMatches;
  const later = (code & NORMALIZED_LATER) !== 0;
  const normalized = later ? null : normStart !== NONE ? span(input, normStart, normEnd) : printed === undefined ? null : printed;
  // Code outside the module can run while a result is made (a setter on
  // Object.prototype). Should it throw, the exception is kept and the
  // instance's flag raised; the Rust side sees the flag, takes the exception
  // (takeThrown) and throws it from `check` once its own frames are done:
  // an exception must not unwind through them, or the checker would stay
  // borrowed. (wasm-bindgen's `catch` does the same, but its wrapper costs
  // `check` about 8%.)
  try {
    return later
      ? new ResultNormalizedOnRead(input, status, chainId, chainName, reason, matches, possibleMatches)
      : new PlainResult(input, status, chainId, chainName, normalized, reason, matches, possibleMatches);
  } catch (e) {
    thrown = e;
    // The code that threw may have grown the memory: a fresh view.
    const instance = viewed(instances[id]);
    instance.words[instance.threwAt] = 1;
    return undefined;
  }
}

/** What buildResult caught last, until taken. */
let thrown;

/** The exception buildResult caught last, forgotten here. */
export function takeThrown() {
  const e = thrown;
  thrown = undefined;
  return e;
}

/**
 * Result objects are made by these constructors rather than as object
 * literals. They are plain objects all the same: their prototype is
 * Object.prototype, and they have the literal's own properties in its order.
 * The difference is V8's: it tracks where each object literal is allocated,
 * and once a large batch's results survive young-generation collections, it
 * allocates every later object of that literal in the old generation
 * ("pretenuring"), which made every later batch and `check` result slower
 * (measured in Node: pasted text 5.0 -> 7.0 M/s, arrays of 1,000 4.9 -> 9.5
 * M/s). Objects made by `new` are never pretenured. (Unlike a literal, a
 * constructor assigns its properties, so a setter someone put on
 * Object.prototype under one of these names would run; a literal would
 * ignore it.)
 */
const { Object: ResultNormalizedOnRead } = {
  // Named "Object" by the key it is defined under (and so, being anonymous,
  // not shadowing the global inside): V8 names an object after the function
  // that made it, so DevTools and heap snapshots show these objects as
  // `Object`, as they would an object literal.
  Object: function (input, status, chain, chainName, reason, matches, possibleMatches) {
    this.input = input;
    this.status = status;
    this.chain = chain;
    this.chainName = chainName;
    // The accessor is added, not swapped for a data property (that would
    // make the object slow), and in the same place in the key order.
    Object.defineProperty(this, "normalized", NORMALIZED_ON_READ);
    this.reason = reason;
    this.matches = matches;
    this.possibleMatches = possibleMatches;
  },
};
ResultNormalizedOnRead.prototype = Object.prototype;

const { Object: PlainResult } = {
  Object: function (input, status, chain, chainName, normalized, reason, matches, possibleMatches) {
    this.input = input;
    this.status = status;
    this.chain = chain;
    this.chainName = chainName;
    this.normalized = normalized;
    this.reason = reason;
    this.matches = matches;
    this.possibleMatches = possibleMatches;
  },
};
PlainResult.prototype = Object.prototype;

/**
 * The result objects of a slice of a batch, put into `out` from index `at`.
 *
 * out: the batch's results;
 * rowsPtr, rowsLength: the rows, `rowsLength` integers in the memory of
 *   instance `id` from `rowsPtr` (4-byte aligned);
 * pool: normalized forms and reasons, one string;
 * input: the text (results take substrings of it) or the slice's elements
 *   as `joinStrings` read them;
 * matchSets / possibleSets: the match lists of the slice's results that have
 *   one (each result its own), or null when there are none.
 */
export function buildResults(out, at, rowsPtr, rowsLength, pool, input, matchSets, possibleSets, id) {
  const statuses = vocab[0];
  const chainIds = vocab[1];
  const chainNames = vocab[2];
  const n = (rowsLength / FIELDS) | 0;
  const fromText = typeof input === "string";
  let words = viewed(instances[id]).words;
  for (let i = 0, r = rowsPtr >>> 2; i < n; i++, r += FIELDS) {
    // Code outside the module can run while results are stored (a setter
    // someone put on Object.prototype or Array.prototype). Should it call
    // into the module and grow its memory, the view is renewed here (a
    // detached view has length 0 and reads as undefined), and the whole row
    // is read before anything else runs. Should it throw, the exception
    // reaches the caller of checkMany (this import is `catch`). (An index
    // accessor on Array.prototype would also intercept the stores into
    // `read` in joinStrings and could give a result another `input`; its
    // verdict is still the element's.)
    if (words.length === 0) words = viewed(instances[id]).words;
    const code = words[r];
    const start = words[r + 1];
    const end = words[r + 2];
    const normStart = words[r + 3];
    const normEnd = words[r + 4];
    const reasonStart = words[r + 5];
    const reasonEnd = words[r + 6];
    const matchSet = words[r + 7];
    const possibleSet = words[r + 8];
    const chain = (code >>> 8) & 0xff;
    const item = fromText ? input.substring(start, end) : input[i];
    let normalized = null;
    if (normStart !== NONE) {
      normalized = (code & NORMALIZED_IN_INPUT) === 0 ? pool.substring(normStart, normEnd) : span(item, normStart, normEnd);
    }
    out[at + i] = new PlainResult(
      item,
      statuses[code & 0xff],
      chain === NO_CHAIN ? null : chainIds[chain],
      chain === NO_CHAIN ? null : chainNames[chain],
      normalized,
      reasonStart === NONE ? null : pool.substring(reasonStart, reasonEnd),
      matchSet === 0 ? NONE_MATCHED : matchSets[matchSet - 1],
      possibleSet === 0 ? NONE_MATCHED : possibleSets[possibleSet - 1],
    );
  }
}
