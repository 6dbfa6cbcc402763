// End-to-end: the real bundle, loaded by the real script tag, in Debian's
// headless Chromium, against the real server. Playwright's CSS locators pierce
// the widgets' open shadow roots.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fakeSpeech, openPage, startAll, until } from './harness.mjs';
import { COLLEAGUE, NEIGHBOUR, STANDARD_SCORES, addPerson, fillStandardScan, ready, scores, start, stepIds, toFailedScore, toResult } from './scan.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let all, server, site, browser;

before(async () => {
  all = await startAll();
  ({ server, site, browser } = all);
});

after(async () => {
  await all?.stop();
});

/** A fresh page that records console errors, page errors and CSP violations. */
const open = (url, viewport, options) => openPage(browser, url, viewport, options);

const widget = (page, n = 0) => page.locator('bondgenoot-widget').nth(n);

/** Presses Tab (or `key`) until the focused element inside the widget matches. */
async function tabTo(page, w, selector, max = 60, key = 'Tab') {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    if (await w.locator(selector).evaluate((el) => el.getRootNode().activeElement === el).catch(() => false)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

function assertNoProblems(page) {
  assert.deepEqual(page.problems.csp, [], 'no CSP violations');
  assert.deepEqual(page.problems.pageErrors, [], 'no uncaught errors (a panic would show here)');
  assert.deepEqual(page.problems.errors.filter((e) => /before they loaded/.test(e)), [], 'no texts asked for before they loaded');
}

/** Whether Tab, pressed again and again from where the focus is, lands in `selector` inside the widget. */
async function tabbedInto(page, selector, times = 30) {
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate((s) => !!document.querySelector('bondgenoot-widget').shadowRoot.activeElement?.closest(s), selector);
    if (inside) return true;
  }
  return false;
}

describe('the embedded Netwerkscan', () => {
  test('mounts from a classic async tag on another origin under a strict CSP, and shows the default rules\' scores when filled in with mouse and keyboard', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    assert.notEqual(new URL(page.url()).port, new URL(server.origin).port, 'host page is another origin');
    assert.equal(await w.locator('.bg-intro').textContent(),
      'List the people around you and see how they can help you find work. It takes about 10 minutes.',
      'the intro says how long it takes, once');

    await start(w);
    // First person with the mouse.
    await addPerson(w, COLLEAGUE);
    await assert.doesNotReject(w.locator('.bg-person', { hasText: 'Old colleague' }).waitFor());

    // Second person with the keyboard only; focus went back to the name field.
    assert.equal(await w.locator('#bg-person-name').evaluate((el) => el.getRootNode().activeElement === el), true);
    await page.keyboard.type('Neighbour');
    await page.keyboard.press('Tab');            // relation select
    await page.keyboard.type('N');               // "Neighbourhood"
    await page.keyboard.press('Tab');            // "how close": the checked radio ("not so close")
    await page.keyboard.press('Tab');            // "knows you are looking": "No" is checked
    await page.keyboard.press('ArrowUp');        // → "Yes"
    await page.keyboard.press('Tab');            // first kind of help: "listens and encourages"
    await page.keyboard.press('Space');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab'); // past the other three, to "other circles"
    await page.keyboard.press('ArrowUp');        // → "Yes"
    await page.keyboard.press('Tab');            // "contacts with employers": stays "No"
    await page.keyboard.press('Tab');            // the add button
    await page.keyboard.press('Enter');
    const neighbour = w.locator('.bg-person', { hasText: 'Neighbour' });
    await neighbour.waitFor();
    assert.match(await neighbour.innerText(), /Neighbourhood/);
    assert.match(await neighbour.innerText(), /knows you are looking/);

    await toResult(w, { trust: 'yes', meetings: 'yes' });
    assert.deepEqual(await scores(w), STANDARD_SCORES);
    assert.deepEqual(await stepIds(w), ['trusted-person', 'buddy', 'peer', 'ask-introduction']);
    assertNoProblems(page);
    await page.context().close();
  });

  test('the demo organisation\'s override changes the score', async () => {
    const page = await open(`${site.origin}/host.html?org=demo&lang=en`);
    const w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    const s = await scores(w);
    assert.deepEqual(s, { ...STANDARD_SCORES, linking: 50 }, 'the demo weights a work contact 50 instead of 30');
    assert.deepEqual(await stepIds(w), ['trusted-person', 'peer', 'ask-introduction'], 'no buddy step any more');
    assertNoProblems(page);
    await page.context().close();
  });

  test('a hostile organisation script gives a kind message, and the page and the other widget keep working', async () => {
    const page = await open(`${site.origin}/two.html?first=hostile&second=plain`);
    const [bad, good] = [widget(page, 0), widget(page, 1)];
    await ready(good);
    await toFailedScore(bad);
    assert.match(await bad.locator('.bg-error[role=alert]').innerText(), /This part is not working right now/);
    assert.ok(page.problems.errors.some((e) => /hook `score` \(org:hostile script, line 1.*ran too long/.test(e)),
      `the admin finds the detail in the console: ${page.problems.errors}`);

    await fillStandardScan(good);
    assert.equal((await scores(good)).linking, 30);
    await page.locator('#site-button').click();
    assert.match(await page.locator('#site-output').textContent(), /clicked 1 time/);
    assertNoProblems(page);
    await page.context().close();
  });

  test('while the page is idle, the hooks a widget called run again so the browser optimises them before the next answer; nothing of it shows, and a script that fails is not run again unasked', async () => {
    const warmed = (page, hook) => page.evaluate((name) => performance.getEntriesByName(name).length, `bondgenoot:warm ${hook}`);
    const plain = await open(`${site.origin}/two.html?first=plain&second=plain`);
    const w = widget(plain, 0);
    await fillStandardScan(w);
    // An answer changed and back: the result is scored three times by the
    // person; the rest of the thirty are made while the page is idle.
    for (const option of ['no', 'yes']) {
      await w.locator('.bg-nav button').first().click();
      await w.locator(`#bg-q-trust-${option}`).check();
      await w.locator('.bg-nav .bg-primary').click();
      await w.locator('.bg-result').waitFor();
    }
    await until(() => warmed(plain, 'score'), (n) => n === 1, 'the score hook warmed up while the page was idle');
    assert.deepEqual(await scores(w), STANDARD_SCORES, 'the result is as it was');
    assertNoProblems(plain);
    await plain.context().close();

    // `sleep()` is not a function: the score fails at once.
    const page = await open(`${site.origin}/two.html?first=sleeper&second=sleeper`);
    await toFailedScore(widget(page, 0));
    // Its questions answer (the default script's): those are warmed up.
    await until(() => warmed(page, 'questions'), (n) => n === 1, 'the questions hook warmed up');
    await page.waitForTimeout(2000);
    assert.equal(await warmed(page, 'score'), 0, 'the failing score was not warmed up');
    await page.context().close();
  });

  test('an org script that does not compile gives a kind message in the page\'s language and the line in the console', async () => {
    const page = await open(`${site.origin}/host.html?org=broken&pagelang=nl`);
    const alert = widget(page).locator('.bg-error[role=alert]');
    await alert.waitFor({ timeout: 15000 });
    assert.match(await alert.innerText(), /Dit onderdeel werkt nu even niet/);
    assert.equal(await widget(page).locator('.bg-root').getAttribute('lang'), 'nl');
    assert.ok(page.problems.errors.some((e) => /org:broken script, line 2/.test(e)), String(page.problems.errors));
    // "Try again" loads the rules again (a second request), and says the same kindly.
    const again = page.waitForRequest((r) => r.url().endsWith('/v1/orgs/broken/rules/netwerkscan'));
    await widget(page).locator('.bg-error button').click();
    await again;
    await alert.waitFor();
    assert.match(await alert.innerText(), /Dit onderdeel werkt nu even niet/);
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

  test('when the wasm bundle cannot load, a kind message and the plain link show instead of a blank space, in the page\'s language', async () => {
    const said = {
      nl: /Dit onderdeel kan nu niet laden/, en: /This part cannot load right now/, ar: /لا يمكن تحميل هذا الجزء الآن/,
      uk: /Ця частина зараз не завантажується/, tr: /Bu bölüm şu anda yüklenemiyor/,
    };
    for (const [lang, words] of Object.entries(said)) {
      const page = await open(`${site.origin}/nowasm.html?pagelang=${lang}`);
      const alert = widget(page).locator('[role=alert]');
      await alert.waitFor({ timeout: 15000 });
      assert.match(await alert.innerText(), words, lang);
      assert.equal(await alert.getAttribute('lang'), lang);
      assert.equal(await alert.getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await alert.locator('a').getAttribute('href'), '/fallback.html');
      await page.context().close();
    }
  });

  test('two widgets on the demo page are independent, and the page\'s hostile CSS does not change them', async () => {
    const page = await open(`${server.origin}/`);
    const [nl, ar] = [widget(page, 0), widget(page, 1)];
    await ready(nl);
    await ready(ar);
    assert.equal(await ar.evaluate((el) => el.parentElement.id), 'second-widget', 'data-target is honoured');
    await start(nl);
    await addPerson(nl, { name: 'Buurvrouw' });
    assert.equal(await nl.locator('.bg-person').count(), 1);
    assert.equal(await ar.locator('.bg-person').count(), 0, 'the other widget is untouched');
    assert.equal(await ar.locator('#bg-person-name').count(), 0, 'and still on its intro');
    assert.equal(await ar.locator('.bg-root').getAttribute('dir'), 'rtl');

    // The site sets Comic Sans !important on *, hides every button and input,
    // and colours every <p> magenta: none of it reaches inside.
    const look = await nl.locator('.bg-form button[type=submit]').evaluate((b) => {
      const cs = getComputedStyle(b);
      const p = getComputedStyle(b.getRootNode().querySelector('.bg-people > p'));
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

  test('<bondgenoot-widget> elements with the tag\'s attributes, and the loader once without any: each element is its own widget, the bundle loads once, and its height is mirrored where the page\'s own DOM shows it', async () => {
    const files = []; // the wasm modules and their JS glue, by name without a query
    const page = await open(`${site.origin}/elements.html`, undefined, {
      beforeGoto: (p) => p.on('request', (r) => {
        const name = r.url().replace(/[?#].*$/, '').replace(/^.*\//, '');
        if (/^bondgenoot.*\.(wasm|js)$/.test(name)) files.push(name);
      }),
    });
    const [scan, alliance] = [widget(page, 0), widget(page, 1)];
    await ready(scan);
    await alliance.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
    assert.equal(await page.locator('bondgenoot-widget').count(), 2, 'the elements themselves, no hosts added');
    assert.equal(await scan.locator('.bg-root').getAttribute('lang'), 'nl', 'data-lang on the element');
    assert.equal(await alliance.locator('.bg-root').getAttribute('lang'), 'en', 'no data-lang: the page\'s language');
    assert.equal(await alliance.evaluate((el) => el.style.getPropertyValue('--bg-color')), '#2d6a4f', 'data-color on the element');
    assert.equal(await page.locator('bondgenoot-widget a[href="/plain.html"]').isVisible(), false, 'the fallback inside is hidden once the widget is there');
    // Both widgets have their engines: the alliance's first answer is scored.
    await alliance.locator('.bg-item input[type=radio]').first().check();
    await alliance.locator('.bg-views button').nth(1).click();
    await alliance.locator('.bg-result').waitFor();
    assert.equal(files.filter((f) => /\.wasm$/.test(f)).length, 2, `both wasm modules: ${files}`);
    assert.equal(files.filter((f) => /\.js$/.test(f)).length, 2, `both JS glues: ${files}`);
    assert.equal(new Set(files).size, files.length, `each file downloaded once for two widgets: ${files}`);

    // A host that sizes a box to its content by watching the page's DOM
    // (as WordPress's block preview does) hears the widget grow.
    const before = await scan.evaluate((el) => Number(el.dataset.height));
    assert.equal(before, Math.ceil(await scan.evaluate((el) => el.getBoundingClientRect().height)), 'data-height is the real height');
    await page.evaluate(() => {
      window.heard = [];
      new MutationObserver(() => window.heard.push(document.body.getBoundingClientRect().height))
        .observe(document.body, { attributes: true, childList: true, subtree: true });
    });
    await start(scan);
    await page.waitForFunction((h) => Number(document.querySelector('bondgenoot-widget').dataset.height) !== h, before);
    const after = await scan.evaluate((el) => el.getBoundingClientRect().height);
    assert.equal(await scan.evaluate((el) => Number(el.dataset.height)), Math.ceil(after), 'mirrored again after it changed');
    assert.ok((await page.evaluate(() => window.heard.length)) > 0, 'the page\'s own MutationObserver heard it');
    assertNoProblems(page);
    await page.context().close();
  });

  test('the language can be switched inside the widget, its texts come for that language only, and Arabic is laid out right to left', async () => {
    const texts = [];
    const record = (page) => page.on('request', (r) => {
      if (/\/v1\/texts\//.test(r.url())) texts.push(r.url().replace(/^.*\/v1\/texts\//, ''));
    });
    const page = await open(`${site.origin}/host.html?org=plain&lang=nl`, undefined, { beforeGoto: record });
    const w = widget(page);
    await ready(w);
    assert.match(await w.locator('h2').innerText(), /Netwerkscan/);
    assert.deepEqual(texts, ['netwerkscan/nl'], 'the widget\'s texts in its own language, and no other');
    await w.locator('#bg-lang-select').selectOption('ar');
    await w.locator('.bg-root[dir=rtl][lang=ar]').waitFor();
    assert.match(await w.locator('h2').innerText(), /مسح الشبكة/);
    assert.deepEqual(texts, ['netwerkscan/nl', 'netwerkscan/ar'], 'Arabic asked for when picked');
    // Back to Dutch: its texts are kept, nothing is fetched again.
    await w.locator('#bg-lang-select').selectOption('nl');
    await w.locator('.bg-root[lang=nl]').waitFor();
    assert.match(await w.locator('.bg-intro').first().innerText(), /mensen om je heen/);
    assert.equal(texts.length, 2);
    await w.locator('#bg-lang-select').selectOption('ar');
    await w.locator('.bg-root[dir=rtl][lang=ar]').waitFor();
    // The questions come from the script in Arabic too.
    await start(w);
    await w.locator('.bg-nav .bg-primary').click();
    assert.match(await w.locator('.bg-questions').innerText(), /هل تقوم بعمل تطوعي/);
    const sides = await w.locator('.bg-nav').evaluate((nav) => {
      const [back, next] = nav.querySelectorAll('button');
      return { back: back.getBoundingClientRect().left, next: next.getBoundingClientRect().left };
    });
    assert.ok(sides.back > sides.next, 'in RTL, "back" is on the right');
    await page.context().close();
  });

  test('a language whose texts cannot load is said beside the switch, the widget stays in its language, and picking it again works', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=nl`);
    const w = widget(page);
    await ready(w);
    await start(w);
    await addPerson(w, { name: 'Fatima', relation: 'family', close: true });
    await page.route(/\/v1\/texts\/netwerkscan\/en$/, (route) => route.abort('internetdisconnected'));
    await w.locator('#bg-lang-select').focus();
    await w.locator('#bg-lang-select').selectOption('en');
    const alert = w.locator('.bg-lang-failed[role=alert]');
    await alert.waitFor();
    // In the language picked: the reader chose it.
    assert.match(await alert.innerText(), /This language cannot be loaded/);
    assert.equal(await alert.getAttribute('lang'), 'en');
    assert.equal(await w.locator('.bg-root').getAttribute('lang'), 'nl');
    assert.equal(await w.locator('#bg-lang-select').inputValue(), 'nl', 'the switch shows the language in use');
    assert.ok(await w.locator('#bg-lang-select').evaluate((el) => el.getRootNode().activeElement === el), 'focus stays on the switch');
    assert.match(await w.locator('.bg-people').innerText(), /Fatima/, 'nothing entered is lost');
    await page.unroute(/\/v1\/texts\/netwerkscan\/en$/);
    await w.locator('#bg-lang-select').selectOption('en');
    await w.locator('.bg-root[lang=en]').waitFor();
    assert.equal(await alert.count(), 0, 'the notice goes once the language loads');
    assert.match(await w.locator('.bg-people').innerText(), /Fatima/);
    assertNoProblems(page);
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
    // Heard each time the result is shown, and not while it waits unseen
    // (back on the questions, even when an answer or the language changes
    // there and it is scored again).
    const heard = async () => (await events.innerText()).split('"widget":"netwerkscan"').length - 1;
    assert.equal(await heard(), 1);
    await w.locator('.bg-nav button').first().click();
    await w.locator('#bg-q-meetings-no').waitFor();
    await w.locator('#bg-q-meetings-no').check();
    await w.locator('#bg-lang-select').selectOption('nl');
    await w.locator('.bg-root[lang=nl]').waitFor();
    await page.waitForTimeout(300);
    assert.equal(await heard(), 1, 'nothing while the result is unseen');
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    await page.waitForFunction(() => document.getElementById('site-events').textContent.split('"widget":"netwerkscan"').length === 3);
    await page.context().close();
  });

  test('the offer to share the scores only: not taking it sends nothing, taking it sends exactly the scores and step ids, once; an organisation can switch it off', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    // Every request that is not a plain read, and every body.
    const sent = [];
    page.on('request', (r) => { if (!['GET', 'HEAD'].includes(r.method())) sent.push({ method: r.method(), url: r.url(), body: r.postData() || '' }); });
    let w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    const offer = w.locator('.bg-figures');
    await offer.waitFor();
    assert.match(await offer.innerText(), /Share your scores\?[\s\S]*your scores and the steps you were given go to the organisation behind this website, without your name, the people you named or your answers/);
    // Downloading the answers sends nothing either: only the button does.
    const [download] = await Promise.all([page.waitForEvent('download'), w.getByRole('button', { name: 'Download my answers' }).click()]);
    await download.path();
    await page.waitForTimeout(300);
    assert.deepEqual(sent, [], 'nothing is sent while the offer is not taken');

    await w.locator('.bg-figures-button').click();
    const said = w.locator('.bg-figures-said', { hasText: 'Thank you. You shared your scores this month.' });
    await said.waitFor();
    assert.ok(await said.evaluate((el) => el.getRootNode().activeElement === el), 'focus on the thanks, not lost with the button');
    const posts = sent.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1, JSON.stringify(sent));
    assert.equal(posts[0].url, `${server.origin}/v1/orgs/plain/figures/netwerkscan`);
    const body = JSON.parse(posts[0].body);
    assert.deepEqual(Object.keys(body).sort(), ['lang', 'scores', 'steps'], 'nothing but the language, the scores and the steps');
    assert.equal(body.lang, 'en');
    assert.deepEqual(body.scores, STANDARD_SCORES);
    assert.deepEqual(body.steps, await stepIds(w));
    assert.doesNotMatch(posts[0].body, /Old colleague|Neighbour|"people"|"answers"/);

    // Back on the result after a reload: thanked, not asked again.
    await page.reload();
    w = widget(page);
    await w.locator('.bg-figures-said', { hasText: 'Thank you' }).waitFor({ timeout: 15000 });
    assert.equal(await w.locator('.bg-figures-button').count(), 0);
    assert.equal(sent.filter((r) => r.method === 'POST').length, 1, 'counted once');
    assertNoProblems(page);
    await page.context().close();

    // An organisation whose script switches the offer off: no offer at all.
    const quiet = await open(`${site.origin}/host.html?org=quiet&lang=en`);
    const quietSent = [];
    quiet.on('request', (r) => { if (!['GET', 'HEAD'].includes(r.method())) quietSent.push(r.url()); });
    const q = widget(quiet);
    await ready(q);
    await fillStandardScan(q);
    await q.locator('.bg-step').first().waitFor();
    assert.equal(await q.locator('.bg-figures').count(), 0, 'no offer');
    assert.deepEqual(quietSent, [], 'and nothing sent');
    await quiet.context().close();
  });

  test('usable at 360 px wide without horizontal scrolling', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=ar`, { width: 360, height: 740 });
    const w = widget(page);
    await ready(w);
    await start(w);
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

  test('on a 390 px phone no word of the result breaks inside itself, and the names in the picture are as large as the text and not cut off', async () => {
    for (const lang of ['nl', 'ar', 'uk', 'tr']) {
      const page = await open(`${site.origin}/host.html?org=plain&lang=${lang}`, { width: 390, height: 844 });
      const w = widget(page);
      await ready(w);
      await start(w);
      for (const [name, relation] of [['Oud-collega Jan', 'work'], ['Buurvrouw', 'neighbourhood'], ['Sara', 'family'],
        ['Trainer', 'club'], ['Klantmanager', 'professional'], ['Nicht Amal', 'family']]) {
        await addPerson(w, { name, relation, close: name === 'Sara', knows: true, gives: ['tips', 'listening'] });
      }
      await toResult(w, { trust: 'no' });
      const found = await page.evaluate(() => {
        const root = document.querySelector('bondgenoot-widget').shadowRoot;
        const broken = [];
        for (const cell of root.querySelectorAll('.bg-people-table th, .bg-people-table td')) {
          if (cell.scrollWidth > cell.clientWidth) broken.push(`overflows: ${cell.textContent}`);
          // Each word on one line: a word split over two lines has two boxes.
          const text = cell.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE) continue;
          for (const m of text.data.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(text, m.index);
            range.setEnd(text, m.index + m[0].length);
            if (range.getClientRects().length > 1) broken.push(`breaks: ${m[0]}`);
          }
        }
        const svg = root.querySelector('.bg-map-picture');
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        const body = parseFloat(getComputedStyle(root.querySelector('.bg-root')).fontSize);
        const labels = [...root.querySelectorAll('.bg-node-label')].map((l) => {
          const r = l.getBoundingClientRect();
          return { text: l.textContent, px: parseFloat(getComputedStyle(l).fontSize) * scale,
            inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5 };
        });
        const titles = [...root.querySelectorAll('.bg-person-node title')].map((t) => t.textContent);
        return { broken, body, labels, titles };
      });
      assert.deepEqual(found.broken, [], `${lang}: words in the table`);
      assert.equal(found.labels.length, 6);
      for (const l of found.labels) {
        assert.ok(l.px >= found.body - 0.01, `${lang}: "${l.text}" is drawn at ${l.px.toFixed(1)} px, the text at ${found.body} px`);
        assert.ok(l.inside, `${lang}: "${l.text}" is cut off at the picture's edge`);
      }
      assert.ok(found.titles.includes('Oud-collega Jan'), 'the whole name is the node\'s title');
      await page.context().close();
    }
  });

  test('read aloud: each question with its options and each step goes to the device\'s voice in the widget\'s language, stops when pressed again or on moving on, and shows only where a voice exists', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=nl`, undefined,
      { init: { script: fakeSpeech, arg: ['en-GB', 'nl-NL'] } });
    const w = widget(page);
    await ready(w);
    await start(w);
    // Each question about a person, with its options, can be read too.
    const personForm = w.locator('form.bg-form');
    await personForm.locator('.bg-read-aloud').first().waitFor();
    assert.equal(await personForm.locator('.bg-field .bg-read-aloud').count(), await personForm.locator('.bg-field').count());
    const close = personForm.locator('fieldset', { has: page.locator('#bg-close-true') });
    await close.locator('.bg-read-aloud').click();
    const closeRead = (await page.evaluate(() => window.spoken)).at(-1);
    const closeYes = await close.locator('label[for="bg-close-true"]').innerText();
    assert.ok(closeRead.text.startsWith(`${await close.locator('legend').innerText()}. ${closeYes.trim()}. `), closeRead.text);
    await close.locator('.bg-read-aloud').click(); // stop
    await addPerson(w, { name: 'Sara', relation: 'family', close: true });
    await w.locator('.bg-nav .bg-primary').click();
    const first = w.locator('.bg-questions fieldset').first();
    const button = first.locator('.bg-read-aloud');
    // The voices come late: the buttons appear when they do, one per question.
    await button.waitFor();
    assert.equal(await w.locator('.bg-questions .bg-read-aloud').count(), await w.locator('.bg-questions fieldset').count());
    assert.equal(await button.innerText(), 'Lees voor');
    const legend = await first.locator('legend').innerText();
    // Each button is named with its question, so a screen reader tells them
    // apart; the visible words start the name.
    assert.equal(await button.getAttribute('aria-label'), `Lees voor: ${legend}`);
    const names = await w.locator('.bg-questions .bg-read-aloud').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    assert.equal(new Set(names).size, names.length, `no two alike: ${names}`);
    await button.focus();
    await page.keyboard.press('Enter');
    assert.equal(await button.innerText(), 'Stop met voorlezen');
    assert.equal(await button.getAttribute('aria-label'), `Stop met voorlezen: ${legend}`);
    let spoken = await page.evaluate(() => window.spoken);
    const said = spoken.filter((s) => typeof s === 'object').at(-1);
    assert.equal(said.lang, 'nl');
    assert.equal(said.voice, 'nl-NL', 'the Dutch voice, not the English one');
    assert.ok(said.text.startsWith(`${legend}. Ja. Nee`), said.text);
    // Pressed again: it stops.
    await page.keyboard.press('Enter');
    assert.equal(await button.innerText(), 'Lees voor');
    assert.equal((await page.evaluate(() => window.spoken)).at(-1), 'cancel');
    // Reading, then on to the result: the reading stops.
    await button.click();
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    spoken = await page.evaluate(() => window.spoken);
    assert.equal(spoken.at(-1), 'cancel', 'moving on stops the voice');
    // Every step has its button, and reads its title and reason.
    const steps = w.locator('.bg-step');
    assert.equal(await steps.locator('.bg-read-aloud').count(), await steps.count());
    const title = await steps.first().locator('strong').innerText();
    await steps.first().locator('.bg-read-aloud').click();
    spoken = await page.evaluate(() => window.spoken);
    assert.ok(spoken.at(-1).text.startsWith(`${title}. Waarom:`), spoken.at(-1).text);
    // Back to the questions (the result stays, unseen, for coming back):
    // the reading stops.
    await w.locator('.bg-nav button').first().click();
    await w.locator('.bg-result').waitFor({ state: 'hidden' });
    assert.equal((await page.evaluate(() => window.spoken)).at(-1), 'cancel', 'going back stops the voice');
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(
      document.querySelector('bondgenoot-widget'), { resultTypes: ['violations'] })).violations.map((v) => v.id));
    assert.deepEqual(violations, []);
    assert.deepEqual(page.problems.pageErrors, [], 'no uncaught errors');
    await page.context().close();

    // Only an English voice on this device: no button in Dutch, nothing said.
    const other = await open(`${site.origin}/host.html?org=plain&lang=nl`, undefined,
      { init: { script: fakeSpeech, arg: ['en-GB'] } });
    const v = widget(other);
    await ready(v);
    await start(v);
    await v.locator('.bg-nav .bg-primary').click();
    await v.locator('.bg-questions fieldset').first().waitFor();
    await other.waitForTimeout(600);
    assert.equal(await v.locator('.bg-read-aloud').count(), 0, 'no voice for Dutch: no button');
    // Switched to English, which this device has a voice for: the buttons
    // come, one per question, without waiting for the voices to change.
    await v.locator('#bg-lang-select').selectOption('en');
    await v.locator('.bg-root[lang=en]').waitFor();
    await v.locator('.bg-questions .bg-read-aloud').first().waitFor({ timeout: 5000 });
    assert.equal(await v.locator('.bg-questions .bg-read-aloud').count(), await v.locator('.bg-questions fieldset').count());
    assert.equal(await v.locator('.bg-questions .bg-read-aloud').first().innerText(), 'Read aloud');
    await other.context().close();

    // The Alliantiescan reads each item with its levels.
    const a = await open(`${site.origin}/alliantie.html?org=plain&lang=en`, undefined,
      { init: { script: fakeSpeech, arg: ['en-GB'] } });
    const aw = widget(a);
    await aw.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
    const item = aw.locator('.bg-item').first();
    await item.locator('.bg-read-aloud').waitFor();
    assert.equal(await aw.locator('.bg-item .bg-read-aloud').count(), await aw.locator('.bg-item').count());
    const itemText = await item.locator('legend').innerText();
    await item.locator('.bg-read-aloud').click();
    const read = (await a.evaluate(() => window.spoken)).at(-1);
    assert.equal(read.lang, 'en');
    assert.ok(read.text.startsWith(`${itemText}. `), read.text);
    // Reading, then to the result (the checklist stays, unseen): it stops.
    await aw.locator('.bg-views button').nth(1).click();
    await aw.locator('.bg-result').waitFor();
    assert.equal((await a.evaluate(() => window.spoken)).at(-1), 'cancel', 'another view stops the voice');
    await a.context().close();
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
    await check('intro');
    for (const w of [nl, ar]) await start(w);
    await check('people');
    for (const w of [nl, ar]) await addPerson(w, { name: 'Sara', relation: 'family', close: true, knows: true, gives: ['listening'] });
    await check('people added');
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
    for (const w of [nl, ar]) await w.locator('.bg-actions button', { hasText: /weghalen|احذف/ }).click();
    await check('confirm removal');
    await page.context().close();
  });

  test('in all five languages, picked by data-lang or <html lang>: its own words at every stage, none left in Dutch, and no axe-core violations', async () => {
    // Each language's title (widgets/src/i18n.rs); Ukrainian comes from the
    // page's <html lang>, Turkish from a data-lang with a region.
    const cases = [
      { lang: 'nl', query: 'lang=nl', title: 'Netwerkscan: wie staan er om je heen?' },
      { lang: 'en', query: 'lang=en', title: 'Network scan: who is around you?' },
      { lang: 'ar', query: 'lang=ar', title: 'مسح الشبكة: من حولك؟' },
      { lang: 'uk', query: 'lang=&pagelang=uk-UA', title: 'Мережа знайомств: хто поруч із вами?' },
      { lang: 'tr', query: 'lang=tr-TR', title: 'Çevre taraması: Etrafınızda kimler var?' },
    ];
    const dutch = new Map(); // stage → the texts the Dutch widget showed
    for (const { lang, query, title } of cases) {
      const page = await open(`${site.origin}/host.html?org=plain&${query}`, { width: 360, height: 800 });
      await page.evaluate(axeSource);
      const w = widget(page);
      await ready(w);
      assert.equal(await w.locator('.bg-root').getAttribute('lang'), lang);
      assert.equal(await w.locator('.bg-root').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await w.locator('h2').first().innerText(), title);
      const stage = async (name) => {
        const seen = await page.evaluate(async () => {
          const host = document.querySelector('bondgenoot-widget');
          const r = await window.axe.run(host, { resultTypes: ['violations'] });
          // Every visible text but the language switch's names and the
          // person's name, which are the same in every language.
          const texts = [];
          const walk = document.createTreeWalker(host.shadowRoot, NodeFilter.SHOW_TEXT);
          for (let n = walk.nextNode(); n; n = walk.nextNode()) {
            const text = n.data.trim();
            if (/\p{L}/u.test(text) && !n.parentElement.closest('select, .bg-lang') && !text.includes('Sara')) texts.push(text);
          }
          return { violations: r.violations.map((v) => v.id), texts };
        });
        assert.deepEqual(seen.violations, [], `${lang} ${name}`);
        assert.deepEqual(seen.texts.filter((t) => /[{}]/.test(t)), [], `${lang} ${name}: a placeholder left`);
        if (lang === 'nl') {
          assert.ok(seen.texts.length > 5, `the Dutch ${name} has texts to compare: ${seen.texts}`);
          dutch.set(name, new Set(seen.texts));
        }
        else assert.deepEqual(seen.texts.filter((t) => dutch.get(name).has(t)), [], `${lang} ${name}: still in Dutch`);
      };
      await stage('intro');
      await start(w);
      await addPerson(w, { name: 'Sara', relation: 'family', close: true, knows: true, gives: ['listening'] });
      await stage('people');
      await w.locator('.bg-nav .bg-primary').click();
      await w.locator('#bg-q-trust-yes').waitFor();
      await stage('questions');
      await w.locator('#bg-q-trust-yes').check();
      await w.locator('.bg-nav .bg-primary').click();
      await w.locator('.bg-result').waitFor();
      await stage('result');
      assertNoProblems(page);
      await page.context().close();
    }
  });
});

describe('the full Netwerkscan', () => {
  test('a job seeker can go through the whole scan with the keyboard only', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await tabTo(page, w, '.bg-nav .bg-primary');        // "Start"
    await page.keyboard.press('Enter');
    await tabTo(page, w, '#bg-person-name');
    await page.keyboard.type('Fatima');
    await tabTo(page, w, '#bg-close-false');            // Tab lands on the group's checked radio…
    await page.keyboard.press('ArrowUp');               // …and the arrows choose "close"
    await tabTo(page, w, '.bg-form button[type=submit]');
    await page.keyboard.press('Enter');
    await w.locator('.bg-person', { hasText: 'Fatima' }).waitFor();
    await tabTo(page, w, '.bg-nav .bg-primary');        // "Next"
    await page.keyboard.press('Enter');
    await tabTo(page, w, '#bg-q-trust-yes');
    await page.keyboard.press('Space');
    await tabTo(page, w, '.bg-nav .bg-primary');        // "Show my result"
    await page.keyboard.press('Enter');
    await w.locator('.bg-result').waitFor();
    const s = await scores(w);
    assert.equal(s.bonding, 40, 'one close person (20) and someone to trust (20)');
    assert.ok(await w.locator('.bg-stage-title').evaluate((h) => h.getRootNode().activeElement === h),
      'focus moved to the result heading');
    await page.context().close();
  });

  test('suggestions help fill in a person, and a person can be changed and removed', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await start(w);
    await w.locator('.bg-chip', { hasText: 'a former colleague' }).click();
    assert.equal(await w.locator('#bg-person-name').inputValue(), 'a former colleague');
    assert.equal(await w.locator('#bg-person-relation').inputValue(), 'work');
    await w.locator('.bg-form button[type=submit]').click();
    await addPerson(w, { name: 'Sara', relation: 'family', close: true });

    await w.locator('.bg-person', { hasText: 'Sara' }).getByRole('button', { name: 'Change Sara' }).click();
    assert.equal(await w.locator('#bg-person-name').inputValue(), 'Sara', 'the form holds the person');
    assert.ok(await w.locator('#bg-close-true').isChecked());
    await w.locator('#bg-person-name').fill('Sara B.');
    await w.locator('#bg-knows-true').check();
    await w.locator('.bg-form button[type=submit]').click();
    const sara = w.locator('.bg-person', { hasText: 'Sara B.' });
    await sara.waitFor();
    assert.match(await sara.innerText(), /knows you are looking/);
    assert.equal(await w.locator('.bg-person').count(), 2, 'changed, not added');
    assert.match(await w.locator('.bg-people [aria-live]').textContent(), /Sara B\. was changed/);

    await w.getByRole('button', { name: 'Remove a former colleague' }).click();
    assert.equal(await w.locator('.bg-person').count(), 1);
    assert.match(await w.locator('.bg-people [aria-live]').textContent(), /a former colleague was removed/);
    await page.context().close();
  });

  test('back to change an answer or a person and on again: the result shows what changed, and is out of sight and out of reach meanwhile', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    assert.deepEqual(await scores(w), STANDARD_SCORES);
    assert.ok(!(await stepIds(w)).includes('job-cafe'), 'going to meetings: no job café step');
    // Back to the questions: the result is neither seen nor heard.
    await w.locator('.bg-nav button').first().click();
    await w.locator('#bg-q-meetings-no').waitFor();
    assert.equal(await w.locator('.bg-result').isVisible(), false);
    assert.equal(await w.getByRole('heading', { name: 'What can you do now?' }).count(), 0, 'no heading of the result for a screen reader');
    // Nor the rest of the result stage (saving, loading, removing), kept for
    // coming back too.
    assert.equal(await w.locator('.bg-actions').isVisible(), false);
    assert.equal(await w.locator('.bg-actions').getByRole('button').count(), 0, 'no button of the result stage for a screen reader');
    assert.equal(await tabbedInto(page, '.bg-result, .bg-actions'), false, 'the keyboard does not reach them');
    await w.locator('#bg-q-meetings-no').check();
    // The result follows the answer at once, still unseen: going on only shows it.
    await until(() => scores(w), (s) => s.bridging === 20, 'the unseen result scored with the new answer');
    assert.equal(await w.locator('.bg-result').isVisible(), false);
    await w.locator('.bg-nav .bg-primary').click();
    await w.locator('.bg-result').waitFor();
    assert.equal((await scores(w)).bridging, 20, 'no meetings: no bonus');
    // The questions stay for going back, out of sight and out of reach.
    assert.equal(await w.locator('#bg-q-meetings-no').isVisible(), false);
    assert.equal(await w.getByRole('radio').count(), 0, 'no question for a screen reader');
    assert.equal(await tabbedInto(page, '.bg-questions'), false, 'the keyboard does not reach them');
    assert.equal(await w.locator('.bg-nav').count(), 1, 'one row of buttons');
    assert.ok((await stepIds(w)).includes('job-cafe'));
    // Back to the people: one more, close, and on to the result again.
    await w.locator('.bg-nav button').first().click();
    await w.locator('#bg-q-meetings-no').waitFor();
    await w.locator('.bg-nav button').first().click();
    await addPerson(w, { name: 'Sara', relation: 'family', close: true, knows: true });
    await toResult(w, {});
    assert.equal((await scores(w)).bonding, 40, 'one close person, and someone to trust');
    assert.equal(await w.locator('.bg-people-table tbody tr').count(), 3);
    assert.match(await w.locator('.bg-map-picture').getAttribute('aria-label'), /1 close person/);
    // A person removed leaves no trace in the page, not even in the result
    // that waits unseen.
    await w.locator('.bg-nav button').first().click();
    await w.locator('#bg-q-meetings-no').waitFor();
    await w.locator('.bg-nav button').first().click();
    await w.getByRole('button', { name: 'Remove Sara' }).click();
    assert.equal(await w.locator('.bg-person').count(), 2);
    const kept = () => page.evaluate(() => [...document.querySelector('bondgenoot-widget').shadowRoot
      .querySelectorAll('.bg-result')].map((el) => el.innerHTML).join());
    await until(kept, (html) => !html.includes('Sara'), 'Sara is gone from the result');
    await page.context().close();
  });

  test('the picture puts close people on the inner ring, marks who knows, and has a table with the same facts', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await start(w);
    await addPerson(w, { name: 'Sara', relation: 'family', close: true, knows: true });
    await addPerson(w, { name: 'Coach', relation: 'club', close: false, knows: false });
    await addPerson(w, { name: 'Job coach', relation: 'professional', close: false, knows: true });
    await toResult(w, {});
    const nodes = await w.locator('.bg-person-node').evaluateAll((groups) => {
      const you = groups[0].ownerSVGElement.querySelector('.bg-you').getBBox();
      const [cx, cy] = [you.x + you.width / 2, you.y + you.height / 2];
      return groups.map((g) => {
        const shape = g.querySelector('.bg-node');
        const b = shape.getBBox();
        return { name: g.querySelector('text').textContent, shape: shape.tagName,
          knows: shape.classList.contains('bg-node-knows'),
          distance: Math.round(Math.hypot(b.x + b.width / 2 - cx, b.y + b.height / 2 - cy)) };
      });
    });
    const by = Object.fromEntries(nodes.map((n) => [n.name, n]));
    assert.ok(by.Sara.distance < by.Coach.distance, 'close people are nearer the centre');
    assert.equal(by.Coach.distance, by['Job coach'].distance, 'others share the outer ring');
    assert.deepEqual([by.Sara.shape, by.Coach.shape, by['Job coach'].shape], ['circle', 'rect', 'polygon'], 'shape = kind of relation');
    assert.deepEqual([by.Sara.knows, by.Coach.knows, by['Job coach'].knows], [true, false, true], 'filled = knows');
    assert.match(await w.locator('.bg-map-picture').getAttribute('aria-label'), /1 close person .* 2 others .* 2 know you/);
    const rows = await w.locator('.bg-people-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(rows, ['Sara Family or household Yes Yes', 'Coach Club, sport or faith community No No',
      'Job coach Professional help (job coach, case manager) No Yes']);
    await page.context().close();
  });

  test('answers survive a reload, and "remove my answers" clears them from the device', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    let w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    await page.reload();
    w = widget(page);
    await w.locator('.bg-result').waitFor({ timeout: 15000 });
    assert.deepEqual(await scores(w), STANDARD_SCORES, 'back on the result with the same answers');
    const key = 'bondgenoot:netwerkscan:plain';
    assert.match(await page.evaluate((k) => localStorage.getItem(k), key), /Old colleague/);

    await w.getByRole('button', { name: 'Remove my answers' }).click();
    await w.getByRole('button', { name: 'Yes, remove' }).click();
    await w.locator('.bg-actions [role=status]', { hasText: 'Your answers were removed.' }).waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), null, 'nothing left on the device');
    await page.reload();
    w = widget(page);
    await ready(w);
    await start(w);
    assert.equal(await w.locator('.bg-person').count(), 0);
    await page.context().close();
  });

  test('in a sandboxed iframe without storage the scan still works and says answers are not kept', async () => {
    const page = await open(`${site.origin}/sandboxed.html`);
    const frame = page.frameLocator('iframe');
    const w = frame.locator('bondgenoot-widget');
    await ready(w);
    assert.match(await w.locator('.bg-privacy').innerText(), /cannot keep your answers/);
    await fillStandardScan(w);
    assert.deepEqual(await scores(w), STANDARD_SCORES);
    assertNoProblems(page);
    await page.context().close();
  });

  test('answers downloaded as a file load back into a fresh page; a wrong file is refused kindly', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    const [download] = await Promise.all([page.waitForEvent('download'),
      w.getByRole('button', { name: 'Download my answers' }).click()]);
    assert.equal(download.suggestedFilename(), 'netwerkscan.json');
    const path = await download.path();
    const saved = JSON.parse(readFileSync(path, 'utf8'));
    assert.equal(saved.format, 'bondgenoot-netwerkscan');
    assert.deepEqual(saved.people.map((p) => p.name), ['Old colleague', 'Neighbour']);

    const fresh = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const v = widget(fresh);
    await ready(v);
    await v.locator('#bg-load-file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await v.locator('.bg-actions [role=alert]').waitFor();
    assert.match(await v.locator('.bg-actions [role=alert]').innerText(), /cannot be read/);
    await v.locator('#bg-load-file').setInputFiles(path);
    await v.locator('.bg-result').waitFor();
    assert.deepEqual(await scores(v), STANDARD_SCORES, 'the same result from the file');
    await fresh.context().close();
    await page.context().close();
  });

  test('scanned again half a year on: the earlier scan is kept by date, set beside today\'s with both pictures and the change in words, loaded from a file beside new answers, and removed', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`, undefined,
      { beforeGoto: (p) => p.clock.setFixedTime(new Date('2026-06-01T10:00:00')) });
    let w = widget(page);
    await ready(w);
    await start(w);
    await addPerson(w, { name: 'Sara', relation: 'family', close: true });
    await toResult(w, {});
    assert.equal(await w.locator('.bg-scan-date').innerText(), 'Your scan of June 1, 2026');
    const juneSteps = await stepIds(w);

    // December, the same device: looking changes nothing, the first change keeps June's scan.
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00'));
    await page.reload();
    w = widget(page);
    await w.locator('.bg-result').waitFor({ timeout: 15000 });
    assert.equal(await w.locator('.bg-scan-date').innerText(), 'Your scan of June 1, 2026');
    assert.equal(await w.locator('.bg-earlier').count(), 0, 'nothing earlier yet');
    await w.locator('.bg-nav .bg-button').first().click();  // back to the questions
    await w.locator('.bg-nav .bg-button').first().click();  // back to the people
    await addPerson(w, COLLEAGUE);
    await addPerson(w, NEIGHBOUR);
    await toResult(w, { trust: 'yes', meetings: 'yes' });
    assert.equal(await w.locator('.bg-scan-date').innerText(), 'Your scan of December 1, 2026');
    // The same day in another language is written in that language (dates
    // are kept once written, per language).
    await w.locator('#bg-lang-select').selectOption('nl');
    await until(() => w.locator('.bg-scan-date').innerText(), (t) => t === 'Je scan van 1 december 2026', 'the date in Dutch');
    await w.locator('#bg-lang-select').selectOption('en');
    await until(() => w.locator('.bg-scan-date').innerText(), (t) => t === 'Your scan of December 1, 2026', 'the date in English again');
    const decemberSteps = await stepIds(w);
    const compare = w.getByRole('button', { name: 'Compare with June 1, 2026' });
    assert.equal(await compare.getAttribute('aria-pressed'), 'false');
    await compare.click();
    assert.equal(await compare.getAttribute('aria-pressed'), 'true');

    const thenNow = w.locator('.bg-then-now');
    await thenNow.locator('.bg-then-now-scores').waitFor();
    assert.deepEqual(await thenNow.locator('figcaption').allInnerTexts(), ['Then: June 1, 2026', 'Now: December 1, 2026']);
    assert.equal(await thenNow.locator('figure svg[role=img]').count(), 2, 'both pictures');
    assert.match(await thenNow.locator('figure[data-when=then] svg').getAttribute('aria-label'), /: 1 close person on the inner circle, 0 others on the outer circle; 0 know/);
    assert.deepEqual(await thenNow.locator('.bg-then-now-people li').allInnerTexts(),
      ['2 more people in your network', '2 more people know you are looking for work']);
    const awareness = thenNow.locator('.bg-then-now-scores li[data-id=awareness]');
    // Nobody knew in June; two of three know now, as the result above says.
    assert.equal((await scores(w)).awareness, 66);
    assert.deepEqual([await awareness.getAttribute('data-then'), await awareness.getAttribute('data-now')], ['0', '66']);
    assert.match(await awareness.innerText(), /: was 0, now 66$/);
    const newSteps = await thenNow.locator('.bg-new-steps li').evaluateAll((lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(newSteps, decemberSteps.filter((id) => !juneSteps.includes(id)));
    assert.ok(newSteps.length > 0, `some steps are new: ${decemberSteps} after ${juneSteps}`);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(
      document.querySelector('bondgenoot-widget'), { resultTypes: ['violations'] })).violations.map((v) => v.id));
    assert.deepEqual(violations, []);
    // Printed for a job coach: the scan's day and both pictures with their
    // days, not the list's buttons.
    await page.emulateMedia({ media: 'print' });
    assert.ok(await w.locator('.bg-scan-date').isVisible());
    assert.deepEqual(await thenNow.locator('figcaption').evaluateAll((fs) => fs.map((f) => f.checkVisibility())), [true, true]);
    assert.equal(await w.locator('.bg-earlier').isVisible(), false);
    await page.emulateMedia({ media: 'screen' });

    // The file carries both scans; loaded next to someone else's new answers
    // it is kept beside them, not over them.
    const [download] = await Promise.all([page.waitForEvent('download'),
      w.getByRole('button', { name: 'Download my answers' }).click()]);
    const file = await download.path();
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual([saved.date, saved.earlier.map((s) => s.date)], ['2026-12-01', ['2026-06-01']]);
    const other = await open(`${site.origin}/host.html?org=plain&lang=en`, undefined,
      { beforeGoto: (p) => p.clock.setFixedTime(new Date('2026-12-02T10:00:00')) });
    const v = widget(other);
    await ready(v);
    await start(v);
    await addPerson(v, { name: 'Coach', relation: 'professional' });
    await toResult(v, {});
    await v.locator('#bg-load-file').setInputFiles(file);
    const kept = v.locator('.bg-notice', { hasText: 'next to yours' });
    await kept.waitFor();
    assert.equal(await kept.innerText(), 'The scan of December 1, 2026 is now kept next to yours.');
    assert.deepEqual(await v.locator('.bg-people-table tbody th').allInnerTexts(), ['Coach'], 'the new answers stay');
    assert.deepEqual(await v.locator('.bg-earlier li').evaluateAll((lis) => lis.map((li) => li.dataset.date)),
      ['2026-06-01', '2026-12-01']);
    await other.context().close();

    // Removed: gone from the list and the comparison, focus on the list's heading.
    await w.getByRole('button', { name: 'Remove the scan of June 1, 2026' }).click();
    assert.equal(await thenNow.count(), 0);
    assert.equal(await w.locator('.bg-earlier li').count(), 0);
    assert.equal(await w.locator('#bg-earlier-title').evaluate((h) => h.getRootNode().activeElement === h), true);
    assert.equal(await w.locator('.bg-earlier p:not(.bg-hint)').innerText(), 'There are no earlier scans left.');

    // Start again: a new scan, and the one just left is kept among the earlier ones.
    await w.getByRole('button', { name: 'Start again' }).click();
    await start(w);
    await addPerson(w, { name: 'Coach', relation: 'professional' });
    await toResult(w, {});
    assert.deepEqual(await w.locator('.bg-earlier li').evaluateAll((lis) => lis.map((li) => li.dataset.date)), ['2026-12-01']);
    assert.deepEqual(await w.locator('.bg-people-table tbody th').allInnerTexts(), ['Coach']);
    assertNoProblems(page);
    await page.context().close();
  });

  test('printing shows only the widget: picture, scores and steps on at most two A4 pages', async () => {
    const page = await open(`${site.origin}/host.html?org=plain&lang=en`);
    const w = widget(page);
    await ready(w);
    await fillStandardScan(w);
    // Replace only the browser's print dialog; record what the page looked like when it opened.
    await page.evaluate(() => {
      window.print = () => {
        window.__printed = { widget: !!document.querySelector('bondgenoot-widget[data-printing]'),
          page: document.documentElement.hasAttribute('data-bondgenoot-printing') };
      };
    });
    await w.getByRole('button', { name: 'Print' }).click();
    assert.deepEqual(await page.evaluate(() => window.__printed), { widget: true, page: true });
    assert.equal(await page.locator('bondgenoot-widget[data-printing]').count(), 0, 'cleaned up after printing');

    // What the printer gets while those attributes are set.
    await page.evaluate(() => {
      document.documentElement.setAttribute('data-bondgenoot-printing', '');
      document.querySelector('bondgenoot-widget').setAttribute('data-printing', '');
    });
    await page.emulateMedia({ media: 'print' });
    const shown = await w.locator('.bg-root').evaluate((root) => {
      const visible = (sel) => { const el = root.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'; };
      return { picture: visible('.bg-map-picture'), scores: visible('.bg-scores'), steps: visible('.bg-steps'),
        buttons: visible('.bg-nav'), language: visible('.bg-lang'),
        hostHeading: getComputedStyle(document.querySelector('h1')).visibility };
    });
    assert.deepEqual(shown, { picture: true, scores: true, steps: true, buttons: false, language: false, hostHeading: 'hidden' });
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) || []).length;
    assert.ok(pages >= 1 && pages <= 2, `printed on ${pages} page(s)`);
    await page.context().close();
  });

  test('the demo municipality\'s own buddy question leads to its programme first', async () => {
    const page = await open(`${site.origin}/host.html?org=demo&lang=nl`);
    const w = widget(page);
    await ready(w);
    await start(w);
    await addPerson(w, { name: 'Buurvrouw', relation: 'neighbourhood' });
    await toResult(w, { 'demo-buddy': 'yes' });
    const first = w.locator('.bg-step').first();
    assert.equal(await first.getAttribute('data-id'), 'demo-buddy');
    assert.equal(await first.locator('a').getAttribute('href'), 'https://www.example.org/maatjesproject');
    await page.context().close();
  });
});

describe('the Alliantiescan', () => {
  const als = (page) => page.locator('bondgenoot-widget');
  const alsReady = (w) => w.locator('.bg-alliantiescan').waitFor({ timeout: 15000 });
  const view = (w, n) => w.locator('.bg-views button').nth(n).click(); // 0 checklist, 1 result, 2 compare

  async function tick(w, id, level, role = '') {
    await w.locator(`#bg-${id}-${level}`).check();
    if (role) {
      await w.locator(`.bg-item[data-id="${id}"] summary`).click();
      await w.locator(`#bg-role-${id}`).selectOption(role);
    }
  }

  /** The script tests' "contracts before content" scenario, ticked by hand. */
  async function contractsFirst(w) {
    await w.locator('#bg-partner').fill('North Language School');
    await tick(w, 'agreements', 'yes', 'expert');
    await tick(w, 'safety', 'partly');
    await tick(w, 'resources', 'yes');
    await tick(w, 'personal', 'yes', 'gangmaker');
  }

  async function assessment(w) {
    await w.locator('.bg-result').waitFor();
    return {
      phase: await w.locator('.bg-result').getAttribute('data-phase'),
      progress: await w.locator('.bg-track-value').evaluateAll((els) => els.map((e) => Number(e.dataset.value))),
      warnings: await w.locator('.bg-warning').evaluateAll((els) => els.map((e) => e.dataset.id)),
      steps: await w.locator('.bg-step').evaluateAll((els) => els.map((e) => e.dataset.id)),
    };
  }

  const CONTRACTS_FIRST = {
    phase: 'formeren', progress: [20, 50, 0, 0],
    warnings: ['contracts-first', 'no-newcomer-voice', 'gap-vormen', 'role-verkenner'],
    steps: ['talk-content', 'invite-keypersons', 'item-goal', 'item-interests', 'item-keypersons'],
  };

  test('ticking "contracts before content" gives the phase, warnings and steps the script tests expect', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = als(page);
    await alsReady(w);
    assert.equal(await w.locator('.bg-phase').count(), 4, 'four phases');
    await contractsFirst(w);
    await view(w, 1);
    assert.deepEqual(await assessment(w), CONTRACTS_FIRST);
    assert.match(await w.locator('.bg-track-step.current').innerText(), /Making agreements/);
    assert.match(await w.locator('.bg-warning[data-id="gap-vormen"]').innerText(), /"Making contact" is still missing/);
    assert.deepEqual(await w.locator('.bg-roles li').evaluateAll((els) => els.map((e) => `${e.dataset.id}:${e.dataset.covered}`)),
      ['verkenner:false', 'gangmaker:true', 'expert:true']);
    assertNoProblems(page);
    await page.context().close();
  });

  test('the result and the comparison leave the checklist as it was, an item opened and a note half written, out of sight and out of reach meanwhile', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = als(page);
    await alsReady(w);
    await contractsFirst(w);
    await w.locator('.bg-item[data-id="goal"] summary').click();
    await w.locator('#bg-note-goal').fill('Ask the school what they');
    for (const [n, what] of [[1, '.bg-result'], [2, '#bg-open-link']]) {
      await view(w, n);
      await w.locator(what).waitFor();
      // The checklist is neither seen nor heard, nor reached by the keyboard.
      assert.equal(await w.locator('.bg-checklist').isVisible(), false);
      assert.equal(await w.getByRole('radio').count(), 0, 'no level for a screen reader');
      assert.equal(await w.getByRole('heading', { name: /^1\. / }).count(), 0, 'no phase heading for a screen reader');
      assert.equal(await tabbedInto(page, '.bg-checklist'), false, 'the keyboard does not reach it');
    }
    await view(w, 0);
    assert.equal(await w.locator('#bg-note-goal').inputValue(), 'Ask the school what they');
    assert.equal(await w.locator('#bg-note-goal').isVisible(), true, 'the opened item is still open');
    assert.equal(await w.locator('#bg-agreements-yes').isChecked(), true);
    await view(w, 1);
    assert.deepEqual(await assessment(w), CONTRACTS_FIRST);
    assertNoProblems(page);
    await page.context().close();
  });

  test('a complete alliance that picked no roles by hand is not warned about roles, and each role says what it does', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = als(page);
    await alsReady(w);
    const ids = await w.locator('.bg-item').evaluateAll((els) => els.map((e) => e.dataset.id));
    assert.equal(ids.length, 20);
    for (const id of ids) await w.locator(`#bg-${id}-yes`).check();
    // Unpicked, an item's role is the one that usually does it, said with
    // what that role does; a pick says what the picked role does.
    await w.locator('.bg-item[data-id="goal"] summary').click();
    const role = w.locator('#bg-role-goal');
    assert.equal(await role.locator('option:checked').innerText(), 'Usually: Explorer');
    const does = w.locator('.bg-item[data-id="goal"] .bg-more .bg-hint');
    assert.match(await does.innerText(), /^Explores what is possible/);
    assert.equal(await role.getAttribute('aria-describedby'), await does.getAttribute('id'));
    await role.selectOption('expert');
    assert.match(await does.innerText(), /^Knows about ways of working together/);
    await role.selectOption('');
    await view(w, 1);
    const a = await assessment(w);
    assert.equal(a.phase, 'transformeren');
    assert.deepEqual(a.warnings.filter((id) => id.startsWith('role-')), [], 'no role warnings');
    assert.deepEqual(await w.locator('.bg-roles li').evaluateAll((els) => els.map((e) => `${e.dataset.id}:${e.dataset.covered}`)),
      ['verkenner:true', 'gangmaker:true', 'expert:true']);
    const meanings = await w.locator('.bg-roles li .bg-hint').allInnerTexts();
    assert.equal(meanings.length, 3, 'each role says what it does');
    assert.match(meanings[1], /^Brings people together/);
    assertNoProblems(page);
    await page.context().close();
  });

  test('a share link opened in a fresh page gives the same state, and nothing was stored on a server', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    // Every request either page makes, to show none carries the scan.
    const sent = [];
    const record = (p) => p.on('request', (r) => sent.push({ method: r.method(), url: r.url(), body: r.postData() || '' }));
    record(page);
    const w = als(page);
    await alsReady(w);
    await contractsFirst(w);
    await w.locator('#bg-note-agreements').fill('Signed in March — نعم');
    await view(w, 1);
    const link = await w.locator('#bg-share-link').inputValue();
    assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/alliantie\.html\?org=plain&lang=en#bg-alliantiescan=/);

    const fresh = await openPage(browser, 'about:blank');
    record(fresh);
    await fresh.goto(link);
    const v = als(fresh);
    await alsReady(v);
    assert.deepEqual(await assessment(v), CONTRACTS_FIRST, 'opens on the same result');
    await view(v, 0);
    assert.ok(await v.locator('#bg-agreements-yes').isChecked());
    assert.ok(await v.locator('#bg-safety-partly').isChecked());
    assert.equal(await v.locator('#bg-partner').inputValue(), 'North Language School');
    assert.equal(await v.locator('#bg-note-agreements').inputValue(), 'Signed in March — نعم');
    assertNoProblems(fresh);
    // Nothing was stored on a server: only GETs (the pages, the bundle, the
    // rules), and the scan's words are in no request, not even in a URL (the
    // share link carries them in its fragment, which browsers never send).
    assert.ok(sent.length > 5, `the requests were recorded: ${sent.length}`);
    assert.deepEqual(sent.filter((r) => r.method !== 'GET'), [], 'no request sends anything');
    for (const words of ['North Language School', 'North%20Language', 'Signed in March', 'bg-alliantiescan=']) {
      assert.deepEqual(sent.filter((r) => r.url.includes(words) || r.body.includes(words)), [], `"${words}" went nowhere`);
    }
    await fresh.context().close();
    await page.context().close();
  });

  test('sharing the phases only: exactly the progress per phase and the step ids, in the widget\'s language', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=uk`);
    const posts = [];
    page.on('request', (r) => { if (r.method() === 'POST') posts.push({ url: r.url(), body: r.postData() || '' }); });
    const w = als(page);
    await alsReady(w);
    await contractsFirst(w);
    await view(w, 1);
    const expected = await assessment(w);
    await w.locator('.bg-figures-button').click();
    await w.locator('.bg-figures-said', { hasText: 'Дякуємо' }).waitFor();
    assert.equal(posts.length, 1);
    assert.equal(posts[0].url, `${server.origin}/v1/orgs/plain/figures/alliantiescan`);
    assert.deepEqual(JSON.parse(posts[0].body), {
      lang: 'uk',
      scores: { vormen: expected.progress[0], formeren: expected.progress[1], functioneren: expected.progress[2], transformeren: expected.progress[3] },
      steps: expected.steps,
    });
    assert.doesNotMatch(posts[0].body, /North Language School/);
    assertNoProblems(page);
    await page.context().close();
  });

  test('two partners\' scans side by side show, item by item, where they see it differently', async () => {
    const a = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const wa = als(a);
    await alsReady(wa);
    await wa.locator('#bg-partner').fill('Language school');
    await tick(wa, 'goal', 'yes');
    await tick(wa, 'meetings', 'partly');
    await tick(wa, 'trust', 'yes');
    await wa.locator('.bg-item[data-id="trust"] summary').click();
    await wa.locator('#bg-owner-trust').fill('Volunteers');
    await view(wa, 1);
    const link = await wa.locator('#bg-share-link').inputValue();

    const b = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const wb = als(b);
    await alsReady(wb);
    await wb.locator('#bg-partner').fill('Municipality');
    await tick(wb, 'goal', 'yes');
    await tick(wb, 'meetings', 'yes');
    await tick(wb, 'trust', 'yes');
    await wb.locator('.bg-item[data-id="trust"] summary').click();
    await wb.locator('#bg-owner-trust').fill('Municipality'); // the language school named another
    await view(wb, 2);
    await wb.locator('#bg-open-link').fill('not a link at all');
    await wb.getByRole('button', { name: 'Add to comparison' }).click();
    assert.match(await wb.locator('.bg-compare [role=alert]').innerText(), /cannot be read/);
    await wb.locator('#bg-open-link').fill(link);
    await wb.getByRole('button', { name: 'Add to comparison' }).click();
    await wb.locator('.bg-compare-table').waitFor();
    const heads = await wb.locator('.bg-compare-table thead th').evaluateAll((ths) => ths.map((th) => th.firstChild.textContent.trim()));
    assert.deepEqual(heads, ['Item', 'Municipality', 'Language school']);
    const row = (id) => wb.locator(`.bg-compare-table tr[data-id="${id}"]`);
    assert.equal(await row('goal').getAttribute('data-differs'), 'false');
    assert.equal(await row('meetings').getAttribute('data-differs'), 'true');
    assert.match(await row('meetings').innerText(), /differs[\s\S]*In place[\s\S]*Partly/);
    // The same level, but each partner names another owner: seen differently too.
    assert.equal(await row('trust').getAttribute('data-differs'), 'true');
    assert.match(await row('trust').innerText(), /Owner: Municipality[\s\S]*Owner: Volunteers/);
    assert.deepEqual(await wb.locator('.bg-compare-table tr[data-differs="true"]').evaluateAll((trs) => trs.map((tr) => tr.dataset.id)),
      ['trust', 'meetings'], 'only those items differ');
    await a.context().close();
    await b.context().close();
  });

  test('scanned again half a year on: then and now with the phases and what moved, each scan dated, owners and notes in the comparison', async () => {
    // The device's clock says 1 June 2026; the scan is kept on the device.
    const june = new Date('2026-06-01T10:00:00');
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`, undefined,
      { beforeGoto: (p) => p.clock.setFixedTime(june) });
    let w = als(page);
    await alsReady(w);
    await w.locator('#bg-partner').fill('Language school');
    await tick(w, 'goal', 'partly');
    await w.locator('.bg-item[data-id="goal"] summary').click();
    await w.locator('#bg-owner-goal').fill('Municipality');
    await w.locator('#bg-note-goal').fill('Start in September');
    await tick(w, 'trust', 'partly');
    await w.locator('.bg-item[data-id="trust"] summary').click();
    await w.locator('#bg-owner-trust').fill('Volunteers');
    await view(w, 1);
    assert.equal((await assessment(w)).phase, 'vormen');

    // December, the same device: the first change keeps June's scan beside it.
    await page.clock.setFixedTime(new Date('2026-12-01T10:00:00'));
    await page.reload();
    w = als(page);
    await alsReady(w);
    for (const id of ['goal', 'interests', 'personal', 'keypersons', 'agreements', 'safety', 'resources']) await tick(w, id, 'yes');
    await w.locator('.bg-item[data-id="trust"] summary').click();
    await w.locator('#bg-owner-trust').fill('Municipality'); // same level, another owner
    await view(w, 2);
    const thenNow = w.locator('.bg-then-now');
    assert.match(await thenNow.locator('p').first().innerText(), /^Your scan of June 1, 2026 next to the one of December 1, 2026\.$/);
    const phase = thenNow.locator('.bg-then-now-phase');
    await phase.waitFor();
    assert.deepEqual([await phase.getAttribute('data-then'), await phase.getAttribute('data-now')], ['vormen', 'formeren']);
    assert.equal(await phase.innerText(), 'Then: Making contact. Now: Making agreements.');
    const moved = await thenNow.locator('.bg-moved li').evaluateAll((lis) => lis.map((li) => li.dataset.id));
    assert.deepEqual(moved, ['goal', 'interests', 'personal', 'keypersons', 'agreements', 'safety', 'resources']);
    assert.equal(await thenNow.locator('.bg-moved li[data-id="goal"]').innerText(),
      'We share a picture of what we want to achieve for newcomers: was Partly, now In place');
    assert.equal(await thenNow.locator('.bg-moved li[data-id="interests"]').innerText(),
      `${await w.locator('.bg-compare-table tr[data-id="interests"] th').evaluate((th) => th.firstChild.textContent.trim())}: was Not yet, now In place`);

    // Both scans are columns, each with its day; each cell says who owns the
    // item and the note; another owner is a difference too.
    const heads = await w.locator('.bg-compare-table thead th').evaluateAll((ths) => ths.map((th) => th.innerText.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(heads, ['Item', 'Language school December 1, 2026', 'Language school June 1, 2026']);
    const cells = (id) => w.locator(`.bg-compare-table tr[data-id="${id}"] td`).allInnerTexts();
    assert.deepEqual((await cells('goal')).map((c) => c.replace(/\s+/g, ' ').trim()),
      ['In place Owner: Municipality Start in September', 'Partly Owner: Municipality Start in September']);
    const trust = w.locator('.bg-compare-table tr[data-id="trust"]');
    assert.equal(await trust.getAttribute('data-differs'), 'false', 'our own June scan shows what changed, not a partner who disagrees');
    assert.deepEqual((await cells('trust')).map((c) => c.replace(/\s+/g, ' ').trim()),
      ['Partly Owner: Municipality', 'Partly Owner: Volunteers']);

    // The share link carries today's date.
    await view(w, 1);
    const link = await w.locator('#bg-share-link').inputValue();
    assert.match(decodeURIComponent(link), /"date":"2026-12-01"/);
    await view(w, 2);
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => (await window.axe.run(
      document.querySelector('bondgenoot-widget'), { resultTypes: ['violations'] })).violations.map((v) => v.id));
    assert.deepEqual(violations, []);
    assertNoProblems(page);
    await page.context().close();
  });

  test('a shared link opened next to our own scan goes into the comparison, not over ours', async () => {
    const a = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const wa = als(a);
    await alsReady(wa);
    await wa.locator('#bg-partner').fill('Volunteers');
    await tick(wa, 'trust', 'yes');
    await view(wa, 1);
    const link = await wa.locator('#bg-share-link').inputValue();
    await a.context().close();

    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = als(page);
    await alsReady(w);
    await w.locator('#bg-partner').fill('Municipality');
    await tick(w, 'goal', 'partly');
    await page.goto(link); // only the fragment changes: the widget hears hashchange
    const v = als(page);
    await v.locator('.bg-compare-table').waitFor({ timeout: 15000 });
    assert.match(await v.locator('.bg-compare-table thead').innerText(), /Municipality[\s\S]*Volunteers/);
    await view(v, 0);
    assert.equal(await v.locator('#bg-partner').inputValue(), 'Municipality', 'our own scan is still ours');
    assert.ok(await v.locator('#bg-goal-partly').isChecked());
    await page.context().close();
  });

  test('the scan can be filled in and assessed with the keyboard only, and survives a reload', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = als(page);
    await alsReady(w);
    await tabTo(page, w, '#bg-goal-no');           // an unticked group: Tab reaches its first option
    await page.keyboard.press('ArrowDown');        // partly
    await page.keyboard.press('ArrowDown');        // in place
    assert.ok(await w.locator('#bg-goal-yes').isChecked());
    await tabTo(page, w, '.bg-item[data-id="goal"] summary');
    await page.keyboard.press('Enter');            // opens note, owner and role
    await tabTo(page, w, '#bg-role-goal');
    await page.keyboard.type('C');                 // "Connector", not the explorer who usually does it
    await tabTo(page, w, '.bg-views button:nth-child(2)', 20, 'Shift+Tab'); // back up to the views
    await page.keyboard.press('Enter');
    const a = await assessment(w);
    assert.equal(a.phase, 'vormen');
    assert.deepEqual(a.progress, [20, 0, 0, 0]);
    assert.ok(!a.warnings.includes('role-gangmaker'), 'the connector role is taken');
    assert.ok(a.warnings.includes('role-verkenner'), 'the goal moved to the connector: nobody explores');

    await page.reload();
    const v = als(page);
    await alsReady(v);
    await view(v, 1);
    assert.deepEqual((await assessment(v)).progress, [20, 0, 0, 0], 'kept on the device');
    await page.context().close();
  });

  test('the print view for a meeting shows the result without the controls', async () => {
    const page = await open(`${site.origin}/alliantie.html?org=plain&lang=en`);
    const w = als(page);
    await alsReady(w);
    await contractsFirst(w);
    await view(w, 1);
    await w.locator('.bg-result').waitFor();
    await page.evaluate(() => { window.print = () => { window.__printed = !!document.querySelector('bondgenoot-widget[data-printing]'); }; });
    await w.getByRole('button', { name: 'Print' }).click();
    assert.equal(await page.evaluate(() => window.__printed), true, 'the widget marks itself for printing');
    await page.emulateMedia({ media: 'print' });
    const shown = await w.locator('.bg-root').evaluate((root) => {
      const visible = (sel) => { const el = root.querySelector(sel); return !!el && getComputedStyle(el).display !== 'none'; };
      return { track: visible('.bg-track'), warnings: visible('.bg-warnings'), steps: visible('.bg-steps'),
        views: visible('.bg-views'), share: visible('.bg-actions') };
    });
    assert.deepEqual(shown, { track: true, warnings: true, steps: true, views: false, share: false });
    await page.context().close();
  });

  test('axe-core finds no violations in any of the five languages, in every view, and it fits 360 px', async () => {
    for (const lang of ['nl', 'en', 'ar', 'uk', 'tr']) {
      const page = await open(`${site.origin}/alliantie.html?org=plain&lang=${lang}`, { width: 360, height: 800 });
      await page.evaluate(axeSource).catch(() => {});
      const w = als(page);
      await alsReady(w);
      assert.equal(await w.locator('.bg-root').getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
      const check = async (label) => {
        const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
        assert.ok(fits, `${lang} ${label}: no horizontal scrolling at 360 px`);
        // axe is added through the DevTools protocol: the page's CSP would block a script tag.
        const violations = await page.evaluate(async () => {
          const r = await window.axe.run(document.querySelector('bondgenoot-widget'), { resultTypes: ['violations'] });
          return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        });
        assert.deepEqual(violations, [], `${lang} ${label}`);
      };
      await tick(w, 'goal', 'yes', 'verkenner');
      await tick(w, 'agreements', 'partly');
      await check('checklist');
      await view(w, 1);
      await w.locator('.bg-result').waitFor();
      await check('result');
      await view(w, 2);
      await check('compare');
      await page.context().close();
    }
  });
});
