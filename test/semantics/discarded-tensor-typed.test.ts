// Facts behind no-discarded-tensor-type-checked: a helper built from tfjs ops returns a NEW tensor and
// leaves its input unchanged, so a call used as a statement (the PyTorch in-place habit) changes
// nothing and leaks the result.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

function normalizeInPlaceTheTorchWay(x: tf.Tensor): tf.Tensor {
  return x.sub(x.mean()); // reads like x.sub_(mean) in PyTorch
}

describe('no-discarded-tensor-type-checked: discarded tensor results', () => {
  it('the input tensor is unchanged after the call', () => {
    const x = tf.tensor1d([1, 2, 3]);
    normalizeInPlaceTheTorchWay(x);
    assert.deepEqual(Array.from(x.dataSync()), [1, 2, 3]);
  });

  it('every discarded call leaves one more live tensor (the lost result)', () => {
    const x = tf.tensor1d([1, 2, 3]);
    normalizeInPlaceTheTorchWay(x); // warm-up: kernels may cache on first use
    const before = tf.memory().numTensors;
    normalizeInPlaceTheTorchWay(x);
    normalizeInPlaceTheTorchWay(x);
    // x.mean() and the sub result per call: intermediates are not disposed either outside tf.tidy
    assert.ok(tf.memory().numTensors - before >= 2, `live tensors grew by ${tf.memory().numTensors - before}`);
  });

  it('tfjs tensors have no in-place variants to fall back on (sub_ / add_ are undefined)', () => {
    const x = tf.tensor1d([1]) as unknown as Record<string, unknown>;
    assert.equal(typeof x['sub_'], 'undefined');
    assert.equal(typeof x['add_'], 'undefined');
  });
});
