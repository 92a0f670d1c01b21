// Facts behind no-misplaced-var-list: minimize(f, returnCost?, varList?).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

type Minimize = (f: () => tf.Scalar, returnCost?: unknown, varList?: unknown) => tf.Scalar | null;

/** f touches w1 and w2: d/dw (w1·w2)² = 2·w1·w2·(other) = 2 at w1 = w2 = 1. */
function setup(): { w1: tf.Variable; w2: tf.Variable; f: () => tf.Scalar; minimize: Minimize } {
  const w1 = tf.variable(tf.scalar(1));
  const w2 = tf.variable(tf.scalar(1));
  const opt = tf.train.sgd(0.1);
  return { w1, w2, f: () => w1.mul(w2).square() as tf.Scalar, minimize: opt.minimize.bind(opt) as Minimize };
}

const changed = (v: tf.Variable): boolean => v.dataSync()[0] !== 1;

function smallModel(): { model: tf.Sequential; loss: () => tf.Scalar; kernel0: () => number } {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
  const x = tf.ones([4, 2]);
  return { model, loss: () => (model.apply(x) as tf.Tensor).square().mean() as tf.Scalar, kernel0: () => model.getWeights()[0]!.dataSync()[0]! };
}

describe('no-misplaced-var-list: the second argument is returnCost', () => {
  it('minimize(f, [w1]) updates BOTH variables f touches, and returns the cost (the array counts as returnCost)', () => {
    const { w1, w2, f, minimize } = setup();
    const r = minimize(f, [w1]);
    assert.ok(changed(w1) && changed(w2), 'both variables were updated');
    assert.ok(r instanceof tf.Tensor, 'the truthy array made minimize return the cost');
    assert.equal(r.dataSync()[0], 1);
  });

  it('minimize(f, false, [w1]) updates only w1 and returns null', () => {
    const { w1, w2, f, minimize } = setup();
    assert.equal(minimize(f, false, [w1]), null);
    assert.ok(changed(w1));
    assert.ok(!changed(w2), 'w2 is not in the varList');
  });

  it('minimize(f, true, [w1]) returns the cost and updates only w1', () => {
    const { w1, w2, f, minimize } = setup();
    const r = minimize(f, true, [w1]);
    assert.equal(r!.dataSync()[0], 1);
    assert.ok(changed(w1) && !changed(w2));
  });

  it('minimize(f, w1) with a single variable also updates both, and returns the cost', () => {
    const { w1, w2, f, minimize } = setup();
    assert.ok(minimize(f, w1) instanceof tf.Tensor);
    assert.ok(changed(w1) && changed(w2));
  });

  for (const flag of [true, false]) {
    it(`minimize(f, [w1], ${flag}) (swapped) throws "must be an array of variables" and trains nothing`, () => {
      const { w1, w2, f, minimize } = setup();
      assert.throws(() => minimize(f, [w1], flag), /The varList passed in variableGrads\(f, varList\) must be an array of variables/);
      assert.ok(!changed(w1) && !changed(w2));
    });
  }

  it('minimize(f, model.trainableWeights) trains every variable f touches, also outside the model', () => {
    const { model, loss, kernel0 } = smallModel();
    const outside = tf.variable(tf.scalar(1));
    tf.train.sgd(0.1).minimize(() => loss().mul(outside) as tf.Scalar, model.trainableWeights as never);
    assert.notEqual(kernel0(), 1);
    assert.notEqual(outside.dataSync()[0], 1, 'the variable outside the "list" was trained too');
  });
});

describe('no-misplaced-var-list: what minimize accepts as varList', () => {
  it('LayerVariables (model.trainableWeights / model.weights) are rejected', () => {
    const { model, loss } = smallModel();
    const opt = tf.train.sgd(0.1);
    assert.throws(() => opt.minimize(loss, false, model.trainableWeights as never), /must be an array of variables/);
    assert.throws(() => opt.minimize(loss, false, model.weights as never), /must be an array of variables/);
  });

  it('trainableWeights.map((v) => v.read()) gives tf.Variables: only they train', () => {
    const { model, loss, kernel0 } = smallModel();
    const outside = tf.variable(tf.scalar(1));
    const list = model.trainableWeights.map((v) => v.read());
    assert.ok(list.every((v) => v instanceof tf.Variable));
    tf.train.sgd(0.1).minimize(() => loss().mul(outside) as tf.Scalar, false, list as tf.Variable[]);
    assert.notEqual(kernel0(), 1);
    assert.equal(outside.dataSync()[0], 1, 'the outside variable is not in the list');
  });

  it('model.getWeights() already returns the tf.Variables behind the weights', () => {
    const { model, loss, kernel0 } = smallModel();
    const ws = model.getWeights();
    assert.ok(ws.every((w, i) => w instanceof tf.Variable && w === model.weights[i]!.read()));
    tf.train.sgd(0.1).minimize(loss, false, ws as tf.Variable[]);
    assert.notEqual(kernel0(), 1);
  });
});
