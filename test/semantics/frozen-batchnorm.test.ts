// Facts behind no-frozen-batchnorm-in-training, measured on real tfjs.
// Input: batch mean ≈5, var ≈4; a fresh BatchNormalization starts with moving mean 0 and variance 1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

const x = () => tf.randomNormal([64, 3], 5, 2, 'float32', 7);
const mean = (t: tf.Tensor) => t.mean().dataSync()[0]!;
/** [gamma, beta, movingMean, movingVariance] first entries. */
const stats = (bn: tf.layers.Layer) => bn.getWeights().map((w) => w.dataSync()[0]!);

describe('no-frozen-batchnorm-in-training: trainable: false does not put BatchNormalization in inference mode', () => {
  for (const how of ['constructor {trainable: false}', 'setter bn.trainable = false']) {
    it(`${how}: apply(x, {training: true}) normalises with batch statistics and updates moving_mean / moving_var`, () => {
      const bn = tf.layers.batchNormalization(how.startsWith('constructor') ? { trainable: false } : {});
      const input = x();
      bn.apply(input); // build
      if (how.startsWith('setter')) bn.trainable = false;
      assert.equal(bn.trainable, false);
      assert.equal(bn.trainableWeights.length, 0, 'gamma/beta are frozen');
      const out = bn.apply(input, { training: true }) as tf.Tensor;
      assert.ok(Math.abs(mean(out)) < 1e-3, `output mean ${mean(out)} (batch statistics)`);
      const [, , mm, mv] = stats(bn);
      assert.ok(mm! > 0.03, `moving_mean moved: ${mm}`);
      assert.ok(mv! > 1.01, `moving_var moved: ${mv}`);
    });
  }

  it('the tfjs way to freeze it: apply(x, {training: false}) uses the moving statistics and updates nothing', () => {
    const bn = tf.layers.batchNormalization({ trainable: false });
    const input = x();
    const out = bn.apply(input, { training: false }) as tf.Tensor;
    assert.ok(mean(out) > 4, `output mean ${mean(out)} (moving statistics 0/1 leave x almost unchanged)`);
    const [, , mm, mv] = stats(bn);
    assert.equal(mm, 0);
    assert.equal(mv, 1);
  });

  it('inside model.fit (BN frozen by the setter): moving stats change every epoch, gamma stays', async () => {
    const bn = tf.layers.batchNormalization({ inputShape: [3] });
    const model = tf.sequential({ layers: [bn, tf.layers.dense({ units: 1 })] });
    bn.trainable = false;
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const [g0] = stats(bn);
    await model.fit(x(), tf.ones([64, 1]), { epochs: 3, batchSize: 64, verbose: 0 });
    const [g1, , mm, mv] = stats(bn);
    assert.equal(g1, g0, 'gamma frozen');
    assert.ok(mm! > 0.1 && mv! > 1.05, `moving stats updated: mean ${mm}, var ${mv}`);
  });

  it('inside model.fit (BN frozen by the constructor option): moving stats change, gamma stays', async () => {
    const bn = tf.layers.batchNormalization({ inputShape: [3], trainable: false });
    const model = tf.sequential({ layers: [bn, tf.layers.dense({ units: 1 })] });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    await model.fit(x(), tf.ones([64, 1]), { epochs: 2, batchSize: 64, verbose: 0 });
    const [g, , mm] = stats(bn);
    assert.equal(g, 1);
    assert.ok(mm! > 0.05, `moving_mean ${mm}`);
  });

  for (const outer of ['sequential', 'functional'] as const) {
    it(`freezing the parent model (base.trainable = false) inside a ${outer} model that is fitted: the BN still updates its moving stats`, async () => {
      const bn = tf.layers.batchNormalization({ inputShape: [3] });
      const base = tf.sequential({ layers: [bn, tf.layers.dense({ units: 4 })] });
      base.trainable = false;
      let model: tf.LayersModel;
      if (outer === 'sequential') model = tf.sequential({ layers: [base, tf.layers.dense({ units: 1 })] });
      else {
        const input = tf.input({ shape: [3] });
        model = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(base.apply(input)) as tf.SymbolicTensor });
      }
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      await model.fit(x(), tf.ones([64, 1]), { epochs: 2, batchSize: 64, verbose: 0 });
      const [, , mm, mv] = stats(bn);
      assert.ok(mm! > 0.05 && mv! > 1.02, `moving stats ${mm} / ${mv}`);
    });
  }

  it('trainOnBatch on a model with a frozen BN: moving stats change', async () => {
    const bn = tf.layers.batchNormalization({ inputShape: [3], trainable: false });
    const model = tf.sequential({ layers: [bn, tf.layers.dense({ units: 1 })] });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    await model.trainOnBatch(x(), tf.ones([64, 1]));
    assert.ok(stats(bn)[2]! > 0.03);
  });

  it('fitDataset on a model with a frozen BN: moving stats change', async () => {
    const bn = tf.layers.batchNormalization({ inputShape: [3], trainable: false });
    const model = tf.sequential({ layers: [bn, tf.layers.dense({ units: 1 })] });
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    const ds = tf.data.zip({ xs: tf.data.array([x()]), ys: tf.data.array([tf.ones([64, 1])]) });
    await model.fitDataset(ds as never, { epochs: 1, verbose: 0 });
    assert.ok(stats(bn)[2]! > 0.03, `moving_mean ${stats(bn)[2]}`);
  });

  it('custom loop: optimizer.minimize(() => loss(model.apply(x, {training: true}))) with a frozen BN: moving stats change', () => {
    const bn = tf.layers.batchNormalization({ inputShape: [3] });
    const model = tf.sequential({ layers: [bn, tf.layers.dense({ units: 1 })] });
    bn.trainable = false;
    const opt = tf.train.sgd(0.1);
    const input = x();
    opt.minimize(() => tf.losses.meanSquaredError(tf.ones([64, 1]), model.apply(input, { training: true }) as tf.Tensor) as tf.Scalar);
    assert.ok(stats(bn)[2]! > 0.03);
  });

  it('a frozen custom parent layer forwarding kwargs to its BN sublayer: the BN still uses batch statistics', () => {
    class Block extends tf.layers.Layer {
      static className = 'FrozenBlock';
      bn = tf.layers.batchNormalization();
      call(input: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
        return this.bn.apply(Array.isArray(input) ? input[0]! : input, kwargs) as tf.Tensor;
      }
    }
    const block = new Block({});
    block.trainable = false;
    const out = block.apply(x(), { training: true }) as tf.Tensor;
    assert.ok(Math.abs(mean(out)) < 1e-3);
    assert.ok(stats(block.bn)[2]! > 0.03);
  });

  it('a frozen custom parent layer (forwarding kwargs) inside model.fit: its BN still updates its moving stats', async () => {
    class Block extends tf.layers.Layer {
      static className = 'FrozenBlockFit';
      bn = tf.layers.batchNormalization();
      call(input: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
        return this.bn.apply(Array.isArray(input) ? input[0]! : input, kwargs) as tf.Tensor;
      }
    }
    const block = new Block({ inputShape: [3] });
    const model = tf.sequential({ layers: [block, tf.layers.dense({ units: 1 })] });
    block.trainable = false;
    model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
    await model.fit(x(), tf.ones([64, 1]), { epochs: 2, batchSize: 64, verbose: 0 });
    assert.ok(stats(block.bn)[2]! > 0.05, `moving_mean ${stats(block.bn)[2]}`);
  });
});
