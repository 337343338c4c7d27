// The example wallet extension (examples/wallet-extension) in headless
// Chromium: its popup, its context-menu handler, and its warning before a
// dapp's transaction to a flagged address, on a local test page with a fake
// window.ethereum. The extension holds the package copied in by
// examples/wallet-extension/build.sh (scripts/test-wasm-module.sh runs it).
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { launchWithExtension } from "./lib/chromium.mjs";
import { ofacEntries } from "./lib/ofac.mjs";
import { ARTIFACTS, EXTENSION, ROOT } from "./lib/paths.mjs";
import { serve } from "./lib/server.mjs";

const entries = ofacEntries();
const flaggedEth = entries.find((e) => e.asset === "ETH" && /^0x[0-9a-fA-F]{40}$/.test(e.address));
const flaggedBtc = entries.find((e) => e.asset === "XBT" && e.address.startsWith("1"));
const CLEAR_ETH = "0x52908400098527886e0f7030069857d2e4169ee7";
const USDT = "0xdac17f958d2ee523a2206206994597c13d831ec7";
const tested = [flaggedEth.address, flaggedBtc.address, CLEAR_ETH];

/** ERC-20 transfer(to, amount) call data. */
function transferData(to, amount = 1000n) {
  return `0xa9059cbb${to.slice(2).toLowerCase().padStart(64, "0")}${amount.toString(16).padStart(64, "0")}`;
}

async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

before(() => {
  assert.ok(
    existsSync(join(EXTENSION, "addrcheck/web/addrcheck.js")),
    "the package is not in the extension: run examples/wallet-extension/build.sh",
  );
});

describe("the example wallet extension", () => {
  let browser;
  let site;
  before(async () => {
    site = await serve(join(ROOT, "tests/npm/pages"));
    browser = await launchWithExtension(EXTENSION);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test("is Manifest V3 with the strict CSP, no host permissions, no remote code", () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION, "manifest.json"), "utf8"));
    assert.equal(manifest.manifest_version, 3);
    assert.deepEqual(manifest.content_security_policy, {
      extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'",
    });
    assert.deepEqual(manifest.permissions, ["contextMenus"]);
    assert.equal(manifest.host_permissions, undefined);
    assert.equal(manifest.externally_connectable, undefined);
    assert.deepEqual(
      manifest.content_scripts.map((c) => c.world ?? "ISOLATED"),
      ["MAIN", "ISOLATED"],
    );
  });

  test("popup: a pasted address gets its verdict, with names, source and date", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.id}/popup.html`);
    await page.fill("#address", `${flaggedEth.address}\n${CLEAR_ETH}\n${flaggedBtc.address.slice(0, -1)}x\nhello`);
    await page.click("button[type=submit]");
    const cards = page.locator("#results .verdict");
    await cards.first().waitFor();
    assert.deepEqual(await cards.evaluateAll((els) => els.map((e) => e.dataset.status)), ["flagged", "clear", "invalid", "unrecognized"]);
    const flagged = await cards.nth(0).innerText();
    assert.match(flagged, /Flagged/);
    assert.match(flagged, /OFAC SDN, as of 2025-11-27/);
    for (const name of flaggedEth.names) assert.ok(flagged.includes(name), `${name} in ${flagged}`);
    assert.match(await cards.nth(1).innerText(), /Not listed/);
    assert.match(await cards.nth(2).innerText(), /checksum|character/);
    assert.match(await page.locator("#lists").innerText(), /OFAC SDN as of 2025-11-27 \(\d{3},?\d* addresses\)/);
    await screenshot(page, "popup");
    await page.close();
  });

  test("context menu: the entry exists, and its handler shows the verdict of the selection", async () => {
    // A headless browser has no context menu to click: check that the entry
    // is registered (update() rejects for an unknown id) and call the handler
    // the menu calls.
    await browser.worker.evaluate(() => chrome.contextMenus.update("addrcheck-check", {}));
    const opened = browser.context.waitForEvent("page", { predicate: (p) => p.url().includes("/verdict.html") });
    await browser.worker.evaluate(
      (text) => globalThis.onContextMenuClick({ menuItemId: "addrcheck-check", selectionText: text }),
      `  ${flaggedBtc.address} `,
    );
    const page = await opened;
    await page.waitForSelector("body[data-ready=true]");
    const card = page.locator("#results .verdict");
    assert.equal(await card.count(), 1);
    assert.equal(await card.getAttribute("data-status"), "flagged");
    const text = await card.innerText();
    for (const name of flaggedBtc.names) assert.ok(text.includes(name), `${name} in ${text}`);
    assert.ok(!page.url().includes(flaggedBtc.address), "the address is not in the URL");
    await screenshot(page, "context-menu-verdict");
    // The verdict is handed over once.
    await page.reload();
    await page.waitForSelector("body[data-ready=true]");
    assert.equal(await page.locator("[data-status=unavailable]").getAttribute("data-code"), "expired");
    await page.close();
  });

  test("dapp: a transaction to a flagged address is held until the user chooses", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/dapp.html`);
    const tx = { from: "0x1111111111111111111111111111111111111111", to: flaggedEth.address.toLowerCase(), value: "0x1" };

    const cancelled = page.evaluate((t) => window.dapp.request("eth_sendTransaction", [t]), tx);
    const dialog = page.locator("addrcheck-warning [role=alertdialog]");
    await dialog.waitFor();
    const warning = await dialog.innerText();
    assert.match(warning, /flagged address/);
    assert.match(warning, /OFAC SDN \(as of 2025-11-27\)/);
    assert.ok(warning.includes(flaggedEth.names[0]), warning);
    await screenshot(page, "dapp-warning");
    await dialog.getByRole("button", { name: "Cancel transaction" }).click();
    assert.equal((await cancelled).error, 4001);
    assert.deepEqual(await page.evaluate(() => window.walletCalls), [], "the wallet never saw it");

    const sent = page.evaluate((t) => window.dapp.request("eth_sendTransaction", [t]), tx);
    await dialog.getByRole("button", { name: "Send anyway" }).click();
    assert.match((await sent).result, /^0x(ab){32}$/);
    assert.deepEqual(await page.evaluate(() => window.walletCalls.map((c) => c.params[0].to)), [tx.to]);
    assert.equal(await page.locator("addrcheck-warning").count(), 0);
    await page.close();
  });

  test("dapp: clear recipients and other requests pass without a warning", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/dapp.html`);
    assert.deepEqual((await page.evaluate(() => window.dapp.request("eth_requestAccounts", []))).result, [
      "0x1111111111111111111111111111111111111111",
    ]);
    const tx = { to: CLEAR_ETH, value: "0x1" };
    const sent = await page.evaluate((t) => window.dapp.request("eth_sendTransaction", [t]), tx);
    assert.match(sent.result, /^0x/);
    assert.equal(await page.locator("addrcheck-warning").count(), 0);
    assert.deepEqual(await page.evaluate(() => window.walletCalls.map((c) => c.method)), ["eth_requestAccounts", "eth_sendTransaction"]);
    await page.close();
  });

  test("dapp: a token transfer to a flagged recipient is warned about", async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.url}/dapp.html`);
    const tx = { to: USDT, data: transferData(flaggedEth.address) };
    const cancelled = page.evaluate((t) => window.dapp.request("eth_sendTransaction", [t]), tx);
    const dialog = page.locator("addrcheck-warning [role=alertdialog]");
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /token recipient/);
    await dialog.getByRole("button", { name: "Cancel transaction" }).click();
    assert.equal((await cancelled).error, 4001);
    await page.close();
  });

  test("no request left the browser with an address in it", () => {
    const foreign = browser.requests.filter((u) => !u.startsWith("chrome-extension://") && !u.startsWith(site.url));
    assert.deepEqual(foreign, []);
    const lower = tested.map((a) => a.toLowerCase());
    for (const url of browser.requests) {
      for (const a of lower) assert.ok(!url.toLowerCase().includes(a.slice(2)), `${url} carries ${a}`);
    }
  });
});

describe("the example wallet extension with a damaged list", () => {
  let browser;
  let site;
  let copy;
  before(async () => {
    copy = mkdtempSync(join(tmpdir(), "addrcheck-extension-"));
    cpSync(EXTENSION, copy, { recursive: true });
    const path = join(copy, "addrcheck/ofac.filter");
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] ^= 1;
    writeFileSync(path, bytes);
    site = await serve(join(ROOT, "tests/npm/pages"));
    browser = await launchWithExtension(copy);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
    rmSync(copy, { recursive: true, force: true });
  });

  test("fails closed: no verdict in the popup, a warning before every transaction", async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.id}/popup.html`);
    await page.fill("#address", CLEAR_ETH);
    await page.click("button[type=submit]");
    const box = page.locator("#results [data-status=unavailable]");
    await box.waitFor();
    assert.equal(await box.getAttribute("data-code"), "corrupt");
    assert.equal(await page.locator("[data-status=clear]").count(), 0);
    await screenshot(page, "popup-corrupt-list");

    const dapp = await browser.context.newPage();
    await dapp.goto(`${site.url}/dapp.html`);
    const sent = dapp.evaluate((t) => window.dapp.request("eth_sendTransaction", [t]), { to: CLEAR_ETH });
    const dialog = dapp.locator("addrcheck-warning [role=alertdialog]");
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /could not check[\s\S]*corrupt/);
    await dialog.getByRole("button", { name: "Cancel transaction" }).click();
    assert.equal((await sent).error, 4001);
  });
});
