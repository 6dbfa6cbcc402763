/*! Bondgenoot embed loader, v1. Plain JS, no build step.
 *
 * <script src="https://HOST/v1/embed.js" data-widget="netwerkscan" data-org="demo"
 *         data-lang="nl" async></script>
 *
 * Finds every script tag with data-widget that loads this file (classic async,
 * defer or type="module"; several per page), puts a <bondgenoot-widget> with an
 * open shadow root after each tag (or into data-target), loads the wasm bundle
 * once, and mounts one widget per tag. Only global: window.Bondgenoot.
 */
(function () {
  'use strict';

  // Loaded twice (two classic tags run the file twice): just pick up new tags.
  if (window.Bondgenoot && typeof window.Bondgenoot.buildWidgets === 'function') {
    window.Bondgenoot.buildWidgets();
    return;
  }

  var FILE = /\/embed\.js(?:[?#].*)?$/;
  var MOUNTED = 'bondgenootMounted';

  // Our own URL: currentScript for classic tags; module tags have none, so
  // then the first tag that loads an embed.js.
  var self = document.currentScript && document.currentScript.src;
  if (!self) {
    var found = document.querySelector('script[data-widget][src*="embed.js"]');
    self = found ? found.src : '';
  }
  var selfPath = self.replace(/[?#].*$/, '');
  var base = selfPath.replace(/[^/]*$/, '');

  var MESSAGES = {
    nl: ['Dit onderdeel kan nu niet laden. Probeer het later nog eens.', 'Ga naar de gewone pagina'],
    en: ['This part cannot load right now. Please try again later.', 'Go to the plain page'],
    ar: ['لا يمكن تحميل هذا الجزء الآن. حاول مرة أخرى لاحقًا.', 'اذهب إلى الصفحة العادية']
  };
  var LOADING = { nl: 'Laden…', en: 'Loading…', ar: 'جارٍ التحميل…' };

  // While a widget prints itself (it sets these attributes around
  // window.print()), only that widget is printed, not the host page. A
  // constructed sheet, not a <style>: allowed under a strict CSP.
  var PRINT_CSS = '@media print { html[data-bondgenoot-printing] body * { visibility: hidden !important; }' +
    ' html[data-bondgenoot-printing] bondgenoot-widget[data-printing] { visibility: visible !important;' +
    ' position: absolute !important; top: 0 !important; left: 0 !important; width: 100% !important; } }';

  function addPrintSheet() {
    if (typeof CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in document)) return;
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(PRINT_CSS);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  }

  var ready = null; // the one promise: wasm module initialised + stylesheet
  var instances = [];

  function langOf(tag) {
    var raw = (tag.getAttribute('data-lang') || document.documentElement.lang || 'nl').toLowerCase();
    var primary = raw.split(/[-_]/)[0];
    return MESSAGES.hasOwnProperty(primary) ? primary : 'nl';
  }

  function loadStyles() {
    return fetch(base + 'widget.css')
      .then(function (r) {
        if (!r.ok) throw new Error('widget.css: HTTP ' + r.status);
        return r.text();
      })
      .then(function (css) {
        if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
          var sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          return { sheet: sheet };
        }
        return { href: base + 'widget.css' };
      });
  }

  function init() {
    if (!ready) {
      if (typeof WebAssembly !== 'object' || typeof Promise !== 'function') {
        ready = Promise.reject(new Error('this browser cannot run WebAssembly'));
      } else {
        // The wasm download starts now, beside the JS glue, not after it.
        var wasmResponse = fetch(base + 'bondgenoot_bg.wasm');
        wasmResponse.catch(function () {}); // its failure surfaces through init below
        var wasm = import(base + 'bondgenoot.js').then(function (mod) {
          return mod.default({ module_or_path: wasmResponse }).then(function () {
            return mod;
          });
        });
        ready = Promise.all([wasm, loadStyles()]);
      }
    }
    return ready;
  }

  function adopt(shadow, styles) {
    if (styles.sheet) {
      shadow.adoptedStyleSheets = [styles.sheet];
    } else {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = styles.href;
      shadow.appendChild(link);
    }
  }

  function showFailure(shadow, tag, error) {
    var lang = langOf(tag);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', lang);
    box.setAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    var p = document.createElement('p');
    p.textContent = MESSAGES[lang][0];
    box.appendChild(p);
    var href = tag.getAttribute('data-fallback-href');
    if (href && /^https?:\/\//i.test(new URL(href, document.baseURI).href)) {
      var a = document.createElement('a');
      a.href = href;
      a.textContent = MESSAGES[lang][1];
      box.appendChild(a);
    }
    var placeholder = shadow.querySelector('[data-placeholder]');
    if (placeholder) placeholder.remove();
    shadow.appendChild(box);
    console.error('Bondgenoot: the widget could not start:', error);
  }

  function placeHost(tag) {
    var host = document.createElement('bondgenoot-widget');
    host.setAttribute('data-widget', tag.getAttribute('data-widget') || '');
    ['color', 'radius'].forEach(function (name) {
      var value = tag.getAttribute('data-' + name);
      // CSSOM, not a style attribute: allowed under a strict style-src.
      if (value) host.style.setProperty('--bg-' + name, value);
    });
    var targetId = tag.getAttribute('data-target');
    var target = targetId ? document.getElementById(targetId.replace(/^#/, '')) : null;
    if (targetId && !target) console.warn('Bondgenoot: no element with id "' + targetId + '"; mounting after the tag');
    if (target) target.appendChild(host);
    else tag.parentNode.insertBefore(host, tag.nextSibling);
    return host;
  }

  // Each tag's rules are fetched at once, while the wasm loads; the widget
  // takes this answer on its first try and fetches again itself on a retry.
  function prefetchRules(tag) {
    var url = base + 'orgs/' + encodeURIComponent(tag.getAttribute('data-org') || 'demo') +
      '/rules/' + encodeURIComponent(tag.getAttribute('data-widget') || '');
    var answer = fetch(url).then(function (r) {
      return r.text().then(function (body) { return { status: r.status, body: body }; });
    });
    answer.catch(function () {}); // the widget reports it
    return answer;
  }

  function build(tag) {
    tag.dataset[MOUNTED] = 'true';
    var host = placeHost(tag);
    var shadow = host.attachShadow({ mode: 'open' });
    var placeholder = document.createElement('p');
    placeholder.setAttribute('data-placeholder', '');
    placeholder.setAttribute('role', 'status');
    placeholder.textContent = LOADING[langOf(tag)];
    shadow.appendChild(placeholder);
    var root = document.createElement('div');
    shadow.appendChild(root);
    var rules = prefetchRules(tag);

    init().then(function (loaded) {
      adopt(shadow, loaded[1]);
      placeholder.remove();
      var handle = loaded[0].mount(host, root, {
        widget: tag.getAttribute('data-widget') || '',
        org: tag.getAttribute('data-org') || '',
        lang: tag.getAttribute('data-lang') || '',
        cafe: tag.getAttribute('data-cafe') || '',
        pageLang: document.documentElement.lang || '',
        baseUrl: base,
        rules: rules
      });
      instances.push({ host: host, handle: handle });
    }).catch(function (error) {
      showFailure(shadow, tag, error);
    });
  }

  function ours(tag) {
    if (tag.dataset[MOUNTED] || !tag.src) return false;
    var src = tag.src.replace(/[?#].*$/, '');
    return selfPath ? src === selfPath : FILE.test(src);
  }

  function buildWidgets() {
    var tags = document.querySelectorAll('script[data-widget]');
    for (var i = 0; i < tags.length; i++) {
      if (ours(tags[i])) build(tags[i]);
    }
  }

  window.Bondgenoot = { version: '1', buildWidgets: buildWidgets };
  addPrintSheet();
  buildWidgets();
  // An async tag can run before later tags are parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', buildWidgets);
})();
