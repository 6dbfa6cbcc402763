// End-to-end: one organisation's script cannot take down another's widget on
// the same page (issue 24). Every widget runs in its own instance of the one
// compiled wasm module; scripts that used to trap the instance are stopped by
// the sandbox with a kind message; and should an instance trap anyway, only
// its widget is replaced, with "try again".

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, startAll } from './harness.mjs';
import { fillStandardScan, ready, scores, toFailedScore } from './scan.mjs';

let all, server, site, browser;

before(async () => {
  all = await startAll();
  ({ server, site, browser } = all);
});

after(async () => {
  await all?.stop();
});

const widget = (page, n = 0) => page.locator('bondgenoot-widget').nth(n);

/** The demo's Alliantiescan answers ticks with a phase. */
async function alliantiescanWorks(w) {
  await w.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
  // The scripts' "contracts before content" scenario.
  for (const id of ['#bg-agreements-yes', '#bg-safety-partly', '#bg-resources-yes', '#bg-personal-yes']) {
    await w.locator(id).check();
  }
  await w.locator('.bg-views button').nth(1).click(); // the result
  await w.locator('.bg-result').waitFor();
  assert.equal(await w.locator('.bg-result').getAttribute('data-phase'), 'formeren');
}

async function siteButtonWorks(page) {
  await page.locator('#site-button').click();
  assert.match(await page.locator('#site-output').textContent(), /clicked 1 time/);
}

describe('one organisation\'s script and the other widgets on the page', () => {
  test('data nested 2,000 deep and printed in `questions` gives a kind message; the other organisation\'s Alliantiescan keeps working', async () => {
    const page = await openPage(browser, `${site.origin}/mixed.html?first=deep`);
    const [bad, good] = [widget(page, 0), widget(page, 1)];
    const alert = bad.locator('.bg-error[role=alert]');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /This part is not working right now/);
    assert.ok(page.problems.errors.some((e) => /hook `questions` \(org:deep script/.test(e)),
      `the admin finds the detail in the console: ${page.problems.errors}`);
    await alliantiescanWorks(good);
    await siteButtonWorks(page);
    assert.deepEqual(page.problems.pageErrors, [], 'no trap, no panic');
    await page.context().close();
  });

  test('a script that calls sleep() gets a kind message, not a frozen or dead page', async () => {
    const page = await openPage(browser, `${site.origin}/two.html?first=sleeper&second=plain`);
    const [bad, good] = [widget(page, 0), widget(page, 1)];
    await ready(good);
    await toFailedScore(bad);
    assert.ok(page.problems.errors.some((e) => /unknown function `sleep/.test(e)), String(page.problems.errors));
    await fillStandardScan(good);
    assert.equal((await scores(good)).linking, 30);
    assert.deepEqual(page.problems.pageErrors, [], 'no trap, no panic');
    await page.context().close();
  });

  test('a trap inside one widget\'s hook stops that widget only; it comes back with "try again", and each file was downloaded once', async () => {
    const downloads = { wasm: [], engineWasm: [], glue: [], engineGlue: [] };
    const count = async (page) => {
      page.on('request', (r) => {
        // The versioned names embed.js loads (bondgenoot_bg.<hash>.wasm and so on).
        const name = r.url().replace(/^.*\/v1\//, '');
        if (/^bondgenoot_bg\.[0-9a-f]{10}\.wasm$/.test(name)) downloads.wasm.push(name);
        if (/^bondgenoot_engine_bg\.[0-9a-f]{10}\.wasm$/.test(name)) downloads.engineWasm.push(name);
        if (/^bondgenoot\.[0-9a-f]{10}\.js/.test(name)) downloads.glue.push(name);
        if (/^bondgenoot_engine\.[0-9a-f]{10}\.js/.test(name)) downloads.engineGlue.push(name);
      });
      // Each glue is a factory of instances: the test's copy also keeps
      // every instance it makes, in the page, so the test can reach one
      // widget's engine (and count them).
      await page.route(/\/v1\/bondgenoot(_engine)?\.[0-9a-f]{10}\.js$/, async (route) => {
        const glue = await (await route.fetch()).text();
        const kind = /_engine\./.test(route.request().url()) ? 'engine' : 'ui';
        // Not a factory: served as it is (the counts below then fail).
        if (!/export default function\s*\(/.test(glue)) return route.fulfill({ status: 200, contentType: 'text/javascript', body: glue });
        const body = glue.replace(/export default function\s*\(/, 'const made = function (') +
          `;export default function () { const g = made(); (window.bgMade ||= []).push({ kind: '${kind}', g }); return g; }`;
        await route.fulfill({ status: 200, contentType: 'text/javascript', body });
      });
    };
    const made = (page, kind) => page.evaluate((kind) => (window.bgMade || []).filter((m) => m.kind === kind).length, kind);
    // Counted from the first request on: the engine is asked for after the
    // first screen, so a page loaded and then reloaded could still ask.
    const page = await openPage(browser, `${site.origin}/two.html?first=plain&second=plain`, undefined, { beforeGoto: count });
    const widgets = [widget(page, 0), widget(page, 1)];
    for (const w of widgets) {
      await ready(w);
      // Scored: each widget's engine is there.
      await fillStandardScan(w);
    }
    const once = (what) => {
      for (const [file, urls] of Object.entries(downloads)) {
        assert.equal(urls.length, 1, `${file} downloaded once ${what}: ${urls}`);
      }
    };
    once('for two widgets');
    assert.equal(await made(page, 'ui'), 2, 'one UI instance per widget');
    assert.equal(await made(page, 'engine'), 2, 'one engine instance per widget');

    // One widget's engine traps in the middle of a hook, from the event loop.
    await page.evaluate(() => {
      const engine = window.bgMade.find((m) => m.kind === 'engine').g;
      setTimeout(() => engine.trapInsideAHookForTests(), 0);
    });
    await page.locator('bondgenoot-widget [role=alert]').first().waitFor();
    const stoppedAt = [];
    for (const [n, w] of widgets.entries()) {
      if (await w.locator('[role=alert]').count()) stoppedAt.push(n);
    }
    assert.equal(stoppedAt.length, 1, 'one widget stopped, not both');
    const [broken, other] = stoppedAt[0] === 0 ? widgets : [widgets[1], widgets[0]];
    assert.match(await broken.locator('[role=alert]').innerText(), /This part stopped because of an error/);
    assert.equal(await broken.locator('.bg-netwerkscan').count(), 0, 'the broken widget is gone');

    // The page carries on, and "try again" mounts the widget afresh, in new instances.
    await siteButtonWorks(page);
    await broken.getByRole('button', { name: 'Try again' }).click();
    await ready(broken);
    // The answers were kept on the device: the new instances show the
    // result again, scored by the new engine.
    await broken.locator('.bg-result').waitFor();
    assert.equal((await scores(broken)).linking, 30, 'scored by a new engine');
    assert.equal(await made(page, 'ui'), 3, 'a third UI instance for the retry');
    assert.equal(await made(page, 'engine'), 3, 'a third engine instance for the retry');
    once('with the retry');

    // The other widget kept working throughout: an answer changed is scored again.
    await other.locator('.bg-nav .bg-button').first().click(); // back to the questions
    await other.locator('#bg-q-trust-no').check();
    await other.locator('.bg-nav .bg-primary').click();
    await other.locator('.bg-result').waitFor();
    assert.notEqual((await scores(other)).bonding, 20, 'trust no longer counts');
    assert.deepEqual(page.problems.csp, [], 'no CSP violations');
    await page.context().close();
  });
});
