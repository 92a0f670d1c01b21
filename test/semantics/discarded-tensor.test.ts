// Facts behind no-discarded-tensor, measured on real tfjs 4.22 (CPU backend).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

describe('no-discarded-tensor: tfjs ops return new tensors', () => {
  it('x.add(y) leaves x unchanged and returns a new tensor', () => {
    const x = tf.tensor1d([1, 2]);
    const y = tf.tensor1d([3, 4]);
    const r = x.add(y);
    assert.notEqual(r, x);
    assert.notEqual(r.id, x.id);
    assert.deepEqual(x.arraySync(), [1, 2]);
    assert.deepEqual(r.arraySync(), [4, 6]);
  });

  it("layer.getWeights() returns the layer's own weight variables (not copies), and w.add(noise) changes none of them", () => {
    // the engine treats each element of getWeights() as a tensor (src/facts/tfjs-api.ts TENSOR_LIST_METHODS):
    // the neuro-evolution port of `w.add_(noise)` as `w.add(noise);` leaves the weights as they were
    const layer = tf.layers.dense({ units: 2, inputShape: [3] });
    tf.sequential({ layers: [layer] });
    const [kernel] = layer.getWeights();
    assert.ok(kernel instanceof tf.Variable);
    assert.equal(kernel, layer.getWeights()[0]); // the same object every time: the variable itself
    const before = kernel!.arraySync();
    tf.tidy(() => {
      for (const w of layer.getWeights()) w.add(tf.randomNormal(w.shape, 0, 1));
    });
    assert.deepEqual(layer.getWeights()[0]!.arraySync(), before);
  });

  it('tf.relu(x) and x.clipByValue(0, 1) do not modify x', () => {
    const x = tf.tensor1d([-1, 0.5, 2]);
    tf.relu(x);
    x.clipByValue(0, 1);
    assert.deepEqual(x.arraySync(), [-1, 0.5, 2]);
  });

  it('every discarded op leaks one tensor: tf.memory().numTensors grows by one per statement', () => {
    const x = tf.tensor1d([1, 2]);
    const y = tf.tensor1d([3, 4]);
    const before = tf.memory().numTensors;
    x.add(y);
    x.mul(y);
    tf.relu(x);
    assert.equal(tf.memory().numTensors - before, 3);
  });

  it('inside tf.tidy the discarded result is disposed (lost, but not leaked)', () => {
    const x = tf.tensor1d([1, 2]);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      x.add(1);
    });
    assert.equal(tf.memory().numTensors, before);
  });

  it('x = x.add(y) keeps the result (the suggested rewrite)', () => {
    let x = tf.tensor1d([1, 2]);
    x = x.add(tf.tensor1d([3, 4]));
    assert.deepEqual(x.arraySync(), [4, 6]);
  });

  it('variable.assign(...) updates a tf.Variable in place (so assign is never reported)', () => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    const id = v.id;
    v.assign(v.mul(2));
    assert.equal(v.id, id);
    assert.deepEqual(v.arraySync(), [2, 4]);
  });

  it('tf.variable(x, true, name) has a side effect: it registers the name (so it is not reported)', () => {
    tf.variable(tf.zeros([1]), true, 'discarded-tensor-test-w');
    assert.throws(() => tf.variable(tf.zeros([1]), true, 'discarded-tensor-test-w'), /already registered/);
  });

  it('print(), dataSync() and dispose() are not ops: they return no tensor', () => {
    const x = tf.tensor1d([1]);
    assert.ok(!(x.dataSync() instanceof tf.Tensor));
    assert.equal(x.dispose(), undefined);
  });
});
