// Facts behind treating `optimizer.minimize(f)` as a call whose tensor result is optional by design
// (no-discarded-tensor-type-checked stays quiet on it) and `minimize(f, true)` as a tensor
// (no-torch-tensor-api reports `cost.item()`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

function step(): { opt: tf.Optimizer; f: () => tf.Scalar; w: tf.Variable } {
  const w = tf.variable(tf.scalar(2));
  return { opt: tf.train.adam(0.1), f: () => w.square() as tf.Scalar, w };
}

describe('optimizer.minimize: the cost is returned only on request', () => {
  it('minimize(f) returns null (nothing to discard) and still updates the variable', () => {
    const { opt, f, w } = step();
    assert.equal(opt.minimize(f), null);
    assert.notEqual(w.dataSync()[0], 2);
  });

  it('minimize(f, false) returns null', () => {
    const { opt, f } = step();
    assert.equal(opt.minimize(f, false), null);
  });

  it('minimize(f, true) returns the cost as a tf.Scalar, which has no PyTorch item()', () => {
    const { opt, f } = step();
    const cost = opt.minimize(f, true);
    assert.ok(cost instanceof tf.Tensor);
    assert.equal(cost.rank, 0);
    assert.equal(cost.dataSync()[0], 4);
    assert.equal((cost as unknown as { item?: unknown }).item, undefined);
  });
});
