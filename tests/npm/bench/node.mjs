// The package benchmarks in Node (run by scripts/bench-wasm-module.sh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ofacEntries } from "../lib/ofac.mjs";
import { PKG, ROOT } from "../lib/paths.mjs";
import { report, runBenchmarks } from "./suite.mjs";

// Node programs get the node build (package.json "exports"): it reads and
// instantiates its .wasm when imported, so loading is timed around the import.
// (The web build would work too, but its init checks for `Response`, and the
// first touch of that global makes Node load its fetch implementation, about
// 14 ms that have nothing to do with this module.)
const node = pathToFileURL(join(PKG, "node/addrcheck.js")).href;
const results = await runBenchmarks({
  load: async (i) => {
    const t0 = performance.now();
    const mod = await import(`${node}?instance=${i}`);
    return { mod, ms: performance.now() - t0 };
  },
  filterBytes: readFileSync(join(ROOT, "www/ofac.filter")),
  listed: ofacEntries().map((e) => e.address),
});
console.log(report(`Node ${process.version} (node build)`, results));
