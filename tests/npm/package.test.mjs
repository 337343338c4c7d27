// The built npm package (scripts/build-npm.sh), used the way an app uses it:
// `import ... from "addrcheck"` resolves through the package's exports map
// (tests/npm/node_modules/addrcheck links to crates/wasm/pkg) to the Node
// build. The web build is loaded too, with initSync.
//
// Needs ADDRCHECK_EXTRA_LISTS: a folder with the filters scripts/test-wasm-module.sh
// builds with the addrcheck command for these tests (scamsniffer.filter: a
// second list with details; ofac-2024-09-27-bare.filter: no details section).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Session } from "node:inspector/promises";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Checker, isAddrcheckError, memoryBytes } from "addrcheck";
import { Rng, evmLower, realisticMix } from "./bench/mix.mjs";
import { base58checkEncode, cashaddrToLegacy, tronToHex } from "./lib/codecs.mjs";
import { ofacEntries } from "./lib/ofac.mjs";
import { PKG, ROOT } from "./lib/paths.mjs";

const FILTER = readFileSync(join(ROOT, "www/ofac.filter"));
const LIST_NAME = "OFAC sanctioned digital currency addresses";
const entries = ofacEntries();

function extraList(name) {
  const dir = process.env.ADDRCHECK_EXTRA_LISTS;
  assert.ok(dir, "ADDRCHECK_EXTRA_LISTS is not set: run scripts/test-wasm-module.sh");
  return readFileSync(join(dir, name));
}

/** The AddrcheckError `f` throws. */
function thrown(f) {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof Error, "an Error");
    assert.ok(isAddrcheckError(e), `an AddrcheckError: ${e}`);
    assert.equal(e.name, "AddrcheckError");
    assert.equal(typeof e.code, "string");
    assert.ok(e.message.length > 10, e.message);
    return e;
  }
  assert.fail("did not throw");
}

/** `bytes` with its trailing SHA-256 recomputed: the file verifies, and the
 * damage is found by the section checks after the digest. */
function sealed(bytes) {
  const out = Uint8Array.from(bytes);
  out.set(createHash("sha256").update(out.subarray(0, out.length - 32)).digest(), out.length - 32);
  return out;
}

describe("the package", () => {
  const pkg = JSON.parse(readFileSync(join(PKG, "package.json"), "utf8"));

  test("declares its entry points, types and files, and they exist", () => {
    assert.equal(pkg.name, "addrcheck");
    assert.equal(pkg.type, "module");
    const cargo = readFileSync(join(ROOT, "crates/wasm/Cargo.toml"), "utf8");
    assert.equal(pkg.version, /^version = "(.+)"$/m.exec(cargo)[1]);
    assert.ok(existsSync(join(PKG, pkg.types)), pkg.types);
    const root = pkg.exports["."];
    for (const condition of ["node", "browser", "import", "default"]) {
      const target = root[condition];
      assert.ok(target, `exports["."].${condition}`);
      assert.equal(Object.keys(target)[0], "types", "types first in each condition");
      for (const file of [target.types, target.default]) assert.ok(existsSync(join(PKG, file)), file);
    }
    assert.equal(pkg.exports["./ofac.filter"], "./ofac.filter");
    for (const f of pkg.files) assert.ok(existsSync(join(PKG, f)), `files: ${f}`);
    for (const dir of ["web", "node"]) {
      for (const f of ["addrcheck.js", "addrcheck.d.ts", "addrcheck_bg.wasm"]) {
        assert.ok(existsSync(join(PKG, dir, f)), `${dir}/${f}`);
      }
    }
    const readme = readFileSync(join(PKG, "README.md"), "utf8");
    for (const topic of ["free()", "checkMany", "addList", "ofac.filter", "AddrcheckError", "KB gzip"]) {
      assert.ok(readme.includes(topic), `README mentions ${topic}`);
    }
  });

  test("resolves to the Node build, and ships the bundled filter as a separate asset", () => {
    const main = fileURLToPath(import.meta.resolve("addrcheck"));
    assert.ok(main.endsWith(join("node", "addrcheck.js")), main);
    const asset = fileURLToPath(import.meta.resolve("addrcheck/ofac.filter"));
    assert.deepEqual(readFileSync(asset), FILTER);
  });

  test("its declarations never say `any`", () => {
    for (const dir of ["web", "node"]) {
      const dts = readFileSync(join(PKG, dir, "addrcheck.d.ts"), "utf8");
      const code = dts
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .split("\n")
        .filter((l) => !l.trim().startsWith("//"))
        .join("\n");
      assert.doesNotMatch(code, /\bany\b/, `${dir}/addrcheck.d.ts`);
      for (const name of ["CheckResult", "Status", "ChainId", "Match", "ListInfo", "AddrcheckError", "CheckManyOptions"]) {
        assert.match(code, new RegExp(`export (interface|type) ${name}\\b`), name);
      }
      assert.match(code, /check\(address: string\): CheckResult;/);
      assert.match(code, /checkMany\(input: string \| readonly string\[\], options\?: CheckManyOptions\): CheckResult\[\];/);
      assert.match(code, /static fromBytes\(bytes: Uint8Array \| ArrayBuffer\): Checker;/);
    }
  });
});

describe("checking against the bundled OFAC filter", () => {
  const checker = Checker.fromBytes(FILTER);

  test("every entry of the OFAC lists is flagged, with its names, asset and source", () => {
    assert.ok(entries.length > 700, `${entries.length} entries`);
    const addresses = entries.map((e) => e.address);
    const fromArray = checker.checkMany(addresses);
    const fromText = checker.checkMany(addresses.join("\n"));
    assert.equal(fromArray.length, entries.length);
    assert.equal(fromText.length, entries.length);
    entries.forEach((e, i) => {
      for (const r of [checker.check(e.address), fromArray[i], fromText[i]]) {
        assert.equal(r.status, "flagged", `${e.address} (${e.asset})`);
        assert.equal(r.input, e.address);
        const names = r.matches.flatMap((m) => m.names);
        for (const n of e.names) assert.ok(names.includes(n), `${e.address}: ${n} in ${names}`);
        assert.ok(r.matches.some((m) => m.assets.includes(e.asset)), `${e.address}: ${e.asset}`);
        for (const m of r.matches) {
          assert.deepEqual([m.list, m.source, m.asOf], [LIST_NAME, "OFAC SDN", "2025-11-27"]);
        }
      }
    });
  });

  test("other forms of listed addresses match: case, CashAddr legacy, Tron hex, URIs", () => {
    const forms = [];
    for (const e of entries) {
      const r = checker.check(e.address);
      if (r.chain === "evm") {
        forms.push(e.address.toLowerCase(), `0x${e.address.slice(2).toUpperCase()}`, `ethereum:${e.address}`);
      } else if (r.chain === "bitcoin-cash") {
        forms.push(cashaddrToLegacy(e.address), `bitcoincash:${e.address}`, e.address.toUpperCase());
      } else if (r.chain === "tron") {
        forms.push(tronToHex(e.address), `0x${tronToHex(e.address)}`);
      } else {
        forms.push(` \t${e.address}\u200b\n`);
      }
    }
    assert.ok(forms.length > 900, `${forms.length} forms`);
    checker.checkMany(forms).forEach((r, i) => {
      assert.equal(r.status, "flagged", forms[i]);
      assert.ok(r.matches.length > 0, forms[i]);
      assert.deepEqual(checker.check(forms[i]), { ...r, normalized: checker.check(forms[i]).normalized });
    });
  });

  test("the normalized form of a lower-case EVM entry is the list's EIP-55 form", () => {
    const eip55 = entries.filter((e) => /^0x(?=.*[a-f])(?=.*[A-F])[0-9a-fA-F]{40}$/.test(e.address));
    assert.ok(eip55.length > 30, `${eip55.length} EIP-55 entries`);
    for (const e of eip55) assert.equal(checker.check(e.address.toLowerCase()).normalized, e.address);
  });

  test("the normalized form of a padded or wrapped address is the address, whatever surrounds it", () => {
    const canonical = entries.filter((e) => /^(0x(?=.*[a-f])(?=.*[A-F])|[13T]|bc1)/.test(e.address)).map((e) => e.address);
    assert.ok(canonical.length > 100, `${canonical.length} canonical entries`);
    for (const a of canonical) {
      assert.equal(checker.check(a).normalized, a);
      // Non-ASCII padding (no-break space, zero-width space, emoji in a URI label)
      // shifts UTF-16 offsets; a long label takes the input past the short path.
      for (const wrapped of [`\u00a0 ${a}\u200b`, `bitcoin:${a}?label=😀`, `\t${a}\n`, `bitcoin:${a}?label=${"x".repeat(300)}`]) {
        const r = checker.check(wrapped);
        assert.equal(r.input, wrapped);
        assert.equal(r.normalized, a, wrapped);
        assert.equal(r.status, "flagged", wrapped);
      }
    }
  });

  test("a character outside ASCII anywhere in a short input is read as it is", () => {
    // `check` copies short ASCII input four characters at a time; any other
    // character, at any place in such a group, must send it the long way.
    const a = entries.find((e) => /^0x[0-9a-f]{40}$/i.test(e.address)).address;
    for (const odd of ["\u00e9", "\u0130", "\u0141", "\u4e00", "\u{1f600}"]) {
      for (let i = 0; i < 12; i++) {
        const input = a.slice(0, i) + odd + a.slice(i + 1);
        const r = checker.check(input);
        assert.equal(r.input, input);
        assert.equal(r.status, i < 2 ? "unrecognized" : "invalid", input);
        assert.deepEqual(checker.checkMany([input])[0], { ...r, normalized: null }, input);
      }
      // After the address, the short path ends in the middle of a group.
      const padded = checker.check(`${a}${odd}`);
      assert.equal(padded.status, "invalid", `${a}${odd}`);
      assert.equal(checker.check(`${a} `).normalized, checker.check(a).normalized);
    }
  });

  test("random valid addresses of every family are clear", () => {
    const mix = realisticMix(new Rng(1), 3000, (a) => checker.check(a).normalized);
    const results = checker.checkMany(mix, { normalized: true });
    const chains = new Set();
    results.forEach((r, i) => {
      assert.equal(r.status, "clear", mix[i]);
      assert.equal(r.reason, null);
      assert.deepEqual(r.matches, []);
      assert.equal(typeof r.normalized, "string");
      chains.add(r.chain);
    });
    assert.deepEqual([...chains].sort(), ["bitcoin", "bitcoin-cash", "bitcoin-segwit", "evm", "litecoin", "solana", "tron"]);
  });

  test("bad checksums are invalid, with the chain and a reason", () => {
    const bad = [];
    for (const e of entries) {
      if (/^0x(?=.*[a-f])(?=.*[A-F])/.test(e.address)) {
        const i = e.address.slice(2).search(/[a-fA-F]/) + 2;
        const c = e.address[i];
        bad.push(e.address.slice(0, i) + (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()) + e.address.slice(i + 1));
      } else if (/^[13T]/.test(e.address)) {
        bad.push(e.address.slice(0, -1) + (e.address.endsWith("2") ? "3" : "2"));
      }
    }
    assert.ok(bad.length > 100);
    checker.checkMany(bad, { normalized: true }).forEach((r, i) => {
      assert.equal(r.status, "invalid", bad[i]);
      assert.notEqual(r.chain, null, bad[i]);
      assert.match(r.reason, /checksum/, bad[i]);
      assert.equal(r.normalized, null);
    });
  });

  test("a normalized form printed on first read behaves like any other property", () => {
    const e = entries.find((x) => /^0x(?=.*[a-f])(?=.*[A-F])[0-9a-fA-F]{40}$/.test(x.address));
    const lower = e.address.toLowerCase();
    const keys = ["input", "status", "chain", "chainName", "normalized", "reason", "matches", "possibleMatches"];
    // Read, serialised, cloned, spread, listed: always the EIP-55 form, in its place.
    const read = checker.check(lower);
    assert.equal(read.normalized, e.address);
    assert.equal(read.normalized, e.address);
    assert.equal(JSON.parse(JSON.stringify(checker.check(lower))).normalized, e.address);
    assert.equal(structuredClone(checker.check(lower)).normalized, e.address);
    assert.equal({ ...checker.check(lower) }.normalized, e.address);
    assert.deepEqual(Object.keys(checker.check(lower)), keys);
    assert.deepEqual(Object.entries(checker.check(lower))[4], ["normalized", e.address]);
    // Once read, it is a plain data property; before, it can be assigned.
    const d = Object.getOwnPropertyDescriptor(read, "normalized");
    assert.deepEqual(d, { value: e.address, writable: true, enumerable: true, configurable: true });
    const assigned = checker.check(lower);
    assigned.normalized = "mine";
    assert.equal(assigned.normalized, "mine");
    // A sealed result takes assignments; a frozen one answers and refuses
    // them, as it would on a data property in strict code.
    const sealed = Object.seal(checker.check(lower));
    assert.equal(sealed.normalized, e.address);
    sealed.normalized = "mine";
    assert.equal(sealed.normalized, "mine");
    const frozen = Object.freeze(checker.check(lower));
    assert.equal(frozen.normalized, e.address);
    assert.equal(frozen.normalized, e.address);
    assert.throws(() => {
      frozen.normalized = "mine";
    }, TypeError);
    assert.equal(JSON.parse(JSON.stringify(frozen)).normalized, e.address);
    // Read after `input` changed: printed from the input as it is then.
    const changed = checker.check(lower);
    changed.input = e.address.toUpperCase().replace(/^0X/, "0x");
    assert.equal(changed.normalized, e.address);
    // A freed checker does not matter.
    const bch = entries.find((x) => checker.check(x.address).chain === "bitcoin-cash");
    const other = Checker.fromBytes(FILTER);
    const later = other.check(`bitcoincash:${bch.address.toUpperCase()}`);
    other.free();
    assert.equal(later.normalized, checker.check(bch.address).normalized);
    assert.match(later.normalized, /^[a-z0-9:]+$/);
    // The same form `checkMany` prints with { normalized: true }.
    const mix = realisticMix(new Rng(9), 2000, (a) => checker.check(a).normalized).map((a) => a.toLowerCase());
    const many = checker.checkMany(mix, { normalized: true });
    mix.forEach((a, i) => assert.equal(checker.check(a).normalized, many[i].normalized, a));
  });

  test("results are plain, JSON-compatible objects that share nothing", () => {
    const [a, b] = checker.checkMany([entries[0].address, entries[0].address]);
    // The last one has its `normalized` printed when first read.
    const lower = checker.check(entries.find((e) => e.address.startsWith("0x")).address.toLowerCase());
    for (const r of [a, b, checker.check("nonsense"), checker.checkMany("x")[0], lower]) {
      assert.equal(Object.getPrototypeOf(r), Object.prototype);
      assert.ok(!(r instanceof Map));
      assert.deepEqual(Object.keys(r), ["input", "status", "chain", "chainName", "normalized", "reason", "matches", "possibleMatches"]);
      assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
      assert.deepEqual(structuredClone(r), r);
      assert.deepStrictEqual({ ...r }, r, "equal to an object literal, prototype included");
    }
    a.matches[0].names.push("changed");
    a.matches.push(a.matches[0]);
    assert.equal(b.matches.length, 1);
    assert.ok(!b.matches[0].names.includes("changed"));
    assert.ok(!checker.check(entries[0].address).matches[0].names.includes("changed"));
  });

  test("a debugger shows results as it shows object literals", async () => {
    // V8 names an object after the function that made it (DevTools'
    // console and heap snapshots show that name).
    const session = new Session();
    session.connect();
    try {
      const lower = entries.find((e) => e.address.startsWith("0x")).address.toLowerCase();
      for (const r of [checker.check("nonsense"), checker.check(lower), checker.checkMany("x y")[1], { literal: true }]) {
        globalThis.addrcheckInspected = r;
        const { result } = await session.post("Runtime.evaluate", { expression: "globalThis.addrcheckInspected" });
        assert.equal(result.className, "Object");
        assert.equal(result.description, "Object");
      }
    } finally {
      delete globalThis.addrcheckInspected;
      session.disconnect();
    }
  });

  test("unrecognized and empty inputs get verdicts, pastes are split, bad arguments throw", () => {
    assert.deepEqual(
      { ...checker.check("hello"), reason: null },
      { input: "hello", status: "unrecognized", chain: null, chainName: null, normalized: null, reason: null, matches: [], possibleMatches: [] },
    );
    assert.match(checker.check("hello").reason, /not a recognised address format/);
    assert.equal(checker.check("").status, "invalid");
    assert.equal(checker.check("x".repeat(1_000_000)).status, "unrecognized");
    const pasted = checker.checkMany(`  ${entries[0].address},\r\n\n bc1qnotvalid ; é😀\u00a0x `);
    assert.deepEqual(
      pasted.map((r) => r.input),
      [entries[0].address, "bc1qnotvalid", ";", "é😀", "x"],
    );
    assert.deepEqual(checker.checkMany(" ,\n\t"), []);
    assert.deepEqual(checker.checkMany([]), []);
    assert.deepEqual(checker.checkMany(["", " "]).map((r) => r.status), ["invalid", "invalid"]);
    for (const [f, what] of [
      [() => checker.check(42), "check"],
      [() => checker.check(undefined), "check"],
      [() => checker.checkMany(42), "checkMany"],
      [() => checker.checkMany(["0x00", 7]), "element 1"],
      // Past the first slices a large batch is read in (src/checker.rs).
      [() => checker.checkMany([...Array(5000).fill("0x00"), null]), "element 5000 is null"],
      [() => checker.checkMany("x", "yes"), "options"],
      [() => checker.checkMany("x", { normalized: "yes" }), "normalized"],
      [() => Checker.fromBytes("ofac.filter"), "Uint8Array"],
      [() => Checker.fromBytes(null), "Uint8Array"],
    ]) {
      const e = thrown(f);
      assert.equal(e.code, "invalidArgument");
      assert.ok(e.message.includes(what), e.message);
    }
    assert.ok(!isAddrcheckError(new Error("x")));
    assert.ok(!isAddrcheckError({ name: "AddrcheckError", code: "corrupt" }));
  });

  /**
   * Makes the module's memory grow: reads ever longer strings (from 64 KiB,
   * doubling) until one does not fit in it, so each call grows it by about
   * its largest free block rather than doubling it.
   */
  const growMemory = () => {
    const before = memoryBytes();
    for (let n = 1 << 16; memoryBytes() === before; n *= 2) checker.checkMany(" ".repeat(n));
  };

  test("checkMany reads each array element once, also when its getter grows the module's memory", () => {
    // Elements of different lengths, across two slices (src/checker.rs reads
    // 2,048 at a time). Growing the memory while a slice is read detaches
    // the view JavaScript writes its lengths through.
    const rng = new Rng(5);
    const plain = realisticMix(rng, 3_000, (a) => checker.check(a).normalized, entries.map((e) => e.address));
    const expected = checker.checkMany(plain);
    const watched = [...plain];
    const reads = new Array(plain.length).fill(0);
    for (const i of [1, 2_049, 2_999]) {
      Object.defineProperty(watched, i, {
        get() {
          reads[i]++;
          if (i !== 2_999) growMemory();
          return plain[i];
        },
      });
    }
    assert.deepEqual(checker.checkMany(watched), expected);
    assert.deepEqual([reads[1], reads[2_049], reads[2_999]], [1, 1, 1]);
  });

  test("checkMany's results are right when a setter on Object.prototype grows the module's memory", () => {
    const inputs = [entries[0].address, "0xdeadbeef", "hello", ...entries.slice(1, 50).map((e) => e.address)];
    const expected = checker.checkMany(inputs).map((r) => ({ ...r }));
    let calls = 0;
    // A setter for a key every result has: result constructors assign it.
    Object.defineProperty(Object.prototype, "chainName", {
      configurable: true,
      set(value) {
        if (calls++ % 20 === 0) growMemory();
        Object.defineProperty(this, "chainName", { value, writable: true, enumerable: true, configurable: true });
      },
    });
    let results;
    try {
      results = checker.checkMany(inputs);
    } finally {
      delete Object.prototype.chainName;
    }
    assert.equal(calls, inputs.length);
    assert.deepEqual(results.map((r) => ({ ...r })), expected);
  });

  test("an exception thrown while check or checkMany builds a result reaches the caller, and the checker stays usable", () => {
    const inputs = entries.slice(0, 10).map((e) => e.address);
    // A lower-case EVM address gets its normalized form on first read (another constructor).
    const lower = entries.find((e) => e.address.startsWith("0x")).address.toLowerCase();
    const expected = checker.checkMany(inputs);
    const one = checker.check(inputs[0]);
    const oneLower = { ...checker.check(lower) };
    const failing = new RangeError("from a setter");
    for (const [run, thrown, grow] of [
      [() => checker.checkMany(inputs), failing, false],
      [() => checker.checkMany(inputs), failing, true],
      [() => checker.check(inputs[0]), failing, false],
      [() => checker.check(lower), failing, false],
      // Growing the memory first.
      [() => checker.check(inputs[0]), failing, true],
      // What is thrown need not be an Error, nor anything.
      [() => checker.check(inputs[0]), undefined, false],
    ]) {
      Object.defineProperty(Object.prototype, "chainName", {
        configurable: true,
        set() {
          if (grow) growMemory();
          throw thrown;
        },
      });
      let caught = "nothing";
      try {
        run();
      } catch (e) {
        caught = e;
      } finally {
        delete Object.prototype.chainName;
      }
      assert.equal(caught, thrown);
    }
    assert.deepEqual(checker.checkMany(inputs), expected);
    assert.deepEqual(checker.check(inputs[0]), one);
    assert.deepEqual({ ...checker.check(lower) }, oneLower);
    // Not left borrowed: a method that needs the checker to itself works.
    assert.throws(() => checker.addList(FILTER), (e) => e.code === "duplicateList");
  });

  test("properties someone put on Object.prototype change no result and no error", () => {
    const lower = entries.find((e) => e.address.startsWith("0x")).address.toLowerCase();
    const expected = JSON.stringify([checker.check(lower), checker.checkMany([lower, "hello"])]);
    const names = ["get", "set", "value", "writable", "code"];
    let got;
    let error;
    for (const name of names) {
      // (A descriptor without a prototype: the ones defined before would be read as part of it.)
      Object.defineProperty(Object.prototype, name, { __proto__: null, value: () => 1, writable: true, configurable: true });
    }
    try {
      // The normalized form is defined on the result when first read.
      got = JSON.stringify([checker.check(lower), checker.checkMany([lower, "hello"])]);
      try {
        checker.check(42);
      } catch (e) {
        error = e;
      }
    } finally {
      for (const name of names) delete Object.prototype[name];
    }
    assert.equal(got, expected);
    assert.equal(error.code, "invalidArgument");
    assert.ok(Object.hasOwn(error, "code"));
    assert.ok(isAddrcheckError(error));
  });

  test("halves of a surrogate pair in neighbouring array elements are two inputs", () => {
    // Each half alone is a lone surrogate, which is read as U+FFFD.
    const pair = ["\ud83d", "\ude00"];
    const lone = (text) => ({ ...checker.check(text), input: null });
    const cases = [
      pair,
      ["0x00", ...pair, "x"],
      [...Array(2_047).fill("x"), ...pair], // across two slices (never joined)
      [...Array(2_046).fill("x"), ...pair, "\ud83d"], // and at the end of the first
    ];
    for (const inputs of cases) {
      const results = checker.checkMany(inputs);
      assert.deepEqual(
        results.map((r) => r.input),
        inputs,
      );
      assert.deepEqual(
        results.map((r) => ({ ...r, input: null })),
        inputs.map(lone),
      );
    }
  });

  test("checkMany agrees with check on 10,000 mixed inputs", () => {
    const rng = new Rng(42);
    const valid = realisticMix(rng, 500, (a) => checker.check(a).normalized);
    const junk = ["", " ", "hello", "0x", "0x123", "bc1qqqqq", "é😀", "\u200b", "ethereum:", "bitcoin:?amount=1", "41" + "0".repeat(40)];
    const inputs = [];
    for (let i = 0; i < 10_000; i++) {
      switch (rng.below(5)) {
        case 0:
          inputs.push(entries[i % entries.length].address);
          break;
        case 1:
          inputs.push(valid[i % valid.length]);
          break;
        case 2: {
          const v = valid[(i * 7) % valid.length];
          inputs.push(v.slice(0, -1) + (v.endsWith("a") ? "b" : "a"));
          break;
        }
        case 3:
          inputs.push(evmLower(rng).toUpperCase().replace("0X", "0x"));
          break;
        default:
          inputs.push(junk[i % junk.length]);
      }
    }
    const full = checker.checkMany(inputs, { normalized: true });
    const fast = checker.checkMany(inputs);
    const statuses = new Set();
    inputs.forEach((input, i) => {
      const one = checker.check(input);
      assert.deepEqual(full[i], one, input);
      assert.deepEqual(fast[i], { ...one, normalized: null }, input);
      statuses.add(one.status);
    });
    assert.deepEqual([...statuses].sort(), ["clear", "flagged", "invalid", "unrecognized"]);

    const pastable = inputs.filter((s) => s !== "" && !/[\s,]/u.test(s) && !s.includes("\u200b"));
    const fromText = checker.checkMany(pastable.join(",\n"), { normalized: true });
    assert.equal(fromText.length, pastable.length);
    fromText.forEach((r, i) => assert.deepEqual(r, checker.check(pastable[i])));
  });
});

describe("filters that do not verify", () => {
  test("are refused with a typed error naming the reason", () => {
    const flipped = Uint8Array.from(FILTER);
    flipped[flipped.length >> 1] ^= 1;
    const newer = Uint8Array.from(FILTER);
    newer[8] = 0x7f; // the format version, after the 8-byte magic
    const foreignScheme = Uint8Array.from(FILTER);
    // The key scheme is the last u16 of the metadata section (a u32-length
    // blob right after magic, version and flags).
    const metaLen = new DataView(foreignScheme.buffer).getUint32(12, true);
    foreignScheme[16 + metaLen - 2] = 0x63;
    const unknownFlags = Uint8Array.from(FILTER);
    unknownFlags[11] |= 0x80;
    const cases = [
      [flipped, "corrupt"],
      [FILTER.subarray(0, FILTER.length >> 1), "truncated"],
      [FILTER.subarray(0, 5), "truncated"],
      [new Uint8Array(0), "truncated"],
      [new TextEncoder().encode("<html>not found</html>"), "wrongMagic"],
      [newer, "unsupportedVersion"],
      [sealed(foreignScheme), "unsupportedKeyScheme"],
      [sealed(unknownFlags), "malformed"],
    ];
    for (const [bytes, code] of cases) {
      const e = thrown(() => Checker.fromBytes(bytes));
      assert.equal(e.code, code, e.message);
    }
    // The same bytes as an ArrayBuffer are accepted.
    const copy = Uint8Array.from(FILTER);
    Checker.fromBytes(copy.buffer).free();
  });
});

describe("several lists", () => {
  test("a result combines them: flagged by any, possible when none confirms", () => {
    const checker = Checker.fromBytes(FILTER);
    const scam = extraList("scamsniffer.filter");
    checker.addList(scam);
    checker.addList(extraList("ofac-2024-09-27-bare.filter"));
    const info = checker.info();
    assert.deepEqual(
      info.map((l) => [l.name, l.hasDetails]),
      [
        [LIST_NAME, true],
        ["ScamSniffer", true],
        ["OFAC 2024-09-27 (no details)", false],
      ],
    );
    assert.deepEqual(info[0].sources, [{ name: "OFAC SDN", asOf: "2025-11-27", entries: info[0].sources[0].entries }]);
    assert.ok(info[0].sources[0].entries > 700);
    assert.equal(info[0].sizeBytes, FILTER.length);
    assert.equal(info[0].sha256, createHash("sha256").update(FILTER).digest("hex"));
    assert.ok(info[0].fpRate > 0 && info[0].fpRate <= 1e-6);
    assert.equal(info[0].builtAt, "2025-11-27");
    assert.equal(typeof info[0].keyScheme, "number");
    assert.deepEqual(JSON.parse(JSON.stringify(info)), info);

    // Listed by ScamSniffer only (lower-case EVM, no names): flagged, named by source.
    const scamAddresses = JSON.parse(readFileSync(join(ROOT, "../shared/data/scamsniffer/address.json"), "utf8"));
    const scamOnly = scamAddresses.find((a) => checker.checkMany([a])[0].matches.every((m) => m.list === "ScamSniffer"));
    const r = checker.check(scamOnly);
    assert.equal(r.status, "flagged");
    assert.deepEqual(r.matches.map((m) => [m.list, m.source, m.asOf]), [["ScamSniffer", "ScamSniffer", "2025-11-20"]]);

    // Listed by OFAC in 2024 but not 2025 (the Tornado Cash contracts): only
    // the bare list matches, so it is possible, with that list's rate.
    const old = readFileSync(join(ROOT, "../shared/data/ofac/2024-09-27/sanctioned_addresses_ETH.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== "");
    const removed = old.filter((a) => checker.check(a).matches.length === 0);
    assert.ok(removed.length > 0, "some 2024 entries are not on the 2025 list");
    for (const a of removed) {
      const p = checker.check(a);
      assert.equal(p.status, "possible", a);
      assert.deepEqual(p.possibleMatches.map((m) => m.list), ["OFAC 2024-09-27 (no details)"]);
      assert.ok(p.possibleMatches[0].fpRate > 0 && p.possibleMatches[0].fpRate < 0.01);
      assert.deepEqual(p.possibleMatches[0].sources, [{ name: "OFAC SDN", asOf: "2024-09-27" }]);
    }
    // Listed in both OFAC snapshots: flagged (confirmed by 2025), possible in 2024 too.
    const both = checker.check(old.find((a) => !removed.includes(a)));
    assert.equal(both.status, "flagged");
    assert.equal(both.possibleMatches.length, 1);

    // The same list twice, or a damaged one: refused, nothing changes.
    assert.equal(thrown(() => checker.addList(scam)).code, "duplicateList");
    const damaged = Uint8Array.from(scam);
    damaged[100] ^= 4;
    assert.equal(thrown(() => checker.addList(damaged)).code, "corrupt");
    assert.equal(checker.info().length, 3);
    checker.free();
  });
});

describe("memory", () => {
  test("creating and freeing 10,000 checkers keeps the Wasm memory flat", () => {
    const cycle = () => {
      const c = Checker.fromBytes(FILTER);
      c.check(entries[0].address);
      c.checkMany(`${entries[1].address}\nbc1qxyz, 1BoatSLRHtKNngkdXEeobR76b53LETtpyT`);
      c.free();
    };
    for (let i = 0; i < 200; i++) cycle();
    const before = memoryBytes();
    for (let i = 0; i < 10_000; i++) cycle();
    assert.equal(memoryBytes(), before, `grew from ${before} to ${memoryBytes()} bytes`);
  });

  test("two instances of the module side by side each check in their own memory", async () => {
    // Two URLs of one file: two instances, sharing the JavaScript helpers.
    const url = pathToFileURL(join(PKG, "node/addrcheck.js")).href;
    const [a, b] = await Promise.all([import(`${url}?first`), import(`${url}?second`)]);
    assert.notEqual(a.Checker, b.Checker);
    const checkers = [a.Checker.fromBytes(FILTER), b.Checker.fromBytes(FILTER), Checker.fromBytes(FILTER)];
    const listed = entries.find((e) => /^0x(?=.*[a-f])(?=.*[A-F])/.test(e.address)).address;
    const clear = `0x${"12".repeat(20)}`;
    for (const c of [...checkers, ...checkers.reverse()]) {
      assert.equal(c.check(listed).status, "flagged");
      assert.equal(c.check(listed.toLowerCase()).normalized, listed);
      assert.equal(c.check(clear).status, "clear");
      assert.deepEqual(
        c.checkMany([listed, clear]).map((r) => r.status),
        ["flagged", "clear"],
      );
      assert.deepEqual(
        c.checkMany(`${listed}\n${clear}`).map((r) => r.status),
        ["flagged", "clear"],
      );
    }
    for (const c of checkers) c.free();
  });

  test("a freed checker cannot be used, and `using` frees it", () => {
    const c = Checker.fromBytes(FILTER);
    c.free();
    assert.throws(() => c.check(entries[0].address));
    assert.equal(typeof Checker.prototype[Symbol.dispose], "function");
  });
});

describe("the web build", () => {
  test("gives the same results as the Node build, and frees its memory too", async () => {
    const web = await import(join(PKG, "web/addrcheck.js"));
    const exports = web.initSync({ module: readFileSync(join(PKG, "web/addrcheck_bg.wasm")) });
    const checker = web.Checker.fromBytes(FILTER);
    const node = Checker.fromBytes(FILTER);
    const sample = [...entries.map((e) => e.address), "hello", "", base58checkEncode(Uint8Array.of(0, ...new Array(20).fill(7)))];
    assert.deepEqual(checker.checkMany(sample, { normalized: true }), node.checkMany(sample, { normalized: true }));
    assert.equal(web.memoryBytes(), exports.memory.buffer.byteLength);
    for (let i = 0; i < 200; i++) web.Checker.fromBytes(FILTER).free();
    const before = exports.memory.buffer.byteLength;
    for (let i = 0; i < 10_000; i++) {
      const c = web.Checker.fromBytes(FILTER);
      c.check(entries[i % entries.length].address);
      c.free();
    }
    assert.equal(exports.memory.buffer.byteLength, before);
    const e = thrown(() => web.Checker.fromBytes(FILTER.subarray(0, 100)));
    assert.equal(e.code, "truncated");
    checker.free();
    node.free();
  });
});
