/*! Bondgenoot embed loader, v1 (EUPL-1.2) */
/* Plain JS, no build step (xtask minifies the copy it serves).
 *
 * <script src="https://HOST/v1/embed.js" data-widget="netwerkscan" data-org="demo"
 *         data-lang="nl" async></script>
 *
 * Finds every script tag with data-widget that loads this file (classic async,
 * defer or type="module"; several per page), puts a <bondgenoot-widget> with an
 * open shadow root after each tag (or into data-target), and takes every
 * <bondgenoot-widget data-widget=…> already on the page (the same attributes;
 * for a CMS that loads this file once for all its widgets), downloads and compiles
 * the UI module and its JS glue once, and mounts one widget per tag, each in
 * its own instance of the module. Then, in the background, the rules engine
 * module (the Rhai scripts run there; the first screen does not need it):
 * downloaded once, an instance per widget. A widget whose organisation's
 * script breaks its instance is replaced by a kind message with "try again",
 * and the others keep working.
 * Only global: window.Bondgenoot.
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
  var HOST = 'bondgenoot-widget';

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
    ar: ['لا يمكن تحميل هذا الجزء الآن. حاول مرة أخرى لاحقًا.', 'اذهب إلى الصفحة العادية'],
    uk: ['Ця частина зараз не завантажується. Спробуйте пізніше.', 'Перейти на звичайну сторінку'],
    tr: ['Bu bölüm şu anda yüklenemiyor. Lütfen daha sonra tekrar deneyin.', 'Normal sayfaya gidin']
  };
  var LOADING = { nl: 'Laden…', en: 'Loading…', ar: 'جارٍ التحميل…', uk: 'Завантаження…', tr: 'Yükleniyor…' };
  var STOPPED = {
    nl: ['Dit onderdeel is gestopt door een fout.', 'Opnieuw proberen'],
    en: ['This part stopped because of an error.', 'Try again'],
    ar: ['توقف هذا الجزء بسبب خطأ.', 'حاول مرة أخرى'],
    uk: ['Ця частина зупинилася через помилку.', 'Спробувати ще раз'],
    tr: ['Bu bölüm bir hata nedeniyle durdu.', 'Tekrar deneyin']
  };

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

  // The bundle's files. `cargo xtask bundle` writes their versioned names
  // here (e.g. bondgenoot_bg.1a2b3c4d5e.wasm): those never change, so a
  // browser keeps them for a year and a repeat visit downloads no wasm.
  var FILES = { wasm: 'bondgenoot_bg.wasm', glue: 'bondgenoot.js', engine: 'bondgenoot_engine_bg.wasm', engineGlue: 'bondgenoot_engine.js', css: 'widget.css' };

  var compiled = {}; // file → the one promise: that wasm module downloaded and compiled
  var factories = {}; // file → the one promise: that JS glue's factory of instances
  var styles = null; // the one promise: widget.css as a constructed sheet (or a link)
  var instances = []; // { host, shadow, tag, glue, engine, handle }; glue is null once stopped
  var failedImports = 0; // imports of a glue that failed: the next asks under a new URL

  // The tag's language, else the page's, else Dutch: as the widget picks it.
  function langOf(tag) {
    var tries = [tag.getAttribute('data-lang'), document.documentElement.lang];
    for (var i = 0; i < tries.length; i++) {
      var primary = (tries[i] || '').trim().toLowerCase().split(/[-_]/)[0];
      if (MESSAGES.hasOwnProperty(primary)) return primary;
    }
    return 'nl';
  }

  function loadStyles() {
    return fetch(base + FILES.css)
      .then(function (r) {
        if (!r.ok) throw new Error(FILES.css + ': HTTP ' + r.status);
        return r.text();
      })
      .then(function (css) {
        if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
          var sheet = new CSSStyleSheet();
          sheet.replaceSync(css);
          return { sheet: sheet };
        }
        return { href: base + FILES.css };
      });
  }

  // Downloads and compiles a wasm module once; every widget instantiates it anew.
  function compileModule(file) {
    if (!compiled[file]) {
      if (typeof WebAssembly !== 'object' || typeof Promise !== 'function') {
        compiled[file] = Promise.reject(new Error('this browser cannot run WebAssembly'));
      } else {
        var loading = fetch(base + file).then(function (r) {
          if (!r.ok) throw new Error(file + ': HTTP ' + r.status);
          // Streaming compile needs application/wasm; a proxy may say otherwise.
          if (WebAssembly.compileStreaming && /application\/wasm/.test(r.headers.get('content-type') || '')) {
            return WebAssembly.compileStreaming(r);
          }
          return r.arrayBuffer().then(function (bytes) { return WebAssembly.compile(bytes); });
        });
        // A failed download is not kept: "try again" downloads it again.
        loading.catch(function () {
          if (compiled[file] === loading) delete compiled[file];
        });
        compiled[file] = loading;
      }
    }
    return compiled[file];
  }

  // Imports a JS glue once: `cargo xtask bundle` made it a factory, each
  // call a fresh copy of its state (the instance it talks to). The HTML
  // standard keeps a module that failed to load under its URL (Chromium
  // asks again; a browser need not), so after a failure "try again" asks
  // under a new one.
  function glueFactory(file) {
    if (!factories[file]) {
      var loading = import(base + file + (failedImports ? '?try=' + failedImports : '')).then(function (m) { return m.default; });
      loading.catch(function () {
        failedImports += 1;
        if (factories[file] === loading) delete factories[file];
      });
      factories[file] = loading;
    }
    return factories[file];
  }

  // A fresh instance of a module (FILES.wasm with FILES.glue, or the
  // engine's): each file downloaded once, each widget its own instance.
  function instantiate(wasm, glueFile) {
    // The glue downloads while the module compiles.
    return Promise.all([compileModule(wasm), glueFactory(glueFile)]).then(function (both) {
      var glue = both[1]();
      return glue.default({ module_or_path: both[0] }).then(function () { return glue; });
    });
  }

  // A User Timing mark, for whoever profiles the page (and the bench).
  function mark(name) {
    if (typeof performance === 'object' && typeof performance.mark === 'function') performance.mark(name);
  }

  // After the next frame is painted (a frame, then a task after it); at
  // once where the page is hidden and frames do not come.
  function afterPaint() {
    return new Promise(function (done) {
      if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') return done();
      requestAnimationFrame(function () { setTimeout(done, 0); });
    });
  }

  // The widget's own engine instance, as the UI module calls it, for the
  // mount whose UI instance is `ui` (a stopped and remounted widget does not
  // take an engine asked for before). A string thrown is a script's error
  // (the UI shows it); anything else is the instance breaking (a trap), and
  // the widget is replaced, after the call that saw it has returned.
  function engineFor(widget, ui) {
    return instantiate(FILES.engine, FILES.engineGlue).then(function (glue) {
      if (widget.glue !== ui) throw new Error('this widget was mounted again');
      widget.engine = glue;
      function guarded(name) {
        return function () {
          try {
            return glue[name].apply(null, arguments);
          } catch (e) {
            if (typeof e !== 'string' && widget.engine === glue) {
              setTimeout(function () { if (widget.engine === glue) stopped(widget, e); }, 0);
            }
            throw e;
          }
        };
      }
      return { compile: guarded('compile'), call: warmingUp(guarded('call'), function () { return widget.engine === glue; }) };
    });
  }

  // A new wasm module's code runs unoptimised at first; V8 optimises what
  // runs often, in the background. Without help a person's first dozen
  // answers met the slow code: a score took up to 6 ms instead of 0.8 (the
  // worst clicks in the bench). So, while the page is idle, each hook a
  // widget calls is called again with its last arguments, the answer
  // dropped (a hook only computes its answer; what a script prints is not
  // read here), until it has run WARM_UP times on the page, the person's
  // own calls counted (the optimised code is the module's, for every
  // instance; then a User Timing mark "bondgenoot:warm <hook>", and the
  // arguments are let go). Only a call that answered within a frame is made
  // again, and only when the idle time left holds it: a click never waits
  // long behind one, and a slow or failing script does not run unasked.
  // After TRIES idle periods too short for any, it waits for the person's
  // next call. Safari (and so every browser on iOS) has no idle callbacks:
  // no warm-up there.
  var WARM_UP = 30;
  var FRAME = 16;
  var TRIES = 20;
  var warmed = Object.create(null); // hook → its calls on the page so far

  // `call` (the engine's, for one widget), warming up each hook it is asked
  // for while `current()` (the widget still has this engine).
  function warmingUp(call, current) {
    var last = Object.create(null); // hook → its last call ({ args, took: ms }), while it is worth making again
    var warming = false;
    function timed(hook, args) {
      var started = performance.now();
      var answered = false;
      warmed[hook] = (warmed[hook] || 0) + 1;
      if (warmed[hook] === WARM_UP) mark('bondgenoot:warm ' + hook);
      try {
        var answer = call.apply(null, args);
        answered = true;
        return answer;
      } finally {
        var took = performance.now() - started;
        if (answered && took < FRAME && warmed[hook] < WARM_UP) last[hook] = { args: args, took: took };
        else delete last[hook];
      }
    }
    // A hook to make again whose last call took less than `ms`, if any.
    function fitting(ms) {
      if (current()) for (var hook in last) if (last[hook].took + 1 < ms) return hook;
    }
    function idle(tries) {
      warming = tries < TRIES && !!fitting(Infinity);
      if (warming) {
        requestIdleCallback(function (deadline) {
          var hook;
          var ran = false;
          while ((hook = fitting(deadline.timeRemaining()))) {
            ran = true;
            try {
              timed(hook, last[hook].args);
            } catch (e) {
              // A script's error is only not made again; a trap ends this
              // engine (the widget is replaced, with a new one).
              if (typeof e !== 'string') return;
            }
          }
          idle(ran ? 0 : tries + 1);
        });
      }
    }
    return function () {
      try {
        return timed(arguments[1], arguments);
      } finally {
        if (!warming && window.requestIdleCallback) idle(0);
      }
    };
  }

  function stylesOnce() {
    if (!styles) styles = loadStyles();
    return styles;
  }

  function adopt(shadow, styles) {
    if (styles.sheet) {
      shadow.adoptedStyleSheets = [styles.sheet];
      readerFontSize(shadow.host);
    } else {
      var link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = styles.href;
      shadow.appendChild(link);
    }
  }

  // The reader's own font size: widget.css resets the host to `initial`,
  // whose font size is the browser's default (the reader's larger-text
  // setting). Handed to the stylesheet as --bg-reader, so a host page with
  // html { font-size: 62.5% } cannot take it away. (A CSSOM property, not a
  // style attribute: allowed under a strict CSP.)
  function readerFontSize(host) {
    var size = parseFloat(getComputedStyle(host).fontSize);
    if (size > 0) host.style.setProperty('--bg-reader', size + 'px');
  }

  function messageBox(tag) {
    var lang = langOf(tag);
    var box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('lang', lang);
    box.setAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    box.className = 'bg-stopped';
    return box;
  }

  function showFailure(shadow, tag, error) {
    var lang = langOf(tag);
    var box = messageBox(tag);
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

  // A <bondgenoot-widget data-widget=…> already on the page (a CMS plugin
  // prints one per widget and loads this file once) is its own host; a
  // script tag gets one after it, or in data-target.
  function placeHost(tag) {
    var host = tag;
    if (tag.localName !== HOST) {
      host = document.createElement(HOST);
      host.setAttribute('data-widget', tag.getAttribute('data-widget') || '');
      var targetId = tag.getAttribute('data-target');
      var target = targetId ? document.getElementById(targetId.replace(/^#/, '')) : null;
      if (targetId && !target) console.warn('Bondgenoot: no element with id "' + targetId + '"; mounting after the tag');
      if (target) target.appendChild(host);
      else tag.parentNode.insertBefore(host, tag.nextSibling);
    }
    ['color', 'radius'].forEach(function (name) {
      var value = tag.getAttribute('data-' + name);
      // CSSOM, not a style attribute: allowed under a strict style-src.
      if (value) host.style.setProperty('--bg-' + name, value);
    });
    mirrorHeight(host);
    return host;
  }

  // A host page that sizes a frame or a box to its content (WordPress's
  // block preview, iframe resizers) watches its own DOM for changes, and a
  // shadow root growing is none: the widget's height, mirrored on the host
  // as data-height, is one.
  function mirrorHeight(host) {
    if (typeof ResizeObserver !== 'function') return;
    new ResizeObserver(function () {
      var height = String(Math.ceil(host.getBoundingClientRect().height));
      if (host.getAttribute('data-height') !== height) host.setAttribute('data-height', height);
    }).observe(host);
  }

  // The organisation a tag names; `demo` when it names none. The only place
  // this default is written: the widget gets the name from here.
  function orgOf(tag) {
    return (tag.getAttribute('data-org') || '').trim() || 'demo';
  }

  // Where a tag's rules are: the only place this address is built. The
  // widget gets it with its configuration and fetches it again on a retry.
  function rulesUrl(tag) {
    return base + 'orgs/' + encodeURIComponent(orgOf(tag)) +
      '/rules/' + encodeURIComponent(tag.getAttribute('data-widget') || '');
  }

  // An answer as the widget takes it: { status, body }.
  function fetchAnswer(url) {
    var answer = fetch(url).then(function (r) {
      return r.text().then(function (body) { return { status: r.status, body: body }; });
    });
    answer.catch(function () {}); // the widget reports it
    return answer;
  }

  // The day where the person is, YYYY-MM-DD: the widget's `ctx.today`, and
  // the day its first screen is made for. (The server's own day is the
  // organisation's; a person a time zone away, or a phone on UTC near
  // midnight, lives in another, and the first screen made for that one
  // would not be theirs: the widget would wait for its engine.)
  function dayHere() {
    // The local clock read as if it were UTC, so the ISO date is the local one.
    var now = new Date();
    return new Date(now - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
  }

  // What each tag's first screen shows (the questions, the checklist, in its
  // language, on the person's day) is fetched at once, while the wasm loads;
  // the scripts themselves come after the first screen, with the engine. A
  // retry fetches the scripts again itself.
  function prefetchFirstScreen(tag, day) {
    return fetchAnswer(rulesUrl(tag) + '/first/' + langOf(tag) + '?today=' + day);
  }

  // The widget's own texts in that language, fetched with its first screen:
  // the UI module carries no texts, so another language costs nothing
  // until the person picks it.
  function prefetchTexts(tag) {
    return fetchAnswer(base + 'texts/' + encodeURIComponent(tag.getAttribute('data-widget') || '') + '/' + langOf(tag));
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
    var widget = { host: host, shadow: shadow, tag: tag, glue: null, engine: null, handle: null, day: dayHere() };
    var first = prefetchFirstScreen(tag, widget.day);
    var texts = prefetchTexts(tag);

    // The instance (wasm compiled once, glue per widget) and the styles load together.
    Promise.all([instantiate(FILES.wasm, FILES.glue), stylesOnce()]).then(function (loaded) {
      mark('bondgenoot:instance');
      adopt(shadow, loaded[1]);
      mount(widget, loaded[0], first, texts);
      mark('bondgenoot:mounted');
      placeholder.remove();
    }).catch(function (error) {
      showFailure(shadow, tag, error);
    });
  }

  // Mounts the widget in the instance `glue`; `first` and `texts` are the
  // prefetched first screen (made for widget.day) and texts on the first
  // try, null on a retry (the widget then fetches its texts and the
  // scripts, and waits for the engine; a page left open overnight is on a
  // new day).
  function mount(widget, glue, first, texts) {
    if (!first) widget.day = dayHere();
    var root = document.createElement('div');
    widget.shadow.appendChild(root);
    var tag = widget.tag;
    widget.glue = glue;
    if (instances.indexOf(widget) < 0) instances.push(widget);
    // The engine and the scripts are asked for once the first screen is
    // there and painted: their download and compile do not slow it. The
    // widget calls `engine` when it wants it, and again on "try again"
    // after a failure.
    var painted = (first || Promise.resolve()).then(afterPaint, afterPaint);
    var engineLoad = null;
    function engine() {
      if (!engineLoad) {
        var load = painted.then(function () { return engineFor(widget, glue); });
        load.catch(function () { if (engineLoad === load) engineLoad = null; });
        engineLoad = load;
      }
      return engineLoad;
    }
    var rules = first && painted.then(function () { return fetchAnswer(rulesUrl(tag)); });
    widget.handle = glue.mount(widget.host, root, {
      widget: tag.getAttribute('data-widget') || '',
      org: orgOf(tag),
      rulesUrl: rulesUrl(tag),
      lang: tag.getAttribute('data-lang') || '',
      cafe: tag.getAttribute('data-cafe') || '',
      pageLang: document.documentElement.lang || '',
      baseUrl: base,
      firstScreen: first,
      texts: texts || null,
      textsLang: langOf(tag),
      today: widget.day,
      rules: rules,
      engine: engine
    });
  }

  // Whether a widget's instances (UI and engine) still work: they say so
  // themselves, or one cannot answer at all (a trap left it unusable). A
  // stopped widget has no instance.
  function alive(widget) {
    if (!widget.glue) return true;
    try {
      return widget.glue.alive() === true && (!widget.engine || widget.engine.alive() === true);
    } catch (e) {
      return false;
    }
  }

  // An error no one caught came from the page's event loop. If it was wasm's,
  // find the widget whose instance it stopped and put a kind message there.
  function onUncaught(event) {
    var error = event && (event.error || event.reason);
    var wasm = error && typeof WebAssembly === 'object' && (error instanceof WebAssembly.RuntimeError ||
      error instanceof RangeError || /wasm|unreachable/i.test(String(error.stack || error)));
    if (!wasm) return;
    for (var i = 0; i < instances.length; i++) {
      var widget = instances[i];
      if (!alive(widget)) stopped(widget, error);
    }
  }

  function stopped(widget, error) {
    // Nothing of the stopped instance is called again: its DOM goes, its
    // memory with the last reference to its glue.
    widget.glue = null;
    widget.engine = null;
    widget.handle = null;
    Array.prototype.slice.call(widget.shadow.children).forEach(function (child) {
      if (child.localName !== 'link') child.remove();
    });
    var lang = langOf(widget.tag);
    var box = messageBox(widget.tag);
    var p = document.createElement('p');
    p.textContent = STOPPED[lang][0];
    var again = document.createElement('button');
    again.type = 'button';
    again.textContent = STOPPED[lang][1];
    again.addEventListener('click', function () {
      box.remove();
      instantiate(FILES.wasm, FILES.glue).then(function (glue) {
        mount(widget, glue, null);
      }).catch(function (e) { showFailure(widget.shadow, widget.tag, e); });
    });
    box.appendChild(p);
    box.appendChild(again);
    widget.shadow.appendChild(box);
    console.error('Bondgenoot: a widget stopped and was taken off the page; the others keep working:', error);
  }

  function ours(tag) {
    if (tag.dataset[MOUNTED]) return false;
    if (tag.localName === HOST) return !tag.shadowRoot;
    if (!tag.src) return false;
    var src = tag.src.replace(/[?#].*$/, '');
    return selfPath ? src === selfPath : FILE.test(src);
  }

  function buildWidgets() {
    var tags = document.querySelectorAll('script[data-widget], ' + HOST + '[data-widget]');
    for (var i = 0; i < tags.length; i++) {
      if (ours(tags[i])) build(tags[i]);
    }
  }

  window.Bondgenoot = { version: '1', buildWidgets: buildWidgets };
  window.addEventListener('error', onUncaught);
  window.addEventListener('unhandledrejection', onUncaught);
  addPrintSheet();
  buildWidgets();
  // An async tag can run before later tags are parsed.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', buildWidgets);
})();
