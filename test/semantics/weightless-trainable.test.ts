// Facts behind no-ineffective-trainable, measured on real tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DROPOUT_FAMILY, WEIGHTLESS_LAYERS } from '../../src/facts/tfjs-api.js';
import { tf, zeroFraction } from './tf.js';

type Factory = (config?: object) => tf.layers.Layer;
const factory = (name: string): Factory => (tf.layers as unknown as Record<string, Factory>)[name]!;

/** Deterministic weightless layers: the same output whether `trainable` is false or not. */
const DETERMINISTIC: Record<string, [object, number[]]> = {
  activation: [{ activation: 'relu' }, [2, 4]],
  flatten: [{}, [2, 3, 4]],
  reshape: [{ targetShape: [4, 3] }, [2, 3, 4]],
  maxPooling2d: [{ poolSize: 2 }, [1, 4, 4, 3]],
  averagePooling1d: [{ poolSize: 2 }, [2, 4, 3]],
  globalAveragePooling2d: [{}, [1, 4, 4, 3]],
  upSampling2d: [{ size: [2, 2] }, [1, 4, 4, 3]],
  zeroPadding2d: [{ padding: 1 }, [1, 4, 4, 3]],
  leakyReLU: [{}, [2, 4]],
  softmax: [{}, [2, 4]],
};

describe('no-ineffective-trainable: trainable changes nothing on a layer without weights', () => {
  it('the deterministic layers used below are in WEIGHTLESS_LAYERS (every entry there builds 0 weights: api-tables.test.ts)', () => {
    for (const name of Object.keys(DETERMINISTIC)) assert.ok(WEIGHTLESS_LAYERS.has(name), name);
  });

  for (const [name, [cfg, shape]] of Object.entries(DETERMINISTIC)) {
    it(`${name}({trainable: false}) has 0 weights and computes exactly what ${name}() computes, in training too`, () => {
      const x = tf.randomNormal(shape, 0, 1, 'float32', 5);
      const frozen = factory(name)({ ...cfg, trainable: false });
      const plain = factory(name)(cfg);
      const a = frozen.apply(x, { training: true }) as tf.Tensor;
      const b = plain.apply(x, { training: true }) as tf.Tensor;
      assert.equal(frozen.weights.length, 0);
      assert.equal(a.sub(b).abs().max().dataSync()[0], 0);
    });
  }

  it('removing trainable: false from a weightless layer keeps fit() results identical (the autofix is behaviour-preserving)', async () => {
    const run = async (flattenCfg: object): Promise<number[]> => {
      const model = tf.sequential({
        layers: [
          tf.layers.flatten({ inputShape: [2, 2], ...flattenCfg }),
          tf.layers.dense({ units: 1, kernelInitializer: 'ones', biasInitializer: 'zeros' }),
        ],
      });
      model.compile({ optimizer: tf.train.sgd(0.1), loss: 'meanSquaredError' });
      const x = tf.tensor3d([[[1, 2], [3, 4]], [[0, 1], [1, 0]]]);
      await model.fit(x, tf.tensor2d([[1], [0]]), { epochs: 3, batchSize: 2, shuffle: false, verbose: 0 });
      return [...model.getWeights()[0]!.dataSync()];
    };
    const withOption = await run({ trainable: false });
    const without = await run({});
    assert.deepEqual(withOption, without);
    assert.notDeepEqual(without, [1, 1, 1, 1], 'the dense layer did train');
  });
});

describe('no-ineffective-trainable: trainable never stops the dropout family', () => {
  it('dropout({rate: 0.5, trainable: false}).apply(ones, {training: true}) still zeroes about half', () => {
    const d = tf.layers.dropout({ rate: 0.5, trainable: false });
    const z = zeroFraction(d.apply(tf.ones([4000]), { training: true }) as tf.Tensor);
    assert.ok(z > 0.4 && z < 0.6, `zero fraction ${z}`);
  });

  it('the setter too: dropout.trainable = false, then apply(..., {training: true}) still drops', () => {
    const d = tf.layers.dropout({ rate: 0.5 });
    d.trainable = false;
    assert.equal(d.trainable, false);
    const z = zeroFraction(d.apply(tf.ones([4000]), { training: true }) as tf.Tensor);
    assert.ok(z > 0.4 && z < 0.6, `zero fraction ${z}`);
  });

  it('inside model.fit a trainable: false dropout still drops (fit passes training: true)', async () => {
    const seen: number[] = [];
    class Probe extends tf.layers.Layer {
      static className = 'ProbeWeightless';
      call(x: tf.Tensor | tf.Tensor[]): tf.Tensor {
        const t = Array.isArray(x) ? x[0]! : x;
        seen.push(zeroFraction(t));
        return t;
      }
    }
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ units: 2000, inputShape: [1], kernelInitializer: 'ones', useBias: false }),
        tf.layers.dropout({ rate: 0.5, trainable: false }),
        new Probe({}),
        tf.layers.dense({ units: 1 }),
      ],
    });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    await model.fit(tf.ones([2, 1]), tf.ones([2, 1]), { epochs: 1, verbose: 0 });
    const last = seen[seen.length - 1]!;
    assert.ok(last > 0.4 && last < 0.6, `zero fraction seen during fit: ${last}`);
  });

  it('predict() runs a trainable: false dropout in inference mode: nothing is dropped', () => {
    const model = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.5, trainable: false, inputShape: [4000] })] });
    assert.equal(zeroFraction(model.predict(tf.ones([1, 4000])) as tf.Tensor), 0);
  });

  it('{training: false} (or no kwarg) is what stops dropping, for every member of the dropout family', () => {
    for (const name of DROPOUT_FAMILY) {
      const layer = factory(name)(name === 'gaussianNoise' ? { stddev: 1 } : { rate: 0.5 });
      const x = name === 'spatialDropout1d' ? tf.ones([2, 20, 20]) : tf.ones([2, 400]);
      assert.equal((layer.apply(x, { training: false }) as tf.Tensor).sub(x).abs().max().dataSync()[0], 0, name);
      assert.ok((layer.apply(x, { training: true }) as tf.Tensor).sub(x).abs().max().dataSync()[0]! > 0, name);
    }
  });

  it('a Layer subclass that never calls addWeight has no weights, and its trainable flag changes nothing', () => {
    class Scale extends tf.layers.Layer {
      static className = 'ScaleWeightless';
      factor = 2;
      call(x: tf.Tensor | tf.Tensor[]): tf.Tensor {
        return (Array.isArray(x) ? x[0]! : x).mul(this.factor);
      }
    }
    const a = new Scale({});
    const b = new Scale({});
    b.trainable = false;
    const c = new Scale({ trainable: false }); // the constructor option reaches tf.layers.Layer
    assert.equal(c.trainable, false);
    assert.equal(c.weights.length, 0);
    assert.equal((c.apply(tf.ones([2, 3]), { training: true }) as tf.Tensor).sub(tf.ones([2, 3]).mul(2)).abs().max().dataSync()[0], 0);
    const x = tf.ones([2, 3]);
    const ya = a.apply(x, { training: true }) as tf.Tensor;
    const yb = b.apply(x, { training: true }) as tf.Tensor;
    assert.equal(a.weights.length + b.weights.length, 0);
    assert.equal(ya.sub(yb).abs().max().dataSync()[0], 0);
  });
});
