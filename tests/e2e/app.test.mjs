// One address at a time, the bundled list's details, and failing closed.
// See lib.mjs for how scripts/test-browser.sh sets these tests up.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  FILTER, LISTED, breakChecksum, cashAddrToLegacy, check, distinctAddresses, launch, open,
  randomEvm, readList, ready, shot,
} from './lib.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

describe('with the bundled filter', () => {
  test('shows the list metadata: name, as-of date, key count, SHA-256 of the file', async () => {
    const { page, context, log } = await open(browser, 'ok');
    await ready(page);
    await shot(page, '01-ready');
    const info = page.getByTestId('list-info');
    assert.equal(await info.count(), 1);
    assert.match(await info.getByTestId('list-name').innerText(), /OFAC/);
    assert.equal(await info.getByTestId('list-origin').innerText(), 'Bundled with this page');
    assert.deepEqual(await info.getByTestId('as-of').allInnerTexts(), ['2025-11-27']);
    assert.equal(await info.getByTestId('keys').innerText(), String(distinctAddresses()));
    const sha256 = createHash('sha256').update(readFileSync(FILTER)).digest('hex');
    assert.equal(await info.getByTestId('sha256').innerText(), sha256);
    assert.match(await info.getByTestId('fp-rate').innerText(), /1 in [\d,]+/);
    assert.match(await info.getByTestId('size').innerText(), /KiB \([\d,]+ bytes\)/);
    assert.match(await info.getByTestId('details').innerText(), /Included/);
    assert.equal(await page.locator('#address').isEnabled(), true);
    const how = await page.getByTestId('how-it-works').innerText();
    for (const point of [/Nothing leaves this device/, /Bloom filter/, /possible match/, /not a statement that an address is safe/]) {
      assert.match(how, point);
    }
    // The Content-Security-Policy allows this origin only, and no inline script.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    assert.match(csp, /^default-src 'none';/);
    for (const directive of ["script-src 'self' 'wasm-unsafe-eval';", "style-src 'self';", "connect-src 'self';", "worker-src 'self';"]) {
      assert.ok(csp.includes(directive), `${directive} in ${csp}`);
    }
    assert.doesNotMatch(csp, /https?:|\*|'unsafe-inline'|'unsafe-eval'|data:|blob:/);
    assert.equal(await page.locator('script:not([src])').count(), 0, 'inline script');
    // (A screenshot leaves empty style attributes behind.)
    assert.equal(await page.locator('[style]:not([style=""])').count(), 0, 'inline style');
    // Nothing blocked by the Content-Security-Policy, no errors.
    assert.deepEqual(log.errors, []);
    assert.deepEqual(log.console.filter((m) => m.startsWith('error')), []);
    await context.close();
  });

  test('a listed address is flagged with its entity name, in any letter case and legacy form', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    for (const [form, name] of [[LISTED.address, '02-flagged'], [LISTED.address.toLowerCase(), '03-flagged-lowercase']]) {
      const verdict = await check(page, form);
      assert.equal(await verdict.getAttribute('data-status'), 'flagged', form);
      const text = await verdict.innerText();
      assert.match(text, /Flagged/);
      assert.ok(text.includes(LISTED.names[0]), `entity name ${LISTED.names[0]} missing: ${text}`);
      assert.match(text, /OFAC SDN · as of 2025-11-27/);
      assert.equal(await page.getByTestId('normalized').innerText(), LISTED.address);
      await shot(page, name);
    }
    // A Bitcoin Cash entry listed as CashAddr, entered in its legacy Base58 form
    // and with its prefix: one address, one key.
    const bch = readList('sanctioned_addresses_BCH.txt').find((e) => /^[qp]/.test(e.address));
    for (const form of [cashAddrToLegacy(bch.address), `bitcoincash:${bch.address}`]) {
      const verdict = await check(page, form);
      assert.equal(await verdict.getAttribute('data-status'), 'flagged', form);
      assert.ok((await verdict.innerText()).includes(bch.names[0]), form);
    }
    await context.close();
  });

  test('Enter and the Check button re-check; Enter selects the text for the next paste', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    await check(page, LISTED.address);
    await page.locator('#address').press('Enter');
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'flagged');
    const selected = await page.locator('#address').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd));
    assert.equal(selected, LISTED.address);
    assert.equal(await page.locator('#address').inputValue(), LISTED.address, 'Enter adds no new line');
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    assert.equal(await page.getByTestId('verdict').getAttribute('data-status'), 'flagged');
    await context.close();
  });

  test('a random valid address is not listed, on which list and as of when', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const verdict = await check(page, randomEvm());
    assert.equal(await verdict.getAttribute('data-status'), 'clear');
    const text = await verdict.innerText();
    assert.match(text, /Not listed/);
    assert.match(text, /Not on the list: OFAC SDN as of 2025-11-27\./);
    await shot(page, '04-not-listed');
    await context.close();
  });

  test('a mistyped EIP-55 address is invalid: checksum', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const verdict = await check(page, breakChecksum(LISTED.address));
    assert.equal(await verdict.getAttribute('data-status'), 'invalid');
    assert.match(await verdict.innerText(), /Invalid address[\s\S]*checksum mismatch, likely a typo/);
    await shot(page, '05-invalid-checksum');
    await context.close();
  });

  test('text in no known format is unrecognised; an empty box shows no verdict', async () => {
    const { page, context } = await open(browser, 'ok');
    await ready(page);
    const verdict = await check(page, 'not-an-address');
    assert.equal(await verdict.getAttribute('data-status'), 'unrecognized');
    assert.match(await verdict.innerText(), /Unrecognised format/);
    await page.locator('#address').fill('');
    assert.equal(await page.getByTestId('verdict').count(), 0, 'an empty box shows no verdict');
    await page.locator('#address').fill('  \n ,  ');
    assert.equal(await page.getByTestId('verdict').count(), 0, 'separators alone show no verdict');
    await context.close();
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
      const { page, context } = await open(browser, variant);
      const notice = page.getByTestId('unavailable');
      await notice.waitFor();
      const text = await notice.innerText();
      assert.match(text, /Checking is unavailable: /);
      assert.match(text, reason);
      assert.equal(await page.locator('#address').isDisabled(), true, 'the input must be disabled');
      assert.equal(await page.getByRole('button', { name: 'Check', exact: true }).isDisabled(), true);
      assert.equal(await page.getByTestId('verdict').count(), 0);
      assert.equal(await page.getByTestId('list-info').count(), 0, 'no metadata from an unverified file');
      assert.equal(await page.getByTestId('lists').count(), 0, 'no other list can be added either');
      // Even scripted input (one address, or a batch) gives no verdict.
      for (const value of [LISTED.address, `${LISTED.address}\n${randomEvm()}`]) {
        await page.locator('#address').evaluate((el, value) => {
          el.disabled = false;
          el.value = value;
          el.dispatchEvent(new InputEvent('input', { bubbles: true }));
        }, value);
        await page.waitForTimeout(200);
        assert.equal(await page.getByTestId('verdict').count(), 0, 'a verdict appeared without a verified filter');
        assert.equal(await page.getByTestId('results').count(), 0, 'results appeared without a verified filter');
      }
      assert.match(await page.getByTestId('unavailable').innerText(), reason);
      await shot(page, `08-unavailable-${variant}`);
      await context.close();
    });
  }

  test('the app itself cannot start', async () => {
    const { page, context } = await open(browser, 'nowasm');
    const notice = page.getByTestId('unavailable');
    await notice.waitFor();
    assert.match(await notice.innerText(), /Checking is unavailable: the app could not start/);
    assert.equal(await page.locator('#address').count(), 0);
    assert.equal(await page.getByTestId('verdict').count(), 0);
    await shot(page, '08-unavailable-nowasm');
    await context.close();
  });
});
