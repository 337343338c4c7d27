// The benchmarks of the package, the same code in Node and in Chromium: the
// caller passes a way to load a fresh instance of the module (the build that
// environment's users get), the filter bytes and the listed addresses, and
// gets numbers back.
//
// - load: compile + instantiate the Wasm, then verify the bundled filter
//   (Checker.fromBytes), each time in a fresh module instance;
// - check: one call per address, a realistic mix of formats (the core's
//   benchmark proportions, 1% listed entries);
// - checkMany: lower-case EVM addresses in one call, from an array and from a
//   pasted text, against a plain JavaScript Set of lower-cased strings doing
//   the same lookups (no validation) on the same input; then the same
//   addresses in batches of 1,000 and 10,000; for the arrays, also the Set's
//   loop building a result object per address, which shows what results
//   cost;
// - for reference: checkMany on the mix, and with normalized forms.
// Inputs are fresh strings in every round (as if just parsed from JSON or
// read from a text box), so neither side profits from hashes cached in them.
import { Rng, evmLower, realisticMix } from "./mix.mjs";

const now = () => performance.now();

/**
 * The median of the rates `round()` returns, over rounds run for 1.5 s (at
 * least five), after three rounds that let the engine tier up.
 */
function medianRate(round) {
  for (let i = 0; i < 3; i++) round();
  const rates = [];
  const end = now() + 1500;
  while (now() < end || rates.length < 5) rates.push(round());
  return median(rates);
}

/** Runs `body(input)` on fresh inputs; the median rate per second. */
function rate(count, makeInput, body) {
  return medianRate(() => {
    const input = makeInput();
    const t = now();
    body(input);
    return count / ((now() - t) / 1000);
  });
}

/**
 * `rate` for many small batches: each round makes the `batches` inputs
 * fresh with `makeBatch(i)` off the clock and times `hitsOf(input)` on them
 * one by one; the hits they return, `count` items in all, are added up and
 * handed to `verify` off the clock.
 */
function rateBatched(count, batches, makeBatch, hitsOf, verify) {
  return medianRate(() => {
    let elapsed = 0;
    let total = 0;
    for (let i = 0; i < batches; i++) {
      const input = makeBatch(i);
      const t = now();
      total += hitsOf(input);
      elapsed += now() - t;
    }
    verify(total);
    return count / (elapsed / 1000);
  });
}

/**
 * An object shaped like a CheckResult, made the way the module makes its
 * results (a constructor whose prototype is Object.prototype: V8 does not
 * move the allocation of such objects to the old generation as it does an
 * object literal's, see js/results.js), for the rows of the Set building a
 * result object per address.
 */
function ResultLike(input, status) {
  this.input = input;
  this.status = status;
  this.chain = "evm";
  this.chainName = "Ethereum";
  this.normalized = null;
  this.reason = null;
  this.matches = NO_MATCHES;
  this.possibleMatches = NO_MATCHES;
}
ResultLike.prototype = Object.prototype;
const NO_MATCHES = Object.freeze([]);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/**
 * The `load` of a web build: import a fresh instance of its JS module (a
 * query string makes it fresh), then time its default export instantiating
 * the Wasm from `wasmBytes`.
 */
export function webLoader(url, wasmBytes) {
  return async (i) => {
    const mod = await import(`${url}?instance=${i}`);
    const t0 = now();
    await mod.default({ module_or_path: wasmBytes });
    return { mod, ms: now() - t0 };
  };
}

/**
 * load(i): a fresh, ready instance of the module, resolving to
 * `{ mod, ms }`: its namespace and the milliseconds spent compiling and
 * instantiating the Wasm (see webLoader).
 * filterBytes: the bundled filter; listed: OFAC addresses.
 */
export async function runBenchmarks({ load, filterBytes, listed, log = () => {} }) {
  const results = {};

  // ---- load ---------------------------------------------------------------
  const instantiate = [];
  const verify = [];
  let mod;
  for (let i = 0; i < 12; i++) {
    const loaded = await load(i);
    mod = loaded.mod;
    const t1 = now();
    const c = mod.Checker.fromBytes(filterBytes);
    const t2 = now();
    c.free();
    instantiate.push(loaded.ms);
    verify.push(t2 - t1);
  }
  results.load = {
    instantiateMs: median(instantiate),
    verifyMs: median(verify),
    totalMs: median(instantiate.map((x, i) => x + verify[i])),
    firstMs: instantiate[0] + verify[0],
  };
  log("load", results.load);

  const { Checker } = mod;
  const checker = Checker.fromBytes(filterBytes);
  const eip55 = (a) => checker.check(a).normalized;

  // ---- check on the realistic mix --------------------------------------------
  const MIX = 20_000;
  const mixJson = JSON.stringify(realisticMix(new Rng(2025), MIX, eip55, listed));
  results.check = rate(
    MIX,
    () => JSON.parse(mixJson),
    (inputs) => {
      let flagged = 0;
      for (let i = 0; i < inputs.length; i++) if (checker.check(inputs[i]).status === "flagged") flagged++;
      if (flagged === 0) throw new Error("the mix should hold listed entries");
    },
  );
  log("check", results.check);

  // ---- checkMany on lower-case EVM vs a Set ------------------------------------
  const EVM = 100_000;
  const rng = new Rng(7);
  const listedEvm = listed.filter((a) => /^0x[0-9a-fA-F]{40}$/.test(a)).map((a) => a.toLowerCase());
  const evm = Array.from({ length: EVM }, (_, i) => (i % 100 === 0 ? listedEvm[(i / 100) % listedEvm.length] : evmLower(rng)));
  const evmJson = JSON.stringify(evm);
  const evmText = evm.join("\n");
  const set = new Set(listedEvm);
  const expectFlagged = evm.filter((a) => set.has(a)).length;
  const hits = (results, isHit) => {
    let n = 0;
    for (let i = 0; i < results.length; i++) if (isHit(results[i])) n++;
    return n;
  };
  const expectHits = (n) => {
    if (n !== expectFlagged) throw new Error(`expected ${expectFlagged} hits, got ${n}`);
  };
  const verifyCount = (results, isHit) => expectHits(hits(results, isHit));

  results.checkManyArray = rate(EVM, () => JSON.parse(evmJson), (a) => verifyCount(checker.checkMany(a), (r) => r.status === "flagged"));
  results.setArray = rate(
    EVM,
    () => JSON.parse(evmJson),
    (a) => {
      const out = new Array(a.length);
      for (let i = 0; i < a.length; i++) out[i] = set.has(a[i].toLowerCase());
      verifyCount(out, (x) => x);
    },
  );
  // A reference for what results cost: the Set's loop, also building a
  // result object per address (CheckResult's eight keys; no validation, no
  // Wasm). An API that returns such objects pays for them on top of its own
  // lookups; the row minus the Set is about what they cost.
  results.setObjectsArray = rate(
    EVM,
    () => JSON.parse(evmJson),
    (a) => {
      const out = new Array(a.length);
      for (let i = 0; i < a.length; i++) {
        const hit = set.has(a[i].toLowerCase());
        out[i] = new ResultLike(a[i], hit ? "flagged" : "clear");
      }
      verifyCount(out, (r) => r.status === "flagged");
    },
  );
  // One text, fresh per round (a copy the engine cannot share with the last).
  const freshText = () => JSON.parse(JSON.stringify(evmText));
  results.checkManyText = rate(EVM, freshText, (t) => verifyCount(checker.checkMany(t), (r) => r.status === "flagged"));
  results.setText = rate(EVM, freshText, (t) => {
    const parts = t.split(/[\s,]+/);
    const out = [];
    for (const p of parts) if (p !== "") out.push(set.has(p.toLowerCase()));
    verifyCount(out, (x) => x);
  });
  log("checkMany vs Set", results.checkManyArray, results.setArray, results.setObjectsArray, results.checkManyText, results.setText);

  // The same 100,000 addresses as arrays of 1,000 and of 10,000: each batch
  // parsed fresh off the clock, checked on it, its results dropped once
  // counted. In smaller batches less is alive for each young-generation
  // collection to copy. checkMany allocates a result per address, the Set
  // only a boolean array, so collections set off during checkMany's calls
  // cost it more; compare the ratios, not the rates.
  results.batches = [1_000, 10_000].map((size) => {
    const jsons = [];
    for (let i = 0; i < EVM; i += size) jsons.push(JSON.stringify(evm.slice(i, i + size)));
    const fresh = (i) => JSON.parse(jsons[i]);
    const setHits = (b) => {
      const out = new Array(b.length);
      for (let i = 0; i < b.length; i++) out[i] = set.has(b[i].toLowerCase());
      return hits(out, (x) => x);
    };
    const setObjectsHits = (b) => {
      const out = new Array(b.length);
      for (let i = 0; i < b.length; i++) {
        const hit = set.has(b[i].toLowerCase());
        out[i] = new ResultLike(b[i], hit ? "flagged" : "clear");
      }
      return hits(out, (r) => r.status === "flagged");
    };
    return {
      size,
      checkMany: rateBatched(EVM, jsons.length, fresh, (b) => hits(checker.checkMany(b), (r) => r.status === "flagged"), expectHits),
      set: rateBatched(EVM, jsons.length, fresh, setHits, expectHits),
      setObjects: rateBatched(EVM, jsons.length, fresh, setObjectsHits, expectHits),
    };
  });
  log("batches", results.batches);

  // ---- for reference ----------------------------------------------------------
  results.checkManyNormalized = rate(EVM, () => JSON.parse(evmJson), (a) => checker.checkMany(a, { normalized: true }));
  results.checkManyMix = rate(MIX, () => JSON.parse(mixJson), (a) => checker.checkMany(a));
  results.memoryBytes = mod.memoryBytes();
  checker.free();
  return results;
}

/** The results as the lines the bench scripts print. */
export function report(where, r) {
  const m = (x) => `${(x / 1e6).toFixed(2)} M/s`;
  return [
    `addrcheck package benchmarks, ${where}`,
    `  load (instantiate + verify the bundled filter): ${r.load.totalMs.toFixed(2)} ms median ` +
      `(instantiate ${r.load.instantiateMs.toFixed(2)} ms + verify ${r.load.verifyMs.toFixed(2)} ms; first ${r.load.firstMs.toFixed(2)} ms)  [target < 20 ms]`,
    `  check, realistic mix of formats:               ${m(r.check)}  [target >= 1.5 M/s]`,
    `  checkMany, lower-case EVM, array of 100,000:   ${m(r.checkManyArray)}  [target >= 5 M/s]`,
    `    plain JS Set of lower-cased strings, same array: ${m(r.setArray)}   ratio checkMany/Set ${(r.checkManyArray / r.setArray).toFixed(2)}`,
    `    the Set, also building a result object per address: ${m(r.setObjectsArray)}   ratio to Set ${(r.setObjectsArray / r.setArray).toFixed(2)}, checkMany/it ${(r.checkManyArray / r.setObjectsArray).toFixed(2)}`,
    `  checkMany, lower-case EVM, pasted text:        ${m(r.checkManyText)}  [target >= 5 M/s]`,
    `    plain JS Set, same text (split + lookups):   ${m(r.setText)}   ratio checkMany/Set ${(r.checkManyText / r.setText).toFixed(2)}`,
    ...r.batches.map(
      (b) =>
        `  checkMany, the same array in batches of ${b.size.toLocaleString("en-US").padEnd(6)}: ${m(b.checkMany)}   ` +
        `Set ${m(b.set)}   ratio checkMany/Set ${(b.checkMany / b.set).toFixed(2)}\n` +
        `    the Set, also building a result object per address: ${m(b.setObjects)}   ratio to Set ${(b.setObjects / b.set).toFixed(2)}, checkMany/it ${(b.checkMany / b.setObjects).toFixed(2)}`,
    ),
    `  checkMany, lower-case EVM, normalized: true:   ${m(r.checkManyNormalized)}  (EIP-55 costs a Keccak-256 each)`,
    `  checkMany, realistic mix:                      ${m(r.checkManyMix)}`,
    `  Wasm memory after the run: ${(r.memoryBytes / 2 ** 20).toFixed(1)} MiB`,
  ].join("\n");
}
