// Facts behind forward-training-kwargs, measured on real tfjs: a custom layer's
// sublayers see only the kwargs its call() passes them; they do not inherit the outer mode.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf, zeroFraction } from './tf.js';

type Forwarding = 'none' | 'empty object' | 'kwargs' | 'training only';

interface Seen {
  outer?: boolean;
  dropped: number;
  bnOutMean: number;
}

class Block extends tf.layers.Layer {
  static className = 'ForwardKwargsBlock';
  readonly drop = tf.layers.dropout({ rate: 0.5 });
  readonly bn = tf.layers.batchNormalization();
  seen: Seen[] = [];
  constructor(private readonly mode: Forwarding, args: { inputShape?: number[] } = {}) {
    super(args);
  }
  private sub(kwargs: Record<string, unknown>): Record<string, unknown> | undefined {
    switch (this.mode) {
      case 'none':
        return undefined;
      case 'empty object':
        return {};
      case 'kwargs':
        return kwargs;
      case 'training only':
        return { training: kwargs['training'] };
    }
  }
  call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    const d = this.drop.apply(x, this.sub(kwargs)) as tf.Tensor;
    const o = this.bn.apply(d, this.sub(kwargs)) as tf.Tensor;
    this.seen.push({ outer: kwargs['training'] as boolean | undefined, dropped: zeroFraction(d), bnOutMean: o.mean().dataSync()[0]! });
    return o;
  }
  computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return shape;
  }
}

const x = tf.fill([64, 8], 3);
const y = tf.zeros([64, 8]);

function setup(mode: Forwarding): { block: Block; model: tf.Sequential; movingMean: () => number } {
  const block = new Block(mode, { inputShape: [8] });
  // a Dense after the block so that the model has a tracked trainable weight (else fit() throws)
  const model = tf.sequential({ layers: [block, tf.layers.dense({ units: 8 })] });
  model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
  block.apply(x); // build the sublayers
  return { block, model, movingMean: () => block.bn.getWeights()[2]!.dataSync()[0]! };
}

const last = (b: Block): Seen => b.seen[b.seen.length - 1]!;

describe('forward-training-kwargs: sublayers of a custom layer', () => {
  for (const mode of ['none', 'empty object'] as const) {
    describe(`call() passes ${mode === 'none' ? 'no kwargs' : '{}'} to this.drop.apply / this.bn.apply`, () => {
      it('block.apply(x, {training: true}): the outer layer sees training, the sublayers run in inference mode', () => {
        const { block, movingMean } = setup(mode);
        const before = movingMean();
        block.apply(x, { training: true });
        assert.equal(last(block).outer, true, 'the custom layer itself receives training: true');
        assert.equal(last(block).dropped, 0, 'Dropout sublayer dropped nothing');
        assert.ok(Math.abs(last(block).bnOutMean - 3) < 0.01, 'BN sublayer used its moving statistics');
        assert.equal(movingMean(), before, 'BN moving mean unchanged');
      });

      it('model.fit(): even fit() does not train the sublayers', async () => {
        const { block, model, movingMean } = setup(mode);
        const before = movingMean();
        await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0 });
        assert.equal(last(block).outer, true, 'fit() passes training: true to the custom layer');
        assert.equal(last(block).dropped, 0, 'Dropout sublayer dropped nothing under fit()');
        assert.equal(movingMean(), before, 'BN moving mean unchanged after fit()');
      });
    });
  }

  for (const mode of ['kwargs', 'training only'] as const) {
    describe(`call() forwards ${mode === 'kwargs' ? 'kwargs' : '{training: kwargs.training}'}`, () => {
      it('block.apply(x, {training: true}): Dropout drops about half, BN uses batch stats and updates its moving mean', () => {
        const { block, movingMean } = setup(mode);
        const before = movingMean();
        block.apply(x, { training: true });
        const s = last(block);
        assert.ok(s.dropped > 0.4 && s.dropped < 0.6, `zero fraction ${s.dropped}`);
        assert.ok(Math.abs(s.bnOutMean) < 0.1, `BN output mean ${s.bnOutMean}`);
        assert.notEqual(movingMean(), before);
      });

      it('model.fit(): the sublayers train', async () => {
        const { block, model, movingMean } = setup(mode);
        const before = movingMean();
        await model.fit(x, y, { epochs: 1, batchSize: 64, verbose: 0 });
        const s = last(block);
        assert.ok(s.dropped > 0.4 && s.dropped < 0.6, `zero fraction ${s.dropped}`);
        assert.notEqual(movingMean(), before);
      });

      it('model.predict(): still inference mode (forwarding keeps predict() correct)', () => {
        const { block, model, movingMean } = setup(mode);
        const before = movingMean();
        model.predict(x);
        assert.equal(last(block).dropped, 0);
        assert.equal(movingMean(), before);
      });
    });
  }

  it('a GaussianNoise sublayer without forwarded kwargs adds no noise even with training: true', () => {
    class Noisy extends tf.layers.Layer {
      static className = 'ForwardKwargsNoisy';
      readonly noise = tf.layers.gaussianNoise({ stddev: 1 });
      constructor(private readonly forward: boolean) {
        super({});
      }
      call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
        const x = Array.isArray(inputs) ? inputs[0]! : inputs;
        return (this.forward ? this.noise.apply(x, kwargs) : this.noise.apply(x)) as tf.Tensor;
      }
    }
    const diff = (forward: boolean): number => {
      const out = new Noisy(forward).apply(x, { training: true }) as tf.Tensor;
      return tf.max(tf.abs(tf.sub(out, x))).dataSync()[0]!;
    };
    assert.equal(diff(false), 0);
    assert.ok(diff(true) > 0.1);
  });
});
