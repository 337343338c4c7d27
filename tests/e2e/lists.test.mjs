// Lists: an extra list loaded from disk, verified, listed beside the bundled
// one, switchable; verdicts combined over the lists in use; list ages.
// See lib.mjs for the set-up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  EXTRA_FILTER, EXTRA_NODETAILS, LISTED, SCAM, check, counts, drop, fillBatch, launch, open, pick,
  randomEvm, ready, shot,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const OFAC_NAME = 'OFAC sanctioned digital currency addresses';
const extra = (page) => page.locator('[data-testid=list-info][data-origin=file]');
const bundled = (page) => page.locator('[data-testid=list-info][data-origin=bundled]');

async function addExtra(page, file = EXTRA_FILTER, name = 'team.filter') {
  await pick(page, '#list-file', { name, mimeType: 'application/octet-stream', buffer: readFileSync(file) });
  await extra(page).waitFor();
}

describe('an extra list from disk', () => {
  test('is verified, listed beside the bundled one, and flags its own entries', async () => {
    const { page, context, log } = await open(browser, 'ok', { time: '2025-11-20T12:00:00' });
    await ready(page);
    log.requests.length = 0;
    await addExtra(page);
    const card = extra(page);
    assert.equal(await card.getByTestId('list-name').innerText(), 'ScamSniffer');
    assert.equal(await card.getByTestId('list-origin').innerText(), 'Loaded from team.filter on this device');
    assert.deepEqual(await card.getByTestId('as-of').allInnerTexts(), ['2025-11-01']);
    assert.equal(await card.getByTestId('keys').innerText(), new Set(SCAM).size.toLocaleString('en-US'));
    const sha256 = createHash('sha256').update(readFileSync(EXTRA_FILTER)).digest('hex');
    assert.equal(await card.getByTestId('sha256').innerText(), sha256);
    assert.equal(await page.getByTestId('lists-count').innerText(), '2 loaded · 2 in use');
    assert.equal(await bundled(page).count(), 1);

    // Its own entry: flagged, and the verdict names the list that matched.
    const verdict = await check(page, SCAM[7]);
    assert.equal(await verdict.getAttribute('data-status'), 'flagged');
    assert.deepEqual(await verdict.getByTestId('match-list').allInnerTexts(), ['ScamSniffer']);
    assert.deepEqual(await verdict.getByTestId('match-source').allInnerTexts(), ['ScamSniffer']);
    assert.match(await verdict.innerText(), /ScamSniffer · as of 2025-11-01/);
    await shot(page, '20-extra-list-flagged');
    // An OFAC entry: flagged by the bundled list only.
    const ofac = await check(page, LISTED.address);
    assert.deepEqual(await ofac.getByTestId('match-list').allInnerTexts(), [OFAC_NAME]);
    // Neither: not listed, naming every list checked.
    const clear = await check(page, randomEvm());
    assert.equal(await clear.getAttribute('data-status'), 'clear');
    assert.match(await clear.innerText(), /Not on any of the 2 lists checked: OFAC SDN as of 2025-11-27; ScamSniffer as of 2025-11-01\./);

    // A batch: both lists' entries, counted, and the CSV says which list matched.
    const lines = [...SCAM.slice(0, 30), LISTED.address, randomEvm(), randomEvm()];
    await fillBatch(page, lines.join('\n'));
    assert.deepEqual(await counts(page), { flagged: 31, clear: 2 });
    assert.match(await page.getByTestId('checked-against').innerText(), /OFAC SDN as of 2025-11-27; ScamSniffer as of 2025-11-01/);
    assert.deepEqual(log.requests, [], 'loading a list from disk made requests');
    await context.close();
  });

  test('lists can be switched off and on; with none in use nothing is checked', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    await addExtra(page);
    const scam = SCAM[3];
    await check(page, scam);
    await extra(page).getByTestId('list-switch').uncheck();
    assert.equal(await extra(page).getAttribute('data-enabled'), 'false');
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'clear', 'rechecked without the extra list');
    assert.match(await page.getByTestId('verdict').innerText(), /Not on the list: OFAC SDN as of 2025-11-27\./);
    await bundled(page).getByTestId('list-switch').uncheck();
    const limit = page.getByTestId('limit');
    await limit.waitFor();
    assert.equal(await limit.getAttribute('data-code'), 'noLists');
    assert.equal(await page.getByTestId('verdict').count(), 0);
    await shot(page, '21-no-list-in-use');
    await extra(page).getByTestId('list-switch').check();
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'flagged');
    assert.equal(await page.getByTestId('lists-count').innerText(), '2 loaded · 1 in use');
    await extra(page).getByTestId('list-remove').click();
    assert.equal(await extra(page).count(), 0);
    assert.equal(await page.getByTestId('limit').getAttribute('data-code'), 'noLists');
    await bundled(page).getByTestId('list-switch').check();
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'clear');
    await context.close();
  });

  test('a list without details gives a possible match with its false-positive rate', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    await drop(page, [{ name: 'community.filter', buffer: readFileSync(EXTRA_NODETAILS) }]);
    await extra(page).waitFor();
    assert.match(await extra(page).getByTestId('details').innerText(), /Not included/);
    const verdict = await check(page, SCAM[11]);
    assert.equal(await verdict.getAttribute('data-status'), 'possible');
    const text = await verdict.innerText();
    assert.match(text, /Possible match/);
    assert.match(text, /ScamSniffer \(ScamSniffer as of 2025-11-01\), which holds no details to confirm it/);
    assert.match(text, /about 1 in 1,000,000,000 checks: confirm against the official list/);
    await shot(page, '22-possible-match');
    await context.close();
  });

  test('a damaged, foreign or duplicate list file is refused with the reason', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const bytes = Buffer.from(readFileSync(EXTRA_FILTER));
    bytes[bytes.length >> 1] ^= 1;
    await pick(page, '#list-file', { name: 'team.filter', mimeType: 'application/octet-stream', buffer: bytes });
    const refused = page.getByTestId('list-refused');
    await refused.waitFor();
    assert.equal(await refused.innerText(), 'team.filter was not added: filter file is corrupt: SHA-256 mismatch.');
    assert.equal(await extra(page).count(), 0);
    await pick(page, '#list-file', { name: 'notes.filter', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await refused.filter({ hasText: 'notes.filter' }).waitFor();
    assert.match(await refused.innerText(), /not an addrcheck filter file/);
    await shot(page, '23-list-refused');
    // The bundled list's own file again.
    const ofac = await page.evaluate(async () => [...new Uint8Array(await (await fetch('ofac.filter')).arrayBuffer())]);
    await pick(page, '#list-file', { name: 'copy.filter', mimeType: 'application/octet-stream', buffer: Buffer.from(ofac) });
    await refused.filter({ hasText: 'copy.filter' }).waitFor();
    assert.match(await refused.innerText(), /already loaded/);
    assert.equal(await extra(page).count(), 0);
    await context.close();
  });
});

describe('the age of a list', () => {
  test('is shown in days, with a visible warning once it is more than 30 days old', async () => {
    // As of 2025-11-27: 30 days later is still fresh, 31 is not.
    for (const [today, age, warned] of [
      ['2025-11-27T09:00:00', 'list is from today', false],
      ['2025-12-27T23:00:00', 'list is 30 days old', false],
      ['2025-12-28T08:00:00', 'list is 31 days old', true],
      ['2026-11-24T10:00:00', 'list is 362 days old', true],
    ]) {
      const { page, context } = await open(browser, 'ok', { time: today });
      await ready(page);
      assert.equal(await bundled(page).getByTestId('age').innerText(), age, today);
      assert.equal(await page.getByTestId('age-warning').count(), warned ? 1 : 0, today);
      const verdict = await check(page, randomEvm());
      assert.equal(await verdict.getByTestId('verdict-age').count(), warned ? 1 : 0);
      if (warned) {
        assert.match(await page.getByTestId('age-warning').innerText(), new RegExp(`OFAC SDN ${age}\\.`));
        assert.match(await verdict.getByTestId('verdict-age').innerText(), new RegExp(`${age}\\. Anything listed or delisted since then is not reflected\\.`));
        if (today.startsWith('2026')) await shot(page, '24-age-warning');
      }
      await context.close();
    }
  });
});
