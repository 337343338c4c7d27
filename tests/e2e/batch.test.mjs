// Many addresses at once: a pasted column, counts, the table, Export CSV,
// files read locally, and large or hostile input. See lib.mjs for the set-up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  LISTED, MIXED_CASE, allEntries, breakChecksum, counts, done, drop, fillBatch, launch, open,
  parseCsv, paste, pick, randomEvm, ready, shot,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A shuffled batch: `flagged` lines from the OFAC lists, `clear` random valid
 * addresses, `invalid` listed EIP-55 addresses with a broken checksum. */
function mixedBatch(flagged, clear, invalid) {
  const entries = allEntries();
  const lines = [];
  for (let i = 0; i < flagged; i++) {
    const e = entries[randomBytes(4).readUInt32LE() % entries.length];
    lines.push({ text: e.address, status: 'flagged', name: e.names[0] });
  }
  for (let i = 0; i < clear; i++) lines.push({ text: randomEvm(), status: 'clear' });
  for (let i = 0; i < invalid; i++) {
    lines.push({ text: breakChecksum(MIXED_CASE[i % MIXED_CASE.length].address), status: 'invalid' });
  }
  for (let i = lines.length - 1; i > 0; i--) {
    const j = randomBytes(4).readUInt32LE() % (i + 1);
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  return lines;
}

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
  return { name: download.suggestedFilename(), rows: parseCsv(readFileSync(await download.path(), 'utf8')) };
}

describe('a pasted batch', () => {
  test('1,000 mixed lines: exact summary counts, one row per line, and the exported CSV', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const lines = mixedBatch(300, 500, 200);
    await fillBatch(page, lines.map((l) => l.text).join('\n'));
    assert.deepEqual(await counts(page), { flagged: 300, clear: 500, invalid: 200 });
    assert.equal(
      (await page.getByTestId('summary').innerText()).replace(/[✕✓!?–]\s*/g, '').replace(/\s+/g, ' ').trim(),
      '300 flagged 500 not listed 200 invalid',
    );
    assert.match(await page.getByTestId('checked-against').innerText(), /Checked against OFAC SDN as of 2025-11-27\./);
    assert.match(await page.getByTestId('announce').innerText(), /^Checked 1,000 entries: 300 flagged · 500 not listed · 200 invalid\.$/);
    await shot(page, '10-batch-1000');

    // The table: 100 rows a page, in the pasted order.
    const rows = page.getByTestId('row');
    assert.equal(await rows.count(), 100);
    assert.equal(await page.getByTestId('pager-status').innerText(), 'Rows 1–100 of 1,000');
    const firstPage = await rows.evaluateAll((trs) => trs.map((tr) => [Number(tr.dataset.line), tr.dataset.status, tr.querySelector('[data-testid=row-input]').title]));
    assert.deepEqual(firstPage, lines.slice(0, 100).map((l, i) => [i + 1, l.status, l.text]));
    await page.getByTestId('next-page').click();
    assert.equal(await rows.first().getAttribute('data-line'), '101');

    // Only flagged (and possible), flagged first.
    await page.getByTestId('show').selectOption('hits');
    assert.equal(await page.getByTestId('pager-status').innerText(), 'Rows 1–100 of 300');
    assert.deepEqual([...new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status)))], ['flagged']);
    const firstFlagged = lines.findIndex((l) => l.status === 'flagged');
    const row = rows.first();
    assert.equal(await row.getAttribute('data-line'), String(firstFlagged + 1));
    if (lines[firstFlagged].name) assert.ok((await row.innerText()).includes(lines[firstFlagged].name));
    await shot(page, '11-batch-flagged-only');
    await page.getByTestId('show').selectOption('problems');
    assert.equal(await page.getByTestId('pager-status').innerText(), 'Rows 1–100 of 200');
    await page.getByTestId('show').selectOption('all');
    await page.getByTestId('flagged-first').check();
    const order = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.status));
    assert.deepEqual([...new Set(order)], ['flagged']);

    // Export CSV: every line, in order, whatever the table shows.
    const { name, rows: csv } = await exportCsv(page);
    assert.match(name, /^addrcheck-results-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...body] = csv;
    assert.deepEqual(header, ['line', 'input', 'verdict', 'status', 'chain', 'normalized', 'payment_uri', 'matched_list',
      'matched_source', 'entity_names', 'assets', 'detail', 'checked_against']);
    assert.equal(body.length, 1000);
    const col = Object.fromEntries(header.map((h, i) => [h, i]));
    const words = { flagged: 'Flagged', clear: 'Not listed', invalid: 'Invalid address' };
    body.forEach((r, i) => {
      const l = lines[i];
      assert.equal(r[col.line], String(i + 1));
      assert.equal(r[col.input], l.text);
      assert.equal(r[col.status], l.status, `line ${i + 1}: ${l.text}`);
      assert.equal(r[col.verdict], words[l.status]);
      assert.equal(r[col.checked_against], 'OFAC SDN as of 2025-11-27');
      if (l.status === 'flagged') {
        assert.equal(r[col.matched_source], 'OFAC SDN as of 2025-11-27');
        assert.equal(r[col.matched_list], 'OFAC sanctioned digital currency addresses');
        if (l.name) assert.ok(r[col.entity_names].split('; ').includes(l.name), `line ${i + 1}: ${l.name}`);
      } else {
        assert.equal(r[col.entity_names], '');
      }
      if (l.status === 'invalid') assert.equal(r[col.detail], 'Checksum mismatch, likely a typo');
      if (l.status === 'clear') assert.equal(r[col.normalized].toLowerCase(), l.text);
    });
    await context.close();
  });

  test('a spreadsheet paste: header skipped, quotes, commas, tabs, spaces and payment URIs', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const clear = randomEvm();
    const btc = 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq';
    const text = [
      'Wallet Address\tNote',
      `"${LISTED.address}"\t"Lazarus, maybe"`,
      `${clear}, ${LISTED.address.toLowerCase()}`,
      `bitcoin:${btc}?amount=0.5&label=Shop%20A`,
      `'${breakChecksum(LISTED.address)}' =SUM(A1)`,
    ].join('\n');
    await fillBatch(page, text);
    assert.match(await page.getByTestId('header-note').innerText(), /Skipped the header row \(line 1: “Wallet Address Note”\)/);
    assert.deepEqual(await counts(page), { flagged: 2, clear: 2, invalid: 1, unrecognized: 2 });
    const rows = await page.getByTestId('row').evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.line, tr.querySelector('[data-testid=row-input]').title, tr.dataset.status]),
    );
    assert.deepEqual(rows, [
      ['2', LISTED.address, 'flagged'],
      ['2', 'Lazarus, maybe', 'unrecognized'],
      ['3', clear, 'clear'],
      ['3', LISTED.address.toLowerCase(), 'flagged'],
      ['4', `bitcoin:${btc}?amount=0.5&label=Shop%20A`, 'clear'],
      ['5', breakChecksum(LISTED.address), 'invalid'],
      ['5', '=SUM(A1)', 'unrecognized'],
    ]);
    const uriRow = page.locator('[data-testid=row][data-line="4"]');
    assert.match(await uriRow.getByTestId('row-chain').innerText(), /Bitcoin segwit\s*payment URI/);
    assert.equal(await uriRow.getByTestId('row-normalized').innerText(), btc);
    // Long inputs are shortened in the middle; the full text is on hover and copied by the button.
    const first = page.locator('[data-testid=row][data-line="2"]').first();
    const shown = await first.getByTestId('row-input').innerText();
    assert.ok(shown.includes('…') && shown.length < LISTED.address.length, shown);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await first.getByRole('button', { name: 'Copy the input on line 2' }).click();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), LISTED.address);
    await shot(page, '12-spreadsheet-paste');
    // The formula-looking cell is defused in the CSV.
    const { rows: csv } = await exportCsv(page);
    assert.equal(csv.find((r) => r[0] === '5' && r[3] === 'unrecognized')[1], "'=SUM(A1)");
    await context.close();
  });

  test('a .csv file picked, a .txt file dropped and a UTF-16 text file are read locally', async () => {
    const { page, context, log } = await open(browser, 'ok');
    await ready(page);
    log.requests.length = 0;
    const clear = randomEvm();
    await pick(page, '#text-file', {
      name: 'payees.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`address,name\r\n${LISTED.address},Acme\r\n${clear},Bob\r\n`),
    });
    await done(page);
    assert.match(await page.getByTestId('from-file').innerText(), /Checking the contents of payees\.csv/);
    assert.deepEqual(await counts(page), { flagged: 1, clear: 1, unrecognized: 2 });
    assert.equal(await page.locator('#address').inputValue(), `address,name\r\n${LISTED.address},Acme\r\n${clear},Bob\r\n`.replace(/\r\n/g, '\n'));

    await drop(page, [{ name: 'one.txt', type: 'text/plain', buffer: Buffer.from(`${LISTED.address.toLowerCase()}\n`) }]);
    await page.getByTestId('verdict').waitFor();
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'flagged');
    assert.match(await page.getByTestId('from-file').innerText(), /one\.txt/);

    // Spreadsheet programs save "Unicode text" as UTF-16 with a byte-order mark.
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`Wallet\n${LISTED.address}\n${clear}\n`, 'utf16le')]);
    await pick(page, '#text-file', { name: 'export.txt', mimeType: 'text/plain', buffer: utf16 });
    await page.getByTestId('from-file').filter({ hasText: 'export.txt' }).waitFor();
    await done(page);
    assert.deepEqual(await counts(page), { flagged: 1, clear: 1 });

    // A binary file is refused with a reason, and nothing is checked from it.
    await pick(page, '#text-file', { name: 'sheet.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]) });
    assert.match(await page.getByTestId('file-refused').innerText(), /sheet\.xlsx is not a text file/);
    assert.deepEqual(log.requests, [], 'reading files made requests');
    await context.close();
  });
});

describe('large and hostile input', () => {
  test('100,000 pasted lines are checked in steps with progress, the page stays responsive', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const listed = allEntries().slice(0, 50);
    const lines = Array.from({ length: 100_000 }, (_, i) => (i % 2000 === 0 ? listed[i / 2000].address : randomEvm()));
    // Record what the page shows while checking, and whether timers still run.
    await page.evaluate(() => {
      window.__seen = { progress: [], ticks: 0, running: false };
      new MutationObserver(() => {
        const bar = document.querySelector('#progress-bar');
        if (bar) window.__seen.progress.push(Number(bar.value));
        window.__seen.running = !!bar;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
      setInterval(() => {
        if (window.__seen.running) window.__seen.ticks++;
      }, 10);
    });
    await paste(page, lines.join('\n'));
    // (On a fast machine checking may finish before a screenshot can be taken.)
    if (await page.getByTestId('progress').waitFor({ timeout: 5000 }).then(() => true, () => false)) {
      await shot(page, '13-100k-progress', false);
    }
    await done(page);
    const seen = await page.evaluate(() => window.__seen);
    const distinct = [...new Set(seen.progress)];
    assert.ok(distinct.length >= 3, `progress was shown in steps: ${distinct.join(', ')}`);
    assert.deepEqual(distinct, [...distinct].sort((a, b) => a - b), 'progress only goes forward');
    assert.ok(seen.ticks >= 2, `timers ran between steps (${seen.ticks} ticks): the page was not frozen`);
    assert.equal(await page.getByTestId('held-text').innerText(), '100,000 lines (4.1 MiB) pasted');
    assert.equal(await page.locator('#address').isHidden(), true, 'the text is held outside the box');
    assert.deepEqual(await counts(page), { flagged: 50, clear: 99_950 });
    await shot(page, '14-100k-done', false);
    // The keyboard focus moved to the held text; Tab reaches Clear, which
    // brings the empty box back, focused.
    assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'held');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Clear');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#address').inputValue(), '');
    assert.equal(await page.getByTestId('held').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'address');
    await context.close();
  });

  test('a 10 MB paste of garbage gives a result for every line', async () => {
    const { page, context, log } = await open(browser, 'ok');
    await ready(page);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=@-_!#$%^&*()[]{}<>?|~';
    const line = () => Array.from(randomBytes(80), (b) => alphabet[b % alphabet.length]).join('');
    const lines = Array.from({ length: 131_072 }, line);
    const text = lines.join('\n');
    assert.ok(text.length >= 10 * 1024 * 1024, `${text.length}`);
    await paste(page, text);
    await done(page, 120_000);
    // Every line has a result: unrecognised, or (when it happens to start like
    // an address, e.g. "0x" or "bc1") invalid. None is listed or not listed.
    const c = await counts(page);
    assert.equal((c.unrecognized ?? 0) + (c.invalid ?? 0), lines.length, JSON.stringify(c));
    assert.deepEqual(Object.keys(c).filter((k) => !['unrecognized', 'invalid'].includes(k)), []);
    assert.match(await page.getByTestId('held-text').innerText(), /^131,072 lines \(10\.1 MiB\) pasted$/);
    const row = page.getByTestId('row').first();
    assert.equal(await row.getAttribute('data-status'), 'unrecognized');
    assert.equal(await row.getByTestId('row-input').getAttribute('title'), lines[0]);
    await shot(page, '15-garbage-10mb', false);
    assert.deepEqual(log.errors, []);
    await context.close();
  });

  test('a 10 MB paste of millions of tiny entries gets a clear limit message, and nothing half-checked', async () => {
    const { page, context, log } = await open(browser, 'ok');
    await ready(page);
    const text = 'a,'.repeat(5 * 1024 * 1024);
    await paste(page, text);
    const limit = page.getByTestId('limit');
    await limit.waitFor();
    assert.equal(await limit.getAttribute('data-code'), 'tooMany');
    assert.match(await limit.innerText(), /Too many entries to check at once: 5,242,880 found\.[\s\S]*limit is 250,000 entries[\s\S]*Nothing was checked/);
    assert.equal(await page.getByTestId('results').count(), 0);
    assert.equal(await page.getByTestId('announce').innerText(), 'Nothing was checked.');
    await shot(page, '16-limit', false);
    // The page still works.
    await page.getByTestId('clear').click();
    await page.locator('#address').fill(LISTED.address);
    await page.getByTestId('verdict').waitFor();
    assert.deepEqual(log.errors, []);
    await context.close();
  });
});
