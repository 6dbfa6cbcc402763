// The WordPress plugin on a real WordPress (Debian's packages; see
// wordpress.mjs): installed from the zip our server serves, set up by an
// administrator, used by an Author through the REST API, and the pages and
// the block editor in headless Chromium. Without WordPress installed the
// tests say what to install and are skipped; on CI (which installs it) that
// is an error.

import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, launchBrowser, openPage, orgAdd, startServer, until } from './harness.mjs';
import { USERS, missing, startWordPress } from './wordpress.mjs';

const PLUGIN = join(ROOT, 'integrations/wordpress/bondgenoot');
const lacking = missing();
if (lacking && process.env.CI) throw new Error(`WordPress is not installed for the plugin's tests: ${lacking}`);

/** Each widget, as the tests know it is there. */
const READY = { netwerkscan: '.bg-netwerkscan', vacaturecafe: '.bg-vacaturecafe', alliantiescan: '.bg-alliantiescan' };

describe('the WordPress plugin', { skip: lacking ? `WordPress is not installed here (${lacking})` : false }, () => {
  let server, wp, browser, admin;

  before(async () => {
    server = await startServer();
    wp = await startWordPress();
    // The WordPress site embeds the signup widget: the organisation lists it.
    await orgAdd(server.dataDir, 'demo', [wp.origin]);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await wp?.stop();
    await server?.stop();
  });

  /** A page signed in as `user` (a new browser context each). */
  async function signedIn(user, viewport = { width: 1280, height: 900 }) {
    const page = await openPage(browser, `${wp.origin}/wp-login.php`, viewport);
    // wp-login's own scripts still set the form up after the load (focus,
    // the show-password button), and once emptied the password typed before
    // them ("The password field is empty", on CI): typed again until both
    // fields hold it a moment later.
    const { login, password } = USERS[user];
    await until(async () => {
      await page.locator('#user_login').fill(login);
      await page.locator('#user_pass').fill(password);
      await page.waitForTimeout(200);
      return [await page.locator('#user_login').inputValue(), await page.locator('#user_pass').inputValue()];
    }, ([l, p]) => l === login && p === password, `the sign-in form filled for ${user}`);
    await page.locator('#wp-submit').click();
    await page.waitForURL(/wp-admin/, { waitUntil: 'commit' }).catch(async () => {
      await page.screenshot({ path: join(wp.dir, '..', `wp-login-${user}.png`) });
      assert.fail(`could not sign in as ${user}: ${await page.locator('#login_error').textContent().catch(() => page.url())}`);
    });
    return page;
  }

  /** Publishes a post as the Author through the REST API, with an application password. */
  async function publishAsAuthor(title, content) {
    const auth = Buffer.from(`${USERS.author.login}:${wp.appPassword(USERS.author.login)}`).toString('base64');
    const r = await fetch(`${wp.origin}/?rest_route=/wp/v2/posts&context=edit`, {
      method: 'POST',
      headers: { authorization: `Basic ${auth}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title, content, status: 'publish' }),
    });
    const post = await r.json();
    assert.equal(r.status, 201, `the Author may publish: ${JSON.stringify(post).slice(0, 300)}`);
    return post;
  }

  /** Opens a published page and waits for its widgets; counts what it downloaded. */
  async function visit(url, widgets) {
    const requests = [];
    const page = await openPage(browser, url, { width: 1280, height: 900 }, {
      beforeGoto: (p) => p.on('request', (r) => requests.push(r.url())),
    });
    const hosts = page.locator('bondgenoot-widget');
    for (const [i, name] of widgets.entries()) {
      await hosts.nth(i).locator(READY[name]).waitFor({ timeout: 20000 });
    }
    assert.equal(await hosts.count(), widgets.length, 'one widget per shortcode or block');
    const ours = (re) => requests.filter((u) => u.startsWith(server.origin) && re.test(u));
    assert.equal(ours(/\/v1\/embed\.js$/).length, 1, 'embed.js is loaded once, however many widgets');
    assert.equal(ours(/bondgenoot_bg\.[0-9a-f]+\.wasm$/).length, 1, 'the UI module is downloaded once');
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => ({ src: s.src, id: s.id, async: s.async, text: s.textContent })));
    const oursOrNamingUs = (s) => s.src.startsWith(server.origin) || /bondgenoot/i.test(s.id + s.text);
    assert.deepEqual(scripts.filter(oursOrNamingUs).map((s) => [s.src, s.async, s.text]),
      [[`${server.origin}/v1/embed.js`, true, '']], 'one script of ours, loaded async, and no inline script (a strict CSP allows it)');
    assert.deepEqual(page.problems.errors, [], 'no console errors');
    assert.deepEqual(page.problems.pageErrors, [], 'no uncaught errors');
    return page;
  }

  /** What PHP logged about the plugin (WordPress 6.1's own deprecations on PHP 8.2 are not ours). */
  const ourNotices = () => wp.debugLog().split('\n').filter((l) => l.includes('/plugins/bondgenoot/'));

  test('every PHP file of the plugin passes php -l', () => {
    const files = readdirSync(PLUGIN).filter((f) => f.endsWith('.php'));
    assert.ok(files.length >= 3);
    for (const f of files) {
      const out = execFileSync('php', ['-l', join(PLUGIN, f)], { encoding: 'utf8' });
      assert.match(out, /No syntax errors/, f);
    }
  });

  test('an administrator installs the zip our server serves, activates it, and sets the server and organisation; a wrong address is refused and the old one kept', async () => {
    const r = await fetch(`${server.origin}/v1/bondgenoot-wordpress.zip`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'application/zip');
    const zip = join(wp.dir, 'bondgenoot-wordpress.zip');
    writeFileSync(zip, Buffer.from(await r.arrayBuffer()));

    admin = await signedIn('admin');
    await admin.goto(`${wp.origin}/wp-admin/plugin-install.php?tab=upload`);
    await admin.locator('#pluginzip').setInputFiles(zip);
    await Promise.all([admin.waitForURL(/update\.php/), admin.locator('#install-plugin-submit').click()]);
    await admin.getByText('Plugin installed successfully.').waitFor();
    await Promise.all([admin.waitForURL(/plugins\.php/), admin.getByRole('link', { name: 'Activate Plugin' }).click()]);
    await admin.getByText('Plugin activated.').waitFor();
    assert.equal(await admin.locator('tr[data-slug="bondgenoot"].active').count(), 1, 'listed as active');

    const settings = `${wp.origin}/wp-admin/options-general.php?page=bondgenoot`;
    const save = () => Promise.all([admin.waitForURL(/settings-updated|options-general/), admin.locator('#submit').click()]);
    await admin.goto(settings);
    await admin.locator('#bondgenoot_server').fill('javascript:alert(1)');
    await admin.locator('#bondgenoot_org').fill('Not A Name!');
    await save();
    await admin.getByText('The server was not saved').waitFor();
    await admin.getByText('The organisation was not saved').waitFor();
    assert.equal(await admin.locator('#bondgenoot_server').inputValue(), '', 'nothing saved');

    // As pasted from the embed tag: cut back to the server's address.
    await admin.locator('#bondgenoot_server').fill(`${server.origin}/v1/embed.js`);
    await admin.locator('#bondgenoot_org').fill('demo');
    await save();
    await admin.getByText('Settings saved.').waitFor();
    assert.equal(await admin.locator('#bondgenoot_server').inputValue(), server.origin);
    assert.equal(await admin.locator('#bondgenoot_org').inputValue(), 'demo');
    assert.deepEqual(ourNotices(), [], 'the plugin made PHP say nothing');
  });

  test('an Author, whose script tags WordPress drops, publishes the three widgets with shortcodes and with blocks; each page shows all three, loads embed.js once and logs no error', async () => {
    const shortcodes = await publishAsAuthor('Widgets with shortcodes', [
      // What the README's tag becomes for an Author: WordPress drops it.
      `<script src="${server.origin}/v1/embed.js" data-widget="netwerkscan" data-org="demo"></script>`,
      '[bondgenoot widget="netwerkscan" lang="nl"]',
      '<p>Text between the widgets.</p>',
      '[bondgenoot widget="vacaturecafe" lang="en"]',
      '[bondgenoot widget="alliantiescan" lang="tr" color="#2d6a4f" radius="4px"]',
    ].join('\n\n'));
    assert.doesNotMatch(shortcodes.content.raw, /<script/, 'the Author\'s script tag was dropped on save');

    let page = await visit(shortcodes.link, ['netwerkscan', 'vacaturecafe', 'alliantiescan']);
    const host = (n) => page.locator('bondgenoot-widget').nth(n);
    assert.equal(await host(0).locator('.bg-root').getAttribute('lang'), 'nl');
    assert.equal(await host(1).locator('.bg-root').getAttribute('lang'), 'en');
    assert.equal(await host(2).locator('.bg-root').getAttribute('lang'), 'tr');
    assert.equal(await host(2).evaluate((el) => el.style.getPropertyValue('--bg-color')), '#2d6a4f');
    assert.ok(await host(1).locator('.bg-cafe').count() > 0, 'the demo organisation\'s cafés are listed');
    // In the theme's content column, and usable there at a phone's width.
    await page.setViewportSize({ width: 390, height: 800 });
    for (let i = 0; i < 3; i++) {
      const box = await host(i).boundingBox();
      assert.ok(box.width > 300 && box.x >= 0 && box.x + box.width <= 390, `widget ${i} fits 390 px: ${JSON.stringify(box)}`);
    }
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'no sideways scrolling');
    await page.context().close();

    const blocks = await publishAsAuthor('Widgets with blocks', [
      '<!-- wp:bondgenoot/widget {"widget":"alliantiescan","lang":"en"} /-->',
      '<!-- wp:bondgenoot/widget /-->',
      '<!-- wp:bondgenoot/widget {"widget":"vacaturecafe","lang":"ar","cafe":"1"} /-->',
    ].join('\n\n'));
    page = await visit(blocks.link, ['alliantiescan', 'netwerkscan', 'vacaturecafe']);
    assert.equal(await page.locator('bondgenoot-widget').nth(2).locator('.bg-root').getAttribute('dir'), 'rtl', 'Arabic, right to left');
    assert.equal(await page.locator('bondgenoot-widget').nth(2).locator('.bg-cafe').count(), 1, 'the one café the block names');
    await page.context().close();
    assert.deepEqual(ourNotices(), [], 'the plugin made PHP say nothing');
  });

  test('a hostile attribute value in a shortcode stays inside its attribute: wrong values are left out, and the widget still shows', async () => {
    // No `<` in them: WordPress's own filter (kses) would take tags out of
    // the Author's text before the plugin ever saw them.
    const post = await publishAsAuthor('Hostile attributes', [
      `[bondgenoot widget="netwerkscan" lang='nl" onmouseover="alert(1)' color='red" onfocus="alert(2)' cafe='1" onclick="alert(3)'` +
        ` radius='4px" style="display:none' fallback='https://example.org/plain?x="onmouseover=alert(5)']`,
      `[bondgenoot widget='chat" onclick="alert(6)']`,
    ].join('\n\n'));
    const page = await visit(post.link, ['netwerkscan']);
    assert.equal(await page.locator('[onmouseover], [onfocus], [onclick], bondgenoot-widget[style*="display"]').count(), 0, 'no attribute broke out');
    const host = page.locator('bondgenoot-widget');
    const attrs = await host.evaluate((el) => el.getAttributeNames().filter((n) => !['data-height', 'data-bondgenoot-mounted', 'style'].includes(n)));
    assert.deepEqual(attrs.sort(), ['data-fallback-href', 'data-org', 'data-widget'], 'wrong values are left out, so the widget\'s defaults apply');
    assert.doesNotMatch(await host.getAttribute('data-fallback-href'), /"/);
    assert.equal(await host.locator('.bg-root').getAttribute('lang'), 'en', 'the wrong language left out: the page\'s own (en-US)');
    await page.context().close();
  });

  test('in the block editor the block shows the whole widget, and the Custom HTML block\'s preview grows to the widget\'s height', async () => {
    const post = await publishAsAuthor('Edited in the block editor', '<!-- wp:bondgenoot/widget {"widget":"alliantiescan"} /-->');
    const page = await signedIn('author');
    await page.goto(`${wp.origin}/wp-admin/post.php?post=${post.id}&action=edit`);
    await page.waitForFunction(() => window.wp?.data?.select('core/block-editor')?.getBlocks().length > 0, null, { timeout: 60000 });
    await page.evaluate(() => {
      const prefs = window.wp.data.select('core/edit-post');
      if (prefs.isFeatureActive('welcomeGuide')) window.wp.data.dispatch('core/edit-post').toggleFeature('welcomeGuide');
    });
    const block = page.locator('[data-type="bondgenoot/widget"]');
    await block.locator('.bg-alliantiescan').waitFor({ timeout: 20000 });
    const [blockBox, widgetBox] = [await block.boundingBox(), await block.locator('bondgenoot-widget').boundingBox()];
    assert.ok(widgetBox.height > 300, `the widget has its real height in the editor: ${widgetBox.height}`);
    assert.ok(blockBox.height >= widgetBox.height && blockBox.y <= widgetBox.y, 'the block holds the whole widget');

    // The README's tag in a Custom HTML block, and its Preview: the preview's
    // frame takes the widget's height as it grows (it watches the frame's own
    // DOM; data-height is how the widget's growth shows there).
    await page.evaluate((src) => {
      const html = window.wp.blocks.createBlock('core/html', {
        content: `<script src="${src}" data-widget="alliantiescan" data-org="demo" async></script>`,
      });
      window.wp.data.dispatch('core/block-editor').insertBlocks(html);
      window.wp.data.dispatch('core/block-editor').selectBlock(html.clientId);
    }, `${server.origin}/v1/embed.js`);
    await page.locator('.components-tab-button', { hasText: 'Preview' }).click();
    const frame = page.locator('[data-type="core/html"] iframe');
    await frame.waitFor();
    const inside = frame.contentFrame().locator('bondgenoot-widget');
    await inside.locator('.bg-alliantiescan').waitFor({ timeout: 20000 });
    // The frame fits the widget (its body has no margin of its own) first as
    // it comes up, then after it changes height without anything else on
    // the page changing: the result view instead of the checklist.
    const heights = () => page.evaluate(() => {
      const f = document.querySelector('[data-type="core/html"] iframe');
      return { frame: f.getBoundingClientRect().height, widget: f.contentDocument.querySelector('bondgenoot-widget').getBoundingClientRect().height };
    });
    const fits = async (what) => {
      await page.waitForFunction(() => {
        const f = document.querySelector('[data-type="core/html"] iframe');
        const w = f.contentDocument.querySelector('bondgenoot-widget').getBoundingClientRect().height;
        return w > 200 && Math.abs(f.getBoundingClientRect().height - w) < 40;
      }, null, { timeout: 10000 }).catch(async () => assert.fail(`${what}: the preview does not fit the widget: ${JSON.stringify(await heights())}`));
      return heights();
    };
    const checklist = await fits('the checklist');
    await inside.locator('.bg-views button').nth(1).click();
    await inside.locator('.bg-result').waitFor();
    const result = await fits('the result view');
    assert.ok(Math.abs(result.widget - checklist.widget) > 100, `the widget changed height: ${checklist.widget} → ${result.widget}`);
    assert.deepEqual(page.problems.pageErrors, [], 'no uncaught errors in the editor');
    await page.context().close();
    await admin?.context().close();
  });
});
