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
const server = await serve(site);
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox"] });
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(e));
  await page.goto(`${server.url}/page.html`);
  await page.waitForSelector("body[data-ready=true]");
  const text = await page.evaluate((listed) => window.runBench(listed), ofacEntries().map((e) => e.address));
  console.log(text);
} finally {
  await browser.close();
  await server.close();
  rmSync(site, { recursive: true, force: true });
}
