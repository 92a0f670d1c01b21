// The data tables in src/facts/tfjs-api.ts are facts about tfjs 4.22; every entry is re-checked here on the
// real @tensorflow/tfjs (CPU backend). Adding a name to a table without a fact behind it fails this file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';
import {
  CLASS_KINDS,
  DROPOUT_FAMILY,
  GRADIENT_FUNCTIONS,
  MODE_DEPENDENT_LAYERS,
  OPTIMIZER_FACTORIES,
  OPTIMIZER_GRADIENT_METHODS,
  RECURRENT_LAYERS,
  TENSOR_METHODS,
  TENSOR_NAMESPACES,
  TENSOR_OPS,
  TENSOR_PART_FUNCTIONS,
  TENSOR_PART_OPS,
  TRAINING_METHODS,
  WEIGHTLESS_LAYERS,
  WRAPPER_LAYERS,
  type ValueKind,
} from '../../src/facts/tfjs-api.js';

type Factory = (config?: object) => tf.layers.Layer;
const layerFactory = (name: string): Factory | undefined => (tf.layers as unknown as Record<string, Factory | undefined>)[name];
const get = (root: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o == null ? undefined : (o as Record<string, unknown>)[k]), root);

/** A config and an input that builds each weightless layer factory (aliases share their canonical recipe). */
const rand = (shape: number[]) => tf.randomNormal(shape, 0, 1, 'float32', 3);
const pair = () => [rand([2, 4]), rand([2, 4])];
const RECIPES: Record<string, [object, () => tf.Tensor | tf.Tensor[]]> = {
  dropout: [{ rate: 0.5 }, () => rand([2, 4])],
  spatialDropout1d: [{ rate: 0.5 }, () => rand([2, 3, 4])],
  gaussianNoise: [{ stddev: 1 }, () => rand([2, 4])],
  gaussianDropout: [{ rate: 0.5 }, () => rand([2, 4])],
  alphaDropout: [{ rate: 0.5 }, () => rand([2, 4])],
  activation: [{ activation: 'relu' }, () => rand([2, 4])],
  flatten: [{}, () => rand([2, 3, 4])],
  reshape: [{ targetShape: [4, 3] }, () => rand([2, 3, 4])],
  permute: [{ dims: [2, 1] }, () => rand([2, 3, 4])],
  repeatVector: [{ n: 3 }, () => rand([2, 4])],
  maxPooling1d: [{ poolSize: 2 }, () => rand([2, 4, 3])],
  maxPooling2d: [{ poolSize: 2 }, () => rand([1, 4, 4, 3])],
  maxPooling3d: [{ poolSize: 2 }, () => rand([1, 4, 4, 4, 3])],
  averagePooling1d: [{ poolSize: 2 }, () => rand([2, 4, 3])],
  averagePooling2d: [{ poolSize: 2 }, () => rand([1, 4, 4, 3])],
  averagePooling3d: [{ poolSize: 2 }, () => rand([1, 4, 4, 4, 3])],
  globalMaxPooling1d: [{}, () => rand([2, 4, 3])],
  globalMaxPooling2d: [{}, () => rand([1, 4, 4, 3])],
  globalAveragePooling1d: [{}, () => rand([2, 4, 3])],
  globalAveragePooling2d: [{}, () => rand([1, 4, 4, 3])],
  zeroPadding2d: [{ padding: 1 }, () => rand([1, 4, 4, 3])],
  cropping2D: [{ cropping: 1 }, () => rand([1, 4, 4, 3])],
  upSampling2d: [{ size: [2, 2] }, () => rand([1, 4, 4, 3])],
  reLU: [{}, () => rand([2, 4])],
  leakyReLU: [{}, () => rand([2, 4])],
  softmax: [{}, () => rand([2, 4])],
  elu: [{}, () => rand([2, 4])],
  thresholdedReLU: [{}, () => rand([2, 4])],
  masking: [{}, () => rand([2, 3, 4])],
  rescaling: [{ scale: 2 }, () => rand([2, 4])],
  resizing: [{ height: 2, width: 2 }, () => rand([1, 4, 4, 3])],
  centerCrop: [{ height: 2, width: 2 }, () => rand([1, 4, 4, 3])],
  add: [{}, pair],
  multiply: [{}, pair],
  concatenate: [{}, pair],
  average: [{}, pair],
  maximum: [{}, pair],
  minimum: [{}, pair],
  dot: [{ axes: 1 }, pair],
};
const ALIASES: Record<string, string> = {
  maxPool1d: 'maxPooling1d',
  maxPool2d: 'maxPooling2d',
  avgPool1d: 'averagePooling1d',
  avgPool2d: 'averagePooling2d',
  avgPool3d: 'averagePooling3d',
  avgPooling1d: 'averagePooling1d',
  avgPooling2d: 'averagePooling2d',
  avgPooling3d: 'averagePooling3d',
  globalMaxPool1d: 'globalMaxPooling1d',
  globalMaxPool2d: 'globalMaxPooling2d',
};

describe('WEIGHTLESS_LAYERS: every factory builds a layer with 0 weights', () => {
  for (const name of [...WEIGHTLESS_LAYERS].sort()) {
    it(`tf.layers.${name} has no weights after it is built`, () => {
      const factory = layerFactory(name);
      assert.equal(typeof factory, 'function', `tf.layers.${name} is not exported`);
      if (name === 'inputLayer') {
        const l = factory!({ inputShape: [4] });
        assert.equal(l.weights.length, 0);
        return;
      }
      const recipe = RECIPES[ALIASES[name] ?? name];
      assert.ok(recipe, `no build recipe for ${name} in this test: add one`);
      const layer = factory!(recipe[0]);
      layer.apply(recipe[1](), { training: true });
      assert.equal(layer.built, true);
      assert.equal(layer.weights.length, 0);
    });
  }

  it('the layers that do have weights are not in the table (control)', () => {
    for (const [name, cfg, input] of [
      ['dense', { units: 2 }, [2, 4]],
      ['batchNormalization', {}, [2, 4]],
      ['conv2d', { filters: 2, kernelSize: 3 }, [1, 4, 4, 3]],
      ['prelu', {}, [2, 4]],
      ['layerNormalization', {}, [2, 4]],
    ] as const) {
      const l = layerFactory(name)!(cfg);
      l.apply(rand([...input]));
      assert.ok(l.weights.length > 0, name);
      assert.equal(WEIGHTLESS_LAYERS.has(name), false, name);
    }
  });
});

describe('MODE_DEPENDENT_LAYERS / DROPOUT_FAMILY', () => {
  const inputs: Record<string, () => tf.Tensor> = {
    spatialDropout1d: () => tf.ones([4, 50, 20]),
    batchNormalization: () => tf.randomNormal([64, 3], 5, 2, 'float32', 7),
  };
  const configs: Record<string, object> = { gaussianNoise: { stddev: 1 }, batchNormalization: {} };
  for (const name of [...MODE_DEPENDENT_LAYERS].sort()) {
    it(`tf.layers.${name}: output with {training: true} differs from the default (inference) call`, () => {
      const layer = layerFactory(name)!(configs[name] ?? { rate: 0.5 });
      const x = (inputs[name] ?? (() => tf.ones([4, 500])))();
      const inference = layer.apply(x) as tf.Tensor;
      const training = layer.apply(x, { training: true }) as tf.Tensor;
      const diff = training.sub(inference).abs().max().dataSync()[0]!;
      assert.ok(diff > 1e-3, `max |training - inference| = ${diff}`);
    });
  }
  it('DROPOUT_FAMILY is a subset of MODE_DEPENDENT_LAYERS and every member is weightless', () => {
    for (const name of DROPOUT_FAMILY) {
      assert.ok(MODE_DEPENDENT_LAYERS.has(name), name);
      assert.ok(WEIGHTLESS_LAYERS.has(name), name);
    }
  });
  for (const name of [...DROPOUT_FAMILY].sort()) {
    it(`tf.layers.${name}({trainable: false}) still changes its input under {training: true}`, () => {
      const layer = layerFactory(name)!({ ...(configs[name] ?? { rate: 0.5 }), trainable: false });
      const x = name === 'spatialDropout1d' ? tf.ones([4, 50, 20]) : tf.ones([4, 500]);
      const out = layer.apply(x, { training: true }) as tf.Tensor;
      assert.ok(out.sub(x).abs().max().dataSync()[0]! > 1e-3);
    });
  }
});

describe('RECURRENT_LAYERS / WRAPPER_LAYERS', () => {
  for (const name of [...RECURRENT_LAYERS, ...WRAPPER_LAYERS].sort()) {
    it(`tf.layers.${name} is an exported factory`, () => assert.equal(typeof layerFactory(name), 'function'));
  }
  for (const name of ['lstm', 'gru', 'simpleRNN']) {
    it(`tf.layers.${name}: mode-dependent with dropout > 0, not without`, () => {
      const x = rand([2, 5, 30]);
      const dropping = layerFactory(name)!({ units: 4, dropout: 0.5 });
      const plain = layerFactory(name)!({ units: 4 });
      const d = (l: tf.layers.Layer) =>
        (l.apply(x, { training: true }) as tf.Tensor).sub(l.apply(x) as tf.Tensor).abs().max().dataSync()[0]!;
      assert.ok(d(dropping) > 1e-2, 'dropout > 0 changes the training output');
      assert.equal(d(plain), 0, 'without dropout the mode does not matter');
    });
  }
  it('timeDistributed({layer: dropout}) is mode-dependent through the wrapped layer', () => {
    const td = tf.layers.timeDistributed({ layer: tf.layers.dropout({ rate: 0.5 }) });
    const x = tf.ones([2, 3, 400]);
    const out = td.apply(x, { training: true }) as tf.Tensor;
    assert.ok(out.sub(x).abs().max().dataSync()[0]! > 0);
    assert.equal((td.apply(x) as tf.Tensor).sub(x).abs().max().dataSync()[0], 0);
  });
});

describe('TENSOR_OPS / TENSOR_METHODS / TENSOR_NAMESPACES', () => {
  it('every TENSOR_OPS name is a function on tf', () => {
    const missing = [...TENSOR_OPS].filter((n) => typeof (tf as unknown as Record<string, unknown>)[n] !== 'function');
    assert.deepEqual(missing, []);
  });
  it('every TENSOR_METHODS name is a method of a tensor', () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    const missing = [...TENSOR_METHODS].filter((n) => typeof (t as unknown as Record<string, unknown>)[n] !== 'function');
    assert.deepEqual(missing, []);
  });
  it('PyTorch tensor methods are not in TENSOR_METHODS and do not exist on a tfjs tensor (control)', () => {
    const t = tf.tensor2d([[1, 2], [3, 4]]);
    for (const n of ['view', 'permute', 'unsqueeze', 'item', 'detach', 'matmul', 'clamp']) {
      assert.equal(typeof (t as unknown as Record<string, unknown>)[n], 'undefined', n);
      assert.equal(TENSOR_METHODS.has(n), false, n);
    }
  });
  it('every TENSOR_NAMESPACES name is a namespace object of functions on tf', () => {
    for (const ns of TENSOR_NAMESPACES) {
      const o = (tf as unknown as Record<string, unknown>)[ns];
      assert.equal(typeof o, 'object', ns);
      assert.ok(Object.values(o as object).some((v) => typeof v === 'function'), ns);
    }
  });
});

describe('OPTIMIZER_FACTORIES / OPTIMIZER_GRADIENT_METHODS / GRADIENT_FUNCTIONS / TRAINING_METHODS', () => {
  const makeOptimizer = (name: string): tf.Optimizer => {
    const f = (tf.train as unknown as Record<string, (...a: number[]) => tf.Optimizer>)[name]!;
    return name === 'momentum' ? f(0.1, 0.9) : name === 'adadelta' ? f() : f(0.1);
  };
  for (const name of [...OPTIMIZER_FACTORIES].sort()) {
    it(`tf.train.${name}() returns a tf.Optimizer with ${[...OPTIMIZER_GRADIENT_METHODS].join('/')}`, () => {
      const opt = makeOptimizer(name);
      assert.ok(opt instanceof tf.Optimizer);
      for (const m of OPTIMIZER_GRADIENT_METHODS) assert.equal(typeof (opt as unknown as Record<string, unknown>)[m], 'function', m);
    });
  }
  it('every GRADIENT_FUNCTIONS name is a function on tf', () => {
    for (const n of GRADIENT_FUNCTIONS) assert.equal(typeof (tf as unknown as Record<string, unknown>)[n], 'function', n);
  });
  it('every TRAINING_METHODS name is a method of tf.sequential() and tf.model()', () => {
    const input = tf.input({ shape: [2] });
    const models = [tf.sequential(), tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(input) as tf.SymbolicTensor })];
    for (const m of models) for (const n of TRAINING_METHODS) assert.equal(typeof (m as unknown as Record<string, unknown>)[n], 'function', n);
  });
});

describe('CLASS_KINDS: every path is a tfjs class of the stated kind', () => {
  const bases: Record<ValueKind, unknown[]> = {
    model: [tf.LayersModel],
    layer: [tf.layers.Layer],
    optimizer: [tf.Optimizer],
    tensor: [tf.Tensor],
    symbolic: [tf.SymbolicTensor],
    'graph-model': [tf.GraphModel],
    'tensor-like': [],
  };
  for (const [path, kind] of CLASS_KINDS) {
    it(`tf.${path} is a class whose instances are ${kind}s`, () => {
      const ctor = get(tf, path) as (new (...a: unknown[]) => unknown) | undefined;
      assert.equal(typeof ctor, 'function', `tf.${path} is not exported`);
      const ok = bases[kind].some((b) => ctor === b || (ctor!.prototype as object) instanceof (b as new () => unknown));
      assert.ok(ok, `tf.${path} does not derive from the ${kind} base class`);
    });
  }
});

describe('TENSOR_PART_OPS and TENSOR_PART_FUNCTIONS: the tensor properties of what these functions return', () => {
  const x = tf.tensor1d([3, 1, 2, 3]);
  const w = tf.variable(tf.tensor1d([1, 2]));
  const results: Record<string, () => Record<string, unknown>> = {
    variableGrads: () => tf.variableGrads(() => w.square().sum() as tf.Scalar) as unknown as Record<string, unknown>,
    moments: () => tf.moments(x) as unknown as Record<string, unknown>,
    topk: () => tf.topk(x, 2) as unknown as Record<string, unknown>,
    unique: () => tf.unique(x) as unknown as Record<string, unknown>,
    valueAndGrad: () => tf.valueAndGrad((t: tf.Tensor) => t.square().sum())(x) as unknown as Record<string, unknown>,
    valueAndGrads: () => tf.valueAndGrads((t: tf.Tensor) => t.square().sum())([x]) as unknown as Record<string, unknown>,
  };

  for (const [table, entries] of [['TENSOR_PART_OPS', TENSOR_PART_OPS], ['TENSOR_PART_FUNCTIONS', TENSOR_PART_FUNCTIONS]] as const) {
    for (const [name, parts] of entries) {
      it(`${table}: tf.${name}(…)${table === 'TENSOR_PART_FUNCTIONS' ? '(…)' : ''} has the tensors ${parts.join(', ')}`, () => {
        assert.equal(typeof (tf as unknown as Record<string, unknown>)[name], 'function');
        const result = results[name]!();
        for (const part of parts) assert.ok(result[part] instanceof tf.Tensor, `${name}().${part} is a Tensor`);
        // the other properties are no single tensor (grads: a map or an array of tensors)
        for (const [k, v] of Object.entries(result)) if (!parts.includes(k)) assert.ok(!(v instanceof tf.Tensor), `${name}().${k}`);
      });
    }
  }
});
