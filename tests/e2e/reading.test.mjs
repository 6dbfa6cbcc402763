// End-to-end: the widgets as people with other reading needs meet them, in
// Debian's headless Chromium. Text that grows with the reader's setting and
// that no host page can shrink; nothing clipped at 320 px with 200% zoom.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, orgAdd, startHostSite, startServer } from './harness.mjs';

let server, site, browser;

before(async () => {
  server = await startServer();
  site = await startHostSite(server.origin);
  browser = await launchBrowser();
  const token = await orgAdd(server.dataDir, 'leesbaar', [site.origin]);
  const date = new Date(Date.now() + 7 * 86400000).toISOString().slice(0, 10);
  const made = await fetch(`${server.origin}/v1/admin/orgs/leesbaar/cafes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Vacaturecafé Zorg, Welzijn en Kinderopvang', date, start: '14:00', end: '16:00',
      place: 'Bibliotheek Centrum-Oost', address: 'Burgemeester van Roijensingel 12, Zwolle',
      sectors: ['Gezondheidszorg', 'Kinderopvang'], employers: ['Zorggroep Noordoost-Nederland'],
      languages: ['nl', 'ar'], capacity: 10,
    }),
  });
  assert.equal(made.status, 201);
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await server?.stop();
});

// Each widget, where it is ready, and a click to its next screen.
const WIDGETS = [
  ['netwerkscan', 'demo', '.bg-netwerkscan', (w) => w.locator('.bg-nav .bg-primary').click()],
  ['alliantiescan', 'demo', '.bg-alliantiescan', (w) => w.locator('.bg-views button').nth(1).click()],
  ['vacaturecafe', 'leesbaar', '.bg-cafe', (w) => w.locator('.bg-cafe button').first().click()],
];

/** Elements of the widget whose content is wider than their box (hidden helpers and scrolling tables aside). */
function clipped(w) {
  return w.evaluate((host) => [...host.shadowRoot.querySelectorAll('*')]
    .filter((el) => !el.closest('svg, .bg-sr-only, .bg-table-wrap, .bg-compare-wrap') && !el.matches('input, textarea, select'))
    .filter((el) => getComputedStyle(el).display !== 'inline' && el.scrollWidth > el.clientWidth + 1)
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`));
}

async function open(widget, org, ready, { root = '100%', lang = 'nl', viewport } = {}) {
  const page = await openPage(browser, `${site.origin}/reading.html?widget=${widget}&org=${org}&lang=${lang}&root=${encodeURIComponent(root)}`, viewport);
  const w = page.locator('bondgenoot-widget');
  await w.locator(ready).first().waitFor({ timeout: 15000 });
  return { page, w };
}

/** The computed font size (px) of every element in the widget with text of its own. */
function textSizes(w) {
  return w.evaluate((host) => [...host.shadowRoot.querySelectorAll('*')]
    .filter((el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim()))
    .filter((el) => !el.closest('svg'))
    .map((el) => ({ el: `${el.tagName.toLowerCase()}.${el.className}`, size: parseFloat(getComputedStyle(el).fontSize) })));
}

describe('reading the widgets', () => {
  for (const [widget, org, ready, next] of WIDGETS) {
    test(`${widget}: body text follows a larger root font size, and a host page's 62.5% root shrinks nothing below 14px`, async () => {
      const normal = await open(widget, org, ready);
      const body = (sizes) => sizes.find((s) => s.el.startsWith('p.'))?.size ?? sizes.find((s) => s.el.startsWith('p'))?.size;
      const normalSizes = await textSizes(normal.w);
      assert.equal(body(normalSizes), 16, JSON.stringify(normalSizes.slice(0, 5)));
      await normal.page.context().close();

      // The reader's larger-text setting: the root is 125% (20px).
      const large = await open(widget, org, ready, { root: '125%' });
      const largeSizes = await textSizes(large.w);
      assert.equal(body(largeSizes), 20, 'body text grows with the reader');
      // Every text grows with it, buttons and labels too.
      for (const [i, s] of largeSizes.entries()) {
        assert.ok(s.size >= normalSizes[i].size * 1.2, `${s.el}: ${normalSizes[i].size}px → ${s.size}px`);
      }
      await large.page.context().close();

      // A host page with html { font-size: 62.5% }.
      const small = await open(widget, org, ready, { root: '62.5%' });
      const smallSizes = await textSizes(small.w);
      const tooSmall = smallSizes.filter((s) => s.size < 12);
      assert.deepEqual(tooSmall, [], 'no text below 12px');
      assert.ok(body(smallSizes) >= 14, `body text ${body(smallSizes)}px`);
      await small.page.context().close();
    });

    test(`${widget}: at 320 px with 200% zoom nothing is clipped`, async () => {
      // 320 CSS px at 200% zoom leave 160 CSS px for the page.
      const { page, w } = await open(widget, org, ready, { viewport: { width: 160, height: 700 } });
      assert.deepEqual(await clipped(w), [], 'the first screen');
      await next(w);
      await page.waitForTimeout(100);
      assert.deepEqual(await clipped(w), [], 'the next screen');
      const host = await w.evaluate((h) => [h.scrollWidth, h.clientWidth]);
      assert.ok(host[0] <= host[1] + 1, `the widget fits its box: ${host}`);
      await page.context().close();
    });
  }
});
