// no-trainable-after-compile for a model that a factory of another module compiles before returning it
// (src/engine/trainable.ts, `compiledAtCreation`): the usual fine-tuning port whose second stage unfreezes
// a layer built `{trainable: false}` and calls fit() again without compile(). tfjs ignores that unfreeze
// (test/semantics/trainable-after-compile.test.ts); the module boundary changes nothing in tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lintOnDisk, projectRoot } from '../engine/disk-project.js';

const writeProject = projectRoot('torch2tf-tac-modules-');

/** A factory module: a model with a frozen embedding, compiled (or not) before it is returned. */
const factory = (body: string): string => `import * as tf from '@tensorflow/tfjs';
export function createClassifier() {
  const model = tf.sequential();
  model.add(tf.layers.embedding({ inputDim: 100, outputDim: 8, inputLength: 10, trainable: false, name: 'embedding' }));
  model.add(tf.layers.flatten());
  model.add(tf.layers.dense({ units: 2, activation: 'softmax' }));
${body}
}
`;
const COMPILED = `  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });\n  return model;`;

const train = (between = ''): string => `import { createClassifier } from './factory.js';
export async function fineTune(xs, ys) {
  const model = createClassifier();
  await model.fit(xs, ys, { epochs: 2 });
  model.getLayer('embedding').trainable = true;
${between}  await model.fit(xs, ys, { epochs: 2 });
}
`;

function reports(factoryBody: string, trainText: string): string[] {
  const files = { 'src/factory.js': factory(factoryBody), 'src/train.js': trainText };
  const dir = writeProject(files);
  return lintOnDisk(dir, 'src/train.js', files).filter((r) => r.endsWith('no-trainable-after-compile'));
}

describe('no-trainable-after-compile: a model compiled by a factory of another module', () => {
  it('reports the unfreeze of a layer the factory compiled frozen, before the next fit()', () => {
    assert.deepEqual(reports(COMPILED, train()), ['5: no-trainable-after-compile']);
  });

  it('also through a class field set from the factory', () => {
    const text = `import { createClassifier } from './factory.js';
export class Trainer {
  constructor() {
    this.model = createClassifier();
  }
  async stageTwo(xs, ys) {
    this.model.getLayer('embedding').trainable = true;
    await this.model.fit(xs, ys, { epochs: 2 });
  }
}
`;
    assert.deepEqual(reports(COMPILED, text), ['7: no-trainable-after-compile']);
  });

  it('stays quiet when this file compiles again after the unfreeze', () => {
    assert.deepEqual(reports(COMPILED, train(`  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });\n`)), []);
  });

  it('stays quiet when the factory does not compile, compiles only on one branch, or changes `trainable` itself', () => {
    assert.deepEqual(reports('  return model;', train()), []);
    assert.deepEqual(reports(`  if (Math.random() > 2) return model;\n${COMPILED}`, train()), []);
    assert.deepEqual(reports(`  model.layers[0].trainable = true;\n${COMPILED}`, train()), []);
  });

  it('stays quiet on a layer that was trainable when the factory compiled it', () => {
    const text = train().replace(`getLayer('embedding')`, 'layers[2]');
    assert.deepEqual(reports(COMPILED, text), []);
  });

  it('a factory that compiles what another builder made, reached through an `export *` barrel (fixtures/blind/rxjs-angular, modern-node)', () => {
    const files = {
      'src/models/net.js': `import * as tf from '@tensorflow/tfjs';
export function buildNet() {
  const input = tf.input({ shape: [4] });
  const h = tf.layers.dense({ units: 8, name: 'stem' }).apply(input);
  return tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2, name: 'logits' }).apply(h) });
}
export function buildCompiled() {
  const model = buildNet();
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'meanSquaredError' });
  return model;
}
`,
      'src/models/index.js': `export * from './net.js';\n`,
      'src/train.js': `import { buildCompiled, buildNet } from './models/index.js';
export async function stageTwo(xs, ys) {
  const model = buildCompiled();
  await model.fit(xs, ys, { epochs: 1 });
  for (const layer of model.layers) layer.trainable = false;
  model.getLayer('logits').trainable = true;
  await model.fit(xs, ys, { epochs: 1 });
}
export async function notCompiled(xs, ys) {
  const model = buildNet();
  for (const layer of model.layers) layer.trainable = false;
  model.getLayer('logits').trainable = true;
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 1 });
}
`,
    };
    const dir = writeProject(files);
    assert.deepEqual(lintOnDisk(dir, 'src/train.js', files).filter((r) => r.endsWith('no-trainable-after-compile')), ['5: no-trainable-after-compile']);
  });

  it('also when the model holds a custom layer whose trainable state is not visible (fixtures/blind/modern-node)', () => {
    const files = {
      'src/models/pool.js': `import * as tf from '@tensorflow/tfjs';
export class AttentionPool extends tf.layers.Layer {
  call(inputs) { return tf.mean(inputs[0] ?? inputs, 1); }
  static get className() { return 'AttentionPool'; }
}
`,
      'src/models/net.js': `import * as tf from '@tensorflow/tfjs';
import { AttentionPool } from './pool.js';
export function buildNet() {
  const input = tf.input({ shape: [10, 4] });
  let x = tf.layers.conv1d({ filters: 8, kernelSize: 3, name: 'stem' }).apply(input);
  x = new AttentionPool({ name: 'pool' }).apply(x);
  return tf.model({ inputs: input, outputs: tf.layers.dense({ units: 2, name: 'logits' }).apply(x) });
}
export function buildCompiled() {
  const model = buildNet();
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return model;
}
`,
      'src/models/index.js': `export * from './net.js';\n`,
      'src/train.js': `import * as tf from '@tensorflow/tfjs';
import { buildCompiled } from './models/index.js';
import { buildNet } from './models/net.js';
export async function stageTwo(xs, ys) {
  const model = buildCompiled();
  await model.fit(xs, ys, { epochs: 1 });
  for (const layer of model.layers) layer.trainable = false;
  model.getLayer('logits').trainable = true;
  await model.fit(xs, ys, { epochs: 1 });
}
export async function local(xs, ys) {
  const model = buildNet();
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  await model.fit(xs, ys, { epochs: 1 });
  for (const layer of model.layers) layer.trainable = false;
  await model.fit(xs, ys, { epochs: 1 });
}
`,
    };
    const dir = writeProject(files);
    assert.deepEqual(lintOnDisk(dir, 'src/train.js', files).filter((r) => r.endsWith('no-trainable-after-compile')), ['7: no-trainable-after-compile', '15: no-trainable-after-compile']);
  });
});

