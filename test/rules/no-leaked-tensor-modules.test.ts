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

/** A project of several modules; lints `main.js` in it. */
function projectWith(name: string, files: Record<string, string>): string {
  const dir = join(ROOT, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, type: 'module' }));
  for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
  return dir;
}

describe('no-leaked-tensor: tensors handed to helpers, and helpers that return new tensors', () => {
  const DRAW_READS = `export function drawGrid(t, canvas) {\n  const values = t.dataSync();\n  if (!t) return;\n  canvas.fill(values);\n  logShape(t);\n}\nfunction logShape(x) { console.log(x.shape); }\n`;
  const DRAW_DISPOSES = `export function drawGrid(t, canvas) {\n  canvas.fill(t.dataSync());\n  t.dispose();\n}\n`;
  const DRAW_STORES = `const history = [];\nexport function drawGrid(t, canvas) {\n  history.push(t);\n  canvas.fill(t.dataSync());\n}\n`;
  const DRAW_RETURNS = `export function drawGrid(t, canvas) {\n  canvas.fill(t.dataSync());\n  return t;\n}\n`;
  const main = (line: string) =>
    `import * as tf from '@tensorflow/tfjs';\nimport { model } from './agent.js';\nimport { drawGrid } from './draw.js';\nconst x = tf.ones([1, 2]);\nexport function start(canvas) {\n  setInterval(() => {\n${line}\n  }, 100);\n}\n`;

  it('a predict() result handed to an imported helper that only reads it (through another helper too) leaks per tick', () => {
    for (const line of ['    drawGrid(model.predict(x), canvas);', '    const probs = model.predict(x);\n    drawGrid(probs, canvas);']) {
      const text = main(line);
      const dir = projectWith(`reads-${line.length}`, { 'agent.js': AGENT, 'draw.js': DRAW_READS, 'main.js': text });
      const r = lint(dir, text);
      assert.equal(r.messages.length, 1, JSON.stringify(r.messages));
      assert.equal(r.messages[0]!.line, 7);
      assert.match(r.messages[0]!.message, /on every timer tick/);
    }
  });

  for (const [name, draw] of [['disposes', DRAW_DISPOSES], ['stores', DRAW_STORES], ['returns', DRAW_RETURNS]] as const) {
    it(`quiet when the helper ${name} its parameter (it owns the tensor now)`, () => {
      const text = main('    const probs = model.predict(x);\n    drawGrid(probs, canvas);');
      const dir = projectWith(`helper-${name}`, { 'agent.js': AGENT, 'draw.js': draw, 'main.js': text });
      assert.deepEqual(lint(dir, text).messages, []);
    });
  }

  it('a same-file helper that only reads: the local is reported; one that reads `arguments` is not', () => {
    const text = (helper: string) =>
      `import * as tf from '@tensorflow/tfjs';\nimport { model } from './agent.js';\n${helper}\nconst x = tf.ones([1, 2]);\nexport function start() {\n  requestAnimationFrame(function frame() {\n    const y = model.predict(x);\n    show(y);\n    requestAnimationFrame(frame);\n  });\n}\n`;
    const reads = text('function show(t) { console.log(t.dataSync()); }');
    assert.deepEqual(lint(projectWith('local-reads', { 'agent.js': AGENT, 'main.js': reads }), reads).messages.map((m) => m.line), [7]);
    const args = text('function show(t) { console.log(t.dataSync()); keep(arguments[0]); }');
    // `y` may be kept by `keep(arguments[0])`
    assert.deepEqual(lint(projectWith('local-arguments', { 'agent.js': AGENT, 'main.js': args }), args).messages, []);
  });

  it('a tensor returned by an imported helper (`tf.tidy(…)`) is a new tensor its caller owns', () => {
    const features = `import * as tf from '@tensorflow/tfjs';\nexport function computeLogMel(samples) {\n  return tf.tidy(() => tf.tensor1d(samples).square());\n}\nexport function describe(samples) {\n  return samples.length;\n}\n`;
    const text = `import * as tf from '@tensorflow/tfjs';\nimport { computeLogMel, describe } from './features.js';\nimport * as feats from './features.js';\nexport function start(port) {\n  port.onmessage = (e) => {\n    const row = computeLogMel(e.data);\n    console.log(row.dataSync(), describe(e.data));\n    feats.computeLogMel(e.data).print();\n    const kept = computeLogMel(e.data);\n    console.log(kept.max().dataSync());\n    kept.dispose();\n  };\n}\n`;
    const r = lint(projectWith('fresh-import', { 'features.js': features, 'main.js': text }), text);
    assert.deepEqual(r.messages.map((m) => m.line), [6, 8, 10]);
    assert.match(r.messages[1]!.message, /`computeLogMel\(\)`/);
  });
});

describe('no-leaked-tensor: the gradFunc of tf.customGrad runs inside the gradient scope', () => {
  const code = (gradFunc: string) =>
    `import * as tf from '@tensorflow/tfjs';\nexport const mish = tf.customGrad((x, save) => {\n  save([x]);\n  ${gradFunc}\n});\nexport function bare(xs) {\n  const tsp = tf.tanh(tf.softplus(xs));\n  return tsp.add(1);\n}\n`;
  it('quiet in gradFunc (inline, or a const named in the returned object), reported in a plain function (onlyRepeated: false)', () => {
    for (const body of [
      'return { value: x.mul(2), gradFunc: (dy, [xs]) => { const tsp = tf.tanh(tf.softplus(xs)); return dy.mul(tsp.add(1)); } };',
      'const gradFunc = (dy, [xs]) => { const tsp = tf.tanh(tf.softplus(xs)); return dy.mul(tsp.add(1)); };\n  return { value: x.mul(2), gradFunc };',
    ]) {
      const text = code(body);
      const r = lint(projectWith(`customgrad-${body.length}`, { 'main.js': text }), text, [{ onlyRepeated: false }]);
      // only `bare()`: `tsp` and its `softplus()` intermediate
      const line = text.split('\n').indexOf('  const tsp = tf.tanh(tf.softplus(xs));') + 1;
      assert.deepEqual(r.messages.map((m) => m.line), [line, line], JSON.stringify(r.messages));
    }
  });
});
