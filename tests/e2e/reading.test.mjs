// End-to-end: the widgets as people with other reading needs meet them, in
// Debian's headless Chromium. Text that grows with the reader's setting and
// that no host page can shrink; nothing clipped at 320 px with 200% zoom.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, orgAdd, startHostSite, startServer } from './harness.mjs';
import { addPerson, ready, start } from './scan.mjs';

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
  const second = await fetch(`${server.origin}/v1/admin/orgs/leesbaar/cafes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      title: 'Vacaturecafé Techniek', date, start: '10:00', end: '12:00',
      place: 'Bibliotheek', address: 'Markt 1, Zwolle', capacity: 10,
    }),
  });
  assert.equal(second.status, 201);
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

async function open(widget, org, ready, { root = '100%', lang = 'nl', viewport, extra = 'none' } = {}) {
  const page = await openPage(browser, `${site.origin}/reading.html?widget=${widget}&org=${org}&lang=${lang}&root=${encodeURIComponent(root)}&extra=${extra}`, viewport);
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
    test(`${widget}: body text follows the reader's larger text, and a host page's 62.5% root shrinks nothing`, async () => {
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
      assert.equal(body(smallSizes), 16, 'body text stays 16px');
      await small.page.context().close();

      // …also when the page's rules set the widget element's own font size.
      const hostile = await open(widget, org, ready, { root: '62.5%', extra: 'hostile-font' });
      assert.equal(body(await textSizes(hostile.w)), 16, 'a host rule on the widget element cannot shrink it');
      await hostile.page.context().close();

      // The same host page, read by someone whose browser's default text is
      // 20px (Chromium's font setting, through the DevTools protocol): 20px.
      const context = await browser.newContext();
      const reader = await context.newPage();
      const cdp = await context.newCDPSession(reader);
      await cdp.send('Page.enable');
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 20 } });
      await reader.goto(`${site.origin}/reading.html?widget=${widget}&org=${org}&lang=nl&root=62.5%25`);
      const rw = reader.locator('bondgenoot-widget');
      await rw.locator(ready).first().waitFor({ timeout: 15000 });
      assert.equal(body(await textSizes(rw)), 20, 'the reader\'s own size, whatever the host page sets');
      await context.close();
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

/** What has focus inside the widget: its tag, id, class and accessible text. */
function focused(w) {
  return w.evaluate((host) => {
    const el = host.shadowRoot.activeElement;
    if (!el) return null;
    return { tag: el.tagName.toLowerCase(), id: el.id, cls: el.className, text: (el.getAttribute('aria-label') || el.textContent).trim() };
  });
}

describe('focus after every action (WCAG 2.4.3), and what is announced', () => {
  test('Netwerkscan: changing, cancelling and removing people, and removing the answers', async () => {
    const page = await openPage(browser, `${site.origin}/host.html?org=plain&lang=en`);
    const w = page.locator('bondgenoot-widget').first();
    await ready(w);
    await start(w);
    await addPerson(w, { name: 'Amal' });
    await addPerson(w, { name: 'Bram' });
    await addPerson(w, { name: 'Chris' });

    // ✎ far below: focus goes up to the form, whose heading says whom.
    await w.getByRole('button', { name: 'Change Bram' }).click();
    assert.deepEqual(await focused(w), { tag: 'h4', id: '', cls: 'bg-form-title', text: 'Change Bram' });
    // Saving: back to Bram's ✎, and it is announced.
    await w.locator('#bg-person-name').fill('Bram de Vries');
    await w.getByRole('button', { name: 'Save changes' }).click();
    assert.equal((await focused(w)).id, 'bg-edit-1');
    assert.equal((await focused(w)).text, 'Change Bram de Vries');
    // Cancelling a change: back to that ✎ too.
    await w.getByRole('button', { name: 'Change Chris' }).click();
    await w.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await focused(w)).id, 'bg-edit-2');

    // Removing the first person: focus on the list's heading, not lost, not on someone else's ✕.
    await w.getByRole('button', { name: 'Remove Amal' }).click();
    assert.equal((await focused(w)).cls, 'bg-list-title');
    assert.match((await focused(w)).text, /2/);
    assert.match(await w.locator('.bg-people [aria-live=polite]').innerText(), /Amal/);

    // "Remove my answers": the question gets focus; "Cancel" goes back; "Yes" says it is done.
    await w.locator('.bg-nav button').first().click(); // back to the start
    await w.getByRole('button', { name: 'Remove my answers' }).click();
    assert.equal((await focused(w)).id, 'bg-confirm-q');
    await w.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await focused(w)).text, 'Remove my answers');
    await w.getByRole('button', { name: 'Remove my answers' }).click();
    await w.locator('.bg-confirm .bg-danger').click();
    const after = await focused(w);
    assert.ok(after, 'focus stays in the widget');
    assert.match(await w.locator('.bg-notice[role=status]').first().innerText(), /removed/i);

    // Removing on the result goes back to the start: its heading has focus, and it is said.
    await start(w);
    await addPerson(w, { name: 'Dana' });
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    await w.getByRole('button', { name: 'Remove my answers' }).click();
    await w.locator('.bg-confirm .bg-danger').click();
    await w.locator('.bg-result').waitFor({ state: 'detached' });
    const top = await focused(w);
    assert.ok(top && (top.id === 'bg-nws-title' || top.cls.includes('bg-notice')), JSON.stringify(top));
    assert.match(await w.locator('.bg-notice[role=status]').first().innerText(), /removed/i);
    await page.context().close();
  });

  test('Vacaturecafé: back to the list lands on the café you came from; a failed send focuses what went wrong', async () => {
    const page = await openPage(browser, `${site.origin}/reading.html?widget=vacaturecafe&org=leesbaar&lang=en`);
    const w = page.locator('bondgenoot-widget');
    await w.locator('.bg-cafe').first().waitFor({ timeout: 15000 });
    // The second café: landing on the first would be wrong.
    assert.equal(await w.locator('.bg-cafe').count(), 2);
    const id = await w.locator('.bg-cafe button').nth(1).getAttribute('id');
    await w.locator(`#${id}`).click();
    await w.locator('.bg-signup').waitFor();
    await w.getByRole('button', { name: 'Back to the list' }).click();
    await page.waitForFunction((want) => document.querySelector('bondgenoot-widget').shadowRoot.activeElement?.id === want, id);

    // The connection drops while sending: the send button was disabled, focus goes to the message.
    await w.locator(`#${id}`).click();
    await w.locator('#bg-f-name').fill('Sara');
    await w.locator('#bg-f-email').fill('sara@example.nl');
    await w.locator('#bg-f-consent').check();
    await page.context().setOffline(true);
    await w.locator('.bg-form button[type=submit]').click();
    await page.waitForFunction(() => document.querySelector('bondgenoot-widget').shadowRoot.activeElement?.classList.contains('bg-notice'));
    assert.match((await focused(w)).text, /could not reach the server/);
    await page.context().setOffline(false);
    await page.context().close();
  });

  test('Alliantiescan: removing the answers, and a partner from the comparison', async () => {
    const a = await openPage(browser, `${site.origin}/alliantie.html?org=plain&lang=en`);
    const wa = a.locator('bondgenoot-widget');
    await wa.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
    await wa.locator('#bg-partner').fill('Language school');
    await wa.locator('#bg-goal-yes').check();
    await wa.locator('.bg-views button').nth(1).click();
    const link = await wa.locator('#bg-share-link').inputValue();

    // Remove my answers: question focused, cancel back, yes → told, focus kept.
    await wa.getByRole('button', { name: 'Remove my answers' }).click();
    assert.equal((await focused(wa)).id, 'bg-confirm-q');
    await wa.getByRole('button', { name: 'Cancel' }).click();
    assert.equal((await focused(wa)).text, 'Remove my answers');
    await wa.getByRole('button', { name: 'Remove my answers' }).click();
    await wa.locator('.bg-confirm .bg-danger').click();
    assert.ok(await focused(wa), 'focus stays in the widget');
    assert.match(await wa.locator('.bg-nav .bg-notice').innerText(), /removed/i);

    // A partner's scan in the comparison, then out again.
    await wa.locator('.bg-views button').nth(2).click();
    await wa.locator('#bg-open-link').fill(link);
    await wa.getByRole('button', { name: 'Add to comparison' }).click();
    await wa.locator('.bg-compare-table').waitFor();
    // Named with its day: one partner's scans of two days are told apart.
    const day = new Date().toLocaleDateString('en', { day: 'numeric', month: 'long', year: 'numeric' });
    await wa.getByRole('button', { name: `Remove Language school (${day}) from the comparison` }).click();
    const now = await focused(wa);
    assert.equal(now.cls, 'bg-notice');
    assert.equal(now.text, `Language school (${day}) is no longer in the comparison.`);
    assert.equal(await wa.locator('.bg-compare-table').count(), 0);
    await a.context().close();
  });
});

/** The page's accessibility tree as Chromium builds it (shadow roots included): non-ignored nodes. */
async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => ({
    id: n.nodeId,
    parent: n.parentId,
    role: n.role?.value,
    name: (n.name?.value ?? '').trim(),
    invalid: n.properties?.find((p) => p.name === 'invalid')?.value?.value,
  }));
}

/** Names that more than one control of these roles share. */
function repeated(nodes, roles) {
  const names = nodes.filter((n) => roles.includes(n.role)).map((n) => `${n.role}: ${n.name}`);
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}

const CONTROLS = ['button', 'textbox', 'combobox', 'checkbox', 'link', 'DisclosureTriangle'];

describe('what a screen reader hears: names, landmarks, announcements', () => {
  test('Netwerkscan: one region with its language switch, no navigation landmark, one heading, the summary said once', async () => {
    const page = await openPage(browser, `${site.origin}/host.html?org=plain&lang=en`);
    const w = page.locator('bondgenoot-widget').first();
    await ready(w);
    let tree = await axTree(page);
    const title = (await w.locator('#bg-nws-title').innerText()).trim();
    const region = tree.find((n) => n.role === 'region' && n.name === title);
    assert.ok(region, 'the widget is a region named by its title');
    assert.ok(await w.evaluate((host) => Boolean(host.shadowRoot.querySelector('[role=region] .bg-lang select'))),
      'the language switch is inside it');
    assert.equal(tree.filter((n) => n.role === 'heading' && n.name === title).length, 1, 'no hidden twin of the title');
    await start(w);
    await addPerson(w, { name: 'Amal', knows: true });
    await addPerson(w, { name: 'Bram' });
    tree = await axTree(page);
    assert.equal(tree.filter((n) => n.role === 'navigation').length, 0, 'the step indicator is not a navigation landmark');
    assert.deepEqual(repeated(tree, CONTROLS), [], 'every control has its own name');
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    const label = await w.locator('.bg-map-picture').getAttribute('aria-label');
    const caption = await w.locator('.bg-people-table caption').innerText();
    assert.notEqual(caption, label, 'the summary is said once, not again as the table caption');
    await page.context().close();
  });

  test('Vacaturecafé: a region, a named button per café, errors said when they appear and gone when fixed, consent not invalid before an answer, words for the cancel link', async () => {
    const page = await openPage(browser, `${site.origin}/reading.html?widget=vacaturecafe&org=leesbaar&lang=en`);
    const w = page.locator('bondgenoot-widget');
    await w.locator('.bg-cafe').first().waitFor({ timeout: 15000 });
    let tree = await axTree(page);
    assert.ok(tree.find((n) => n.role === 'region' && n.name === 'Job cafés'), JSON.stringify(tree.filter((n) => n.role === 'region')));
    assert.ok(tree.find((n) => n.role === 'button' && n.name === 'Sign up Vacaturecafé Zorg, Welzijn en Kinderopvang'));
    assert.deepEqual(repeated(tree, CONTROLS), [], 'one name per café button');
    await w.locator('.bg-cafe button').first().click();
    await w.locator('#bg-f-name').waitFor();
    tree = await axTree(page);
    const consent = tree.find((n) => n.role === 'checkbox');
    assert.ok(!consent.invalid || consent.invalid === 'false', `the consent box is not invalid before any answer: ${consent.invalid}`);
    // Leaving the e-mail field with a wrong address: the error is said
    // (politely, once), not only shown; typing does not interrupt.
    const said = w.locator('.bg-form [aria-live=polite].bg-sr-only');
    await w.locator('#bg-f-email').fill('not an address');
    assert.equal((await said.innerText()).trim(), '', 'nothing said while typing');
    await w.locator('#bg-f-name').focus();
    await said.filter({ hasText: /e-mail/i }).waitFor();
    // Send with errors: "look at the questions" shows; fixed, it goes.
    await w.locator('.bg-form button[type=submit]').click();
    const notice = w.locator('.bg-form .bg-notice');
    assert.match(await notice.innerText(), /\S/);
    await w.locator('#bg-f-name').fill('Sara');
    await w.locator('#bg-f-email').fill('sara@example.nl');
    await w.locator('#bg-f-consent').check();
    assert.equal((await notice.innerText()).trim(), '', 'no "look at the questions" once nothing is wrong');
    await w.locator('.bg-form button[type=submit]').click();
    const link = w.locator('.bg-cancel-link a');
    await link.waitFor();
    assert.equal(await link.innerText(), 'See or cancel my signup');
    assert.match(await link.getAttribute('href'), /#bg-cancel=[0-9a-f]{32}$/);
    await page.context().close();
  });

  test('Alliantiescan: each disclosure and field named with its item, inside its group; the comparison read cleanly; the bad link tied to its field; the result announced', async () => {
    const page = await openPage(browser, `${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = page.locator('bondgenoot-widget');
    await w.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
    let tree = await axTree(page);
    assert.deepEqual(repeated(tree, CONTROLS), [], 'every disclosure, note, owner and role field has its own name');
    assert.equal(await w.locator('.bg-item fieldset details').count(), await w.locator('.bg-item').count(), 'each inside its item\'s group');
    await w.locator('#bg-partner').fill('Language school');
    await w.locator('#bg-meetings-yes').check();
    await w.locator('.bg-views button').nth(1).click();
    // The result's phase and summary reach the live region that was there before.
    await w.locator('[role=status].bg-sr-only', { hasText: /phase/i }).waitFor();
    const link = await w.locator('#bg-share-link').inputValue();
    await w.locator('.bg-views button').nth(2).click();
    await w.locator('#bg-open-link').fill('not a link');
    await w.getByRole('button', { name: 'Add to comparison' }).click();
    assert.equal(await w.locator('#bg-open-link').getAttribute('aria-describedby'), 'bg-open-link-error');
    assert.equal(await w.locator('#bg-open-link').getAttribute('aria-invalid'), 'true');
    await w.locator('#bg-open-link').fill(link);
    await w.getByRole('button', { name: 'Add to comparison' }).click();
    await w.locator('.bg-compare-table').waitFor();
    tree = await axTree(page);
    assert.ok(tree.find((n) => n.role === 'table' && n.name), 'the table has a caption');
    assert.equal(await w.locator('.bg-compare-table button').count(), 0, 'no remove button inside the table');
    await page.context().close();
  });
});

describe('plain words (B1) and promises the product keeps', () => {
  test('Netwerkscan in Dutch: who a person knows, how well, and a step that says so when nobody is added', async () => {
    const page = await openPage(browser, `${site.origin}/host.html?org=plain&lang=nl`);
    const w = page.locator('bondgenoot-widget').first();
    await ready(w);
    await start(w);
    const form = await w.locator('.bg-form').innerText();
    assert.match(form, /Kent deze persoon andere mensen dan jij\?/);
    assert.doesNotMatch(form, /kringen|Dichtbij/);
    assert.match(form, /Heel goed[\s\S]*Een beetje/);
    // Straight to the result with nobody added: no "Maar 0 van je 0 mensen".
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    const result = await w.locator('.bg-result').innerText();
    assert.match(result, /Je hebt nog niemand toegevoegd/);
    assert.doesNotMatch(result, /0 van je 0/);
    await page.context().close();
  });

  test('Alliantiescan in Dutch: the alliance is "jullie", the first phase and the roles in plain words', async () => {
    const page = await openPage(browser, `${site.origin}/alliantie.html?org=plain&lang=nl`);
    const w = page.locator('bondgenoot-widget');
    await w.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
    await w.locator('.bg-views button').nth(1).click();
    const result = await w.locator('.bg-result').innerText();
    assert.match(result, /Wat kunnen jullie nu doen\?/);
    assert.match(result, /Jullie alliantie staat aan het begin/);
    assert.doesNotMatch(result, /aan het vormen|Niemand neemt/);
    await page.context().close();
  });

  test('Vacaturecafé: the consent text says 30 days, the waiting list promises nothing it cannot keep and gets no calendar file, and a café whose waiting list is full says so instead of offering the form', async () => {
    // A café with one place: one person takes it, one waits, and the waiting list (as long as the places) is full.
    const token = await orgAdd(server.dataDir, 'volcafe', [site.origin]);
    const date = new Date(Date.now() + 9 * 86400000).toISOString().slice(0, 10);
    const made = await fetch(`${server.origin}/v1/admin/orgs/volcafe/cafes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Klein café', date, start: '14:00', end: '15:00', place: 'Buurthuis', address: 'Plein 1', capacity: 1 }),
    });
    const cafe = (await made.json()).id;
    const signUp = (n) => fetch(`${server.origin}/v1/orgs/volcafe/cafes/${cafe}/signups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ form: { name: `P${n}`, email: `p${n}@example.nl`, consent: true } }),
    });
    assert.equal((await signUp(1)).status, 201);

    // One place taken: the waiting list is open. The person waiting is told only what is true, and gets no calendar file.
    let page = await openPage(browser, `${site.origin}/reading.html?widget=vacaturecafe&org=volcafe&lang=nl`);
    let w = page.locator('bondgenoot-widget');
    await w.locator('.bg-cafe').waitFor({ timeout: 15000 });
    await w.getByRole('button', { name: /Op de wachtlijst/ }).click();
    assert.match(await w.locator('.bg-form').innerText(), /Uiterlijk 30 dagen na het café/);
    await w.locator('#bg-f-name').fill('Wachtende');
    await w.locator('#bg-f-email').fill('wacht@example.nl');
    await w.locator('#bg-f-consent').check();
    await w.locator('.bg-form button[type=submit]').click();
    const done = w.locator('.bg-done[data-status=waitlist]');
    await done.waitFor();
    assert.match(await done.innerText(), /Met je link zie je altijd of je een plek hebt/);
    assert.doesNotMatch(await done.innerText(), /laten we het je weten/);
    assert.equal(await done.getByRole('link', { name: /agenda/ }).count(), 0, 'no calendar file without a place');
    await page.context().close();

    // Now the waiting list is full too: no button that leads to a form and a refusal.
    // The rules engine held back: until it decides, the full café offers no
    // button that may lead nowhere.
    const context = await browser.newContext();
    let release;
    const released = new Promise((r) => { release = r; });
    await context.route(/\/v1\/bondgenoot_engine_bg\./, async (route) => { await released; await route.continue(); });
    page = await context.newPage();
    await page.goto(`${site.origin}/reading.html?widget=vacaturecafe&org=volcafe&lang=nl`);
    w = page.locator('bondgenoot-widget');
    await w.locator('.bg-cafe .bg-loading').waitFor({ timeout: 15000 });
    assert.equal(await w.locator('.bg-cafe button').count(), 0, 'no button while the rules still decide');
    release();
    await w.locator('.bg-cafe .bg-all-full').waitFor();
    assert.match(await w.locator('.bg-cafe').innerText(), /Vol: ook de wachtlijst is vol\./);
    assert.equal(await w.locator('.bg-cafe button').count(), 0);
    await page.context().close();
  });
});
