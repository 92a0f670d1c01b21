// The kinds the engine gives tfjs factories that load or rebuild a model, measured on tfjs 4.22.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

describe('model factories', () => {
  it('tf.models.modelFromJSON(json) returns a Promise of a LayersModel (the engine: a model, awaited)', async () => {
    const source = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] }), tf.layers.dropout({ rate: 0.5 })] });
    const pending = tf.models.modelFromJSON(JSON.parse(JSON.stringify(source.toJSON(null, false))));
    assert.ok(pending instanceof Promise);
    const copy = await pending;
    assert.ok(copy instanceof tf.LayersModel);
    assert.equal(copy.layers.length, 2);
    // and it has no PyTorch mode switch: `copy.training = false` only adds a property tfjs never reads
    assert.equal(typeof (copy as unknown as { eval?: unknown }).eval, 'undefined');
    source.dispose();
    copy.dispose();
  });
});
