// A module linted just before the file that imports it is reused instead of parsed again
// (src/engine/modules.ts), also in a process that has parsed no other module yet (this file runs alone):
// the importer gets the module's values, and a parameter gets the argument its importer passes.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';
import { moduleReadStats } from '../../src/engine/module-resolve.js';

const dir = mkdtempSync(join(tmpdir(), 'torch2tf-reuse-'));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
const MODEL = `import * as tf from '@tensorflow/tfjs';\n\nexport const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });\nexport const optimizer = tf.train.adam(1e-3);\n`;
const TRAIN = `import { model, optimizer } from './model.js';\n\nexport function step(xs, ys, lossFn) {\n  optimizer.minimize(() => lossFn(ys, model.predict(xs)));\n}\n`;
writeFileSync(join(dir, 'model.js'), MODEL);
writeFileSync(join(dir, 'train.js'), TRAIN);
// a parameter whose argument is built in the importer: `train(this.model, …)` in agent.js
const AGENT = `import * as tf from '@tensorflow/tfjs';\nimport { train } from './fit.js';\n\nexport class Agent {\n  constructor() {\n    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });\n    this.optimizer = tf.train.adam(1e-3);\n  }\n\n  fit(xs, ys) {\n    train(this.model, this.optimizer, xs, ys, tf.losses.meanSquaredError);\n  }\n}\n`;
const FIT = `export function train(model, optimizer, xs, ys, lossFn) {\n  optimizer.minimize(() => lossFn(ys, model.predict(xs)));\n}\n`;
writeFileSync(join(dir, 'agent.js'), AGENT);
writeFileSync(join(dir, 'fit.js'), FIT);

// a factory building its model with add() calls, one layer frozen at construction
const HEAD = `import * as tf from '@tensorflow/tfjs';\n\nexport function createHead() {\n  const model = tf.sequential();\n  model.add(tf.layers.dense({ units: 8, inputShape: [4], trainable: false }));\n  model.add(tf.layers.dense({ units: 1 }));\n  return model;\n}\n`;
const TUNE = `import * as tf from '@tensorflow/tfjs';\nimport { createHead } from './head.js';\n\nconst opt = tf.train.adam();\nexport function tune(xs, ys) {\n  const model = createHead();\n  opt.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs)));\n}\n`;
writeFileSync(join(dir, 'head.js'), HEAD);
writeFileSync(join(dir, 'tune.js'), TUNE);

describe('a module reused from the file linted just before', () => {
  it('lends its nodes before any module was parsed in the process: the structure its add() calls build is seen', () => {
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    const config = [{ files: ['**/*.js'], plugins: { torch2tf: plugin as never }, rules: { 'torch2tf/require-var-list-when-frozen': 'error' as const } }];
    assert.equal(moduleReadStats.parsed, 0, 'a fresh process');
    assert.deepEqual(linter.verify(HEAD, config, join(dir, 'head.js')), []);
    const messages = linter.verify(TUNE, config, join(dir, 'tune.js'));
    assert.equal(moduleReadStats.parsed, 0, 'head.js was reused, not parsed');
    assert.deepEqual(messages.map((m) => `${m.ruleId}:${m.line}`), ['torch2tf/require-var-list-when-frozen:7']);
  });

  it('answers for the nodes it lends: a parameter whose argument is `this.model` of a class in the importer', () => {
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    const config = [{ files: ['**/*.js'], plugins: { torch2tf: plugin as never }, rules: { 'torch2tf/require-training-flag': 'error' as const } }];
    assert.equal(moduleReadStats.parsed, 0, 'a fresh process');
    assert.deepEqual(linter.verify(AGENT, config, join(dir, 'agent.js')), []);
    const messages = linter.verify(FIT, config, join(dir, 'fit.js'));
    assert.equal(moduleReadStats.parsed, 0, 'agent.js was reused, not parsed');
    assert.deepEqual(
      messages.map((m) => `${m.ruleId}:${m.line}`),
      ['torch2tf/require-training-flag:2'],
    );
  });

  it('gives the importer its values and structure (a model with Dropout run by predict() in minimize)', () => {
    const linter = new Linter({ cwd: dir, configType: 'flat' });
    const config = [{ files: ['**/*.js'], plugins: { torch2tf: plugin as never }, rules: { 'torch2tf/require-training-flag': 'error' as const } }];
    assert.deepEqual(linter.verify(MODEL, config, join(dir, 'model.js')), []);
    const parsedBefore = moduleReadStats.parsed;
    const messages = linter.verify(TRAIN, config, join(dir, 'train.js'));
    assert.equal(moduleReadStats.parsed, parsedBefore, 'model.js was reused, not parsed');
    assert.deepEqual(
      messages.map((m) => `${m.ruleId}:${m.line}`),
      ['torch2tf/require-training-flag:4'],
    );
  });
});
