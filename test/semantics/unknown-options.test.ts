// Facts behind no-unknown-options and no-optimizer-options-object, measured on real tfjs 4.22 (CPU).
// tfjs layers, models and optimizers read the keys they know and ignore every other key without a word.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OPTION_CALLS, OPTION_KEYS } from '../../src/facts/tfjs-options.js';
import { DILATION_IGNORED, DILATION_UNTRAINABLE, SILENT_POSITIONAL } from '../../src/facts/torch-option-names.js';
import { tf, zeroFraction } from './tf.js';

type AnyLayer = tf.layers.Layer & Record<string, unknown>;
const L = tf.layers as unknown as Record<string, (...a: unknown[]) => AnyLayer>;
const ones = (...shape: number[]) => tf.ones(shape);
const shapeOf = (layer: tf.layers.Layer, x: tf.Tensor) => (layer.apply(x) as tf.Tensor).shape;

/** Fits a one-dense-layer model for one epoch on a 4-sample regression set. */
async function fitOnce(fitArgs: object, compileArgs: object = { optimizer: 'sgd', loss: 'meanSquaredError' }) {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2], kernelInitializer: 'ones' })] });
  m.compile(compileArgs as tf.ModelCompileArgs);
  const h = await m.fit(tf.tensor2d([[1, 2], [3, 4], [5, 6], [7, 8]]), tf.tensor2d([[1], [2], [3], [4]]), { epochs: 1, ...fitArgs });
  return { model: m, history: h.history };
}

/** Trains a small model whose first layer is `layer` for one epoch; throws what tfjs throws. */
async function trainWith(layer: tf.layers.Layer, inputShape: number[]) {
  const m = tf.sequential({ layers: [layer, tf.layers.flatten(), tf.layers.dense({ units: 1 })] });
  m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const h = await m.fit(tf.ones([2, ...inputShape]), tf.ones([2, 1]), { epochs: 1 });
  return h.history.loss![0] as number;
}

describe('no-unknown-options: ignored layer keys keep the tfjs defaults', () => {
  it('dropout({p: 0.5}) leaves rate NaN: nothing is dropped even in training', () => {
    const d = L.dropout!({ p: 0.5 });
    assert.ok(Number.isNaN(d.rate));
    assert.equal(zeroFraction(d.apply(ones(1000), { training: true }) as tf.Tensor), 0);
    assert.ok(zeroFraction(tf.layers.dropout({ rate: 0.5 }).apply(ones(1000), { training: true }) as tf.Tensor) > 0.3);
  });

  it('conv2d({stride: 2}) keeps strides 1: 6×6 output for an 8×8 input and k=3 (strides: 2 gives 3×3)', () => {
    assert.deepEqual(shapeOf(L.conv2d!({ filters: 1, kernelSize: 3, stride: 2 }), ones(1, 8, 8, 1)), [1, 6, 6, 1]);
    assert.deepEqual(shapeOf(tf.layers.conv2d({ filters: 1, kernelSize: 3, strides: 2 }), ones(1, 8, 8, 1)), [1, 3, 3, 1]);
  });

  it('maxPooling2d({kernelSize: 3}) pools 2×2 (8×8 → 4×4); poolSize: 3 gives 2×2; a `stride` is ignored too', () => {
    assert.deepEqual(shapeOf(L.maxPooling2d!({ kernelSize: 3 }), ones(1, 8, 8, 1)), [1, 4, 4, 1]);
    assert.deepEqual(shapeOf(L.maxPooling2d!({ kernel_size: 3 }), ones(1, 8, 8, 1)), [1, 4, 4, 1]);
    assert.deepEqual(shapeOf(tf.layers.maxPooling2d({ poolSize: 3 }), ones(1, 8, 8, 1)), [1, 2, 2, 1]);
    assert.deepEqual(shapeOf(L.maxPooling2d!({ poolSize: 2, stride: 1 }), ones(1, 8, 8, 1)), [1, 4, 4, 1]);
  });

  it('leakyReLU({negativeSlope}) / ({negative_slope}) keep alpha 0.3; alpha: 0.01 applies', () => {
    assert.equal(L.leakyReLU!({ negativeSlope: 0.01 }).alpha, 0.3);
    assert.equal(L.leakyReLU!({ negative_slope: 0.01 }).alpha, 0.3);
    assert.ok(Math.abs((tf.layers.leakyReLU({ alpha: 0.01 }).apply(tf.scalar(-1)) as tf.Tensor).dataSync()[0]! + 0.01) < 1e-7);
  });

  it('batchNormalization({eps: 1e-5}) / layerNormalization({eps}) keep epsilon 1e-3', () => {
    assert.equal(L.batchNormalization!({ eps: 1e-5 }).epsilon, 1e-3);
    assert.equal(L.layerNormalization!({ eps: 1e-5 }).epsilon, 1e-3);
    assert.equal(L.batchNormalization!({ epsilon: 1e-5 }).epsilon, 1e-5);
  });

  it('dense({bias: false}) keeps its bias (2 weights); useBias: false removes it', () => {
    const d = L.dense!({ units: 2, bias: false });
    d.apply(ones(1, 3));
    assert.equal(d.getWeights().length, 2);
    const e = tf.layers.dense({ units: 2, useBias: false });
    e.apply(ones(1, 3));
    assert.equal(e.getWeights().length, 1);
  });

  it('conv2d({dilation: 2}) keeps dilation 1 (6×6, where dilationRate: 2 gives 4×4)', () => {
    assert.deepEqual(shapeOf(L.conv2d!({ filters: 1, kernelSize: 3, dilation: 2 }), ones(1, 8, 8, 1)), [1, 6, 6, 1]);
    assert.deepEqual(shapeOf(tf.layers.conv2d({ filters: 1, kernelSize: 3, dilationRate: 2 }), ones(1, 8, 8, 1)), [1, 4, 4, 1]);
  });

  it('dense({kernel_initializer: "zeros"}) keeps the default random kernel', () => {
    const d = L.dense!({ units: 2, kernel_initializer: 'zeros' });
    d.apply(ones(1, 3));
    assert.ok(d.getWeights()[0]!.dataSync().some((v) => v !== 0));
  });

  it('batchNormalization({affine: false}) keeps beta and gamma (4 weights); center/scale false leave 2', () => {
    const a = L.batchNormalization!({ affine: false });
    a.apply(ones(2, 3));
    assert.equal(a.getWeights().length, 4);
    const b = tf.layers.batchNormalization({ center: false, scale: false });
    b.apply(ones(2, 3));
    assert.equal(b.getWeights().length, 2);
  });

  it('lstm({bidirectional, batch_first, num_layers}) is one forward layer: output [1, units]', () => {
    assert.deepEqual(shapeOf(L.lstm!({ units: 2, bidirectional: true, batch_first: true, num_layers: 3 }), ones(1, 3, 4)), [1, 2]);
    assert.deepEqual(shapeOf(tf.layers.bidirectional({ layer: tf.layers.lstm({ units: 2 }) as tf.RNN }), ones(1, 3, 4)), [1, 4]);
  });

  it('keys written the PyTorch way for required options throw: loud, the error names the tfjs key', () => {
    assert.throws(() => L.conv2d!({ filters: 1, kernel_size: 3 }), /required key 'kernelSize' not in config/);
    assert.throws(() => L.dense!({ in_features: 3, out_features: 2 }), /Expected units to be a positive integer/);
    assert.throws(() => L.lstm!({ hidden_size: 3 }), /Expected units to be a positive integer/);
    assert.throws(() => (tf.input as (a: unknown) => unknown)({ input_shape: [3] }), /Please provide to Input either a `shape` or a `batchShape`/);
    const m = tf.sequential();
    assert.throws(() => m.add(L.dense!({ units: 1, input_shape: [3] })), /must get an `inputShape` or `batchInputShape`/);
  });

  it('every key a layer factory reads from its config is in the generated table (so only never-read keys are reported)', () => {
    const needs: Record<string, object> = {
      conv1d: { filters: 1, kernelSize: 1 }, conv2d: { filters: 1, kernelSize: 1 }, conv2dTranspose: { filters: 1, kernelSize: 1 }, conv3d: { filters: 1, kernelSize: 1 },
      conv3dTranspose: { filters: 1, kernelSize: 1 }, separableConv2d: { filters: 1, kernelSize: 1 }, depthwiseConv2d: { kernelSize: 1 }, dense: { units: 1 },
      dropout: { rate: 0.1 }, spatialDropout1d: { rate: 0.1 }, activation: { activation: 'relu' }, repeatVector: { n: 2 }, reshape: { targetShape: [1] },
      permute: { dims: [1] }, embedding: { inputDim: 2, outputDim: 2 }, dot: { axes: 1 }, gru: { units: 1 }, gruCell: { units: 1 }, lstm: { units: 1 },
      lstmCell: { units: 1 }, simpleRNN: { units: 1 }, simpleRNNCell: { units: 1 }, convLstm2d: { filters: 1, kernelSize: 1 }, convLstm2dCell: { filters: 1, kernelSize: 1 },
      rnn: { cell: tf.layers.simpleRNNCell({ units: 1 }) }, stackedRNNCells: { cells: [tf.layers.simpleRNNCell({ units: 1 })] },
      bidirectional: { layer: tf.layers.lstm({ units: 1 }) }, timeDistributed: { layer: tf.layers.dense({ units: 1 }) }, gaussianNoise: { stddev: 1 },
      gaussianDropout: { rate: 0.1 }, alphaDropout: { rate: 0.1 }, input: { shape: [1] }, inputLayer: { inputShape: [1] }, categoryEncoding: { numTokens: 2 },
      randomWidth: { factor: 0.1 }, resizing: { height: 2, width: 2 }, centerCrop: { height: 1, width: 1 }, rescaling: { scale: 1 }, cropping2D: { cropping: 1 },
    };
    let checked = 0;
    for (const [call, { type }] of Object.entries(OPTION_CALLS)) {
      const name = /^layers\.(\w+)$/.exec(call)?.[1];
      if (!name) continue;
      const read = new Set<string>();
      const record = (k: string | symbol) => typeof k === 'string' && read.add(k);
      const cfg = new Proxy({ ...needs[name] }, { get: (t, k, r) => (record(k), Reflect.get(t, k, r)), has: (t, k) => (record(k), Reflect.has(t, k)) });
      L[name]!(cfg);
      const extra = [...read].filter((k) => !OPTION_KEYS[type]!.includes(k));
      assert.deepEqual(extra, [], `${call} reads keys missing from ${type}`);
      checked++;
    }
    assert.ok(checked > 70, `checked ${checked} factories`);
  });
});

describe('no-unknown-options: dilation and training', () => {
  for (const [name, make, shape] of [
    ['conv1d', () => tf.layers.conv1d({ filters: 1, kernelSize: 3, dilationRate: 2, inputShape: [8, 1] }), [8, 1]],
    ['conv2d', () => tf.layers.conv2d({ filters: 1, kernelSize: 3, dilationRate: 2, inputShape: [8, 8, 1] }), [8, 8, 1]],
    ['conv3d', () => tf.layers.conv3d({ filters: 1, kernelSize: 3, dilationRate: 2, inputShape: [8, 8, 8, 1] }), [8, 8, 8, 1]],
    ['separableConv2d', () => tf.layers.separableConv2d({ filters: 1, kernelSize: 3, dilationRate: 2, inputShape: [8, 8, 1] }), [8, 8, 1]],
    ['convLstm2d', () => tf.layers.convLstm2d({ filters: 1, kernelSize: 3, dilationRate: 2, inputShape: [2, 8, 8, 1] }), [2, 8, 8, 1]],
  ] as const) {
    it(`${name} with dilationRate 2 throws in the first training step ("not yet supported")`, async () => {
      assert.ok(DILATION_UNTRAINABLE.has(name));
      await assert.rejects(trainWith(make(), [...shape]), /dilation rates greater than 1 are not yet supported/);
    });
  }
  it('depthwiseConv2d, conv2dTranspose and conv3dTranspose never apply dilationRate: same output shape as without it', () => {
    assert.deepEqual(shapeOf(tf.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2 }), ones(1, 8, 8, 1)), [1, 6, 6, 1]);
    assert.deepEqual(shapeOf(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, dilationRate: 2 }), ones(1, 8, 8, 1)), [1, 10, 10, 1]);
    assert.deepEqual(shapeOf(tf.layers.conv3dTranspose({ filters: 1, kernelSize: 3, dilationRate: 2 }), ones(1, 8, 8, 8, 1)), [1, 10, 10, 10, 1]);
    assert.deepEqual(shapeOf(tf.layers.separableConv2d({ filters: 1, kernelSize: 3, dilationRate: 2 }), ones(1, 8, 8, 1)), [1, 4, 4, 1]);
    for (const n of ['depthwiseConv2d', 'conv2dTranspose', 'conv3dTranspose']) assert.ok(DILATION_IGNORED.has(n));
  });
  it('so depthwiseConv2d and conv2dTranspose with dilationRate 2 train (finite loss)', async () => {
    assert.ok(Number.isFinite(await trainWith(tf.layers.depthwiseConv2d({ kernelSize: 3, dilationRate: 2, inputShape: [8, 8, 1] }), [8, 8, 1])));
    assert.ok(Number.isFinite(await trainWith(tf.layers.conv2dTranspose({ filters: 1, kernelSize: 3, dilationRate: 2, inputShape: [8, 8, 1] }), [8, 8, 1])));
    assert.ok(!DILATION_UNTRAINABLE.has('depthwiseConv2d') && !DILATION_UNTRAINABLE.has('conv2dTranspose'));
  });
});

describe('no-unknown-options: positional arguments (the PyTorch constructor habit)', () => {
  it('exactly the factories in SILENT_POSITIONAL accept a number without throwing; every other factory throws', () => {
    const silent: string[] = [];
    for (const call of Object.keys(OPTION_CALLS)) {
      const name = /^layers\.(\w+)$/.exec(call)?.[1];
      if (!name) continue;
      try {
        L[name]!(0.5);
        L[name]!(2);
        silent.push(name);
      } catch {
        /* loud */
      }
    }
    assert.deepEqual(silent.sort(), Object.keys(SILENT_POSITIONAL).sort());
  });

  it('dropout(0.2) and dropout(0.8, {rate: 0.8}) leave rate NaN: nothing is dropped', () => {
    for (const d of [L.dropout!(0.2), L.dropout!(0.8, { rate: 0.8 })]) {
      assert.ok(Number.isNaN(d.rate));
      assert.equal(zeroFraction(d.apply(ones(1000), { training: true }) as tf.Tensor), 0);
    }
  });

  it('concatenate(1) keeps axis -1: two [2, 3, 4] inputs give [2, 3, 8], not [2, 6, 4]', () => {
    assert.deepEqual(shapeOf(L.concatenate!(1), [ones(2, 3, 4), ones(2, 3, 4)] as unknown as tf.Tensor), [2, 3, 8]);
  });

  it('leakyReLU(0.01) keeps alpha 0.3; batchNormalization(64) is batchNormalization()', () => {
    assert.equal(L.leakyReLU!(0.01).alpha, 0.3);
    assert.deepEqual({ ...L.batchNormalization!(64).getConfig(), name: 0 }, { ...tf.layers.batchNormalization().getConfig(), name: 0 });
  });

  it('dense(10), maxPooling2d(2), conv2d(3, 8, 3), embedding(10, 3) throw', () => {
    assert.throws(() => L.dense!(10));
    assert.throws(() => L.maxPooling2d!(2));
    assert.throws(() => L.conv2d!(3, 8, 3));
    assert.throws(() => L.embedding!(10, 3));
  });
});

describe('no-unknown-options: compile / fit / evaluate / predict', () => {
  it('fit({batch_size, validation_split}) runs with no validation at all; validationSplit validates', async () => {
    assert.deepEqual(Object.keys((await fitOnce({ batch_size: 1, validation_split: 0.5 })).history), ['loss']);
    assert.ok('val_loss' in (await fitOnce({ validationSplit: 0.5 })).history);
  });

  it("compile({optimizer: 'sgd', lr: 0.5}) keeps the learning rate 0.01; learningRate is ignored the same way", async () => {
    for (const key of ['lr', 'learningRate', 'learning_rate']) {
      const { model } = await fitOnce({}, { optimizer: 'sgd', loss: 'meanSquaredError', [key]: 0.5 });
      assert.equal((model.optimizer as unknown as { learningRate: number }).learningRate, 0.01);
    }
  });

  it('every key compile and fit read is in the generated table', async () => {
    const read = new Set<string>();
    const spy = (o: object) => new Proxy(o, { get: (t, k, r) => (typeof k === 'string' && read.add(k), Reflect.get(t, k, r)) });
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    m.compile(spy({ optimizer: 'sgd', loss: 'meanSquaredError' }) as tf.ModelCompileArgs);
    assert.deepEqual([...read].filter((k) => !OPTION_KEYS['ModelCompileArgs']!.includes(k)), []);
    read.clear();
    await m.fit(tf.ones([4, 2]), tf.ones([4, 1]), spy({ epochs: 1 }) as tf.ModelFitArgs);
    assert.deepEqual([...read].filter((k) => !OPTION_KEYS['ModelFitArgs']!.includes(k)), []);
  });
});

describe('no-optimizer-options-object: tf.train factories take positional arguments', () => {
  const nanAfterOneStep = (opt: tf.Optimizer) => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    opt.minimize(() => v.square().sum() as tf.Scalar);
    return Array.from(v.dataSync()).every(Number.isNaN);
  };
  const T = tf.train as unknown as Record<string, (...a: unknown[]) => tf.Optimizer>;
  for (const [name, cfg] of [
    ['sgd', { lr: 0.1 }],
    ['sgd', { learningRate: 0.1 }],
    ['adam', { learningRate: 0.01 }],
    ['adagrad', { learningRate: 0.1 }],
    ['adadelta', { learningRate: 0.1 }],
    ['adamax', { learningRate: 0.1 }],
  ] as const) {
    it(`${name}(${JSON.stringify(cfg)}) turns every weight into NaN after the first step`, () => assert.ok(nanAfterOneStep(T[name]!(cfg))));
  }
  it('rmsprop({…}) and momentum({…}) throw in the first step', () => {
    assert.throws(() => nanAfterOneStep(T.rmsprop!({ learningRate: 0.1 })), /must be a Tensor or TensorLike/);
    assert.throws(() => nanAfterOneStep(T.momentum!({ learningRate: 0.1, momentum: 0.9 })), /values passed to tensor\(values\)/);
  });
  it("a 5th argument to adam (PyTorch's weight_decay) is dropped: same step as 4 arguments", () => {
    const step = (opt: tf.Optimizer) => {
      const v = tf.variable(tf.tensor1d([1, 2]));
      opt.minimize(() => v.square().sum() as tf.Scalar);
      return Array.from(v.dataSync());
    };
    assert.deepEqual(step(T.adam!(0.01, 0.9, 0.999, 1e-8, 0.5)), step(tf.train.adam(0.01, 0.9, 0.999, 1e-8)));
  });
});
