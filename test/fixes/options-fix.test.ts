// no-unknown-options and no-optimizer-options-object fixes and suggestions, executed on real tfjs:
// the original and the edited code both run; a rename makes the option apply (training included),
// a removal changes nothing, and an optimizer autofix turns a NaN/throwing optimizer into the
// positional call that trains exactly like the hand-written positional one.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import unknownOptions from '../../rules/no-unknown-options.js';
import optimizerOptions from '../../rules/no-optimizer-options-object.js';
import { tf, zeroFraction } from '../semantics/tf.js';

const linter = new Linter({ configType: 'flat' });
const config = (name: string, rule: unknown): Linter.Config[] => [
  {
    plugins: { torch2tf: { rules: { [name]: rule as never } } },
    rules: { [`torch2tf/${name}`]: 'error' },
    settings: { torch2tf: { globals: ['tf'] } },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
  },
];
const UNKNOWN = config('no-unknown-options', unknownOptions);
const OPTIM = config('no-optimizer-options-object', optimizerOptions);

/** Evaluates an expression with `tf` in scope. */
const run = <R>(expr: string): R => new Function('tf', `return (${expr});`)(tf) as R;

function suggested(code: string, more = 0): string {
  const [m] = linter.verify(code, UNKNOWN);
  assert.ok(m?.suggestions?.length, `expected a suggestion for ${code}`);
  const s = m.suggestions[0]!;
  const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
  assert.equal(linter.verify(out, UNKNOWN).length, more, `still reported: ${out}`);
  return out;
}
function autofixed(code: string, cfg: Linter.Config[]): string {
  const { output, fixed } = linter.verifyAndFix(code, cfg);
  assert.ok(fixed, `expected an autofix for ${code}`);
  assert.deepEqual(linter.verify(output, cfg), [], `second pass still reports on ${output}`);
  return output;
}
async function trainLoss(layerExpr: string, inputShape: number[]): Promise<number> {
  const m = tf.sequential({ layers: [run<tf.layers.Layer>(layerExpr), tf.layers.flatten(), tf.layers.dense({ units: 1, kernelInitializer: 'ones' })] });
  m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  const h = await m.fit(tf.ones([2, ...inputShape]), tf.ones([2, 1]), { epochs: 1 });
  return h.history.loss![0] as number;
}

describe('no-unknown-options: renames make the option apply', () => {
  it('dropout({p: 0.5}) → {rate: 0.5}: drops about half in training', () => {
    const out = suggested('tf.layers.dropout({p: 0.5})');
    assert.equal(zeroFraction(run<tf.layers.Layer>('tf.layers.dropout({p: 0.5})').apply(tf.ones([1000]), { training: true }) as tf.Tensor), 0);
    const z = zeroFraction(run<tf.layers.Layer>(out).apply(tf.ones([1000]), { training: true }) as tf.Tensor);
    assert.ok(z > 0.4 && z < 0.6, String(z));
  });
  it('conv2d stride → strides: 3×3 output, and it trains', async () => {
    const out = suggested("tf.layers.conv2d({filters: 1, kernelSize: 3, stride: 2, inputShape: [8, 8, 1]})");
    assert.deepEqual((run<tf.layers.Layer>(out).apply(tf.ones([1, 8, 8, 1])) as tf.Tensor).shape, [1, 3, 3, 1]);
    assert.ok(Number.isFinite(await trainLoss(out, [8, 8, 1])));
  });
  it('maxPooling2d kernelSize → poolSize, leakyReLU negativeSlope → alpha, batchNormalization eps → epsilon, affine: false → center/scale', () => {
    assert.deepEqual((run<tf.layers.Layer>(suggested('tf.layers.maxPooling2d({kernelSize: 3})')).apply(tf.ones([1, 8, 8, 1])) as tf.Tensor).shape, [1, 2, 2, 1]);
    assert.equal((run<tf.layers.Layer>(suggested('tf.layers.leakyReLU({negativeSlope: 0.01})')) as unknown as { alpha: number }).alpha, 0.01);
    assert.equal((run<tf.layers.Layer>(suggested('tf.layers.batchNormalization({eps: 1e-5})')) as unknown as { epsilon: number }).epsilon, 1e-5);
    const bn = run<tf.layers.Layer>(suggested('tf.layers.batchNormalization({affine: false})'));
    bn.apply(tf.ones([2, 3]));
    assert.equal(bn.getWeights().length, 2);
  });
  it('dilation: 1 → dilationRate: 1 (the only dilation rename offered) builds the same layer', () => {
    const out = suggested('tf.layers.conv2d({filters: 1, kernelSize: 3, dilation: 1})');
    assert.deepEqual((run<tf.layers.Layer>(out).apply(tf.ones([1, 8, 8, 1])) as tf.Tensor).shape, [1, 6, 6, 1]);
  });
  it('conv2d dilation: no rename is offered (dilationRate 2 would throw in training)', () => {
    const [m] = linter.verify('tf.layers.conv2d({filters: 1, kernelSize: 3, dilation: 2})', UNKNOWN);
    assert.equal(m?.messageId, 'dilationUntrainable');
    assert.deepEqual(m?.suggestions ?? [], []);
  });
  it('fit({batch_size, validation_split}) → batchSize / validationSplit: validation runs', async () => {
    let code = 'm.fit(x, y, {epochs: 1, batch_size: 2, validation_split: 0.5})';
    const src = (c: string) => `const m = tf.sequential({layers: [tf.layers.dense({units: 1, inputShape: [2]})]});\n${c};`;
    for (let i = 0; i < 2; i++) code = suggested(src(code), 1 - i).split('\n')[1]!.replace(/;$/, '');
    assert.equal(code, 'm.fit(x, y, {epochs: 1, batchSize: 2, validationSplit: 0.5})');
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
    m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const h = await (new Function('m', 'x', 'y', `return ${code};`)(m, tf.ones([4, 2]), tf.ones([4, 1])) as Promise<tf.History>);
    assert.ok('val_loss' in h.history);
  });
  it('positional dropout(0.2) → dropout({rate: 0.2}) drops', () => {
    const out = suggested('tf.layers.dropout(0.2)');
    assert.ok(zeroFraction(run<tf.layers.Layer>(out).apply(tf.ones([1000]), { training: true }) as tf.Tensor) > 0.1);
  });
});

describe('no-unknown-options: removing a key tfjs already honours changes nothing', () => {
  for (const [code, shape] of [
    ['tf.layers.lstm({units: 2, batch_first: true, kernelInitializer: "ones", recurrentInitializer: "ones"})', [3, 4]],
    ['tf.layers.dense({units: 2, in_features: 4, kernelInitializer: "ones"})', [4]],
    ['tf.layers.conv2d({filters: 1, kernelSize: 3, padding_mode: "zeros", kernelInitializer: "ones"})', [5, 5, 1]],
  ] as const) {
    it(code, () => {
      const out = autofixed(code, UNKNOWN);
      const cfg = (e: string) => ({ ...run<tf.layers.Layer>(e).getConfig(), name: null });
      assert.deepEqual(cfg(out), cfg(code));
      const y = (e: string) => Array.from((run<tf.layers.Layer>(e).apply(tf.ones([1, ...shape])) as tf.Tensor).dataSync());
      assert.deepEqual(y(out), y(code));
    });
  }
});

describe('no-optimizer-options-object: the autofix trains where the original cannot', () => {
  const step = (expr: string) => {
    const v = tf.variable(tf.tensor1d([1, 2]));
    run<tf.Optimizer>(expr).minimize(() => v.square().sum() as tf.Scalar);
    return Array.from(v.dataSync());
  };
  for (const [code, reference, before] of [
    ['tf.train.sgd({lr: 0.1})', 'tf.train.sgd(0.1)', 'nan'],
    ['tf.train.momentum({learningRate: 0.1, momentum: 0.9, nesterov: true})', 'tf.train.momentum(0.1, 0.9, true)', 'throws'],
    ['tf.train.adagrad({learningRate: 0.1, initial_accumulator_value: 0.2})', 'tf.train.adagrad(0.1, 0.2)', 'nan'],
    ['tf.train.adadelta({learningRate: 0.5, rho: 0.9, eps: 1e-6})', 'tf.train.adadelta(0.5, 0.9, 1e-6)', 'nan'],
    ['tf.train.adam({lr: 0.01, betas: [0.8, 0.99], eps: 1e-8})', 'tf.train.adam(0.01, 0.8, 0.99, 1e-8)', 'nan'],
    ['tf.train.adam({betas: [0.8, 0.99]})', 'tf.train.adam(0.001, 0.8, 0.99)', 'nan'],
    ['tf.train.adamax({learningRate: 0.01, decay: 0.1})', 'tf.train.adamax(0.01, undefined, undefined, undefined, 0.1)', 'nan'],
    ['tf.train.rmsprop({learningRate: 0.01, decay: 0.8, momentum: 0.5, centered: true})', 'tf.train.rmsprop(0.01, 0.8, 0.5, undefined, true)', 'throws'],
  ] as const) {
    it(`${code}: ${before} before, the reference step after`, () => {
      if (before === 'throws') assert.throws(() => step(code));
      else assert.ok(step(code).every(Number.isNaN));
      const out = autofixed(code, OPTIM);
      const after = step(out);
      assert.ok(after.every(Number.isFinite));
      assert.deepEqual(after, step(reference));
    });
  }
  it('the weight_decay suggestion drops only the key with no equivalent and trains', () => {
    const code = 'tf.train.adam({lr: 0.01, weight_decay: 1e-4})';
    const [m] = linter.verify(code, OPTIM);
    const s = m!.suggestions![0]!;
    const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
    assert.deepEqual(step(out), step('tf.train.adam(0.01)'));
  });
});
