// End-to-end: the organiser console at /admin/, in Debian's headless
// Chromium against the real server. An organiser signs in with their own
// token, creates a café in Dutch and English (a bad field gets its error
// beside it), a job seeker signs up through the embedded widget in English
// and reads the English title, the organiser sees the signup and downloads
// the CSV, checks people in on a 360 px phone (also while offline: the ticks
// reach the server when it is back online), adds a walk-in and reads the
// counts. The figures people chose to share after a scan show nothing about
// fewer than 10 people, and from 10 on how the scores spread. axe-core finds
// nothing in Dutch or English.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { adminAdd, launchBrowser, openPage, orgAdd, startHostSite, startServer, until } from './harness.mjs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 360, height: 740 };

let server, site, browser, orgToken, sanne, youssef;
/** What the door code on Amina's confirmation says, as a phone's camera reads it. */
let scannedLink;

before(async () => {
  server = await startServer();
  site = await startHostSite(server.origin);
  browser = await launchBrowser();
  orgToken = await orgAdd(server.dataDir, 'buurt', [site.origin]);
  sanne = await adminAdd(server.dataDir, 'buurt', 'Sanne', 'cafes');
  youssef = await adminAdd(server.dataDir, 'buurt', 'Youssef', 'scripts');
});

after(async () => {
  await browser?.close();
  await site?.stop();
  await server?.stop();
});

/** Today in Amsterdam, where the organisation's cafés are (YYYY-MM-DD). */
function todayThere() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
}

async function api(method, path, body) {
  const response = await fetch(`${server.origin}/v1/admin/orgs/buurt${path}`, {
    method,
    headers: { authorization: `Bearer ${orgToken}`, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  return response.json();
}

/** What sticks out of a 360 px page (nothing should: the door is a phone;
 * the wide signup tables scroll inside their own focusable region). */
async function sticksOut(page) {
  return page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => !e.closest('.scroll table'))
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className ? `.${e.className}` : ''}`));
}

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signIn(page, token, lang = 'en', remember = false) {
  await page.locator('#ui-lang').selectOption(lang);
  await page.locator('#org').fill('buurt');
  await page.locator('#token').fill(token);
  if (remember) await page.locator('#remember').check();
  await page.locator('#sign-in-form button[type=submit]').click();
  await page.locator('#view-title').waitFor();
}

async function console_(viewport, token, lang, remember = false) {
  const page = await openPage(browser, `${server.origin}/admin/`, viewport);
  await signIn(page, token, lang, remember);
  return page;
}

/** Reads the QR code in `locator` from a screenshot, as a phone's camera would. */
async function readQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  assert.ok(code, 'the door code can be read');
  return code.data;
}

describe('the organiser console', () => {
  let cafe;

  test('an organiser creates a café in Dutch and English; a job seeker reads it in English and signs up; the organiser sees the signup and exports it', async () => {
    const page = await console_({ width: 1100, height: 900 }, sanne, 'en');
    assert.match(await page.locator('#who').innerText(), /buurt · Sanne \(cafés and the door\)/);
    const areas = await page.locator('#areas-list a').allInnerTexts();
    assert.deepEqual(areas, ['Cafés', 'At the door', 'Who came', 'Figures', 'History'], 'a door volunteer sees no rule scripts');

    await page.getByRole('link', { name: 'New café' }).click();
    await page.locator('#view-title', { hasText: 'New café' }).waitFor();
    await page.locator('[id="f-title"]').fill('Vacaturecafé Zorg en Welzijn');
    await page.locator('[id="f-description"]').fill('Praat met werkgevers uit de zorg.');
    await page.locator('[id="f-sectors"]').fill('Zorg, Welzijn');
    // Today: the counts of who did not come are there from the café's day on.
    await page.locator('[id="f-date"]').fill(todayThere());
    await page.locator('[id="f-place"]').fill('Bibliotheek Oost');
    await page.locator('[id="f-address"]').fill('Javaplein 2, Amsterdam');
    await page.locator('[id="f-capacity"]').fill('0');
    await page.locator('[id="f-texts.en.title"]').fill('Job café: Care and Welfare');
    await page.locator('[id="f-texts.en.sectors"]').fill('Care, Welfare');
    assert.deepEqual(await axe(page), [], 'the form in English');
    await page.getByRole('button', { name: 'Save' }).click();

    // The API's error, next to the field it is about, with focus there.
    const capacity = page.locator('[id="f-capacity"]');
    await page.locator('[id="f-capacity-error"]', { hasText: 'capacity' }).waitFor();
    assert.equal(await capacity.getAttribute('aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-capacity');
    await capacity.fill('12');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#view-title', { hasText: 'Cafés' }).waitFor();
    const item = page.locator('li.cafe', { hasText: 'Vacaturecafé Zorg en Welzijn' });
    await item.waitFor();
    cafe = Number((await item.getAttribute('id')).replace('cafe-', ''));
    const stored = (await api('GET', '/cafes')).find((c) => c.id === cafe);
    assert.equal(stored.texts.en.title, 'Job café: Care and Welfare');
    assert.deepEqual(stored.sectors, ['Zorg', 'Welzijn']);

    // "Same café next month": the form comes filled in, a month later, in both languages.
    await item.getByRole('link', { name: 'Same café next month' }).click();
    await page.locator('#view-title', { hasText: 'Copy of “Vacaturecafé Zorg en Welzijn”' }).waitFor();
    const [y, m, d] = todayThere().split('-').map(Number);
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    const nextMonth = new Date(Date.UTC(y, m, Math.min(d, last))).toISOString().slice(0, 10);
    assert.equal(await page.locator('[id="f-date"]').inputValue(), nextMonth);
    assert.equal(await page.locator('[id="f-texts.en.title"]').inputValue(), 'Job café: Care and Welfare');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#view-title', { hasText: 'Cafés' }).waitFor();
    const copies = (await api('GET', '/cafes')).filter((c) => c.title === 'Vacaturecafé Zorg en Welzijn');
    assert.deepEqual(copies.map((c) => c.date), [todayThere(), nextMonth]);
    assert.equal(copies[1].capacity, 12);

    // The job seeker, on the organisation's own site, in English.
    const seeker = await openPage(browser, `${site.origin}/cafe.html?org=buurt&lang=en`);
    const w = seeker.locator('bondgenoot-widget');
    const card = w.locator('.bg-cafe').filter({ hasText: 'Job café: Care and Welfare' }).first();
    await card.waitFor({ timeout: 15000 });
    assert.doesNotMatch(await w.innerText(), /Vacaturecafé Zorg en Welzijn/, 'no Dutch title beside the English one');
    assert.match(await card.innerText(), /Care, Welfare/);
    await card.getByRole('button', { name: 'Sign up' }).click();
    await w.locator('#bg-f-name').fill('Amina Yusuf');
    await w.locator('#bg-f-email').fill('amina@example.nl');
    await w.locator('#bg-f-support-interpreter').check();
    await w.locator('#bg-f-consent').check();
    await w.locator('.bg-form button[type=submit]').click();
    await w.locator('.bg-done[data-status=confirmed]').waitFor();
    assert.match(await w.locator('.bg-done').innerText(), /Job café: Care and Welfare/);
    // Her code for the door, readable by a phone's camera.
    const code = w.locator('.bg-door-code svg');
    assert.equal(await code.getAttribute('aria-label'), 'Your code for the door');
    scannedLink = await readQr(code);
    assert.match(scannedLink, new RegExp(`^${server.origin}/admin/#door/\\d+/[0-9a-f]{32}$`), 'a random key, not the signup\'s number');
    // In Dutch, the same café has its Dutch title.
    const dutch = await openPage(browser, `${site.origin}/cafe.html?org=buurt&lang=nl`);
    await dutch.locator('bondgenoot-widget .bg-cafe', { hasText: 'Vacaturecafé Zorg en Welzijn' }).first().waitFor({ timeout: 15000 });
    await dutch.context().close();
    await seeker.context().close();

    // The organiser sees her, with the support she asked for.
    await page.locator(`#cafe-${cafe}`).getByRole('link', { name: 'Signups' }).click();
    const row = page.locator('tbody tr', { hasText: 'Amina Yusuf' });
    await row.waitFor();
    assert.match(await row.innerText(), /interpreter/);
    assert.match(await page.locator('#t-with_place').innerText(), /With a place \(1\)/);
    assert.deepEqual(await axe(page), [], 'the signups in English');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV (Excel)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.match(csv, /Amina Yusuf/);
    assert.match(csv, /^\uFEFFid;cafe_date;cafe;status;name/);

    // Someone asks for their data to be deleted: one button, a question, gone.
    const extra = await fetch(`${server.origin}/v1/orgs/buurt/cafes/${cafe}/signups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ form: { name: 'Wil Verwijderd', email: 'wil@example.nl', consent: true } }),
    });
    assert.equal(extra.status, 201);
    await page.reload();
    await page.locator('tbody tr', { hasText: 'Wil Verwijderd' }).waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Delete the data of Wil Verwijderd' }).click();
    await page.locator('.status', { hasText: 'The data of Wil Verwijderd is deleted.' }).waitFor();
    assert.equal(await page.locator('tbody tr', { hasText: 'Wil Verwijderd' }).count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'view-title', 'focus on the heading, not lost');
    assert.equal((await api('GET', `/signups?cafe=${cafe}`)).some((r) => r.name === 'Wil Verwijderd'), false);

    // The same pages in Dutch: no violations either.
    await page.locator('#ui-lang').selectOption('nl');
    await page.locator('#t-with_place', { hasText: 'Met een plek (1)' }).waitFor();
    assert.deepEqual(await axe(page), [], 'the signups in Dutch');
    await page.goto(`${server.origin}/admin/#cafes`);
    await page.locator('#view-title', { hasText: 'Cafés' }).waitFor();
    assert.deepEqual(await axe(page), [], 'the cafés in Dutch');
    assert.deepEqual(page.problems.pageErrors, []);
    assert.deepEqual(page.problems.csp, []);
    await page.context().close();
  });

  test('a scripts admin sees only the rule scripts; the door volunteer cannot reach them', async () => {
    // Youssef lands in the playground.
    const editor = await openPage(browser, `${server.origin}/admin/`);
    await editor.locator('#ui-lang').selectOption('en');
    await editor.locator('#org').fill('buurt');
    await editor.locator('#token').fill(youssef);
    await editor.locator('#sign-in-form button[type=submit]').click();
    await editor.locator('#workspace').waitFor();
    assert.deepEqual(await editor.locator('#areas-list a').allInnerTexts(), ['Figures', 'Rule scripts', 'History']);
    await editor.context().close();

    const door = await console_({ width: 1100, height: 900 }, sanne, 'en');
    await door.evaluate(() => { location.hash = '#scripts'; });
    await door.locator('#view-title', { hasText: 'Cafés' }).waitFor();
    assert.equal(await door.locator('#workspace').isHidden(), true);
    await door.context().close();
  });

  test('at the door on a 360 px phone: search, one tap for present, ticks made offline reach the server when it is back, a walk-in, and the counts', async () => {
    assert.ok(cafe, 'the first test made the café');
    const other = await fetch(`${server.origin}/v1/orgs/buurt/cafes/${cafe}/signups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ form: { name: 'Bilal Haddad', email: 'bilal@example.nl', consent: true } }),
    });
    assert.equal(other.status, 201);

    // The door phone, signed in to stay; a scanned code opens in a new tab.
    const page = await console_(PHONE, sanne, 'nl', true);
    assert.ok(scannedLink.includes(`#door/${cafe}/`), scannedLink);
    const scan = await page.context().newPage();
    await scan.goto(scannedLink);
    await scan.locator('#door-scan', { hasText: 'Gescande code: Amina Yusuf' }).waitFor();
    assert.equal(await scan.evaluate(() => document.activeElement.getAttribute('aria-label')), 'Amina Yusuf is aanwezig');
    await scan.keyboard.press('Enter');
    const rows = () => api('GET', `/signups?cafe=${cafe}`);
    await until(rows, (r) => r.find((s) => s.name === 'Amina Yusuf')?.present_at, 'Amina ticked from her code');
    await scan.close();

    await page.locator('#areas-list').getByRole('link', { name: 'Aan de deur' }).click();
    await page.getByRole('link', { name: /Vacaturecafé Zorg en Welzijn/ }).first().click();
    await page.locator('#view-title', { hasText: 'Aan de deur' }).waitFor();
    assert.deepEqual(await sticksOut(page), [], 'nothing sticks out at 360 px');
    assert.deepEqual(await axe(page), [], 'the door in Dutch at 360 px');
    assert.doesNotMatch(await page.locator('#console').innerText(), /\bnull\b|undefined/);

    // Keyboard only: search, Tab to her button, Space takes the tick back and gives it again.
    await page.locator('#door-search').focus();
    await page.keyboard.type('amina');
    assert.equal(await page.locator('li.person', { hasText: 'Bilal' }).isHidden(), true);
    await page.keyboard.press('Tab');
    const amina = page.getByRole('button', { name: 'Amina Yusuf is aanwezig' });
    assert.equal(await amina.getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Space');
    assert.equal(await amina.getAttribute('aria-pressed'), 'false');
    await until(rows, (r) => r.find((s) => s.name === 'Amina Yusuf')?.present_at === null, 'the tick taken back');
    await page.keyboard.press('Space');
    assert.equal(await amina.getAttribute('aria-pressed'), 'true');
    await until(rows, (r) => r.find((s) => s.name === 'Amina Yusuf')?.present_at, 'Amina ticked again');
    assert.match(await page.locator('#door-counts').innerText(), /2 aangemeld · 1 binnen · 1 nog niet · 0 zonder aanmelding/);

    // The connection drops: Bilal's tick and a walk-in are kept on the phone.
    await page.locator('#door-search').fill('');
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Bilal Haddad is aanwezig' }).click();
    await page.locator('#walk-in-name').fill('Chris de Vries');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await page.locator('#door-network', { hasText: 'Geen verbinding. 2 wijziging(en) bewaard' }).waitFor();
    assert.match(await page.locator('#door-counts').innerText(), /2 aangemeld · 2 binnen · 0 nog niet · 1 zonder aanmelding/);
    await new Promise((done) => setTimeout(done, 500));
    assert.equal((await rows()).find((s) => s.name === 'Bilal Haddad').present_at, null, 'nothing reached the server while offline');

    // Back online: both arrive, once.
    await page.context().setOffline(false);
    await until(rows, (r) => r.find((s) => s.name === 'Bilal Haddad')?.present_at, 'Bilal ticked after the connection came back');
    const walkIns = await until(() => api('GET', `/cafes/${cafe}/walk-ins`), (w) => w.length === 1, 'the walk-in arrived');
    assert.equal(walkIns[0].name, 'Chris de Vries');
    await page.locator('#door-network', { hasText: 'Alles is opgeslagen' }).waitFor();

    // The counts, per café.
    await page.locator('#areas-list').getByRole('link', { name: 'Wie kwamen' }).click();
    const line = page.locator(`#attendance li[data-cafe="${cafe}"]`);
    await line.waitFor();
    assert.deepEqual(await line.locator('dt').allInnerTexts(), ['Met een plek', 'Gekomen', 'Niet gekomen', 'Zonder aanmelding']);
    assert.deepEqual((await line.locator('dd').allInnerTexts()).map(Number), [2, 2, 0, 1]);
    assert.deepEqual(await axe(page), [], 'the counts at 360 px');
    assert.deepEqual(await sticksOut(page), []);

    // The history names who did it.
    await page.locator('#areas-list').getByRole('link', { name: 'Geschiedenis' }).click();
    await page.locator('.log-list li', { hasText: 'Sanne: walk_in' }).waitFor();
    assert.deepEqual(page.problems.pageErrors, []);
    await page.context().close();
  });

  test('figures on a 360 px phone: nothing about 9 people who shared; from 10 on, how each score spreads and the steps suggested to all of them', async () => {
    // Bonding, sorted: 10 20 30 30 55 55 80 80 90 100. By nearest rank the
    // lower quarter is 30, the median 55 (also the mean of the middle two)
    // and the upper quarter 80. The tenth share (80) comes after the reload.
    const bonding = [55, 10, 80, 30, 100, 20, 55, 90, 30, 80];
    const share = (i) => fetch(`${server.origin}/v1/orgs/buurt/figures/netwerkscan`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        lang: 'en',
        scores: { bonding: bonding[i], bridging: 40, linking: 20, awareness: 60, support: 50, diversity: 70 },
        // A job café was suggested to all ten; a peer to three: too few to be named.
        steps: i < 3 ? ['job-cafe', 'peer'] : ['job-cafe'],
      }),
    });
    // 10 shares from one address: within the server's default rate of 20 a
    // minute (shared figures are counted apart from signups).
    for (let i = 0; i < 9; i += 1) assert.equal((await share(i)).status, 204, `share ${i + 1}`);

    const page = await console_(PHONE, sanne, 'en');
    await page.locator('#areas-list').getByRole('link', { name: 'Figures' }).click();
    await page.locator('#view-title', { hasText: 'Figures' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'view-title', 'focus on the heading');
    const scan = page.locator('#figures-netwerkscan');
    await scan.locator('.fig-few').waitFor();
    assert.equal(await scan.locator('.fig-few').innerText(),
      'Fewer than 10 people shared in this month; figures are shown from 10 people on.');
    assert.equal(await scan.locator('table').count(), 0, 'no figures about 9 people');
    assert.match(await scan.innerText(), /Only people who chose to share send their scores and the ids of the steps they were given: no names, no answers\. A month’s shares are deleted 24 months after it\./);
    assert.match(await page.locator('#figures-alliantiescan').innerText(), /Nobody has shared figures yet\./);

    assert.equal((await share(9)).status, 204, 'share 10');
    await page.reload();
    const table = scan.locator('table.fig-scores');
    await table.waitFor();
    const [y, m] = todayThere().split('-').map(Number);
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
    assert.equal(await scan.locator('.fig-month h4').first().innerText(), `${month}\n10 people shared`);
    assert.match(await table.locator('caption').innerText(), new RegExp(`How the scores spread in ${month}`));
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Score', 'Lower quarter', 'Median', 'Upper quarter']);
    assert.deepEqual((await table.locator('tbody th').allInnerTexts()).sort(),
      ['awareness', 'bonding', 'bridging', 'diversity', 'linking', 'support'], 'one row per score');
    assert.deepEqual((await table.locator('tr[data-score="bonding"] td').allInnerTexts()).map(Number), [30, 55, 80]);
    assert.deepEqual((await table.locator('tr[data-score="diversity"] td').allInnerTexts()).map(Number), [70, 70, 70]);
    const steps = scan.locator('table.fig-steps');
    assert.match(await steps.locator('caption').innerText(), /Steps suggested to at least 10 people/);
    assert.deepEqual(await steps.locator('tbody tr').allInnerTexts(), ['job-cafe\t10']);
    assert.equal(await scan.locator('.fig-langs').innerText(), 'Scanned in: English 10.');
    assert.equal(await scan.locator('.fig-counted').count(), 0, 'all ten counted');
    assert.equal(await scan.locator('svg.fig-chart').getAttribute('aria-hidden'), 'true', 'the table is what a screen reader reads');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'view-title');
    assert.deepEqual(await axe(page), [], 'the figures in English at 360 px');
    assert.deepEqual(await sticksOut(page), [], 'nothing sticks out at 360 px');

    // In Dutch: the same numbers, Dutch words.
    await page.locator('#ui-lang').selectOption('nl');
    await page.locator('#view-title', { hasText: 'Cijfers' }).waitFor();
    assert.deepEqual(await scan.locator('table.fig-scores thead th').allInnerTexts(), ['Score', 'Onderste kwart', 'Mediaan', 'Bovenste kwart']);
    assert.deepEqual(await axe(page), [], 'the figures in Dutch at 360 px');
    assert.deepEqual(page.problems.pageErrors, []);
    assert.deepEqual(page.problems.csp, []);
    await page.context().close();
  });
});
