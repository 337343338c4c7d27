// Accessibility: labels, announcements, keyboard use, verdicts in words and
// symbols (not colour alone), 360 px to desktop, light and dark schemes.
// See lib.mjs for the set-up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  EXTRA_NODETAILS, LISTED, SCAM, breakChecksum, check, fillBatch, launch, open, pick, randomEvm,
  ready, shot,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Every visible control, and its accessible name as the page gives it. */
function unlabelledControls(page) {
  return page.evaluate(() => {
    const name = (el) => {
      if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
      if (el.getAttribute('aria-labelledby')) {
        return el.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' ');
      }
      if (el.labels && el.labels.length) return [...el.labels].map((l) => l.textContent).join(' ');
      if (el.tagName === 'BUTTON') return el.textContent;
      return '';
    };
    return [...document.querySelectorAll('button, input, select, textarea, [role=switch]')]
      .filter((el) => !el.hidden && el.getClientRects().length > 0)
      .filter((el) => !name(el).trim())
      .map((el) => el.outerHTML.slice(0, 120));
  });
}

/** A mix of every verdict (possible needs a list without details). */
const everyVerdict = () => [LISTED.address, SCAM[5], randomEvm(), breakChecksum(LISTED.address), 'hello'].join('\n');

describe('accessibility', () => {
  test('every control has a label; results are announced in a live region', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    await pick(page, '#list-file', { name: 'community.filter', mimeType: 'application/octet-stream', buffer: readFileSync(EXTRA_NODETAILS) });
    await page.locator('[data-testid=list-info][data-origin=file]').waitFor();
    await fillBatch(page, everyVerdict());
    assert.deepEqual(await unlabelledControls(page), []);
    assert.equal(await page.locator('#address').evaluate((el) => el.labels[0].textContent), 'Addresses');
    const live = page.getByTestId('announce');
    assert.equal(await live.getAttribute('aria-live'), 'polite');
    assert.equal(await live.getAttribute('role'), 'status');
    assert.equal(await live.innerText(), 'Checked 5 entries: 1 flagged · 1 possible match · 1 not listed · 1 invalid · 1 unrecognised.');
    await check(page, LISTED.address);
    assert.equal(await live.innerText(), `Flagged. This address is on the list: OFAC SDN as of 2025-11-27. ${LISTED.names[0]}.`);
    // The table has real headers.
    await fillBatch(page, everyVerdict());
    assert.deepEqual(await page.locator('.results th').allInnerTexts(), ['LINE', 'INPUT', 'CHAIN OR FORMAT', 'NORMALISED', 'VERDICT']);
    assert.equal(await page.locator('.results th[scope=col]').count(), 5);
    await context.close();
  });

  test('verdicts are told by words and symbols, not by colour alone', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    await pick(page, '#list-file', { name: 'community.filter', mimeType: 'application/octet-stream', buffer: readFileSync(EXTRA_NODETAILS) });
    await page.locator('[data-testid=list-info][data-origin=file]').waitFor();
    await fillBatch(page, everyVerdict());
    const rows = await page.getByTestId('row').evaluateAll((trs) =>
      trs.map((tr) => [tr.dataset.status, tr.querySelector('[data-testid=row-verdict]').textContent.replace(/\s+/g, ' ').trim()]),
    );
    assert.deepEqual(rows, [
      ['flagged', '✕Flagged'],
      ['possible', '?Possible match'],
      ['clear', '✓Not listed'],
      ['invalid', '!Invalid address'],
      ['unrecognized', '–Unrecognised format'],
    ]);
    // Each status has its own symbol and its own words.
    const symbols = await page.getByTestId('row-verdict').locator('.glyph').allInnerTexts();
    assert.equal(new Set(symbols).size, 5);
    const words = await page.getByTestId('row-verdict').evaluateAll((els) => els.map((el) => el.lastChild.textContent.trim()));
    assert.deepEqual(words, ['Flagged', 'Possible match', 'Not listed', 'Invalid address', 'Unrecognised format']);
    await context.close();
  });

  test('everything works by keyboard', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    // From the top of the page, Tab reaches the box first.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'address');
    await page.keyboard.type(LISTED.address);
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'flagged');
    // Shift+Enter starts a new line: a batch typed by hand.
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Enter');
    await page.keyboard.type(randomEvm());
    await page.getByTestId('batch-summary').waitFor();
    // Tab on to Check, and press it with the keyboard.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Check');
    await page.keyboard.press('Space');
    await page.getByTestId('batch-summary').waitFor();
    // The table filter by keyboard.
    await page.getByTestId('show').focus();
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getByTestId('pager-status').innerText(), 'Rows 1–1 of 1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    assert.equal(await page.getByTestId('flagged-first').isChecked(), true);
    // A list switch by keyboard.
    await page.getByTestId('list-switch').focus();
    await page.keyboard.press('Space');
    assert.equal(await page.getByTestId('limit').getAttribute('data-code'), 'noLists');
    await page.keyboard.press('Space');
    await page.getByTestId('batch-summary').waitFor();
    // Focus is always visible.
    const outline = await page.getByTestId('export').evaluate((el) => {
      el.focus();
      return getComputedStyle(el).outlineStyle;
    });
    assert.notEqual(outline, 'none');
    await context.close();
  });

  test('the layout works from 360 px to desktop, in light and dark', async () => {
    for (const [name, options] of [
      ['06-mobile-360', { width: 360, height: 780 }],
      ['07-dark', { colorScheme: 'dark' }],
      ['09-desktop-1440', { width: 1440, height: 900 }],
    ]) {
      const { page, context } = await open(browser, 'ok', options);
      await ready(page);
      await check(page, LISTED.address);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      assert.equal(await overflow(), false, `${name}: horizontal scrolling`);
      await shot(page, name);
      await fillBatch(page, [LISTED.address, randomEvm(), breakChecksum(LISTED.address), `bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=1`, 'hello'].join('\n'));
      assert.equal(await overflow(), false, `${name} batch: horizontal scrolling`);
      await shot(page, `${name}-batch`);
      const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      const light = (r + g + b) / 3 > 128;
      assert.equal(light, options.colorScheme !== 'dark', `${name}: ${background}`);
      await context.close();
    }
  });
});
