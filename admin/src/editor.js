// CodeMirror 6 set up for rule scripts (Rhai, through the C-like legacy mode
// with Rhai's keywords) and their JSON test cases.

import { Annotation, EditorState } from '@codemirror/state';
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from '@codemirror/language';
import { clike } from '@codemirror/legacy-modes/mode/clike';
import { json } from '@codemirror/lang-json';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { searchKeymap } from '@codemirror/search';
import { unifiedMergeView } from '@codemirror/merge';

/** Marks a change made by the page itself (loading a version), not typing. */
const quiet = Annotation.define();

const words = (text) => Object.fromEntries(text.split(' ').map((w) => [w, true]));

/** Rhai: C-like syntax; `#{` opens a map, `fn` a function. */
const rhai = StreamLanguage.define(clike({
  name: 'rhai',
  keywords: words('fn let const if else switch while loop for in do until break continue return throw try catch private this is'),
  atoms: words('true false'),
  builtin: words('print debug type_of len push contains keys values is_def_var is_def_fn'),
  types: words(''),
  indentStatements: false,
  multiLineStrings: true,
  hooks: {
    '#': (stream) => (stream.eat('{') ? 'bracket' : null),
  },
}));

/**
 * A shadow root in `box` for an editor: there CodeMirror styles itself with
 * constructed style sheets, which the page's strict CSP allows (in the
 * document it would add a <style> element, which the CSP blocks).
 */
function shadowIn(box) {
  return box.shadowRoot || box.attachShadow({ mode: 'open' });
}

function editor(parent, language, onChange, label, maxHeight) {
  const root = shadowIn(parent);
  return new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
        language,
        lintGutter(),
        EditorView.theme({ '&': { maxHeight, fontSize: '14px' }, '.cm-scroller': { overflow: 'auto' } }),
        // tabindex: the text is reachable by Tab (contenteditable alone is not
        // counted as focusable by every assistive tool).
        EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
        EditorView.updateListener.of((update) => { if (update.docChanged && !update.transactions.some((t) => t.annotation(quiet))) onChange(); }),
      ],
    }),
  });
}


export const scriptEditor = (parent, onChange) => editor(parent, rhai, onChange, 'Your script (Rhai)', '60vh');
export const testsEditor = (parent, onChange) => editor(parent, json(), onChange, 'Test cases (JSON)', '40vh');

/** Replaces the whole text without counting as an edit. */
export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: quiet.of(true) });
}

/** Marks problems at their line and column (1-based) in the editor. */
export function showDiagnostics(view, problems) {
  const doc = view.state.doc;
  const diagnostics = problems.map((p) => {
    const line = doc.line(Math.min(Math.max(p.line, 1), doc.lines));
    const from = Math.min(line.from + Math.max((p.column || 1) - 1, 0), line.to);
    return { from, to: Math.max(from, Math.min(from + 1, line.to)), severity: 'error', message: p.message };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

let diff = null;
/** A read-only unified diff: `before` (removed lines) against `after`. */
export function diffView(parent, before, after) {
  if (diff) diff.destroy();
  const root = shadowIn(parent);
  diff = new EditorView({
    parent: root,
    root,
    state: EditorState.create({
      doc: after,
      extensions: [
        lineNumbers(),
        rhai,
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        EditorView.theme({ '&': { maxHeight: '50vh', fontSize: '14px' }, '.cm-scroller': { overflow: 'auto' } }),
        EditorState.readOnly.of(true),
        EditorView.editable.of(false),
        EditorView.contentAttributes.of({ 'aria-label': 'Differences', tabindex: '0' }),
        unifiedMergeView({ original: before, mergeControls: false, highlightChanges: true }),
      ],
    }),
  });
}
