// Privacy and offline use, against a server of the test's own: it counts every
// request it gets (the service worker's too) and can be switched off.
// See lib.mjs for the set-up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  EXTRA_FILTER, FILTER, LISTED, SCAM, breakChecksum, check, copyOfApp, done, fillBatch, launch, open,
  paste, pick, randomEvm, ready, serve, shot,
} from './lib.mjs';

let browser;
const servers = [];
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
  // Also after a failure, so that nothing keeps the test process alive.
  await Promise.all(servers.map((s) => s.close()));
});

async function serveCopy() {
  const server = await serve(copyOfApp());
  servers.push(server);
  return server;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe('privacy', () => {
  test('after the page has loaded, checking makes no request and leaves no trace', async () => {
    const server = await serveCopy();
    const { page, context, log, url } = await open(browser, server.url);
    await ready(page);
    await page.waitForTimeout(300);
    const historyBefore = await page.evaluate(() => history.length);
    server.requests.length = 0;
    log.requests.length = 0;

    const inputs = [LISTED.address, LISTED.address.toLowerCase(), randomEvm(), breakChecksum(LISTED.address), 'hello'];
    for (const text of inputs) {
      await check(page, text);
      await page.locator('#address').press('Enter');
    }
    await page.getByRole('button', { name: 'Clear' }).click();
    const batch = [...inputs, ...SCAM.slice(0, 20)];
    await fillBatch(page, batch.join('\n'));
    await page.getByTestId('show').selectOption('hits');
    await page.getByTestId('flagged-first').check();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    assert.ok(readFileSync(await download.path(), 'utf8').includes(LISTED.address));
    await paste(page, Array.from({ length: 5000 }, randomEvm).join('\n'));
    await done(page);
    await pick(page, '#list-file', { name: 'team.filter', mimeType: 'application/octet-stream', buffer: readFileSync(EXTRA_FILTER) });
    await page.locator('[data-testid=list-info][data-origin=file]').waitFor();
    await done(page);
    await pick(page, '#text-file', { name: 'payees.txt', mimeType: 'text/plain', buffer: Buffer.from(batch.join('\n')) });
    await done(page);
    await page.waitForTimeout(500);

    assert.deepEqual(server.requests, [], 'the server was asked for something while checking');
    assert.deepEqual(log.requests, [], 'the page made requests while checking');
    // Never in the URL, storage or the console.
    assert.equal(page.url(), url);
    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      session: sessionStorage.length,
      cookie: document.cookie,
      history: history.length,
      databases: (await indexedDB.databases()).length,
    }));
    assert.deepEqual(storage, { local: 0, session: 0, cookie: '', history: historyBefore, databases: 0 });
    // The offline cache holds the page's own files, and nothing else.
    const cached = await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      }
      return urls;
    });
    const files = ['/', '/index.html', '/ofac.filter', '/sw.js'];
    for (const path of cached) {
      assert.ok(files.includes(path) || /^\/[a-z-]+-[0-9a-f]+(_bg)?\.(js|wasm|css|svg)$/.test(path), `cached: ${path}`);
    }
    for (const text of [...inputs, SCAM[0]]) {
      for (const message of log.console) assert.ok(!message.includes(text), `console mentions an input: ${message}`);
      for (const path of cached) assert.ok(!path.includes(text));
    }
    await context.close();
  });
});

describe('offline', () => {
  test('after a first visit, the page and its list work with the network off', async () => {
    const server = await serveCopy();
    const { page, context, log, url } = await open(browser, server.url);
    await ready(page);
    assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'the service worker controls the page');
    await server.close();
    await context.setOffline(true);
    // The server is really gone: nothing could answer without the offline copy.
    await assert.rejects(fetch(url));

    log.errors.length = 0;
    await page.reload();
    await ready(page);
    assert.equal(await page.getByTestId('sha256').innerText(), sha256(readFileSync(FILTER)));
    const verdict = await check(page, LISTED.address);
    assert.equal(await verdict.getAttribute('data-status'), 'flagged');
    assert.ok((await verdict.innerText()).includes(LISTED.names[0]));
    await shot(page, '30-offline');
    // A new visit in the same browser, offline too.
    const again = await context.newPage();
    await again.goto(url);
    await again.getByTestId('list-info').waitFor();
    assert.equal(await (await check(again, randomEvm())).getAttribute('data-status'), 'clear');
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a new build replaces the offline copy', async () => {
    const server = await serveCopy();
    const dir = server.dir;
    const { page, context } = await open(browser, server.url);
    await ready(page);
    const first = await page.evaluate(() => caches.keys());
    assert.equal(first.length, 1);

    // A new build: another list under the same name, so a new service worker version.
    copyFileSync(EXTRA_FILTER, join(dir, 'ofac.filter'));
    const sw = readFileSync(join(dir, 'sw.js'), 'utf8');
    const version = sw.match(/const VERSION = '([0-9a-f]+)'/)[1];
    writeFileSync(join(dir, 'sw.js'), sw.replace(version, 'f'.repeat(version.length)));

    // Online, the new list is used at once, and the new worker takes over.
    await page.reload();
    await page.getByTestId('list-info').waitFor();
    assert.equal(await page.getByTestId('list-name').innerText(), 'ScamSniffer');
    await page.waitForFunction(async () => {
      const keys = await caches.keys();
      return keys.length === 1 && keys[0].endsWith('f'.repeat(16));
    });

    // Offline, the new build is what the cache serves.
    await server.close();
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('list-info').waitFor();
    assert.equal(await page.getByTestId('list-name').innerText(), 'ScamSniffer');
    assert.equal(await page.getByTestId('sha256').innerText(), sha256(readFileSync(EXTRA_FILTER)));
    assert.equal(await (await check(page, SCAM[0])).getAttribute('data-status'), 'flagged');
    await context.close();
  });
});
