// Facts behind no-divergent-defaults: tfjs 4.22 defaults that differ from PyTorch's, measured on the
// real CPU backend. Each test would fail if tfjs had PyTorch's default.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LAYER_DEFAULTS, OPTIMIZER_DEFAULTS } from '../../src/facts/torch-defaults.js';
import { tf } from './tf.js';

type Factory = (config?: object) => tf.layers.Layer;
const layer = (name: string, config: object = {}): tf.layers.Layer => (tf.layers as unknown as Record<string, Factory>)[name]!(config);
const values = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const close = (a: number, b: number, eps = 1e-5): boolean => Math.abs(a - b) <= eps;
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Minimal configs that build each factory of the table. */
const REQUIRED: Record<string, object> = {
  lstm: { units: 2 },
  lstmCell: { units: 2 },
  gru: { units: 2 },
  gruCell: { units: 2 },
  dense: { units: 2 },
  conv1d: { filters: 2, kernelSize: 3 },
  conv2d: { filters: 2, kernelSize: 3 },
  conv3d: { filters: 2, kernelSize: 3 },
  embedding: { inputDim: 4, outputDim: 2 },
};
const cfg = (name: string, extra: object = {}): Record<string, unknown> => {
  const c = layer(name, { ...REQUIRED[name], ...extra }).getConfig() as Record<string, unknown>;
  delete c['name'];
  return c;
};

describe('no-divergent-defaults: tfjs defaults that PyTorch does not share', () => {
  it('LSTM / LSTMCell / GRU / GRUCell: recurrentActivation defaults to hardSigmoid (PyTorch: sigmoid)', () => {
    for (const name of ['lstm', 'lstmCell', 'gru', 'gruCell']) assert.equal(cfg(name)['recurrentActivation'], 'hardSigmoid', name);
  });

  it("tfjs hardSigmoid is clip(0.2·x + 0.5, 0, 1): 0.7 at x = 1 where sigmoid gives 0.731, 1 at x = 3 (sigmoid 0.953)", () => {
    const y = values(tf.layers.activation({ activation: 'hardSigmoid' }).apply(tf.tensor1d([1, 3, -1])) as tf.Tensor);
    assert.ok(close(y[0]!, 0.7) && close(y[1]!, 1) && close(y[2]!, 0.3), `${y}`);
    assert.ok(Math.abs(y[0]! - sigmoid(1)) > 0.03);
  });

  it('LeakyReLU: alpha defaults to 0.3 (PyTorch negative_slope 0.01): f(-1) = -0.3', () => {
    const y = values(tf.layers.leakyReLU().apply(tf.tensor1d([-1, 2])) as tf.Tensor);
    assert.ok(close(y[0]!, -0.3) && close(y[1]!, 2), `${y}`);
  });

  it('BatchNormalization: epsilon defaults to 1e-3 (PyTorch eps 1e-5): inference on a loaded variance of 1e-4 is 3.3x off', () => {
    assert.equal(cfg('batchNormalization')['epsilon'], 1e-3);
    const bn = tf.layers.batchNormalization();
    bn.apply(tf.zeros([1, 1]));
    bn.setWeights([tf.tensor1d([1]), tf.tensor1d([0]), tf.tensor1d([0]), tf.tensor1d([1e-4])]); // gamma, beta, mean, var
    const y = values(bn.apply(tf.tensor2d([[0.01]])) as tf.Tensor)[0]!;
    assert.ok(close(y, 0.01 / Math.sqrt(1e-4 + 1e-3), 1e-4), `${y}`);
    assert.ok(Math.abs(y - 0.01 / Math.sqrt(1e-4 + 1e-5)) > 0.5, 'PyTorch gives 0.953');
  });

  it('LayerNormalization: epsilon defaults to 1e-3 (PyTorch eps 1e-5)', () => {
    assert.equal(cfg('layerNormalization')['epsilon'], 1e-3);
    const x = [0.01, -0.01, 0.02, -0.02]; // variance 2.5e-4: epsilon matters
    const y = values(tf.layers.layerNormalization().apply(tf.tensor2d([x])) as tf.Tensor);
    const mean = 0;
    const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
    assert.ok(close(y[0]!, x[0]! / Math.sqrt(variance + 1e-3), 1e-4), `${y}`);
    assert.ok(Math.abs(y[0]! - x[0]! / Math.sqrt(variance + 1e-5)) > 0.3);
  });

  it('Dense / Conv1d-3d: the kernel initializer is VarianceScaling(1, fanAvg, normal) = glorotNormal, not glorotUniform nor PyTorch kaiming-uniform', () => {
    for (const name of ['dense', 'conv1d', 'conv2d', 'conv3d']) {
      const init = cfg(name)['kernelInitializer'] as { className: string; config: Record<string, unknown> };
      assert.equal(init.className, 'VarianceScaling', name);
      assert.deepEqual({ ...init.config, seed: undefined }, { scale: 1, mode: 'fanAvg', distribution: 'normal', seed: undefined }, name);
    }
  });

  it('Dense kernel samples leave the PyTorch range U(±1/√fan_in): fan_in = fan_out = 64, over 20% of |w| > 1/8', () => {
    const d = tf.layers.dense({ units: 64 });
    d.apply(tf.zeros([1, 64]));
    const [kernel, bias] = d.getWeights();
    const w = values(kernel!);
    const outside = w.filter((v) => Math.abs(v) > 1 / 8).length / w.length;
    assert.ok(outside > 0.2, `${outside}`);
    assert.ok(values(bias!).every((v) => v === 0), 'bias starts at zero (PyTorch: uniform too)');
  });

  it('Embedding: embeddings start in U(-0.05, 0.05) (RandomUniform), PyTorch draws N(0, 1)', () => {
    assert.deepEqual(cfg('embedding')['embeddingsInitializer'], { className: 'RandomUniform', config: { minval: -0.05, maxval: 0.05, seed: undefined } });
    const e = tf.layers.embedding({ inputDim: 100, outputDim: 10 });
    e.apply(tf.zeros([1, 1]));
    const w = values(e.getWeights()[0]!);
    assert.ok(w.every((v) => Math.abs(v) <= 0.05));
    assert.ok(w.some((v) => Math.abs(v) > 0.04));
  });

  it('GRU: resetAfter: true (PyTorch nn.GRU formulation) throws in tfjs 4.22, at construction', () => {
    for (const name of ['gru', 'gruCell']) {
      assert.throws(() => layer(name, { units: 2, resetAfter: true }), /does not support reset_after/, name);
    }
  });

  it('GRU with sigmoid gates computes the reset-before formula (Keras v1): not PyTorch nn.GRU with the same weights', () => {
    // units 2, input 1; PyTorch n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn)); tfjs: tanh(W_h x + (r ⊙ h) U_h + b_h)
    const g = tf.layers.gru({ units: 2, recurrentActivation: 'sigmoid', returnSequences: true });
    g.apply(tf.zeros([1, 2, 1]));
    const kernel = [[0.5, -0.4, 0.3, 0.2, 0.7, -0.6]]; // [1, 3·units]: z, r, h
    const rec = [[0.1, 0.2, -0.3, 0.4, 0.9, -0.8], [0.3, -0.1, 0.2, 0.5, -0.7, 0.6]];
    g.setWeights([tf.tensor2d(kernel), tf.tensor2d(rec), tf.zeros([6])]);
    const xs = [1, -2];
    const y = g.apply(tf.tensor3d([xs.map((v) => [v])])) as tf.Tensor;
    const got = (y.arraySync() as number[][][])[0]!;
    const step = (h: number[], x: number, resetAfter: boolean): number[] => {
      const col = (j: number): number => x * kernel[0]![j]!;
      const hU = (j: number, v: number[]): number => v[0]! * rec[0]![j]! + v[1]! * rec[1]![j]!;
      const z = [0, 1].map((u) => sigmoid(col(u) + hU(u, h)));
      const r = [0, 1].map((u) => sigmoid(col(2 + u) + hU(2 + u, h)));
      const rh = [0, 1].map((u) => r[u]! * h[u]!);
      const n = [0, 1].map((u) => Math.tanh(col(4 + u) + (resetAfter ? r[u]! * hU(4 + u, h) : hU(4 + u, rh))));
      return [0, 1].map((u) => z[u]! * h[u]! + (1 - z[u]!) * n[u]!);
    };
    let hBefore = [0, 0];
    let hAfter = [0, 0];
    for (const x of xs) {
      hBefore = step(hBefore, x, false);
      hAfter = step(hAfter, x, true);
    }
    assert.ok(got[1]!.every((v, u) => close(v, hBefore[u]!, 1e-5)), `tfjs ${got[1]} vs reset-before ${hBefore}`);
    assert.ok(got[1]!.some((v, u) => Math.abs(v - hAfter[u]!) > 1e-3), `tfjs ${got[1]} vs PyTorch ${hAfter}`);
  });

  it('tf.train.adam(): epsilon is read from the backend, 1e-7 on CPU (PyTorch eps 1e-8)', () => {
    const cfgAdam = tf.train.adam().getConfig();
    assert.equal(cfgAdam['epsilon'], tf.backend().epsilon());
    assert.equal(cfgAdam['epsilon'], 1e-7);
    assert.equal(cfgAdam['learningRate'], 0.001);
    assert.equal(cfgAdam['beta1'], 0.9);
    assert.equal(cfgAdam['beta2'], 0.999);
  });

  it('Adam epsilon matters for small gradients: a first step with g = 1e-7 moves by lr·0.5 (PyTorch eps: lr·0.909)', () => {
    const step = (opt: tf.Optimizer): number => {
      const w = tf.variable(tf.scalar(0));
      opt.minimize(() => w.mul(1e-7) as tf.Scalar, false, [w]);
      return -w.dataSync()[0]! / 0.001;
    };
    assert.ok(close(step(tf.train.adam()), 0.5, 1e-3));
    assert.ok(close(step(tf.train.adam(0.001, 0.9, 0.999, 1e-8)), 1 / 1.1, 1e-3));
  });

  it('the table states exactly these tfjs defaults (checked against getConfig of each factory)', () => {
    const tfjsValue = (text: string): unknown => (text.startsWith("'") ? text.slice(1, -1) : Number(text));
    for (const [name, defaults] of LAYER_DEFAULTS) {
      for (const d of defaults) {
        const implicit = cfg(name);
        const explicit = cfg(name, { [d.key]: tfjsValue(d.tfjs) });
        assert.deepEqual(explicit, implicit, `${name}: writing ${d.key}: ${d.tfjs} keeps the config`);
        assert.notDeepEqual(cfg(name, d.torch ? { [d.key]: tfjsValue(d.torch) } : { [d.key]: 'zeros' }), implicit, `${name}: the PyTorch value differs`);
      }
    }
    for (const [name, d] of OPTIMIZER_DEFAULTS) {
      const make = (tf.train as unknown as Record<string, (...a: number[]) => tf.Optimizer>)[name]!;
      assert.deepEqual(make(...d.tfjsArgs.map(Number)).getConfig(), make().getConfig(), name);
    }
  });
});
