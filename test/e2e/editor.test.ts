// The editor path: drives ESLint the way the VS Code ESLint extension (vscode-eslint, flat config)
// does: `loadESLint()` → `new ESLint({ cwd: workspaceFolder })` → `lintText(unsavedBuffer, { filePath,
// warnIgnored: false })`; each message's `suggestions[i].fix` becomes a code action whose edit
// replaces `fix.range` with `fix.text` in the buffer. We apply those edits and check the text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadESLint, type ESLint as ESLintClass, type Linter } from 'eslint';
import { PORT_FIXTURE, projectConfig, tempProject } from '../fixtures-e2e/helpers.js';

type Edit = { range: [number, number]; text: string };
const applyEdit = (text: string, e: Edit) => text.slice(0, e.range[0]) + e.text + text.slice(e.range[1]);

async function workspaceESLint(files: Record<string, string>): Promise<{ eslint: ESLintClass; dir: string }> {
  const dir = tempProject({ 'eslint.config.js': projectConfig(), 'package.json': '{"type":"module"}', ...files }, [
    'eslint-plugin-torch2tf',
    '@typescript-eslint/parser',
  ]);
  const ESLint = await loadESLint(); // ESLint 10: always the flat-config class
  return { eslint: new ESLint({ cwd: dir }), dir };
}

const SNIPPET = `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
model.eval();
export const y = model.predict(tf.zeros([1, 2]));
`;

describe('editor (VS Code ESLint extension flow)', () => {
  it('reports an unsaved buffer with suggestions, and applying the suggestion gives the expected text', async () => {
    const { eslint, dir } = await workspaceESLint({ 'src/model.ts': '// on disk: not what the editor shows\n' });
    const filePath = join(dir, 'src/model.ts');
    const [res] = await eslint.lintText(SNIPPET, { filePath, warnIgnored: false });
    const msgs = res!.messages.filter((m) => m.ruleId === 'torch2tf/no-torch-mode-switch');
    assert.equal(msgs.length, 1);
    const m = msgs[0]!;
    assert.deepEqual([m.line, m.column, m.endLine, m.endColumn], [4, 7, 4, 11]);
    assert.equal(m.fix, undefined, 'removing eval() is a suggestion, never an autofix');
    assert.equal(m.suggestions?.length, 1);
    assert.match(m.suggestions![0]!.desc, /Remove the `eval\(\)` call/);
    const fixed = applyEdit(SNIPPET, m.suggestions![0]!.fix as Edit);
    assert.equal(
      fixed,
      `import * as tf from '@tensorflow/tfjs';

const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
export const y = model.predict(tf.zeros([1, 2]));
`,
    );
    const [again] = await eslint.lintText(fixed, { filePath, warnIgnored: false });
    assert.deepEqual(again!.messages, []);
  });

  it('every suggestion on the PyTorch-port fixture applies to parseable code that no longer has that finding', async () => {
    const src = readFileSync(join(PORT_FIXTURE, 'src/evaluate.ts'), 'utf8');
    const { eslint, dir } = await workspaceESLint({ 'src/evaluate.ts': src });
    const filePath = join(dir, 'src/evaluate.ts');
    const [res] = await eslint.lintText(src, { filePath, warnIgnored: false });
    assert.equal(res!.fatalErrorCount, 0);
    // The known findings of the template rule (lines 6 and 9), whatever other rules add.
    const modeSwitch = res!.messages.filter((m) => m.ruleId === 'torch2tf/no-torch-mode-switch').map((m) => m.line);
    assert.deepEqual(modeSwitch, [6, 9]);
    const withSuggestions = res!.messages.filter((m) => m.suggestions && m.suggestions.length > 0);
    assert.ok(withSuggestions.length >= 2);
    const key = (m: Linter.LintMessage) => `${m.ruleId}:${m.line}:${m.column}:${m.message}`;
    for (const m of withSuggestions) {
      for (const s of m.suggestions!) {
        const text = applyEdit(src, s.fix as Edit);
        assert.notEqual(text, src, `${key(m)}: "${s.desc}" changes nothing`);
        const [after] = await eslint.lintText(text, { filePath, warnIgnored: false });
        assert.equal(after!.fatalErrorCount, 0, `${key(m)}: "${s.desc}" gives code that does not parse:\n${text}`);
        // That finding is gone (the line may shift when a suggestion removes lines: compare rule + message count).
        const before = res!.messages.filter((x) => x.ruleId === m.ruleId && x.message === m.message).length;
        const left = after!.messages.filter((x) => x.ruleId === m.ruleId && x.message === m.message).length;
        assert.ok(left < before, `${key(m)}: still reported after "${s.desc}"`);
      }
    }
    // The two mode-switch suggestions: the calls are gone, the comments kept, nothing else touched.
    let text = src;
    for (const m of res!.messages.filter((x) => x.ruleId === 'torch2tf/no-torch-mode-switch').reverse()) {
      text = applyEdit(text, m.suggestions![0]!.fix as Edit);
    }
    assert.doesNotMatch(text, /model\.(eval|train)\(\);/);
    assert.match(text, /\/\/ PyTorch: switch BatchNorm\/Dropout to inference/);
    assert.match(text, /\/\/ PyTorch: back to training mode/);
    const changed = src.split('\n').filter((l, i) => text.split('\n')[i] !== l);
    assert.deepEqual(changed, ['  model.eval(); // PyTorch: switch BatchNorm/Dropout to inference', '  model.train(); // PyTorch: back to training mode']);
  });

  it('an ignored file gives no result noise in the editor (warnIgnored: false), a JS file lints without a TS parser', async () => {
    const { eslint, dir } = await workspaceESLint({});
    const [ignored] = await eslint.lintText(SNIPPET, { filePath: join(dir, 'node_modules/x/model.js'), warnIgnored: false });
    assert.equal(ignored, undefined);
    const [res] = await eslint.lintText(SNIPPET, { filePath: join(dir, 'src/model.js'), warnIgnored: false });
    assert.deepEqual(res!.messages.map((m) => [m.ruleId, m.line]), [['torch2tf/no-torch-mode-switch', 4]]);
  });
});
