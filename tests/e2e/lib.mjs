// Shared set-up of the end-to-end tests (not a test file itself).
//
// scripts/test-browser.sh builds the app (trunk build --release), serves copies
// of dist/ from 127.0.0.1 (ok/, corrupt/, truncated/, missing/: the filter
// intact, one bit flipped, cut in half, deleted; nowasm/: the app's Wasm
// deleted), builds extra lists with `addrcheck build`, and sets:
//   ADDRCHECK_BASE_URL   http://127.0.0.1:PORT (the copies above)
//   ADDRCHECK_SITE       the directory served there (tests copy ok/ from it)
//   ADDRCHECK_FILTER     path of www/ofac.filter (for its SHA-256)
//   ADDRCHECK_LISTS      path of ../shared/data/ofac/2025-11-27 (raw OFAC lists)
//   ADDRCHECK_SCAMSNIFFER          ../shared/data/scamsniffer/address.json
//   ADDRCHECK_EXTRA_FILTER         a filter built from it (source ScamSniffer, as of 2025-11-01)
//   ADDRCHECK_EXTRA_NODETAILS      the same without a details section
//   CHROMIUM             the browser binary (default /usr/bin/chromium)
// Screenshots go to tests/e2e/artifacts/.

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run scripts/test-browser.sh`);
  return value;
}

export const BASE = required('ADDRCHECK_BASE_URL').replace(/\/$/, '');
export const SITE = required('ADDRCHECK_SITE');
export const FILTER = required('ADDRCHECK_FILTER');
export const LISTS = required('ADDRCHECK_LISTS');
export const SCAMSNIFFER = required('ADDRCHECK_SCAMSNIFFER');
export const EXTRA_FILTER = required('ADDRCHECK_EXTRA_FILTER');
export const EXTRA_NODETAILS = required('ADDRCHECK_EXTRA_NODETAILS');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

// ---- The raw lists ------------------------------------------------------------

/** Entries of one OFAC list file: `ADDRESS;Name` or `ADDRESS;"Name;Alias;..."`. */
export function readList(file) {
  return readFileSync(join(LISTS, file), 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const i = line.indexOf(';');
      const address = (i < 0 ? line : line.slice(0, i)).trim();
      let rest = i < 0 ? '' : line.slice(i + 1).trim();
      if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1);
      return { address, names: rest.split(';').map((n) => n.trim()).filter(Boolean), file };
    });
}

/** Every entry of every per-asset .txt list. */
export function allEntries() {
  return readdirSync(LISTS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .flatMap(readList);
}

export const ETH = readList('sanctioned_addresses_ETH.txt');
const mixedCase = (a) => /[a-f]/.test(a.slice(2)) && /[A-F]/.test(a.slice(2));
/** Listed EIP-55 (mixed-case) addresses: their checksum can be broken by one case flip. */
export const MIXED_CASE = ETH.filter((e) => mixedCase(e.address));
export const LISTED = MIXED_CASE[0];
assert.ok(LISTED, 'no mixed-case ETH entry in the list');

/** Distinct addresses over all lists (EVM case-insensitive), as the filter counts keys. */
export function distinctAddresses() {
  return new Set(allEntries().map(({ address }) => (address.startsWith('0x') ? address.toLowerCase() : address))).size;
}

/** The ScamSniffer community list: lower-case EVM addresses. */
export const SCAM = JSON.parse(readFileSync(SCAMSNIFFER, 'utf8'));

/** The same EIP-55 address with one letter's case flipped: a checksum typo. */
export function breakChecksum(address) {
  const chars = [...address];
  const i = chars.findIndex((c, k) => k > 1 && /[a-fA-F]/.test(c));
  chars[i] = chars[i] === chars[i].toLowerCase() ? chars[i].toUpperCase() : chars[i].toLowerCase();
  return chars.join('');
}

/**
 * The legacy Base58Check form of a Bitcoin Cash CashAddr (`q…`/`p…`, prefix
 * optional): the same account written the old way (version 0x00 or 0x05).
 */
export function cashAddrToLegacy(cashaddr) {
  const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
  const payload = cashaddr.replace(/^bitcoincash:/, '');
  const values = [...payload].map((c) => CHARSET.indexOf(c)).slice(0, -8);
  const bytes = [];
  let acc = 0;
  let bits = 0;
  for (const v of values) {
    acc = (acc << 5) | v;
    bits += 5;
    while (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  const [versionByte, ...hash] = bytes.slice(0, 21);
  const body = Buffer.from([versionByte >> 3 === 1 ? 0x05 : 0x00, ...hash]);
  const sha = (b) => createHash('sha256').update(b).digest();
  const full = Buffer.concat([body, sha(sha(body)).subarray(0, 4)]);
  const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = BigInt('0x' + full.toString('hex'));
  let out = '';
  while (n > 0n) {
    out = ALPHABET[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of full) {
    if (b !== 0) break;
    out = '1' + out;
  }
  return out;
}

/** A random valid (all lower-case) EVM address: on no list. */
export const randomEvm = () => '0x' + randomBytes(20).toString('hex');

// ---- Browser ----------------------------------------------------------------------

export function launch() {
  return chromium.launch({
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
}

/**
 * A fresh page on one copy of the app (a variant name, or a full URL),
 * recording every request, console message and page error.
 */
export async function open(browser, where, { width = 1100, height = 900, colorScheme = 'light', time } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  if (time) await page.clock.setFixedTime(new Date(time));
  const log = { requests: [], console: [], errors: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  context.on('request', (r) => log.requests.push(r.url()));
  page.on('console', (m) => log.console.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.errors.push(e.message));
  const url = where.startsWith('http') ? where : `${BASE}/${where}/`;
  await page.goto(url);
  return { page, context, log, url };
}

/** Wait until the list has loaded and verified, the offline copy is in place and the network is quiet. */
export async function ready(page) {
  await page.getByTestId('list-info').first().waitFor();
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForLoadState('networkidle');
}

/** Type (fill) `text` into the box and wait for its single verdict. */
export async function check(page, text) {
  await page.locator('#address').fill(text);
  const verdict = page.getByTestId('verdict');
  await verdict.waitFor();
  return verdict;
}

/** Replace the box's text with a batch by pasting, and wait until it is checked. */
export async function fillBatch(page, text) {
  await paste(page, text);
  await done(page);
}

/**
 * Paste `text` over the box's text as a user would (clipboard, Ctrl+A, Ctrl+V).
 * (Playwright's fill() types multi-line text line by line: seconds for 1,000 lines.)
 */
export async function paste(page, text) {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator('#address').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Control+V');
}

/** Wait until a batch is fully checked. */
export async function done(page, timeout = 60_000) {
  await page.locator('[data-testid=batch-summary][data-state=done]').waitFor({ timeout });
}

/** The summary counts shown, by status. */
export async function counts(page) {
  const items = await page.getByTestId('summary').locator('li').evaluateAll((els) =>
    els.map((el) => [el.dataset.testid.replace('count-', ''), Number(el.dataset.count)]),
  );
  return Object.fromEntries(items);
}

export const shot = (page, name, fullPage = true) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

/** Put a file into a file input (the pickers are hidden inputs behind buttons). */
export async function pick(page, selector, file) {
  await page.locator(selector).setInputFiles(file);
}

/** Drop files on the text box, as from a file manager. */
export async function drop(page, files) {
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
    return dt;
  }, files.map((f) => ({ name: f.name, type: f.type || '', bytes: [...f.buffer] })));
  const zone = page.getByTestId('dropzone');
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

// ---- CSV --------------------------------------------------------------------------

/** RFC 4180 rows (quoted fields, doubled quotes, CRLF), BOM dropped. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---- A server of our own ----------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.filter': 'application/octet-stream',
};

/** A copy of the intact app in a temporary directory. */
export function copyOfApp() {
  const dir = mkdtempSync(join(tmpdir(), 'addrcheck-e2e-'));
  cpSync(join(SITE, 'ok'), dir, { recursive: true });
  return dir;
}

/**
 * Serve `dir` on 127.0.0.1 (a random port), counting every request it gets
 * (including the service worker's); `close()` takes it off the network.
 */
export async function serve(dir) {
  const requests = [];
  const sockets = new Set();
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    res.end(readFileSync(file));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/`;
  let closed = null;
  return {
    url,
    dir,
    requests,
    // Idempotent: a test may close it, and its suite's cleanup again.
    close: () =>
      (closed ??= new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      })),
  };
}
