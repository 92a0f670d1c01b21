// Facts behind prefer-channels-last, measured on real tfjs. The layer tables are the
// ones the rule uses (src/engine/layer-config.ts), so adding a name there without the fact fails here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CHANNELS_FIRST_IGNORED, CHANNELS_FIRST_OUTPUT, CHANNELS_FIRST_TRANSPOSING, LAYOUT_PRESERVING } from '../../src/engine/layer-config.js';
import { tf } from './tf.js';

type Factory = (config: object) => tf.layers.Layer;
const factory = (name: string): Factory => (tf.layers as unknown as Record<string, Factory>)[name]!;
const rand = (shape: number[]) => tf.randomNormal(shape, 0, 1, 'float32', 1);
/** NC… → N…C and back. */
const toLast = (x: tf.Tensor) => x.transpose([0, ...Array.from({ length: x.rank - 2 }, (_, i) => i + 2), 1]);
const toFirst = (x: tf.Tensor) => x.transpose([0, x.rank - 1, ...Array.from({ length: x.rank - 2 }, (_, i) => i + 1)]);
const maxDiff = (a: tf.Tensor, b: tf.Tensor) => a.sub(b).abs().max().dataSync()[0]!;

const RECIPES: Record<string, [object, number[]]> = {
  conv2d: [{ filters: 4, kernelSize: 3, padding: 'same' }, [2, 3, 8, 8]],
  conv2dTranspose: [{ filters: 4, kernelSize: 3 }, [2, 3, 8, 8]],
  conv3d: [{ filters: 2, kernelSize: 3 }, [1, 3, 5, 5, 5]],
  conv3dTranspose: [{ filters: 2, kernelSize: 3 }, [1, 3, 5, 5, 5]],
  depthwiseConv2d: [{ kernelSize: 3 }, [2, 3, 8, 8]],
  separableConv2d: [{ filters: 4, kernelSize: 3, useBias: false }, [2, 3, 8, 8]],
  maxPooling2d: [{ poolSize: 2 }, [2, 3, 8, 8]],
  maxPool2d: [{ poolSize: 2 }, [2, 3, 8, 8]],
  maxPooling3d: [{ poolSize: 2 }, [1, 3, 4, 4, 4]],
  averagePooling2d: [{ poolSize: 2 }, [2, 3, 8, 8]],
  avgPool2d: [{ poolSize: 2 }, [2, 3, 8, 8]],
  avgPooling2d: [{ poolSize: 2 }, [2, 3, 8, 8]],
  averagePooling3d: [{ poolSize: 2 }, [1, 3, 4, 4, 4]],
  avgPool3d: [{ poolSize: 2 }, [1, 3, 4, 4, 4]],
  avgPooling3d: [{ poolSize: 2 }, [1, 3, 4, 4, 4]],
  upSampling2d: [{ size: [2, 2] }, [2, 3, 4, 4]],
  zeroPadding2d: [{ padding: 1 }, [2, 3, 4, 4]],
  cropping2D: [{ cropping: 1 }, [2, 3, 6, 6]],
};

async function kernelNames(f: () => tf.TensorContainer): Promise<string[]> {
  return (await tf.profile(f)).kernels.map((k) => k.name).filter((n) => !n.endsWith('__op'));
}

describe("prefer-channels-last: channelsFirst layers are channels-last kernels between two transposes", () => {
  for (const name of [...CHANNELS_FIRST_TRANSPOSING].sort()) {
    it(`${name}: channelsFirst output equals transpose(channelsLast output) exactly, and costs two Transpose kernels`, async () => {
      const recipe = RECIPES[name];
      assert.ok(recipe, `no recipe for ${name}: add one`);
      const x = rand(recipe[1]);
      const first = factory(name)({ ...recipe[0], dataFormat: 'channelsFirst' });
      const last = factory(name)({ ...recipe[0], dataFormat: 'channelsLast' });
      const yFirst = first.apply(x) as tf.Tensor;
      last.apply(toLast(x));
      if (first.getWeights().length > 0) last.setWeights(first.getWeights());
      assert.equal(maxDiff(yFirst, toFirst(last.apply(toLast(x)) as tf.Tensor)), 0);
      const kFirst = await kernelNames(() => first.apply(x) as tf.Tensor);
      const xLast = toLast(x);
      const kLast = await kernelNames(() => last.apply(xLast) as tf.Tensor);
      assert.equal(kFirst.filter((k) => k === 'Transpose').length, 2, `channelsFirst kernels: ${kFirst.join(',')}`);
      assert.equal(kLast.filter((k) => k === 'Transpose').length, 0, `channelsLast kernels: ${kLast.join(',')}`);
    });
  }

  it('the tf.conv2d op runs NCHW natively (no Transpose kernel): only the Layers API transposes', async () => {
    const x = rand([2, 3, 8, 8]);
    const f = rand([3, 3, 3, 4]);
    const k = await kernelNames(() => tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'same', 'NCHW'));
    assert.ok(!k.includes('Transpose'), k.join(','));
  });

  it('separableConv2d with channelsFirst and the default bias throws when called', () => {
    const layer = tf.layers.separableConv2d({ filters: 4, kernelSize: 3, dataFormat: 'channelsFirst' });
    assert.throws(() => layer.apply(rand([2, 3, 8, 8])), /could not be broadcast/);
  });

  it('conv1d with channelsFirst reads NCW but returns channels-last output (the channelsLast result on transposed input)', () => {
    const x = rand([2, 3, 8]); // N, C=3, W=8
    const first = tf.layers.conv1d({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst' });
    const yFirst = first.apply(x) as tf.Tensor;
    const last = tf.layers.conv1d({ filters: 2, kernelSize: 3 });
    last.apply(toLast(x));
    last.setWeights(first.getWeights());
    assert.deepEqual(yFirst.shape, [2, 6, 2], 'NWC, not the NCW [2, 2, 6] PyTorch returns');
    assert.equal(maxDiff(yFirst, last.apply(toLast(x)) as tf.Tensor), 0);
  });

  for (const name of [...CHANNELS_FIRST_IGNORED].sort()) {
    it(`${name} ignores dataFormat: channelsFirst gives the same result as the default (pooling over axis 1)`, () => {
      const x = rand([2, 3, 8]); // NCW
      const a = factory(name)({ poolSize: 2, dataFormat: 'channelsFirst' }).apply(x) as tf.Tensor;
      const b = factory(name)({ poolSize: 2 }).apply(x) as tf.Tensor;
      assert.deepEqual(a.shape, [2, 1, 8], 'pooled the 3 channels, kept the 8 steps');
      assert.equal(maxDiff(a, b), 0);
    });
  }

  it('batchNormalization on NCHW without axis normalises the last axis (gamma shape = W, not C); axis: 1 gives C', () => {
    const x = rand([2, 3, 8, 5]); // C=3, W=5
    const bn = tf.layers.batchNormalization();
    bn.apply(x);
    assert.deepEqual(bn.getWeights()[0]!.shape, [5]);
    const bn1 = tf.layers.batchNormalization({ axis: 1 });
    bn1.apply(x);
    assert.deepEqual(bn1.getWeights()[0]!.shape, [3]);
  });

  it('batchNormalization throws on rank-5 input whatever the axis (so 3D layers are not in CHANNELS_FIRST_OUTPUT)', () => {
    for (const axis of [-1, 1]) assert.throws(() => tf.layers.batchNormalization({ axis }).apply(rand([1, 3, 4, 4, 4])), /not implemented for array of rank 5/);
    assert.ok(![...CHANNELS_FIRST_OUTPUT].some((n) => /3d/i.test(n)));
  });

  for (const name of [...CHANNELS_FIRST_OUTPUT].sort()) {
    it(`${name} (channelsFirst) then element-wise layers then batchNormalization(): BN normalises W, not the channels; axis: 1 fixes it`, () => {
      const [cfg, shape] = RECIPES[name]!;
      const x = rand(shape);
      const cf = factory(name)({ ...cfg, dataFormat: 'channelsFirst' });
      const between = [...LAYOUT_PRESERVING].map((n) =>
        factory(n)(n === 'activation' ? { activation: 'tanh' } : n === 'gaussianNoise' ? { stddev: 0.1 } : n.endsWith('ropout') ? { rate: 0.1 } : {}),
      );
      const y = between.reduce((t, l) => l.apply(t) as tf.Tensor, cf.apply(x) as tf.Tensor);
      const channels = y.shape[1]!;
      const last = y.shape[y.rank - 1]!;
      assert.notEqual(channels, last, 'the test needs distinct channel and W sizes');
      const bn = tf.layers.batchNormalization();
      bn.apply(y);
      assert.deepEqual(bn.getWeights()[0]!.shape, [last]);
      const bn1 = tf.layers.batchNormalization({ axis: 1 });
      bn1.apply(y);
      assert.deepEqual(bn1.getWeights()[0]!.shape, [channels]);
    });
  }
});
