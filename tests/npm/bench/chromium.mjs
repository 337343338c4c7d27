// The package benchmarks in headless Chromium (run by
// scripts/bench-wasm-module.sh): the same suite as in Node, in a page served
// from 127.0.0.1 with the package's web build.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { ofacEntries } from "../lib/ofac.mjs";
import { CHROMIUM, PKG, ROOT } from "../lib/paths.mjs";
import { serve } from "../lib/server.mjs";

const site = mkdtempSync(join(tmpdir(), "addrcheck-bench-"));
cpSync(join(ROOT, "tests/npm/bench"), site, { recursive: true });
cpSync(PKG, join(site, "pkg"), { recursive: true });
// Cross-origin isolated, so performance.now() ticks in microseconds rather
// than in coarse steps (the batched benchmarks time batches of 1,000).
const server = await serve(site, { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(e));
  await page.goto(`${server.url}/page.html`);
  await page.waitForSelector("body[data-ready=true]");
  if (!(await page.evaluate(() => self.crossOriginIsolated))) throw new Error("the bench page is not cross-origin isolated");
  const text = await page.evaluate((listed) => window.runBench(listed), ofacEntries().map((e) => e.address));
  console.log(text);
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
