// no-leaked-tensor across modules: a value imported from another module is resolved (and its module
// parsed) only where a report is possible. With the default `onlyRepeated`, code that runs once is
// never reported, so nothing there is resolved.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Linter } from 'eslint';
import rule from '../../rules/no-leaked-tensor.js';
import { moduleReadStats } from '../../src/engine/module-resolve.js';

const ROOT = mkdtempSync(join(tmpdir(), 'torch2tf-leak-modules-'));
after(() => rmSync(ROOT, { recursive: true, force: true }));

const AGENT = `import * as tf from '@tensorflow/tfjs';\nexport const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });\n`;

function lint(dir: string, text: string, options: unknown[] = []): { messages: Linter.LintMessage[]; parsed: number } {
  const linter = new Linter({ cwd: '/', configType: 'flat' });
  const before = moduleReadStats.parsed;
  const messages = linter.verify(
    text,
    [{ files: ['**/*.js'], plugins: { t: { rules: { r: rule as never } } }, rules: { 't/r': ['error', ...options] as never } }],
    join(dir, 'main.js'),
  );
  return { messages, parsed: moduleReadStats.parsed - before };
}

function project(name: string, main: string): string {
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }));
  writeFileSync(join(dir, 'agent.js'), AGENT);
  writeFileSync(join(dir, 'main.js'), main);
  return dir;
}

describe('no-leaked-tensor: imported values are resolved only where a report is possible', () => {
  const once = `import * as tf from '@tensorflow/tfjs';\nimport { model } from './agent.js';\nexport function show() {\n  const y = model.predict(tf.ones([1, 2]));\n  console.log(y.dataSync());\n}\n`;
  it('code that runs once (default onlyRepeated): no report, and agent.js is not parsed', () => {
    const r = lint(project('once', once), once);
    assert.deepEqual(r.messages, []);
    assert.equal(r.parsed, 0);
  });
  it('the same code with onlyRepeated: false: agent.js is read and the leak reported', () => {
    const r = lint(project('once-strict', once), once, [{ onlyRepeated: false }]);
    // `y`, and the `tf.ones` tensor passed to predict()
    assert.deepEqual(r.messages.map((m) => m.line), [4, 4]);
    assert.equal(r.parsed, 1);
  });
  it('in a loop: agent.js is read and the leak reported', () => {
    const loop = `import * as tf from '@tensorflow/tfjs';\nimport { model } from './agent.js';\nconst x = tf.ones([1, 2]);\nfor (let i = 0; i < 3; i++) {\n  const y = model.predict(x);\n  console.log(y.dataSync());\n}\n`;
    const r = lint(project('loop', loop), loop);
    assert.deepEqual(r.messages.map((m) => m.line), [5]);
    assert.equal(r.parsed, 1);
  });
});
