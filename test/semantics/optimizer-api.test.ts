// Facts behind no-torch-optimizer-api, measured on real tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPTIMIZER_METHODS, TENSOR_AUTOGRAD_METHODS, TENSOR_AUTOGRAD_PROPERTIES } from '../../src/facts/torch-module-api.js';
import { OPTIMIZER_FACTORIES } from '../../src/facts/tfjs-api.js';
import { tf } from './tf.js';

type Open = Record<string, unknown>;

function optimizers(): Record<string, tf.Optimizer> {
  const out: Record<string, tf.Optimizer> = {};
  const factories = tf.train as unknown as Record<string, (...a: number[]) => tf.Optimizer>;
  for (const name of OPTIMIZER_FACTORIES) out[`tf.train.${name}()`] = factories[name]!(0.1, 0.9);
  out['new tf.AdamOptimizer(...)'] = new tf.AdamOptimizer(0.01, 0.9, 0.999);
  return out;
}

describe('no-torch-optimizer-api: tfjs optimizers have no zero_grad()/step()', () => {
  for (const [label, opt] of Object.entries(optimizers())) {
    for (const method of OPTIMIZER_METHODS) {
      it(`${label}.${method}() throws TypeError "is not a function"`, () => {
        assert.equal(typeof (opt as unknown as Open)[method], 'undefined');
        assert.throws(() => (opt as unknown as Record<string, () => void>)[method]!(), { name: 'TypeError', message: /is not a function/ });
      });
    }
  }

  it('model.optimizer after compile is a tfjs Optimizer without step()/zeroGrad()', () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
    assert.ok(model.optimizer instanceof tf.Optimizer);
    for (const method of OPTIMIZER_METHODS) assert.equal(typeof (model.optimizer as unknown as Open)[method], 'undefined');
  });
});

describe('no-torch-optimizer-api: tfjs tensors have no backward()/grad', () => {
  const values = (): Record<string, tf.Tensor> => ({
    'tf.scalar': tf.scalar(2),
    'tf.variable': tf.variable(tf.scalar(2)),
    'loss from tf.losses': tf.losses.meanSquaredError(tf.ones([2]), tf.zeros([2])),
  });
  for (const [label, t] of Object.entries(values())) {
    for (const method of TENSOR_AUTOGRAD_METHODS) {
      it(`${label}.${method}() throws TypeError "is not a function"`, () => {
        assert.equal(typeof (t as unknown as Open)[method], 'undefined');
        assert.throws(() => (t as unknown as Record<string, () => void>)[method]!(), { name: 'TypeError', message: /is not a function/ });
      });
    }
    for (const prop of TENSOR_AUTOGRAD_PROPERTIES) {
      it(`${label}.${prop} is undefined, also after computing gradients`, () => {
        if (t instanceof tf.Variable) tf.variableGrads(() => t.square().sum() as tf.Scalar, [t]);
        assert.equal((t as unknown as Open)[prop], undefined);
      });
    }
  }

  it('tensor.step(alpha) is a real tfjs op (never reported): x > 0 ? 1 : alpha', () => {
    assert.deepEqual(Array.from(tf.tensor([-1, 2]).step(0.5).dataSync()), [0.5, 1]);
    assert.deepEqual(Array.from(tf.step(tf.tensor([-1, 2])).dataSync()), [0, 1]);
  });
});

describe('no-torch-optimizer-api: the tfjs idioms the messages recommend', () => {
  it('minimize(() => w², true) with SGD(0.1) from w=5 returns cost 25 and leaves w=4', () => {
    const w = tf.variable(tf.scalar(5));
    const cost = tf.train.sgd(0.1).minimize(() => w.square() as tf.Scalar, true);
    assert.equal(cost!.dataSync()[0], 25);
    assert.equal(w.dataSync()[0], 4);
  });

  it('the loss must be computed inside the closure: a loss computed beforehand has no connection to the variables', () => {
    const w = tf.variable(tf.scalar(5));
    const loss = w.square() as tf.Scalar;
    assert.throws(() => tf.train.sgd(0.1).minimize(() => loss), /Cannot find a connection between any variable and the result of the loss function/);
    assert.equal(w.dataSync()[0], 5);
  });

  it('tf.variableGrads + applyGradients: w 5 -> 4 -> 3.2 over the documented steps', () => {
    const w = tf.variable(tf.scalar(5));
    const opt = tf.train.sgd(0.1);
    opt.minimize(() => w.square() as tf.Scalar, true, [w]);
    const { value, grads } = tf.variableGrads(() => w.square() as tf.Scalar, [w]);
    assert.equal(value.dataSync()[0], 16);
    assert.deepEqual(Object.keys(grads), [w.name]);
    assert.equal(grads[w.name]!.dataSync()[0], 8);
    opt.applyGradients(grads);
    assert.ok(Math.abs(w.dataSync()[0]! - 3.2) < 1e-6, `w was ${w.dataSync()[0]}`);
  });

  it('gradients never accumulate: two variableGrads calls give the same gradients, two steps the same update', () => {
    const w = tf.variable(tf.scalar(3));
    const f = (): tf.Scalar => w.square() as tf.Scalar;
    const g1 = tf.variableGrads(f, [w]).grads[w.name]!.dataSync()[0];
    const g2 = tf.variableGrads(f, [w]).grads[w.name]!.dataSync()[0];
    assert.equal(g1, 6);
    assert.equal(g2, 6);
    const opt = tf.train.sgd(0.1);
    opt.minimize(f, false, [w]); // 3 - 0.1*6 = 2.4
    w.assign(tf.scalar(3));
    opt.minimize(f, false, [w]); // the same 2.4: nothing left over from the first step
    assert.ok(Math.abs(w.dataSync()[0]! - 2.4) < 1e-6, `w was ${w.dataSync()[0]}`);
  });

  it('assigning w.grad = null changes nothing: it is an unused property', () => {
    const w = tf.variable(tf.scalar(3));
    (w as unknown as Open)['grad'] = null;
    assert.equal(tf.variableGrads(() => w.square() as tf.Scalar, [w]).grads[w.name]!.dataSync()[0], 6);
  });

  it('gradients are returned: tf.grad(f)(x) and optimizer.computeGradients(f).grads', () => {
    assert.equal(tf.grad((x: tf.Tensor) => x.square())(tf.scalar(3)).dataSync()[0], 6);
    const w = tf.variable(tf.scalar(2));
    const { grads } = tf.train.adam().computeGradients(() => w.square() as tf.Scalar, [w]);
    assert.equal(grads[w.name]!.dataSync()[0], 4);
    assert.equal(w.dataSync()[0], 2, 'computeGradients does not update');
  });
});
