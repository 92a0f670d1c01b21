// METHOD_ONLY_NAMES lets no-torch-module-api skip `o.name(x)` callees without resolving `o.name`: it must
// never hold a name a port gives a layer or model field. Checked against the real tfjs API.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { METHOD_ONLY_NAMES, NO_TENSOR_RESULT_METHODS } from '../../src/facts/method-names.js';
import { TENSOR_METHODS } from '../../src/facts/tfjs-api.js';

describe('src/facts/method-names.ts', () => {
  it('holds no tfjs layer factory name (`this.flatten = tf.layers.flatten()` then `this.flatten(x)`)', () => {
    const factories = Object.keys(tf.layers);
    assert.ok(factories.length > 50);
    assert.deepEqual(factories.filter((f) => METHOD_ONLY_NAMES.has(f)), []);
  });

  it('holds no tensor op name (`this.pool`, `this.norm`, `this.relu` are layer fields in ports)', () => {
    assert.deepEqual([...METHOD_ONLY_NAMES].filter((n) => TENSOR_METHODS.has(n)), []);
    for (const n of ['pool', 'norm', 'relu', 'max', 'normalize', 'fc', 'model', 'net', 'encoder', 'forward']) assert.equal(METHOD_ONLY_NAMES.has(n), false, n);
  });

  it('the tfjs names in it are methods of real tfjs models, layers, optimizers or tensors', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    const optimizer = tf.train.adam();
    const tensor = tf.zeros([1]);
    const variable = tf.variable(tf.zeros([1]));
    const objects = [model, model.layers[0]!, model.weights[0]!, optimizer, tensor, variable];
    for (const name of ['predict', 'fit', 'compile', 'getWeights', 'dispose', 'countParams', 'apply', 'minimize', 'applyGradients', 'dataSync', 'data', 'assign', 'read']) {
      assert.ok(METHOD_ONLY_NAMES.has(name), name);
      assert.ok(objects.some((o) => typeof (o as unknown as Record<string, unknown>)[name] === 'function'), `${name} is a tfjs method`);
    }
    tf.dispose([tensor, variable]);
    model.dispose();
  });
});

describe('NO_TENSOR_RESULT_METHODS (statement calls no-discarded-tensor-type-checked does not ask the checker about)', () => {
  it('no tfjs tensor, variable, model, layer, optimizer, dataset or buffer method of these names returns a tensor', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    const objects: Record<string, unknown> = {
      tensor: tf.zeros([1]),
      variable: tf.variable(tf.zeros([1])),
      model,
      layer: model.layers[0],
      optimizer: tf.train.adam(),
      dataset: tf.data.array([1]),
      buffer: tf.buffer([1]),
    };
    const found: string[] = [];
    for (const name of NO_TENSOR_RESULT_METHODS) {
      for (const [what, o] of Object.entries(objects)) {
        if (typeof (o as Record<string, unknown>)[name] === 'function') found.push(`${what}.${name}`);
      }
    }
    // the only ones: toString (a string) on every object, and TensorBuffer.set (returns nothing)
    assert.deepEqual(found.filter((f) => !f.endsWith('.toString')), ['buffer.set']);
    assert.equal((objects.buffer as tf.TensorBuffer<tf.Rank.R1>).set(1, 0) as unknown, undefined);
    assert.equal(typeof (objects.tensor as tf.Tensor).toString(), 'string');
    for (const n of ['reverse', 'log', 'pop', 'shift', 'find', 'at', 'reduce', 'get']) assert.equal(NO_TENSOR_RESULT_METHODS.has(n), false, n);
    tf.dispose([objects.tensor as tf.Tensor, objects.variable as tf.Variable]);
    model.dispose();
  });
});
