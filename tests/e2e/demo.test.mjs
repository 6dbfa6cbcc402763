// End-to-end: what a newcomer does after `cargo xtask serve` (issue 13). The
// server prints a sign-in link for the demo organisation's playground; that
// link opens the playground signed in, and the token leaves the address bar.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, openPage, startServer } from './harness.mjs';

let server, browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the printed sign-in link opens the playground signed in as the demo organisation, and the token leaves the address bar', async () => {
  assert.ok(server.signInLink, 'serve --demo prints a sign-in link');
  assert.ok(server.signInLink.startsWith(`${server.origin}/admin/#org=demo&token=`), server.signInLink);
  const page = await openPage(browser, server.signInLink);
  await page.locator('#workspace').waitFor({ timeout: 15000 });
  assert.match(await page.locator('#who').innerText(), /^demo/);
  assert.equal(await page.locator('#sign-in').isHidden(), true, 'no sign-in form');
  assert.equal(new URL(page.url()).hash, '#scripts', 'the token is gone from the address bar; the rule scripts are open');
  // The demo's own script is what the editor shows, once it has loaded.
  const editor = page.locator('#script-editor .cm-content', { hasText: 'per_link' });
  await editor.waitFor({ timeout: 15000 });
  assert.match(await editor.innerText(), /fn weight_changes/);
  assert.deepEqual(page.problems.csp, [], 'no CSP violations');
  await page.context().close();
});

test('a sign-in link with a wrong token says so and opens nothing', async () => {
  const page = await openPage(browser, `${server.origin}/admin/#org=demo&token=not-the-token`);
  await page.locator('#sign-in-error').filter({ hasText: /do not match|horen niet bij elkaar/ }).waitFor();
  assert.equal(await page.locator('#workspace').isHidden(), true);
  assert.doesNotMatch(page.url(), /token/);
  await page.context().close();
});
