// End-to-end: the rule-script playground at /admin/, in Debian's headless
// Chromium against the real server. An admin signs in, changes a weight,
// sees the real widget's score change, makes and fixes a syntax error, runs
// the script's tests, publishes, checks the demo site, and rolls back.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, launchBrowser, openPage, orgAdd, startServer } from './harness.mjs';
import { STANDARD_SCORES, fillStandardScan, ready, scores } from './scan.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DEMO_SCRIPT = readFileSync(join(ROOT, 'scripts/examples/demo/netwerkscan.rhai'), 'utf8');
const DEMO_TESTS = readFileSync(join(ROOT, 'scripts/examples/demo/netwerkscan.tests.json'), 'utf8');

let server, browser, token;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  token = await orgAdd(server.dataDir, 'demo');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Polls `read` until it returns `want` (deep-equal), or fails after 15 s. */
async function until(read, want, what) {
  let last;
  for (const deadline = Date.now() + 15000; Date.now() < deadline;) {
    last = await read().catch((e) => e);
    try { assert.deepEqual(last, want); return; } catch { /* not yet */ }
    await new Promise((ok) => setTimeout(ok, 100));
  }
  assert.deepEqual(last, want, what);
}

/** Replaces the whole text of a CodeMirror editor (one line: a pasted run
 * of spaces would arrive as no-break spaces). */
async function replaceText(page, editor, text) {
  await page.locator(`${editor} .cm-content`).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
}

/** Puts the cursor right after `text` on the script line that has it, by keyboard. */
async function cursorAfter(page, text) {
  const line = page.locator('#script-editor .cm-line', { hasText: text });
  await line.click();
  await page.keyboard.press('End');
  const full = await line.textContent();
  const back = full.length - (full.indexOf(text) + text.length);
  for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft');
}

/** The demo site as a job seeker sees it, in a fresh browser profile. */
async function demoSiteScores() {
  const page = await openPage(browser, `${server.origin}/`);
  const w = page.locator('bondgenoot-widget').first();
  await ready(w);
  await fillStandardScan(w);
  const s = await scores(w);
  assert.deepEqual(page.problems.pageErrors, []);
  await page.context().close();
  return s;
}

async function axe(page) {
  await page.evaluate(axeSource); // evaluated by the devtools protocol, not blocked by the page's CSP
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function signIn(page) {
  await page.locator('#token').fill(token);
  await page.locator('#sign-in-form button[type=submit]').click();
  await page.locator('#workspace').waitFor();
}

describe('the rule-script playground', () => {
  test('a wrong token is refused with a clear message and nothing opens', async () => {
    const page = await openPage(browser, `${server.origin}/admin/`);
    await page.locator('#org').fill('demo');
    await page.locator('#token').fill('not-the-token');
    await page.locator('#sign-in-form button[type=submit]').click();
    await until(() => page.locator('#sign-in-error').textContent(),
      'This organisation and token do not match. Check both and try again.');
    assert.equal(await page.locator('#workspace').isVisible(), false);
    assert.deepEqual(page.problems.csp, []);
    await page.context().close();
  });

  test('change a weight, see the preview change, fix a syntax error, run the tests, publish, check the demo site, roll back', async () => {
    const page = await openPage(browser, `${server.origin}/admin/#scripts`, { width: 1400, height: 1000 });

    // Sign in with the keyboard only.
    await page.locator('#org').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('demo');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Fatima');
    await page.keyboard.press('Tab');
    await page.keyboard.type(token);
    await page.keyboard.press('Enter');
    await page.locator('#workspace').waitFor();
    await until(() => page.locator('#status').textContent(), '✓ The script works: every hook runs in every language (nl, en, ar, uk, tr).');
    await page.locator('#script-editor .cm-line', { hasText: 'per_link: 50' }).waitFor();
    assert.equal(await page.locator('#live-version').textContent(), 'Live: version 1');
    assert.match(await page.locator('#reference').textContent(), /score\(answers, ctx\)/);

    // The preview is the real widget: fill it in.
    await page.locator('#preview-lang').selectOption('en');
    const preview = page.locator('#preview bondgenoot-widget');
    await ready(preview);
    await fillStandardScan(preview);
    assert.deepEqual(await scores(preview), { ...STANDARD_SCORES, linking: 50 });

    // A heavier weight, typed: the preview follows as the admin types.
    await cursorAfter(page, 'per_link: 50');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('70');
    await until(async () => (await scores(preview)).linking, 70, 'the preview shows the new weight');

    // A syntax error is marked at its line, in words; the preview keeps the last good script.
    const line = DEMO_SCRIPT.split('\n').findIndex((l) => l.includes('per_link: 50')) + 1;
    await page.keyboard.type(' +');
    await page.locator('#status.bad').waitFor();
    const status = await page.locator('#status').textContent();
    assert.match(status, new RegExp(`The script cannot be read — line ${line}, column \\d+: `), status);
    const marked = page.locator('#script-editor .cm-line', { has: page.locator('.cm-lintRange-error') });
    assert.match(await marked.textContent(), /per_link: 70 \+ \}/, 'the error is underlined on its own line');
    assert.equal(await page.locator('#script-editor .cm-gutter-lint .cm-lint-marker-error').count(), 1);
    assert.equal((await scores(preview)).linking, 70);

    // Fixed again.
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    await until(() => page.locator('#status').textContent(), '✓ The script works: every hook runs in every language (nl, en, ar, uk, tr).');
    assert.equal(await page.locator('#script-editor .cm-lintRange-error').count(), 0);

    // A reload (or a crash) loses nothing: the tab keeps the unpublished changes and the sign-in.
    await page.reload();
    await page.locator('#script-editor .cm-line', { hasText: 'per_link: 70' }).waitFor();
    assert.equal(await page.locator('#drafted').isVisible(), true);
    await until(async () => (await scores(preview)).linking, 70, 'the preview keeps the answers and the new weight');

    // The demo's own tests expected 50: they fail, with expected against actual.
    await page.locator('#run-tests').click();
    const failed = page.locator('#test-list li[data-result=fail]');
    await failed.first().waitFor();
    assert.match(await failed.first().textContent(), /50 instead of 30/);
    assert.match(await failed.first().locator('.diff .want').first().textContent(), /expected 50/);
    assert.match(await failed.first().locator('.diff .got').first().textContent(), /70/);
    assert.match(await page.locator('#tests-summary').textContent(), /\d+ passed, [1-9]\d* failed\./);

    // Publishing now is refused by the server; the live version stays.
    await page.locator('#publish').click();
    await until(async () => /^✗ Not published/.test(await page.locator('#publish-result').textContent()), true);
    assert.equal(await page.locator('#live-version').textContent(), 'Live: version 1');

    // The admin brings the expectations up to date, and the tests pass.
    const tests = JSON.parse(DEMO_TESTS);
    for (const c of tests.cases) {
      for (const d of c.expect.dimensions ?? []) if (d.id === 'linking' && d.value === 50) d.value = 70;
    }
    await page.locator('#tests-box summary').click();
    await replaceText(page, '#tests-editor', JSON.stringify(tests));
    await page.locator('#run-tests').click();
    await until(() => page.locator('#tests-summary').textContent(), `${tests.cases.length} passed, 0 failed.`);

    // Publish.
    await page.locator('#note').fill('A contact at work counts 70');
    await page.locator('#publish').click();
    await until(() => page.locator('#publish-result').textContent(),
      '✓ Version 2 is live. Widgets pick it up on their next load.');
    assert.equal(await page.locator('#live-version').textContent(), 'Live: version 2');
    const newest = page.locator('#history li[data-version="2"]');
    assert.match(await newest.textContent(), /Fatima · “A contact at work counts 70”.*live/);
    assert.equal(await page.locator('#drafted').isVisible(), false, 'published: no unpublished changes left');

    // The demo site now scores with the new weight.
    assert.deepEqual(await demoSiteScores(), { ...STANDARD_SCORES, linking: 70 });

    // History: version 1 against the live one, as a diff.
    await page.getByRole('button', { name: 'Compare with live: version 1' }).click();
    const removed = page.locator('#diff .cm-deletedChunk').first();
    await removed.waitFor();
    assert.match(await removed.textContent(), /per_link: 50/, 'the old line, marked as removed');
    assert.match(await page.locator('#diff .cm-changedLine').first().textContent(), /per_link: 70/, 'the live line, marked as changed');

    // No accessibility violations in the signed-in playground.
    assert.deepEqual(await axe(page), []);

    // Roll back: version 1 is live again, on the demo site too.
    await page.getByRole('button', { name: 'Make live: version 1' }).click();
    await until(() => page.locator('#publish-result').textContent(), '✓ Version 1 is live again.');
    assert.equal(await page.locator('#live-version').textContent(), 'Live: version 1');
    await page.locator('#script-editor .cm-line', { hasText: 'per_link: 50' }).waitFor();
    assert.deepEqual(await demoSiteScores(), { ...STANDARD_SCORES, linking: 50 });

    assert.deepEqual(page.problems.csp, [], 'no CSP violations');
    assert.deepEqual(page.problems.pageErrors, [], 'no uncaught errors');
    await page.context().close();
  });

  test('a signup in the Vacaturecafé preview is decided by the edited script and never stored', async () => {
    const page = await openPage(browser, `${server.origin}/admin/#scripts`, { width: 1400, height: 1000 });
    await signIn(page);
    // The page speaks Dutch too; script errors and the reference stay in English.
    await page.locator('#ui-lang').selectOption('nl');
    assert.equal(await page.locator('h1').textContent(), 'Bondgenoot · beheer');
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    await until(() => page.locator('#status').textContent(), '✓ Het script werkt: elke hook draait in elke taal (nl, en, ar, uk, tr).');
    assert.equal(await page.locator('#live-version').textContent(), 'Live: versie 1');
    await page.locator('#ui-lang').selectOption('en');

    // An edit made just before switching widgets is not lost: it stays that widget's draft.
    await page.locator('#script-editor .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('// keep me');
    await page.locator('#widget').selectOption('vacaturecafe');
    await page.locator('#preview-lang').selectOption('en');
    await until(() => page.locator('#live-version').textContent(), 'Live: the default script only');
    await replaceText(page, '#script-editor',
      'fn decide(form, cafe, counts, ctx) { #{ outcome: "rejected", message: "Only people from Demostad, sorry." } }');
    await until(() => page.locator('#status').textContent(), '✓ The script works: every hook runs in every language (nl, en, ar, uk, tr).');

    const w = page.locator('#preview bondgenoot-widget');
    await w.locator('.bg-cafes li .bg-primary').first().click();
    await w.locator('#bg-f-name').fill('Amal');
    await w.locator('#bg-f-email').fill('amal@example.nl');
    await w.locator('#bg-f-consent').check();
    await w.locator('.bg-form button[type=submit]').click();
    const done = w.locator('.bg-done[data-status=rejected]');
    await done.waitFor();
    assert.match(await done.textContent(), /Only people from Demostad, sorry\./);
    assert.match(await done.textContent(), /Preview: nothing was sent and nothing was stored\./);

    // The e-mail the person would get is shown too, as the edited script writes it.
    await replaceText(page, '#script-editor', [
      'fn message(kind, signup, cafe, ctx) {',
      '    let m = default_message(kind, signup, cafe, ctx);',
      '    m.subject = "Demostad: " + m.subject;',
      '    m',
      '}',
    ].join('\n'));
    await until(() => page.locator('#status').textContent(), '✓ The script works: every hook runs in every language (nl, en, ar, uk, tr).');
    const back = w.locator('.bg-done button');
    if (await back.count()) await back.click();
    await w.locator('.bg-cafes li .bg-primary').first().click();
    await w.locator('#bg-f-name').fill('Amal');
    await w.locator('#bg-f-email').fill('amal@example.nl');
    await w.locator('#bg-f-consent').check();
    await w.locator('.bg-form button[type=submit]').click();
    await w.locator('.bg-done[data-status=confirmed]').waitFor();
    const mail = w.locator('.bg-mail-preview');
    assert.match(await mail.locator('.bg-mail-subject').textContent(), /^Demostad: You have a place: /);
    assert.match(await mail.locator('.bg-mail-text').textContent(), /^Hello Amina,\n/);
    assert.match(await mail.locator('.bg-mail-text').textContent(), /#bg-cancel=/);

    const response = await fetch(`${server.origin}/v1/admin/orgs/demo/signups`, { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(await response.json(), [], 'no signup was made');

    await page.locator('#widget').selectOption('netwerkscan');
    await until(() => page.locator('#drafted').isVisible(), true);
    assert.match(await page.locator('#script-editor .cm-content').textContent(), /\/\/ keep me$/);
    // The preview, mounted again in the same module and the same language,
    // shows the Netwerkscan's own texts, not the café's (nor none).
    await w.locator('.bg-netwerkscan .bg-intro').waitFor();
    assert.match(await w.locator('.bg-netwerkscan .bg-intro').innerText(), /List the people around you/);
    assert.deepEqual(page.problems.errors.filter((e) => /before they loaded/.test(e)), []);
    assert.deepEqual(page.problems.pageErrors, []);
    await page.context().close();
  });
});
