// Facts behind no-numeric-padding, measured on real tfjs. The equivalence math
// (which numeric pads equal 'same'/'valid') is checked by execution in test/fixes/padding-fix.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PADDING_LAYERS, PADDING_OPS } from '../../src/engine/padding.js';
import { tf } from './tf.js';

type LayerFactory = (cfg: object) => tf.layers.Layer;
const factory = (name: string): LayerFactory => (tf.layers as unknown as Record<string, LayerFactory>)[name]!;
const inputFor = (rank: number): tf.Tensor => tf.randomNormal([1, ...Array<number>(rank).fill(6), 2]);
const configFor = (name: string, padding: unknown): object =>
  PADDING_LAYERS.get(name)!.family.endsWith('Pool') ? { poolSize: 2, strides: 1, padding } : { filters: 2, kernelSize: 2, padding };
/** tfjs-layers errors keep `name: 'Error'`; their class is ValueError / NotImplementedError. */
const thrown = (cls: string, message: RegExp) => (e: unknown): boolean =>
  e instanceof Error && e.constructor.name === cls && message.test(e.message);
const maxDiff = (a: tf.Tensor, b: tf.Tensor): number => a.sub(b).abs().max().dataSync()[0]!;

describe('no-numeric-padding: tfjs layer padding is a mode, not a size', () => {
  it('every PADDING_LAYERS name is a real tf.layers factory', () => {
    for (const name of PADDING_LAYERS.keys()) assert.equal(typeof factory(name), 'function', name);
  });

  for (const padding of [1, 0, [1, 1], 'SAME', 'Same', 'VALID', 'zeros']) {
    it(`padding: ${JSON.stringify(padding)} throws "is not a valid PaddingMode" at construction on every conv/pooling layer`, () => {
      for (const name of PADDING_LAYERS.keys()) {
        assert.throws(() => factory(name)(configFor(name, padding)), thrown('ValueError', /is not a valid PaddingMode/), name);
      }
    });
  }

  it("'same' and 'valid' construct and apply on every conv/pooling layer", () => {
    for (const [name, layer] of PADDING_LAYERS) {
      for (const padding of ['same', 'valid']) assert.ok(factory(name)(configFor(name, padding)).apply(inputFor(layer.rank)), name);
    }
  });

  it("'causal' is silently 'valid' on pooling and depthwise layers (same output, numerically)", () => {
    const silent = [...PADDING_LAYERS].filter(([, l]) => l.causal === 'valid');
    assert.ok(silent.length >= 10);
    for (const [name, layer] of silent) {
      const x = inputFor(layer.rank);
      const causal = factory(name)(configFor(name, 'causal'));
      const valid = factory(name)(configFor(name, 'valid'));
      const out = causal.apply(x) as tf.Tensor;
      valid.apply(x); // build, then share the weights
      if (causal.getWeights().length) valid.setWeights(causal.getWeights());
      assert.deepEqual(out.shape, (valid.apply(x) as tf.Tensor).shape, name);
      assert.ok(maxDiff(out, valid.apply(x) as tf.Tensor) === 0, name);
      assert.ok(out.shape[1]! < x.shape[1]!, `${name}: no causal left padding, the output is shorter`);
    }
  });

  it("'causal' on conv1d/conv2d/conv3d constructs but throws NotImplementedError when applied", () => {
    for (const [name, layer] of [...PADDING_LAYERS].filter(([, l]) => l.causal === 'throws-at-apply')) {
      const l = factory(name)(configFor(name, 'causal'));
      assert.throws(() => l.apply(inputFor(layer.rank)), thrown('NotImplementedError', /CAUSAL padding mode .* not implemented/), name);
    }
  });

  it("'causal' on separableConv2d and transposed convs throws ValueError at construction", () => {
    const names = [...PADDING_LAYERS].filter(([, l]) => l.causal === 'throws-at-construction').map(([n]) => n);
    assert.deepEqual(names.sort(), ['conv2dTranspose', 'conv3dTranspose', 'separableConv2d']);
    for (const name of names) assert.throws(() => factory(name)(configFor(name, 'causal')), thrown('ValueError', /padding mode/), name);
  });

  it('tfjs 4.22 exports zeroPadding2d but no zeroPadding1d / zeroPadding3d layer', () => {
    const layers = tf.layers as unknown as Record<string, unknown>;
    assert.equal(typeof layers['zeroPadding2d'], 'function');
    assert.equal(layers['zeroPadding1d'], undefined);
    assert.equal(layers['zeroPadding3d'], undefined);
  });
});

describe('no-numeric-padding: ops', () => {
  it("every PADDING_OPS op throws \"Unknown padding parameter: SAME\" on upper case and accepts 'same'", () => {
    const x4 = tf.ones([1, 6, 6, 2]);
    const x5 = tf.ones([1, 6, 6, 6, 2]);
    const x3 = tf.ones([1, 6, 2]);
    const call: Record<string, (pad: string) => tf.Tensor> = {
      conv1d: (p) => tf.conv1d(x3 as tf.Tensor3D, tf.ones([3, 2, 1]) as tf.Tensor3D, 1, p as 'same'),
      conv2d: (p) => tf.conv2d(x4 as tf.Tensor4D, tf.ones([3, 3, 2, 1]) as tf.Tensor4D, 1, p as 'same'),
      conv3d: (p) => tf.conv3d(x5 as tf.Tensor5D, tf.ones([3, 3, 3, 2, 1]) as tf.Tensor5D, 1, p as 'same'),
      depthwiseConv2d: (p) => tf.depthwiseConv2d(x4 as tf.Tensor4D, tf.ones([3, 3, 2, 1]) as tf.Tensor4D, 1, p as 'same'),
      separableConv2d: (p) => tf.separableConv2d(x4 as tf.Tensor4D, tf.ones([3, 3, 2, 1]) as tf.Tensor4D, tf.ones([1, 1, 2, 1]) as tf.Tensor4D, 1, p as 'same'),
      conv2dTranspose: (p) => tf.conv2dTranspose(x4 as tf.Tensor4D, tf.ones([3, 3, 1, 2]) as tf.Tensor4D, [1, 6, 6, 1], 1, p as 'same'),
      conv3dTranspose: (p) => tf.conv3dTranspose(x5 as tf.Tensor5D, tf.ones([3, 3, 3, 1, 2]) as tf.Tensor5D, [1, 6, 6, 6, 1], 1, p as 'same'),
      maxPool: (p) => tf.maxPool(x4 as tf.Tensor4D, 3, 1, p as 'same'),
      avgPool: (p) => tf.avgPool(x4 as tf.Tensor4D, 3, 1, p as 'same'),
      maxPool3d: (p) => tf.maxPool3d(x5 as tf.Tensor5D, 3, 1, p as 'same'),
      avgPool3d: (p) => tf.avgPool3d(x5 as tf.Tensor5D, 3, 1, p as 'same'),
    };
    assert.deepEqual(Object.keys(call).sort(), [...PADDING_OPS.keys()].sort());
    for (const [name, f] of Object.entries(call)) {
      assert.ok(f('same'), name);
      assert.throws(() => f('SAME'), /Unknown padding parameter: SAME/, name);
      assert.throws(() => f('VALID'), /Unknown padding parameter: VALID/, name);
    }
  });

  it('tf.conv1d with a numeric pad is broken: 0 keeps the input length (PyTorch: n-k+1), 1 and 2 throw', () => {
    const x = tf.ones([1, 5, 1]) as tf.Tensor3D;
    const f = tf.ones([3, 1, 1]) as tf.Tensor3D;
    assert.deepEqual(tf.conv1d(x, f, 1, 0).shape, [1, 5, 1]);
    assert.deepEqual(tf.conv1d(x, f, 1, 'valid').shape, [1, 3, 1]);
    for (const p of [1, 2]) assert.throws(() => tf.conv1d(x, f, 1, p), /must match the product of shape/);
    assert.throws(() => tf.conv1d(x, f, 1, [[0, 0], [1, 1], [0, 0]] as never), /must match the product of shape/);
  });

  it('tf.conv1d on tf.pad(x, [[0,0],[p,p],[0,0]]) with valid is PyTorch padding=p (direct sum check)', () => {
    const x = tf.tensor3d([[[1], [2], [3], [4]]]);
    const f = tf.ones([3, 1, 1]) as tf.Tensor3D;
    // PyTorch conv1d(padding=1) of [1,2,3,4] with a ones kernel: [0+1+2, 1+2+3, 2+3+4, 3+4+0]
    assert.deepEqual(Array.from(tf.conv1d(tf.pad(x, [[0, 0], [1, 1], [0, 0]]) as tf.Tensor3D, f, 1, 'valid').dataSync()), [3, 6, 9, 7]);
  });
});

describe('no-numeric-padding: pooling borders', () => {
  it("avgPool 'same' excludes the pads from the divisor; zero padding + 'valid' counts them (PyTorch default)", () => {
    const x = tf.ones([1, 4, 4, 1]);
    const same = tf.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(x) as tf.Tensor;
    const zp = tf.layers.averagePooling2d({ poolSize: 3, strides: 1, padding: 'valid' }).apply(tf.layers.zeroPadding2d({ padding: 1 }).apply(x)) as tf.Tensor;
    assert.equal(same.dataSync()[0], 1);
    assert.ok(Math.abs(zp.dataSync()[0]! - 4 / 9) < 1e-6);
  });

  it("maxPool 'same' ignores the pads (like PyTorch's -inf), zeroPadding2d pads with 0: they differ on negative inputs only", () => {
    const neg = tf.fill([1, 4, 4, 1], -1);
    const pool = (x: tf.Tensor, pad: 'same' | 'zp'): number =>
      (pad === 'same'
        ? (tf.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }).apply(x) as tf.Tensor)
        : (tf.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: 'valid' }).apply(tf.layers.zeroPadding2d({ padding: 1 }).apply(x)) as tf.Tensor)
      ).dataSync()[0]!;
    assert.equal(pool(neg, 'same'), -1);
    assert.equal(pool(neg, 'zp'), 0);
    const pos = tf.fill([1, 4, 4, 1], 2);
    assert.equal(pool(pos, 'same'), pool(pos, 'zp'));
  });
});
