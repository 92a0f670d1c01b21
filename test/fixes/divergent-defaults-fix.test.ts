// no-divergent-defaults suggestions, executed on real tfjs: "write the tfjs default" keeps outputs and
// config identical; "use PyTorch's value" matches a hand-computed PyTorch formula on small inputs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import rule from '../../rules/no-divergent-defaults.js';
import { tf } from '../semantics/tf.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    plugins: { torch2tf: { rules: { 'no-divergent-defaults': rule as never } } },
    rules: { 'torch2tf/no-divergent-defaults': 'error' },
    settings: { torch2tf: { globals: ['tf'] } },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
  },
];
const PORT = '// port of the PyTorch model (model.pth)\n';

/** The code after applying suggestion `messageId`; asserts it parses and nothing is left to report. */
function suggested(code: string, messageId: 'keepDefault' | 'usePytorch'): string {
  const messages = linter.verify(code, config);
  assert.equal(messages.length, 1, JSON.stringify(messages));
  const s = messages[0]!.suggestions?.find((x) => x.messageId === messageId);
  assert.ok(s, `no ${messageId} suggestion for:\n${code}`);
  const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
  assert.deepEqual(linter.verify(out, config), [], `suggestion output still reports:\n${out}`);
  return out;
}
const build = <T>(code: string): T => new Function('tf', `${code}\nreturn build();`)(tf) as T;
const arr = (t: tf.Tensor | tf.Tensor[] | tf.SymbolicTensor | tf.SymbolicTensor[]): number[] => Array.from((t as tf.Tensor).dataSync());
const closeAll = (a: number[], b: number[], eps = 1e-5): boolean => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= eps);
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));
const configOf = (l: tf.layers.Layer): Record<string, unknown> => {
  const c = l.getConfig() as Record<string, unknown>;
  delete c['name'];
  return c;
};

describe('no-divergent-defaults: suggestions executed', () => {
  it('leakyReLU(): explicit alpha 0.3 is identical; alpha 0.01 is PyTorch LeakyReLU', () => {
    const code = `${PORT}function build() { return tf.layers.leakyReLU(); }`;
    const x = tf.tensor1d([-2, -0.5, 0, 1.5]);
    const original = arr(build<tf.layers.Layer>(code).apply(x));
    assert.ok(closeAll(arr(build<tf.layers.Layer>(suggested(code, 'keepDefault')).apply(x)), original));
    const torch = [-2, -0.5, 0, 1.5].map((v) => (v > 0 ? v : 0.01 * v));
    assert.ok(closeAll(arr(build<tf.layers.Layer>(suggested(code, 'usePytorch')).apply(x)), torch));
    assert.ok(!closeAll(original, torch));
  });

  for (const name of ['batchNormalization', 'layerNormalization'] as const) {
    it(`${name}: explicit epsilon 1e-3 is identical; 1e-5 matches PyTorch's normalization with loaded weights`, () => {
      const code = `${PORT}function build() {\n  return tf.layers.${name}({\n    axis: -1,\n  });\n}`;
      const x = tf.tensor2d([[0.01, -0.01, 0.02, -0.02]]);
      const gamma = [1, 2, 0.5, 1];
      const beta = [0, 0.1, -0.1, 0];
      const mean = [0.001, 0, -0.002, 0.003];
      const variance = [1e-4, 2e-4, 5e-5, 1e-4];
      const run = (c: string): number[] => {
        const l = build<tf.layers.Layer>(c);
        l.apply(tf.zeros([1, 4]));
        const w = [tf.tensor1d(gamma), tf.tensor1d(beta)];
        l.setWeights(name === 'batchNormalization' ? [...w, tf.tensor1d(mean), tf.tensor1d(variance)] : w);
        return arr(l.apply(x));
      };
      const xs = [0.01, -0.01, 0.02, -0.02];
      const pytorch = (eps: number): number[] => {
        if (name === 'batchNormalization') return xs.map((v, i) => (gamma[i]! * (v - mean[i]!)) / Math.sqrt(variance[i]! + eps) + beta[i]!);
        const m = xs.reduce((a, b) => a + b, 0) / 4;
        const v2 = xs.reduce((a, b) => a + (b - m) ** 2, 0) / 4;
        return xs.map((v, i) => (gamma[i]! * (v - m)) / Math.sqrt(v2 + eps) + beta[i]!);
      };
      const original = run(code);
      assert.ok(closeAll(original, pytorch(1e-3), 1e-4));
      assert.ok(closeAll(run(suggested(code, 'keepDefault')), original));
      assert.ok(closeAll(run(suggested(code, 'usePytorch')), pytorch(1e-5), 1e-4));
      assert.ok(!closeAll(original, pytorch(1e-5), 1e-2));
    });
  }

  it("lstm: explicit 'hardSigmoid' is identical; 'sigmoid' matches a hand-computed PyTorch nn.LSTM with the same weights", () => {
    const code = `${PORT}function build() { return tf.layers.lstm({units: 2, returnSequences: true}); }`;
    // input 1, units 2; tfjs kernel [1, 8] and PyTorch weight_ih share the gate order i, f, g(c), o
    const kernel = [[0.5, -0.3, 0.8, 0.1, -0.6, 0.4, 0.2, -0.9]];
    const rec = [
      [0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8],
      [-0.2, 0.3, 0.1, -0.4, 0.6, 0.2, -0.5, 0.3],
    ];
    const bias = [0.1, -0.1, 1, 0.5, 0, 0.2, -0.3, 0.05]; // PyTorch b_ih + b_hh
    const xs = [1.5, -2, 0.7];
    const run = (c: string): number[] => {
      const l = build<tf.layers.Layer>(c);
      l.apply(tf.zeros([1, 3, 1]));
      l.setWeights([tf.tensor2d(kernel), tf.tensor2d(rec), tf.tensor1d(bias)]);
      return arr(l.apply(tf.tensor3d([xs.map((v) => [v])])));
    };
    const pytorch: number[] = [];
    let h = [0, 0];
    let cell = [0, 0];
    for (const x of xs) {
      const pre = (j: number): number => x * kernel[0]![j]! + h[0]! * rec[0]![j]! + h[1]! * rec[1]![j]! + bias[j]!;
      const gate = (k: number, u: number): number => pre(2 * k + u);
      const i = [0, 1].map((u) => sigmoid(gate(0, u)));
      const f = [0, 1].map((u) => sigmoid(gate(1, u)));
      const g = [0, 1].map((u) => Math.tanh(gate(2, u)));
      const o = [0, 1].map((u) => sigmoid(gate(3, u)));
      cell = [0, 1].map((u) => f[u]! * cell[u]! + i[u]! * g[u]!);
      h = [0, 1].map((u) => o[u]! * Math.tanh(cell[u]!));
      pytorch.push(...h);
    }
    const original = run(code);
    assert.ok(closeAll(run(suggested(code, 'keepDefault')), original));
    assert.ok(closeAll(run(suggested(code, 'usePytorch')), pytorch), `${run(suggested(code, 'usePytorch'))} vs ${pytorch}`);
    assert.ok(!closeAll(original, pytorch, 1e-3));
  });

  it("dense: explicit 'glorotNormal' keeps the layer config; the PyTorch initializer draws U(±1/√fan_in)", () => {
    const code = `${PORT}function build() { return tf.layers.dense({units: 64}); }`;
    const keep = build<tf.layers.Layer>(suggested(code, 'keepDefault'));
    assert.deepEqual(configOf(keep), configOf(build<tf.layers.Layer>(code)));
    for (const fanIn of [16, 100]) {
      const l = build<tf.layers.Layer>(suggested(code, 'usePytorch'));
      l.apply(tf.zeros([1, fanIn]));
      const w = arr(l.getWeights()[0]!);
      const bound = 1 / Math.sqrt(fanIn);
      assert.ok(w.every((v) => Math.abs(v) <= bound + 1e-7), `fan_in ${fanIn}`);
      assert.ok(Math.max(...w.map(Math.abs)) > 0.95 * bound, 'uniform up to the bound');
    }
  });

  it("conv2d: the PyTorch initializer uses fan_in = in_channels·kh·kw, as PyTorch's Conv2d does", () => {
    const code = `${PORT}function build() { return tf.layers.conv2d({filters: 8, kernelSize: 3}); }`;
    const l = build<tf.layers.Layer>(suggested(code, 'usePytorch'));
    l.apply(tf.zeros([1, 5, 5, 4]));
    const w = arr(l.getWeights()[0]!);
    const bound = 1 / Math.sqrt(4 * 3 * 3);
    assert.ok(w.every((v) => Math.abs(v) <= bound + 1e-7) && Math.max(...w.map(Math.abs)) > 0.9 * bound);
  });

  it("embedding: explicit 'randomUniform' keeps the config; the PyTorch initializer draws N(0, 1)", () => {
    const code = `${PORT}function build() { return tf.layers.embedding({inputDim: 200, outputDim: 20}); }`;
    assert.deepEqual(configOf(build<tf.layers.Layer>(suggested(code, 'keepDefault'))), configOf(build<tf.layers.Layer>(code)));
    const l = build<tf.layers.Layer>(suggested(code, 'usePytorch'));
    l.apply(tf.zeros([1, 1]));
    const w = arr(l.getWeights()[0]!);
    const std = Math.sqrt(w.reduce((a, v) => a + v * v, 0) / w.length);
    assert.ok(std > 0.9 && std < 1.1, `${std}`);
  });

  it('adam(lr): explicit epsilon 1e-7 takes the same step; 1e-8 takes PyTorch\'s Adam step', () => {
    const code = `${PORT}function build() { return tf.train.adam(0.01); }`;
    const step = (c: string): number => {
      const w = tf.variable(tf.scalar(0));
      build<tf.Optimizer>(c).minimize(() => w.mul(1e-7) as tf.Scalar, false, [w]);
      return w.dataSync()[0]!;
    };
    const g = 1e-7; // PyTorch first step: m̂ = g, v̂ = g², p -= lr·m̂/(√v̂ + eps)
    const pytorch = -0.01 * (g / (Math.abs(g) + 1e-8));
    assert.equal(step(suggested(code, 'keepDefault')), step(code));
    assert.ok(Math.abs(step(suggested(code, 'usePytorch')) - pytorch) < 1e-6);
    assert.ok(Math.abs(step(code) - pytorch) > 1e-3);
  });
});
