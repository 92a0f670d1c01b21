// METHOD_ONLY_NAMES lets no-torch-module-api skip `o.name(x)` callees without resolving `o.name`: it must
// never hold a name a port gives a layer or model field. Checked against the real tfjs API.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { METHOD_ONLY_NAMES } from '../../src/facts/method-names.js';
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
