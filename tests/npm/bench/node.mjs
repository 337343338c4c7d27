// The package benchmarks in Node (run by scripts/bench-wasm-module.sh).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { ofacEntries } from "../lib/ofac.mjs";
import { PKG, ROOT } from "../lib/paths.mjs";
import { report, runBenchmarks } from "./suite.mjs";

const web = pathToFileURL(join(PKG, "web/addrcheck.js")).href;
const results = await runBenchmarks({
  loadModule: (i) => import(`${web}?instance=${i}`),
  wasmBytes: readFileSync(join(PKG, "web/addrcheck_bg.wasm")),
  filterBytes: readFileSync(join(ROOT, "www/ofac.filter")),
  listed: ofacEntries().map((e) => e.address),
});
console.log(report(`Node ${process.version}`, results));
