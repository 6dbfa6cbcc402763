// End-to-end: the real bundle, loaded by the real script tag, in Debian's
// headless Chromium, against the real server. Playwright's CSS locators pierce
// the widgets' open shadow roots.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launchBrowser, startHostSite, startServer } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, site, browser;

before(async () => {
  server = await startServer();
  site = await startHostSite(server.origin);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await server?.stop();
});

/** A fresh page that records console errors, page errors and CSP violations. */
async function open(url, viewport = { width: 1000, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.problems = { errors: [], csp: [], pageErrors: [] };
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    page.problems.errors.push(m.text());
    if (/Content Security Policy/i.test(m.text())) page.problems.csp.push(m.text());
  });
  page.on('pageerror', (e) => page.problems.pageErrors.push(String(e)));
  await page.goto(url);
  return page;
}

const widget = (page, n = 0) => page.locator('bondgenoot-widget').nth(n);

async function ready(w) {
  await w.locator('.bg-netwerkscan').waitFor({ timeout: 15000 });
}

/** Adds a person with the mouse. */
async function addPerson(w, { name, relation = '', close = false, knows = false }) {
  await w.locator('#bg-person-name').click();
  await w.locator('#bg-person-name').fill(name);
  if (relation) await w.locator('#bg-person-relation').selectOption(relation);
  await w.locator(`#bg-close-${close}`).check();
  await w.locator(`#bg-knows-${knows}`).check();
  await w.locator('.bg-form button[type=submit]').click();
}

async function toResult(w, answers) {
  await w.locator('.bg-nav .bg-primary').click();
  for (const [q, option] of Object.entries(answers)) await w.locator(`#bg-q-${q}-${option}`).check();
  await w.locator('.bg-nav .bg-primary').click();
  await w.locator('.bg-result').waitFor();
}

async function scores(w) {
  const items = await w.locator('.bg-score').evaluateAll((els) =>
    els.map((el) => [el.dataset.id, Number(el.querySelector('.bg-score-value').dataset.value)]));
  return Object.fromEntries(items);
}

const stepIds = (w) => w.locator('.bg-step').evaluateAll((els) => els.map((el) => el.dataset.id));

/** The same answers, so the default and the demo rules can be compared. */
async function fillStandardScan(w) {
  await addPerson(w, { name: 'Old colleague', relation: 'work', knows: true });
  await addPerson(w, { name: 'Neighbour', relation: 'neighbourhood', knows: true });
  await toResult(w, { trust: 'yes', meetings: 'yes' });
}

function assertNoProblems(page) {
  assert.deepEqual(page.problems.csp, [], 'no CSP violations');
  assert.deepEqual(page.problems.pageErrors, [], 'no uncaught errors (a panic would show here)');
}

describe('the embedded Netwerkscan', () => {
  test('mounts from a classic async tag on another origin under a strict CSP, and shows the default rules\' scores when filled in with mouse and keyboard', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    assert.notEqual(new URL(page.url()).port, new URL(server.origin).port, 'host page is another origin');

    // First person with the mouse.
    await addPerson(w, { name: 'Old colleague', relation: 'work', knows: true });
    await assert.doesNotReject(w.locator('.bg-person', { hasText: 'Old colleague' }).waitFor());

    // Second person with the keyboard only; focus went back to the name field.
    assert.equal(await w.locator('#bg-person-name').evaluate((el) => el.getRootNode().activeElement === el), true);
    await page.keyboard.type('Neighbour');
    await page.keyboard.press('Tab');            // relation select
    await page.keyboard.type('N');               // "Neighbourhood"
    await page.keyboard.press('Tab');            // "how close": the checked radio ("not so close")
    await page.keyboard.press('Tab');            // "knows you are looking": "No" is checked
    await page.keyboard.press('ArrowUp');        // → "Yes"
    await page.keyboard.press('Tab');            // the add button
    await page.keyboard.press('Enter');
    const neighbour = w.locator('.bg-person', { hasText: 'Neighbour' });
    await neighbour.waitFor();
    assert.match(await neighbour.innerText(), /Neighbourhood/);
    assert.match(await neighbour.innerText(), /knows you are looking/);

    await toResult(w, { trust: 'yes', meetings: 'yes' });
    // The default script: 0 close + trust → 20; work and neighbourhood bridge
    // (2×20) + meetings 20 → 60; one work contact → 30; both know → 100.
    assert.deepEqual(await scores(w), { bonding: 20, bridging: 60, linking: 30, awareness: 100 });
    assert.deepEqual(await stepIds(w), ['trusted-person', 'buddy', 'peer', 'volunteer']);
    assertNoProblems(page);
    await page.context().close();
  });

  test('the demo organisation\'s override changes the score', async () => {
    const page = await open(`${site.origin}/host.html?org=demo&lang=en`);
    const w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    const s = await scores(w);
    assert.equal(s.linking, 50, 'the demo weights a work contact 50 instead of 30');
    assert.deepEqual(await stepIds(w), ['trusted-person', 'peer', 'volunteer'], 'no buddy step any more');
    assertNoProblems(page);
    await page.context().close();
  });

  test('a hostile organisation script gives a kind message, and the page and the other widget keep working', async () => {
    const page = await open(`${site.origin}/two.html?first=hostile&second=plain`);
    const [bad, good] = [widget(page, 0), widget(page, 1)];
    await ready(bad);
    await ready(good);
    await addPerson(bad, { name: 'Aunt', relation: 'family', close: true });
    await bad.locator('.bg-nav .bg-primary').click();
    await bad.locator('.bg-nav .bg-primary').click();
    const alert = bad.locator('.bg-error[role=alert]');
    await alert.waitFor();
    assert.match(await alert.innerText(), /This part is not working right now/);
    assert.ok(page.problems.errors.some((e) => /hook `score` \(org:hostile script, line 1.*ran too long/.test(e)),
      `the admin finds the detail in the console: ${page.problems.errors}`);

    await fillStandardScan(good);
    assert.equal((await scores(good)).linking, 30);
    await page.locator('#site-button').click();
    assert.match(await page.locator('#site-output').textContent(), /clicked 1 time/);
    assertNoProblems(page);
    await page.context().close();
  });

  test('an org script that does not compile gives a kind message in the page\'s language and the line in the console', async () => {
    const page = await open(`${site.origin}/host.html?org=broken&pagelang=nl`);
    const alert = widget(page).locator('.bg-error[role=alert]');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /Dit onderdeel werkt nu even niet/);
    assert.equal(await widget(page).locator('.bg-root').getAttribute('lang'), 'nl');
    assert.ok(page.problems.errors.some((e) => /org:broken script, line 2/.test(e)), String(page.problems.errors));
    await widget(page).locator('.bg-error button').click(); // "try again" is offered and does not crash
    await alert.waitFor();
    assertNoProblems(page);
    await page.context().close();
  });

  test('an unknown organisation gives a kind message in Arabic when the page is Arabic', async () => {
    const page = await open(`${site.origin}/host.html?org=nobody-here&pagelang=ar`);
    const root = widget(page).locator('.bg-root');
    await root.locator('.bg-error').waitFor({ timeout: 15000 });
    assert.equal(await root.getAttribute('dir'), 'rtl');
    assert.match(await root.innerText(), /هذا الجزء لا يعمل الآن/);
    assertNoProblems(page);
    await page.context().close();
  });

  test('when the wasm bundle cannot load, a kind message and the plain link show instead of a blank space', async () => {
    const page = await open(`${site.origin}/nowasm.html`);
    const alert = widget(page).locator('[role=alert]');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /Dit onderdeel kan nu niet laden/);
    assert.equal(await alert.locator('a').getAttribute('href'), '/fallback.html');
    await page.context().close();
  });

  test('two widgets on the demo page are independent, and the page\'s hostile CSS does not change them', async () => {
    const page = await open(`${server.origin}/`);
    const [nl, ar] = [widget(page, 0), widget(page, 1)];
    await ready(nl);
    await ready(ar);
    assert.equal(await ar.evaluate((el) => el.parentElement.id), 'second-widget', 'data-target is honoured');
    await addPerson(nl, { name: 'Buurvrouw' });
    assert.equal(await nl.locator('.bg-person').count(), 1);
    assert.equal(await ar.locator('.bg-person').count(), 0, 'the other widget is untouched');
    assert.equal(await ar.locator('.bg-root').getAttribute('dir'), 'rtl');

    // The site sets Comic Sans !important on *, hides every button and input,
    // and colours every <p> magenta: none of it reaches inside.
    const look = await nl.locator('.bg-form button[type=submit]').evaluate((b) => {
      const cs = getComputedStyle(b);
      const p = getComputedStyle(b.getRootNode().querySelector('.bg-privacy'));
      return { font: cs.fontFamily, display: cs.display, spacing: cs.letterSpacing, pColor: p.color, pSize: p.fontSize };
    });
    assert.doesNotMatch(look.font, /Comic/);
    assert.notEqual(look.display, 'none');
    assert.equal(look.spacing, 'normal');
    assert.notEqual(look.pColor, 'rgb(176, 0, 96)');
    assert.notEqual(look.pSize, '22px');
    assertNoProblems(page);
    await page.context().close();
  });

  test('module tags mount once each, into data-target where given, with the page language', async () => {
    const page = await open(`${site.origin}/module.html`);
    const [targeted, after] = [page.locator('#target-here > bondgenoot-widget'), page.locator('body > bondgenoot-widget')];
    await ready(targeted);
    await ready(after);
    assert.equal(await page.locator('bondgenoot-widget').count(), 2, 'one widget per tag, though the module ran once');
    assert.equal(await after.evaluate((el) => el.previousElementSibling.dataset.org), 'plain', 'mounted right after its tag');
    assert.equal(await after.locator('.bg-root').getAttribute('lang'), 'nl', 'language from <html lang>');
    assert.deepEqual(await page.evaluate(() => Object.keys(window.Bondgenoot)), ['version', 'buildWidgets'], 'one global only');
    // A tag added later is picked up by buildWidgets().
    await page.evaluate((src) => {
      const s = document.createElement('script');
      s.src = src; s.dataset.widget = 'netwerkscan'; s.dataset.lang = 'en';
      document.body.appendChild(s);
      window.Bondgenoot.buildWidgets();
    }, `${server.origin}/v1/embed.js`);
    await ready(widget(page, 2));
    assert.equal(await page.locator('bondgenoot-widget').count(), 3);
    assertNoProblems(page);
    await page.context().close();
  });

  test('the language can be switched inside the widget, and Arabic is laid out right to left', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=nl`);
    const w = widget(page);
    await ready(w);
    assert.match(await w.locator('h2').innerText(), /Netwerkscan/);
    await w.locator('#bg-lang-select').selectOption('ar');
    await w.locator('.bg-root[dir=rtl][lang=ar]').waitFor();
    assert.match(await w.locator('h2').innerText(), /مسح الشبكة/);
    // The questions come from the script in Arabic too.
    await w.locator('.bg-nav .bg-primary').click();
    assert.match(await w.locator('.bg-questions').innerText(), /هل تقوم بعمل تطوعي/);
    const sides = await w.locator('.bg-nav').evaluate((nav) => {
      const [back, next] = nav.querySelectorAll('button');
      return { back: back.getBoundingClientRect().left, next: next.getBoundingClientRect().left };
    });
    assert.ok(sides.back > sides.next, 'in RTL, "back" is on the right');
    await page.context().close();
  });

  test('the host page hears bondgenoot:complete with the scores, never the names', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    const events = page.locator('#site-events');
    await assert.doesNotReject(page.waitForFunction(() => document.getElementById('site-events').textContent.length > 0));
    const text = await events.innerText();
    assert.match(text, /"linking":30/);
    assert.doesNotMatch(text, /Old colleague|Neighbour/);
    await page.context().close();
  });

  test('usable at 360 px wide without horizontal scrolling', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=ar`, { width: 360, height: 740 });
    const w = widget(page);
    await ready(w);
    const fits = () => page.evaluate(() => {
      const host = document.querySelector('bondgenoot-widget');
      const root = host.shadowRoot.querySelector('.bg-root');
      const box = host.getBoundingClientRect();
      return document.documentElement.scrollWidth <= window.innerWidth
        && box.left >= 0 && box.right <= window.innerWidth && root.scrollWidth <= root.clientWidth;
    });
    assert.ok(await fits(), 'people stage fits');
    await addPerson(w, { name: 'A very long name or role such as the neighbour from across the street', relation: 'work' });
    await toResult(w, { trust: 'no' });
    assert.ok(await fits(), 'result stage fits');
    await page.context().close();
  });

  test('axe-core finds no accessibility violations, in Dutch and Arabic, at every stage', async () => {
    const page = await open(`${server.origin}/`);
    await page.evaluate(axeSource);
    const check = async (label) => {
      const result = await page.evaluate(async () => {
        const r = await window.axe.run(Array.from(document.querySelectorAll('bondgenoot-widget')),
          { resultTypes: ['violations'] });
        return { violations: r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
          checked: r.passes.length + r.incomplete.length + r.inapplicable.length };
      });
      assert.deepEqual(result.violations, [], `${label}: ${result.violations.join('\n')}`);
    };
    const [nl, ar] = [widget(page, 0), widget(page, 1)];
    await ready(nl);
    await ready(ar);
    await check('start');
    for (const w of [nl, ar]) await addPerson(w, { name: 'Sara', relation: 'family', close: true, knows: true });
    await check('people');
    // An invalid name shows an error.
    await nl.locator('.bg-form button[type=submit]').click();
    await nl.locator('.bg-field-error').waitFor();
    await check('name error');
    for (const w of [nl, ar]) await w.locator('.bg-nav .bg-primary').click();
    await check('questions');
    for (const w of [nl, ar]) {
      await w.locator('#bg-q-trust-yes').check();
      await w.locator('.bg-nav .bg-primary').click();
      await w.locator('.bg-result').waitFor();
    }
    await check('result');
    await page.context().close();
  });
});
