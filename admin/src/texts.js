// The playground's own words, in Dutch and English. Script errors and the
// hooks' reference come from the engine and scripts/reference.json, in English.

import { CONSOLE } from './console/words.js';

const TEXTS = {
  en: {
    title: 'Bondgenoot · console',
    ui_lang: 'Language of this page',
    sign_out: 'Sign out',
    sign_in_title: 'Sign in',
    sign_in_help: "Use your own admin token (from `bondgenoot org add-admin`) or your organisation's (from `bondgenoot org add`). It is kept only in this tab and forgotten when you close it.",
    org_label: 'Organisation',
    author_label: 'Your name',
    author_hint: '(only with the organisation’s shared token: your own token already has your name)',
    token_label: 'Admin token',
    sign_in: 'Sign in',
    widget_label: 'Widget',
    script_title: 'Your script',
    editor_help: 'Functions you write here replace the default ones with the same name. The preview follows as you type. In the editor, Tab indents; press Esc, then Tab, to leave it.',
    drafted: 'These are your unpublished changes, kept in this tab.',
    discard: 'Throw my changes away',
    tests_box: 'Test cases (JSON)',
    run_tests: 'Run the tests',
    tests_title: 'Tests',
    log_title: 'Log',
    log_hint: '(what `print` and `debug` wrote)',
    publish_title: 'Publish',
    publish_help: 'The server checks the script and runs its tests again. Only a script that passes goes live.',
    note_label: 'What did you change?',
    publish: 'Publish',
    history_title: 'History',
    preview_title: 'Preview',
    preview_lang: 'Language',
    preview_help: 'The real widget, with your script. Fill it in as a job seeker would. Nothing you fill in here is sent.',
    reference_title: 'Reference',
    status_ok: '✓ The script works: every hook runs in every language (nl, en, ar, uk, tr).',
    status_checking: 'Checking the script…',
    cannot_read: 'The script cannot be read — {where}',
    hook_fails: 'A hook fails (language {lang}) — {where}',
    in_default: 'in the default script',
    line_col: 'line {line}, column {column}',
    line: 'line {line}',
    while_running: 'while running {hook}',
    tests_no_compile: 'The tests cannot run: the script cannot be read (see above).',
    tests_unreadable: 'The test cases cannot be read: {error}',
    no_tests: 'This script has no test cases.',
    tests_summary: '{passed} passed, {failed} failed.',
    passed: 'Passed: {name}',
    failed: 'Failed: {name}',
    expected: '− expected {value}',
    actual: '+ actual   {value}',
    live_version: 'Live: version {n}',
    live_default: 'Live: the default script only',
    nothing_published: 'Nothing published yet.',
    version_line: 'Version {n} · {when}',
    live_badge: ' · live',
    compare: 'Compare with live',
    compare_label: 'Compare with live: version {n}',
    make_live: 'Make live',
    make_live_label: 'Make live: version {n}',
    diff_title: 'Version {n} (−) against the live version {live} (+)',
    token_refused: 'Your token is no longer accepted. Please sign in again.',
    unreachable: 'The server cannot be reached ({error}). Nothing was changed; try again.',
    publishing: 'Publishing…',
    published: '✓ Version {n} is live. Widgets pick it up on their next load.',
    not_published: '✗ Not published: the live version stays as it was. {why}',
    rolled_back: '✓ Version {n} is live again.',
    kept_changes: ' Your unpublished changes are still in the editor.',
    not_live: '✗ Version {n} cannot go live: {why}',
    fill_in: 'Fill in the organisation and the admin token.',
    signing_in: 'Signing in…',
    no_match: 'This organisation and token do not match. Check both and try again.',
    preview_fails: 'The preview cannot start: {error}',
    hooks: 'Hooks',
    helpers: 'Helpers you may override instead',
    gets: 'Gets',
    returns: 'Returns',
    changes: 'Changes',
    no_reference: 'No reference for this widget.',
  },
  nl: {
    title: 'Bondgenoot · beheer',
    ui_lang: 'Taal van deze pagina',
    sign_out: 'Afmelden',
    sign_in_title: 'Aanmelden',
    sign_in_help: 'Gebruik je eigen beheerderssleutel (token, van `bondgenoot org add-admin`) of die van je organisatie (van `bondgenoot org add`). Die blijft alleen in dit tabblad en is weg als je het sluit.',
    org_label: 'Organisatie',
    author_label: 'Je naam',
    author_hint: '(alleen bij de gedeelde sleutel van de organisatie: je eigen sleutel heeft je naam al)',
    token_label: 'Beheerderssleutel (token)',
    sign_in: 'Aanmelden',
    widget_label: 'Widget',
    script_title: 'Jouw script',
    editor_help: 'Functies die je hier schrijft, vervangen de standaardfuncties met dezelfde naam. Het voorbeeld verandert mee terwijl je typt. In de editor springt Tab in; druk op Esc en dan Tab om de editor te verlaten.',
    drafted: 'Dit zijn je wijzigingen die nog niet gepubliceerd zijn; dit tabblad bewaart ze.',
    discard: 'Mijn wijzigingen weggooien',
    tests_box: 'Testgevallen (JSON)',
    run_tests: 'Tests uitvoeren',
    tests_title: 'Tests',
    log_title: 'Logboek',
    log_hint: '(wat `print` en `debug` schreven)',
    publish_title: 'Publiceren',
    publish_help: 'De server controleert het script en voert de tests opnieuw uit. Alleen een script dat slaagt, gaat live.',
    note_label: 'Wat heb je veranderd?',
    publish: 'Publiceren',
    history_title: 'Geschiedenis',
    preview_title: 'Voorbeeld',
    preview_lang: 'Taal',
    preview_help: 'De echte widget, met jouw script. Vul hem in zoals een werkzoekende dat zou doen. Wat je hier invult, wordt niet verstuurd.',
    reference_title: 'Naslag',
    status_ok: '✓ Het script werkt: elke hook draait in elke taal (nl, en, ar, uk, tr).',
    status_checking: 'Het script wordt gecontroleerd…',
    cannot_read: 'Het script is niet te lezen — {where}',
    hook_fails: 'Een hook loopt vast (taal {lang}) — {where}',
    in_default: 'in het standaardscript',
    line_col: 'regel {line}, kolom {column}',
    line: 'regel {line}',
    while_running: 'tijdens {hook}',
    tests_no_compile: 'De tests kunnen niet draaien: het script is niet te lezen (zie hierboven).',
    tests_unreadable: 'De testgevallen zijn niet te lezen: {error}',
    no_tests: 'Dit script heeft geen testgevallen.',
    tests_summary: '{passed} geslaagd, {failed} mislukt.',
    passed: 'Geslaagd: {name}',
    failed: 'Mislukt: {name}',
    expected: '− verwacht  {value}',
    actual: '+ gekregen  {value}',
    live_version: 'Live: versie {n}',
    live_default: 'Live: alleen het standaardscript',
    nothing_published: 'Nog niets gepubliceerd.',
    version_line: 'Versie {n} · {when}',
    live_badge: ' · live',
    compare: 'Vergelijk met live',
    compare_label: 'Vergelijk met live: versie {n}',
    make_live: 'Zet live',
    make_live_label: 'Zet live: versie {n}',
    diff_title: 'Versie {n} (−) tegenover de live versie {live} (+)',
    token_refused: 'Je sleutel wordt niet meer geaccepteerd. Meld je opnieuw aan.',
    unreachable: 'De server is niet bereikbaar ({error}). Er is niets veranderd; probeer het opnieuw.',
    publishing: 'Publiceren…',
    published: '✓ Versie {n} is live. Widgets gebruiken hem zodra ze opnieuw laden.',
    not_published: '✗ Niet gepubliceerd: de live versie blijft zoals hij was. {why}',
    rolled_back: '✓ Versie {n} is weer live.',
    kept_changes: ' Je niet-gepubliceerde wijzigingen staan nog in de editor.',
    not_live: '✗ Versie {n} kan niet live: {why}',
    fill_in: 'Vul de organisatie en de beheerderssleutel in.',
    signing_in: 'Aanmelden…',
    no_match: 'Deze organisatie en sleutel horen niet bij elkaar. Controleer beide en probeer het opnieuw.',
    preview_fails: 'Het voorbeeld kan niet starten: {error}',
    hooks: 'Hooks',
    helpers: 'Hulpfuncties die je in plaats daarvan kunt vervangen',
    gets: 'Krijgt',
    returns: 'Geeft terug',
    changes: 'Verandert',
    no_reference: 'Geen naslag voor deze widget.',
  },
};

for (const l of Object.keys(TEXTS)) Object.assign(TEXTS[l], CONSOLE[l]);

const LANG_KEY = 'bondgenoot-admin-lang';
let lang = 'en';

/** This device's choice, else the browser's language, else English. */
export function initialLang() {
  let saved = null;
  try { saved = localStorage.getItem(LANG_KEY); } catch (e) { saved = null; }
  if (saved && TEXTS[saved]) return saved;
  return (navigator.language || '').toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

export function setLang(next) {
  lang = TEXTS[next] ? next : 'en';
  try { localStorage.setItem(LANG_KEY, lang); } catch (e) { /* not kept: fine */ }
  document.documentElement.lang = lang;
  document.title = t('title');
  for (const el of document.querySelectorAll('[data-t]')) el.replaceChildren(withCode(t(el.dataset.t)));
}

/** The text for `key` in the page's language, with `{name}` filled in. */
export function t(key, vars = {}) {
  const text = TEXTS[lang][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
}

/** Text with `code` spans as <code> elements (no HTML is ever parsed). */
export function withCode(text) {
  const span = document.createDocumentFragment();
  text.split('`').forEach((part, i) => {
    if (i % 2 === 1) {
      const code = document.createElement('code');
      code.textContent = part;
      span.appendChild(code);
    } else {
      span.append(part);
    }
  });
  return span;
}
