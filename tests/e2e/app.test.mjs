// End-to-end tests of the addrcheck web app in headless Chromium.
//
// Run by scripts/test-browser.sh, which builds the app (trunk build --release),
// serves copies of dist/ from 127.0.0.1 (ok/, corrupt/, truncated/, missing/:
// the filter intact, one bit flipped, cut in half, deleted; nowasm/: the app's
// Wasm deleted) and sets:
//   ADDRCHECK_BASE_URL  http://127.0.0.1:PORT
//   ADDRCHECK_FILTER    path of www/ofac.filter (for its SHA-256)
//   ADDRCHECK_LISTS     path of ../shared/data/ofac/2025-11-27 (raw OFAC lists)
//   CHROMIUM            the browser binary (default /usr/bin/chromium)
// Screenshots of the main states go to tests/e2e/artifacts/.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const BASE = required('ADDRCHECK_BASE_URL').replace(/\/$/, '');
const FILTER = required('ADDRCHECK_FILTER');
const LISTS = required('ADDRCHECK_LISTS');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/test-browser.sh`);
  return value;
}

// ---- The raw OFAC lists -----------------------------------------------------

/** Entries of one list file: `ADDRESS;Name` or `ADDRESS;"Name;Alias;..."`. */
function readList(file) {
  return readFileSync(join(LISTS, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const i = line.indexOf(';');
      const address = (i < 0 ? line : line.slice(0, i)).trim();
      let rest = i < 0 ? '' : line.slice(i + 1).trim();
      if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1);
      return { address, names: rest.split(';').map((n) => n.trim()).filter(Boolean) };
    });
}

const ETH = readList('sanctioned_addresses_ETH.txt');
// A listed EIP-55 (mixed-case) address: its checksum can be broken by one case flip.
const LISTED = ETH.find((e) => /[a-f]/.test(e.address.slice(2)) && /[A-F]/.test(e.address.slice(2)));
assert.ok(LISTED, 'no mixed-case ETH entry in the list');

/** Distinct addresses over all lists (EVM case-insensitive), as the filter counts keys. */
function distinctAddresses() {
  const seen = new Set();
  for (const file of readdirSync(LISTS).filter((f) => f.endsWith('.txt'))) {
    for (const { address } of readList(file)) {
      seen.add(address.startsWith('0x') ? address.toLowerCase() : address);
    }
  }
  return seen.size;
}

/** The same EIP-55 address with one letter's case flipped: a checksum typo. */
function breakChecksum(address) {
  const chars = [...address];
  const i = chars.findIndex((c, k) => k > 1 && /[a-fA-F]/.test(c));
  chars[i] = chars[i] === chars[i].toLowerCase() ? chars[i].toUpperCase() : chars[i].toLowerCase();
  return chars.join('');
}

const randomEvm = () => '0x' + randomBytes(20).toString('hex');

// ---- Browser ----------------------------------------------------------------

let browser;

before(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/**
 * A fresh page on one copy of the app, recording every request, console
 * message, page error and CSP violation.
 */
async function open(variant, { width = 1000, height = 800, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const log = { requests: [], console: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(e.message));
  await page.goto(`${BASE}/${variant}/`);
  return { page, context, log };
}

/** Wait until the list has loaded and verified, and the network is quiet. */
async function ready(page) {
  await page.getByTestId('list-info').waitFor();
  await page.waitForLoadState('networkidle');
}

async function check(page, text) {
  await page.locator('#address').fill(text);
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  return verdict;
}

const shot = (page, name) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

// ---- The intact app ---------------------------------------------------------

describe('with the bundled filter', () => {
  test('shows the list metadata: name, as-of date, key count, SHA-256 of the file', async () => {
    const { page, context, log } = await open('ok');
    await ready(page);
    await shot(page, '01-ready');
    const info = page.getByTestId('list-info');
    assert.match(await info.getByTestId('list-name').innerText(), /OFAC/);
    assert.deepEqual(await info.getByTestId('as-of').allInnerTexts(), ['2025-11-27']);
    assert.equal(await info.getByTestId('keys').innerText(), String(distinctAddresses()));
    const sha256 = createHash('sha256').update(readFileSync(FILTER)).digest('hex');
    assert.equal(await info.getByTestId('sha256').innerText(), sha256);
    assert.match(await info.getByTestId('fp-rate').innerText(), /1 in [\d,]+/);
    assert.equal(await page.locator('#address').isEnabled(), true);
    // Nothing blocked by the Content-Security-Policy, no errors.
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.startsWith('error')), []);
    await context.close();
  });

  test('a listed address is flagged with its entity name, in any letter case', async () => {
    const { page, context } = await open('ok');
    await ready(page);
    for (const [form, name] of [[LISTED.address, '02-flagged'], [LISTED.address.toLowerCase(), '03-flagged-lowercase']]) {
      const verdict = await check(page, form);
      assert.equal(await verdict.getAttribute('data-status'), 'flagged', form);
      const text = await verdict.innerText();
      assert.match(text, /Flagged/);
      assert.ok(text.includes(LISTED.names[0]), `entity name ${LISTED.names[0]} missing: ${text}`);
      assert.match(text, /2025-11-27/);
      assert.equal(await page.getByTestId('normalized').innerText(), LISTED.address);
      await shot(page, name);
    }
    await context.close();
  });

  test('Enter re-checks and selects the text for the next paste', async () => {
    const { page, context } = await open('ok');
    await ready(page);
    await check(page, LISTED.address);
    await page.locator('#address').press('Enter');
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'flagged');
    const selected = await page.locator('#address').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
    assert.equal(selected, LISTED.address);
    await context.close();
  });

  test('a random valid address is not listed, on which list and as of when', async () => {
    const { page, context } = await open('ok');
    await ready(page);
    const verdict = await check(page, randomEvm());
    assert.equal(await verdict.getAttribute('data-status'), 'clear');
    const text = await verdict.innerText();
    assert.match(text, /Not listed/);
    assert.match(text, /OFAC SDN as of 2025-11-27/);
    await shot(page, '04-not-listed');
    await context.close();
  });

  test('a mistyped EIP-55 address is invalid: checksum', async () => {
    const { page, context } = await open('ok');
    await ready(page);
    const verdict = await check(page, breakChecksum(LISTED.address));
    assert.equal(await verdict.getAttribute('data-status'), 'invalid');
    assert.match(await verdict.innerText(), /checksum/);
    await shot(page, '05-invalid-checksum');
    await context.close();
  });

  test('text in no known format is unrecognised', async () => {
    const { page, context } = await open('ok');
    await ready(page);
    const verdict = await check(page, 'not an address');
    assert.equal(await verdict.getAttribute('data-status'), 'unrecognized');
    assert.match(await verdict.innerText(), /Unrecognised format/);
    await page.locator('#address').fill('');
    assert.equal(await page.getByTestId('verdict').count(), 0, 'an empty box shows no verdict');
    await context.close();
  });

  test('after load, checking makes no network request and leaves no trace', async () => {
    const { page, context, log } = await open('ok');
    await ready(page);
    log.requests.length = 0;
    const inputs = [LISTED.address, LISTED.address.toLowerCase(), randomEvm(), breakChecksum(LISTED.address), 'hello'];
    for (const text of inputs) {
      await check(page, text);
      await page.locator('#address').press('Enter');
    }
    await page.getByRole('button', { name: 'Clear' }).click();
    await page.waitForTimeout(500);
    assert.deepEqual(log.requests, [], 'requests made while checking');
    // Never in the URL, storage or the console.
    assert.equal(page.url(), `${BASE}/ok/`);
    const storage = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]);
    assert.deepEqual(storage, [0, 0, '']);
    for (const text of inputs) {
      for (const message of log.console) {
        assert.ok(!message.includes(text), `console mentions an input: ${message}`);
      }
    }
    await context.close();
  });

  test('looks right at 360px and in dark mode', async () => {
    for (const [name, options] of [
      ['06-mobile-360', { width: 360, height: 740 }],
      ['07-dark', { colorScheme: 'dark' }],
    ]) {
      const { page, context } = await open('ok', options);
      await ready(page);
      await check(page, LISTED.address);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(overflow, false, `${name}: horizontal scrolling`);
      await shot(page, name);
      await context.close();
    }
  });
});

// ---- Fail closed ------------------------------------------------------------

describe('with a damaged or missing filter, checking is unavailable', () => {
  for (const [variant, reason] of [
    ['corrupt', /corrupt: SHA-256 mismatch/],
    ['truncated', /truncated/],
    ['missing', /missing \(HTTP 404\)/],
  ]) {
    test(`${variant} filter`, async () => {
      const { page, context } = await open(variant);
      const notice = page.getByTestId('unavailable');
      await notice.waitFor();
      const text = await notice.innerText();
      assert.match(text, /Checking is unavailable: /);
      assert.match(text, reason);
      assert.equal(await page.locator('#address').isDisabled(), true, 'the input must be disabled');
      assert.equal(await page.getByTestId('verdict').count(), 0);
      assert.equal(await page.getByTestId('list-info').count(), 0, 'no metadata from an unverified file');
      // Even scripted input gives no verdict.
      await page.locator('#address').evaluate((el, value) => {
        el.disabled = false;
        el.value = value;
        el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }, LISTED.address);
      await page.waitForTimeout(200);
      assert.equal(await page.getByTestId('verdict').count(), 0, 'a verdict appeared without a verified filter');
      await shot(page, `08-unavailable-${variant}`);
      await context.close();
    });
  }

  test('the app itself cannot start', async () => {
    const { page, context } = await open('nowasm');
    const notice = page.getByTestId('unavailable');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Checking is unavailable: the app could not start/);
    assert.equal(await page.locator('#address').count(), 0);
    assert.equal(await page.getByTestId('verdict').count(), 0);
    await shot(page, '08-unavailable-nowasm');
    await context.close();
  });
});
