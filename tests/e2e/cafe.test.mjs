// End-to-end: the Vacaturecafé widget embedded by its script tag on an
// organisation's own site (another origin, strict CSP), signing up against the
// real server and its SQLite database, in Debian's headless Chromium.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, fakeSpeech, launchBrowser, openPage, orgAdd, startHostSite, startServer } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server, site, browser;
const orgs = {};
const cafes = {};

/** A date `days` from today (UTC, as the server counts). */
function inDays(days) {
  return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
}

async function admin(org, method, path, body) {
  const response = await fetch(`${server.origin}/v1/admin/orgs/${org}${path}`, {
    method,
    headers: { authorization: `Bearer ${orgs[org]}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function createCafe(org, title, capacity, days) {
  const { status, body } = await admin(org, 'POST', '/cafes', {
    title, date: inDays(days), start: '14:00', end: '16:00', place: 'Bibliotheek Centrum',
    address: 'Stationsplein 1, Utrecht', sectors: ['Zorg', 'Techniek'], employers: ['Zorggroep Midden'],
    languages: ['nl', 'ar'], capacity,
  });
  assert.equal(status, 201);
  return body.id;
}

/** A signup sent straight to the API (someone else, on another device). */
async function signUpDirectly(org, cafe, n) {
  const response = await fetch(`${server.origin}/v1/orgs/${org}/cafes/${cafe}/signups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ form: { name: `Other ${n}`, email: `other${n}@example.nl`, consent: true } }),
  });
  assert.equal(response.status, 201);
}

before(async () => {
  // With e-mail: the confirmation says a message is on its way.
  server = await startServer({ mail: true });
  site = await startHostSite(server.origin);
  browser = await launchBrowser();
  orgs.cafe = await orgAdd(server.dataDir, 'cafe', [site.origin]);
  orgs.werkplein = await orgAdd(server.dataDir, 'werkplein', [site.origin]);
  // Werkplein's own script, published as its admin would.
  const published = await admin('werkplein', 'POST', '/scripts/vacaturecafe/versions', {
    source: readFileSync(join(ROOT, 'scripts/examples/werkplein/vacaturecafe.rhai'), 'utf8'),
    tests: readFileSync(join(ROOT, 'scripts/examples/werkplein/vacaturecafe.tests.json'), 'utf8'),
    note: 'A required "where do you live"',
  });
  assert.equal(published.status, 201, JSON.stringify(published.body));
  cafes.zorg = await createCafe('cafe', 'Vacaturecafé Zorg', 2, 7);
  cafes.full = await createCafe('cafe', 'Vacaturecafé Techniek', 1, 14);
  cafes.keyboard = await createCafe('cafe', 'Vacaturecafé Horeca', 10, 21); // a place for each language's signup
  cafes.offline = await createCafe('cafe', 'Vacaturecafé Logistiek', 5, 28);
  cafes.lost = await createCafe('cafe', 'Vacaturecafé Onderwijs', 5, 35);
  cafes.werkplein = await createCafe('werkplein', 'Vacaturecafé Werkplein', 5, 7);
  await signUpDirectly('cafe', cafes.full, 1);
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await server?.stop();
});

const open = (query, viewport, options) => openPage(browser, `${site.origin}/cafe.html?${query}`, viewport, options);
const cafeWidget = (page) => page.locator('bondgenoot-widget');

/** The card of the café called `title` in the list. */
function card(w, title) {
  return w.locator('.bg-cafe').filter({ hasText: title });
}

async function fill(w, { name, email, phone, consent = true }) {
  if (name !== undefined) await w.locator('#bg-f-name').fill(name);
  if (email !== undefined) await w.locator('#bg-f-email').fill(email);
  if (phone !== undefined) await w.locator('#bg-f-phone').fill(phone);
  if (consent) await w.locator('#bg-f-consent').check();
}

async function axeViolations(page) {
  return page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('bondgenoot-widget'), { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('the embedded Vacaturecafé', () => {
  test('read aloud: a question with options in the form is read with its options by the device\'s voice', async () => {
    const page = await open('org=cafe&lang=en', undefined, { init: { script: fakeSpeech, arg: ['en-US'] } });
    const w = cafeWidget(page);
    const zorg = card(w, 'Vacaturecafé Zorg');
    await zorg.waitFor({ timeout: 15000 });
    await zorg.getByRole('button', { name: 'Sign up' }).click();
    const group = w.locator('.bg-form fieldset', { has: page.locator('#bg-f-support-interpreter') });
    await group.locator('.bg-read-aloud').click();
    const read = (await page.evaluate(() => window.spoken)).at(-1);
    assert.equal(read.lang, 'en');
    assert.equal(read.voice, 'en-US');
    const legend = await group.locator('legend').innerText();
    const interpreter = await w.locator('label[for="bg-f-support-interpreter"]').innerText();
    assert.ok(read.text.includes(interpreter.trim()), read.text);
    assert.ok(read.text.startsWith(`${legend.trim()}. `), `${read.text} / ${legend}`);

    // Every other question too: a text field with its help, and the consent
    // box with its whole text.
    const field = (input) => w.locator('.bg-form .bg-field', { has: page.locator(input) });
    const nameField = field('#bg-f-name');
    await nameField.locator('.bg-read-aloud').click();
    const name = (await page.evaluate(() => window.spoken)).at(-1);
    const nameLabel = (await nameField.locator('label').innerText()).replace(/\s*\*?\s*\(?required\)?\s*$/i, '').trim();
    assert.ok(name.text.startsWith(nameLabel), `${name.text} / ${nameLabel}`);
    const consentField = field('#bg-f-consent');
    await consentField.locator('.bg-read-aloud').click();
    const consent = (await page.evaluate(() => window.spoken)).at(-1);
    assert.match(consent.text, /30 days/, consent.text);
    const buttons = await w.locator('.bg-form .bg-field').evaluateAll((fields) =>
      fields.filter((f) => !f.querySelector('.bg-read-aloud')).map((f) => f.textContent));
    assert.deepEqual(buttons, [], 'every question of the form has its button');
    await page.context().close();
  });

  test('sign up, see the confirmation, download the calendar file, cancel from the link and see the place freed', async () => {
    const page = await open('org=cafe&lang=en');
    const w = cafeWidget(page);
    const zorg = card(w, 'Vacaturecafé Zorg');
    await zorg.waitFor({ timeout: 15000 });
    assert.match(await zorg.locator('.bg-places').innerText(), /2 places left/);
    await zorg.getByRole('button', { name: 'Sign up' }).click();
    await fill(w, { name: 'Amal Haddad', email: 'amal@example.nl' });
    await w.locator('#bg-f-support-interpreter').check();
    await w.locator('.bg-form button[type=submit]').click();

    const done = w.locator('.bg-done[data-status=confirmed]');
    await done.waitFor();
    assert.equal(await done.locator('h3').innerText(), 'You are signed up');
    assert.match(await done.innerText(), /You have a place/);
    // The server sends e-mail: the screen says the confirmation comes by e-mail too.
    assert.equal(await done.locator('.bg-mail-note').innerText(), 'We also send you this confirmation by e-mail, with the link to cancel.');
    assert.match(await page.locator('#site-events').innerText(), /"status":"confirmed"/);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      done.getByRole('link', { name: /calendar/ }).click(),
    ]);
    const ics = readFileSync(await download.path(), 'utf8');
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, new RegExp(`DTSTART;TZID=Europe/Amsterdam:${inDays(7).replaceAll('-', '')}T140000`));
    assert.match(ics, /SUMMARY:Vacaturecafé Zorg/);

    const link = await done.locator('.bg-cancel-link a').getAttribute('href');
    assert.ok(link.startsWith(`${site.origin}/cafe.html?org=cafe&lang=en#bg-cancel=`), link);
    const signups = await admin('cafe', 'GET', `/signups?cafe=${cafes.zorg}`);
    assert.equal(signups.body.length, 1);
    assert.deepEqual(signups.body[0].form.support, ['interpreter']);
    await page.context().close();

    // Later, maybe on another day: the link from the confirmation.
    const later = await openPage(browser, link);
    const lw = cafeWidget(later);
    const cancel = lw.locator('.bg-cancel');
    await cancel.getByRole('button', { name: 'Yes, cancel my signup' }).click({ timeout: 15000 });
    await cancel.getByText('Your signup is cancelled').waitFor();
    await cancel.getByRole('button', { name: 'Back to the list' }).click();
    assert.match(await card(lw, 'Vacaturecafé Zorg').locator('.bg-places').innerText(), /2 places left/);
    assert.equal((await admin('cafe', 'GET', `/signups?cafe=${cafes.zorg}`)).body.length, 0);
    assert.deepEqual(later.problems.pageErrors, []);
    await later.context().close();
  });

  test('errors from the rules show beside the fields as you type, and nothing is sent until they are fixed', async () => {
    const page = await open('org=cafe&lang=nl');
    const w = cafeWidget(page);
    await card(w, 'Vacaturecafé Zorg').getByRole('button', { name: 'Aanmelden' }).click({ timeout: 15000 });
    await w.locator('#bg-f-email').fill('amal@');
    await w.locator('#bg-f-phone').focus();
    assert.match(await w.locator('#bg-f-email-error').innerText(), /Dit lijkt geen e-mailadres/);
    assert.equal(await w.locator('#bg-f-email').getAttribute('aria-invalid'), 'true');
    await w.locator('.bg-form button[type=submit]').click();
    assert.match(await w.locator('#bg-f-name-error').innerText(), /Vul dit in/);
    assert.match(await w.locator('#bg-f-consent-error').innerText(), /toestemming/);
    await page.waitForFunction(() => document.querySelector('bondgenoot-widget').shadowRoot.activeElement?.id === 'bg-f-name');
    await w.locator('#bg-f-email').fill('amal@example.nl');
    assert.equal(await w.locator('#bg-f-email-error').count(), 0, 'fixed, the error goes');
    assert.equal((await admin('cafe', 'GET', `/signups?cafe=${cafes.zorg}`)).body.length, 0);
    await page.context().close();
  });

  test('a full café offers the waiting list and tells your place on it', async () => {
    const page = await open('org=cafe&lang=en');
    const w = cafeWidget(page);
    const full = card(w, 'Vacaturecafé Techniek');
    await full.waitFor({ timeout: 15000 });
    assert.match(await full.locator('.bg-places').innerText(), /Full/);
    await full.getByRole('button', { name: 'Join the waiting list' }).click();
    await fill(w, { name: 'Yusuf', phone: '06 1234 5678' });
    await w.locator('.bg-form button[type=submit]').click();
    const done = w.locator('.bg-done[data-status=waitlist]');
    await done.waitFor();
    assert.equal(await done.locator('h3').innerText(), 'You are on the waiting list');
    assert.match(await done.innerText(), /You are number 1 on the waiting list/);
    await page.context().close();
  });

  test('an org script that adds a required field shows it, and the server enforces it', async () => {
    const page = await open('org=werkplein&lang=nl');
    const w = cafeWidget(page);
    await card(w, 'Vacaturecafé Werkplein').getByRole('button', { name: 'Aanmelden' }).click({ timeout: 15000 });
    const city = w.locator('label[for=bg-f-city]');
    assert.match(await city.innerText(), /Waar woon je\?\s*\(verplicht\)/);
    await fill(w, { name: 'Amal', email: 'amal@example.nl' });
    await w.locator('.bg-form button[type=submit]').click();
    assert.match(await w.locator('#bg-f-city-error').innerText(), /Vul dit in/);
    // The browser's check is only a help: the server refuses the same form itself.
    const refused = await page.evaluate(async ([url]) => {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ form: { name: 'Amal', email: 'amal@example.nl', consent: true }, lang: 'nl' }) });
      return { status: r.status, body: await r.json() };
    }, [`${server.origin}/v1/orgs/werkplein/cafes/${cafes.werkplein}/signups`]);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.error.fields.city, 'Vul dit in, alsjeblieft.');
    await w.locator('#bg-f-city').fill('Kanaleneiland');
    await w.locator('.bg-form button[type=submit]').click();
    await w.locator('.bg-done[data-status=confirmed]').waitFor();
    const stored = await admin('werkplein', 'GET', '/signups');
    assert.equal(stored.body[0].form.city, 'Kanaleneiland');
    await page.context().close();
  });

  test('when the server cannot be reached the answers stay, a clear message shows, and sending again works', async () => {
    const page = await open(`org=cafe&lang=en&cafe=${cafes.offline}`);
    const w = cafeWidget(page);
    await card(w, 'Vacaturecafé Logistiek').getByRole('button', { name: 'Sign up' }).click({ timeout: 15000 });
    assert.equal(await w.locator('.bg-cafe-title', { hasText: 'Vacaturecafé Zorg' }).count(), 0, 'data-cafe shows one café');
    await fill(w, { name: 'Amal', email: 'amal.offline@example.nl' });
    const signups = `${server.origin}/v1/orgs/cafe/cafes/${cafes.offline}/signups`;
    await page.route(signups, (route) => route.abort('connectionrefused'));
    await w.locator('.bg-form button[type=submit]').click();
    await w.getByText('We could not reach the server').waitFor();
    assert.equal(await w.locator('#bg-f-name').inputValue(), 'Amal');
    assert.equal(await w.locator('#bg-f-email').inputValue(), 'amal.offline@example.nl');
    assert.equal(await w.locator('#bg-f-consent').isChecked(), true);
    await page.unroute(signups);
    await w.getByRole('button', { name: 'Send again' }).click();
    await w.locator('.bg-done[data-status=confirmed]').waitFor();
    assert.deepEqual(page.problems.pageErrors, []);
    await page.context().close();
  });

  test('an answer lost on the way: sending again finds the same signup, not a second one', async () => {
    const page = await open(`org=cafe&lang=en&cafe=${cafes.lost}`);
    const w = cafeWidget(page);
    await card(w, 'Vacaturecafé Onderwijs').getByRole('button', { name: 'Sign up' }).click({ timeout: 15000 });
    await fill(w, { name: 'Bilal', email: 'bilal.lost@example.nl' });
    const signups = `${server.origin}/v1/orgs/cafe/cafes/${cafes.lost}/signups`;
    // The signup reaches the server and is taken; its answer never arrives.
    let taken = 0;
    await page.route(signups, async (route) => {
      const answer = await route.fetch();
      if (answer.status() === 201) taken += 1;
      await route.abort('connectionreset');
    });
    await w.locator('.bg-form button[type=submit]').click();
    await w.getByText('We could not reach the server').waitFor();
    assert.equal(taken, 1, 'the server took the first send');
    await page.unroute(signups);
    await w.getByRole('button', { name: 'Send again' }).click();
    await w.locator('.bg-done[data-status=confirmed]').waitFor();
    await w.getByText('Your signup had already arrived').waitFor();
    const listed = await admin('cafe', 'GET', `/signups?cafe=${cafes.lost}`);
    assert.equal(listed.body.length, 1, 'one signup, not two');
    assert.deepEqual(page.problems.pageErrors, []);
    await page.context().close();
  });

  test('keyboard only, in all five languages (Arabic right to left) at 360 px, with no axe-core violations at any step', async () => {
    const names = { ar: 'أمل', nl: 'Amal', en: 'Amal', uk: 'Олена', tr: 'Ayşe' };
    for (const lang of ['ar', 'nl', 'en', 'uk', 'tr']) {
      const page = await open(`org=cafe&lang=${lang}&cafe=${cafes.keyboard}`, { width: 360, height: 800 });
      await page.evaluate(axeSource).catch(() => {});
      const w = cafeWidget(page);
      await w.locator('.bg-cafe').waitFor({ timeout: 15000 });
      assert.equal(await w.locator('.bg-root').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      const check = async (label) => {
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(fits, `${lang} ${label}: no horizontal scrolling at 360 px`);
        assert.deepEqual(await axeViolations(page), [], `${lang} ${label}`);
      };
      await check('list');
      // Tab from the top of the page to the café's button.
      await page.keyboard.press('Tab');
      for (let i = 0; i < 10; i += 1) {
        const on = await page.evaluate(() => document.querySelector('bondgenoot-widget').shadowRoot.activeElement?.className ?? '');
        if (on.includes('bg-primary')) break;
        await page.keyboard.press('Tab');
      }
      await page.keyboard.press('Enter');
      await w.locator('#bg-f-name').waitFor();
      await page.keyboard.press('Tab'); // from the form's heading to the name
      await page.keyboard.press('Enter'); // submit with nothing filled in: errors, focus on the name
      await w.locator('#bg-f-name-error').waitFor();
      await check('form with errors');
      await page.keyboard.type(names[lang]);
      await page.keyboard.press('Tab');
      await page.keyboard.type(`keyboard.${lang}@example.nl`);
      // On to the consent box, past the other fields.
      for (let i = 0; i < 20; i += 1) {
        await page.keyboard.press('Tab');
        const id = await page.evaluate(() => document.querySelector('bondgenoot-widget').shadowRoot.activeElement?.id ?? '');
        if (id === 'bg-f-consent') break;
      }
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab'); // the send button
      await page.keyboard.press('Enter');
      await w.locator('.bg-done[data-status=confirmed]').waitFor();
      await check('confirmation');
      await page.context().close();
    }
  });
});
