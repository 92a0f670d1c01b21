// no-swapped-loss-arguments suggestions, executed on real tfjs: after the swap, the code computes the
// correctly ordered loss (labels first), and before it computed something else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Linter } from 'eslint';
import rule from '../../rules/no-swapped-loss-arguments.js';
import { tf } from '../semantics/tf.js';

const linter = new Linter({ configType: 'flat' });
const config: Linter.Config[] = [
  {
    plugins: { torch2tf: { rules: { r: rule as never } } },
    rules: { 'torch2tf/r': 'error' },
    settings: { torch2tf: { globals: ['tf'] } },
    languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
  },
];

function suggested(code: string): string {
  const messages = linter.verify(code, config);
  assert.equal(messages.length, 1, JSON.stringify(messages));
  const s = messages[0]!.suggestions?.[0];
  assert.ok(s);
  const out = code.slice(0, s.fix.range[0]) + s.fix.text + code.slice(s.fix.range[1]);
  assert.deepEqual(linter.verify(out, config), [], out);
  return out;
}

const MODEL = `const model = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2], kernelInitializer: 'ones'})]});`;
const x = tf.tensor2d([[0.5, -1], [2, 0.3]]);
const y = tf.tensor2d([[0, 1, 0], [1, 0, 0]]);
const run = (code: string): number => (new Function('tf', 'x', 'y', `${code}\nreturn result();`)(tf, x, y) as tf.Tensor).mean().dataSync()[0]!;

describe('no-swapped-loss-arguments: the swap suggestion computes the right loss', () => {
  const cases: [string, (p: tf.Tensor) => tf.Tensor][] = [
    ['losses.softmaxCrossEntropy', (p) => tf.losses.softmaxCrossEntropy(y, p)],
    ['losses.sigmoidCrossEntropy', (p) => tf.losses.sigmoidCrossEntropy(y, p)],
  ];
  for (const [path, correct] of cases) {
    it(`tf.${path}(model.predict(x), y)`, () => {
      const code = `${MODEL}\nfunction result() {\n  const out = model.predict(x);\n  return tf.${path}(out, y);\n}`;
      const model = new Function('tf', `${MODEL}\nreturn model;`)(tf) as tf.Sequential;
      const want = correct(model.predict(x) as tf.Tensor).mean().dataSync()[0]!;
      const fixed = suggested(code);
      assert.ok(Math.abs(run(fixed) - want) < 1e-5, `${run(fixed)} vs ${want}`);
      assert.ok(Math.abs(run(code) - want) > 1e-3, 'the original computed something else');
    });
  }

  it('tf.metrics.binaryCrossentropy(model.predict(x), y) with a sigmoid model', () => {
    const m = `const model = tf.sequential({layers: [tf.layers.dense({units: 3, inputShape: [2], activation: 'sigmoid', kernelInitializer: 'ones'})]});`;
    const code = `${m}\nfunction result() { return tf.metrics.binaryCrossentropy(model.predict(x), y); }`;
    const model = new Function('tf', `${m}\nreturn model;`)(tf) as tf.Sequential;
    const want = tf.metrics.binaryCrossentropy(y, model.predict(x) as tf.Tensor).mean().dataSync()[0]!;
    assert.ok(Math.abs(run(suggested(code)) - want) < 1e-5);
    assert.ok(Math.abs(run(code) - want) > 1e-3);
  });

  it('compile loss (pred, target): swapping the parameters makes evaluate() equal the correct loss', () => {
    const code = `${MODEL}\nmodel.compile({optimizer: 'sgd', loss: (pred, target) => tf.losses.softmaxCrossEntropy(target, pred)});\nfunction result() { return model.evaluate(x, y); }`;
    const model = new Function('tf', `${MODEL}\nreturn model;`)(tf) as tf.Sequential;
    const want = tf.losses.softmaxCrossEntropy(y, model.predict(x) as tf.Tensor).dataSync()[0]!;
    const fixed = suggested(code);
    assert.match(fixed, /\(target, pred\) =>/);
    assert.ok(Math.abs(run(fixed) - want) < 1e-5, `${run(fixed)} vs ${want}`);
    assert.ok(Math.abs(run(code) - want) > 1e-3);
  });
});
