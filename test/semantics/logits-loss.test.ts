// Facts behind no-logits-with-probability-loss, measured on real tfjs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tf } from './tf.js';

/** The loss compile({loss}) computes for one batch, through model.evaluate on an identity model. */
function compiledLoss(loss: string | ((a: tf.Tensor, b: tf.Tensor) => tf.Tensor), yTrue: number[][], yPred: number[][]): number {
  const m = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [yPred[0]!.length] })] });
  m.compile({ optimizer: 'sgd', loss });
  return (m.evaluate(tf.tensor2d(yPred), tf.tensor2d(yTrue)) as tf.Scalar).dataSync()[0]!;
}
const close = (a: number, b: number, eps = 1e-3): boolean => Math.abs(a - b) < eps;

describe('no-logits-with-probability-loss: probability losses on logits', () => {
  it("'categoricalCrossentropy' on logits: (almost) zero loss for a WRONG prediction; softmaxCrossEntropy gives 3.50", () => {
    const y = [[1, 0, 0]];
    const logits = [[-2, 1, 0.5]]; // argmax 1, label 0
    assert.ok(compiledLoss('categoricalCrossentropy', y, logits) < 1e-5);
    assert.ok(close(tf.losses.softmaxCrossEntropy(tf.tensor2d(y), tf.tensor2d(logits)).dataSync()[0]!, 3.5046));
  });

  it("'categoricalCrossentropy' applies no softmax: it divides by the sum and clips (matches that formula, not softmax)", () => {
    const y = [[1, 0, 0]];
    const logits = [[0.1, 5, -4.9]];
    const p = logits[0]!.map((v) => v / logits[0]!.reduce((a, b) => a + b, 0)).map((v) => Math.min(Math.max(v, 1e-7), 1 - 1e-7));
    assert.ok(close(compiledLoss('categoricalCrossentropy', y, logits), -Math.log(p[0]!)));
    assert.ok(!close(compiledLoss('categoricalCrossentropy', y, logits), tf.losses.softmaxCrossEntropy(tf.tensor2d(y), tf.tensor2d(logits)).dataSync()[0]!, 0.5));
  });

  it("'sparseCategoricalCrossentropy' on logits is not the logits cross-entropy either", () => {
    const logits = [[-2, 1, 0.5]];
    const sparse = compiledLoss('sparseCategoricalCrossentropy', [[0]], logits);
    const truth = tf.losses.softmaxCrossEntropy(tf.tensor2d([[1, 0, 0]]), tf.tensor2d(logits)).dataSync()[0]!;
    assert.ok(Math.abs(sparse - truth) > 1, `sparse ${sparse} vs ${truth}`);
  });

  it("'binaryCrossentropy' on logit -3 with label 1 gives 16.1 (clipped), sigmoidCrossEntropy 3.05", () => {
    assert.ok(close(compiledLoss('binaryCrossentropy', [[1]], [[-3]]), 16.118));
    assert.ok(close(tf.losses.sigmoidCrossEntropy(tf.tensor2d([[1]]), tf.tensor2d([[-3]])).dataSync()[0]!, 3.0486));
  });

  it('tf.metrics.categoricalCrossentropy / binaryCrossentropy as losses equal the string losses on logits (there is no tf.metrics.sparseCategoricalCrossentropy)', () => {
    const logits = [[0.1, 5, -4.9]];
    assert.ok(close(compiledLoss(tf.metrics.categoricalCrossentropy, [[1, 0, 0]], logits), compiledLoss('categoricalCrossentropy', [[1, 0, 0]], logits)));
    assert.equal((tf.metrics as Record<string, unknown>)['sparseCategoricalCrossentropy'], undefined);
    assert.ok(close(compiledLoss(tf.metrics.binaryCrossentropy, [[1]], [[-3]]), compiledLoss('binaryCrossentropy', [[1]], [[-3]])));
  });

  it('tf.losses.logLoss assumes probabilities: a negative logit gives NaN', () => {
    assert.ok(Number.isNaN(tf.losses.logLoss(tf.tensor2d([[1]]), tf.tensor2d([[-3]])).dataSync()[0]!));
  });

  it("activation:'softmax' + 'categoricalCrossentropy' equals softmaxCrossEntropy on the logits (suggestions agree)", () => {
    const y = [[0, 1, 0], [1, 0, 0]];
    const logits = [[0.3, -1.2, 2], [1.5, 0.2, -0.7]];
    const probs = tf.softmax(tf.tensor2d(logits)).arraySync() as number[][];
    const a = compiledLoss('categoricalCrossentropy', y, probs);
    const b = compiledLoss((yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp), y, logits);
    assert.ok(close(a, b, 1e-4), `${a} vs ${b}`);
    const sig = compiledLoss('binaryCrossentropy', [[1], [0]], tf.sigmoid(tf.tensor2d([[0.4], [-1.3]])).arraySync() as number[][]);
    assert.ok(close(sig, compiledLoss((yt, yp) => tf.losses.sigmoidCrossEntropy(yt, yp), [[1], [0]], [[0.4], [-1.3]]), 1e-4));
  });

  it('training a linear 3-class model: categoricalCrossentropy on logits stalls, both suggested fixes learn', async () => {
    const n = 240;
    const X = tf.randomNormal([n, 4], 0, 1, 'float32', 11);
    const labels = X.matMul(tf.randomNormal([4, 3], 0, 1, 'float32', 12)).argMax(1);
    const Y = tf.oneHot(labels, 3).toFloat();
    const init = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) })] }).getWeights();
    const accuracy = async (activation: 'linear' | 'softmax', loss: string | ((a: tf.Tensor, b: tf.Tensor) => tf.Tensor)): Promise<number> => {
      const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation })] });
      m.setWeights(init);
      m.compile({ optimizer: tf.train.adam(0.05), loss });
      await m.fit(X, Y, { epochs: 40, batchSize: 32, verbose: 0, shuffle: false });
      return (m.predict(X) as tf.Tensor).argMax(1).equal(labels).mean().dataSync()[0]!;
    };
    const wrong = await accuracy('linear', 'categoricalCrossentropy');
    const logitsLoss = await accuracy('linear', (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp));
    const softmax = await accuracy('softmax', 'categoricalCrossentropy');
    assert.ok(logitsLoss > 0.9 && softmax > 0.9, `fixed: ${logitsLoss}, ${softmax}`);
    assert.ok(wrong < logitsLoss - 0.25, `logits + categoricalCrossentropy: ${wrong}`);
  });
});

describe('no-logits-with-probability-loss: double softmax / sigmoid', () => {
  it('softmax output into softmaxCrossEntropy: a perfect prediction still costs 0.55 (3 classes)', () => {
    const y = tf.tensor2d([[1, 0, 0]]);
    const probs = tf.tensor2d([[1, 0, 0]]);
    const loss = tf.losses.softmaxCrossEntropy(y, probs).dataSync()[0]!;
    assert.ok(close(loss, -Math.log(Math.E / (Math.E + 2))), String(loss));
    assert.ok(close(tf.losses.sigmoidCrossEntropy(tf.tensor2d([[1]]), tf.tensor2d([[1]])).dataSync()[0]!, Math.log(1 + Math.exp(-1))));
  });

  it('on a confidently wrong prediction the gradient through the double softmax is over 10x smaller', () => {
    const y = tf.tensor2d([[1, 0, 0]]);
    const z = tf.tensor2d([[0, 4, 0]]);
    const norm = (g: tf.Tensor) => g.square().sum().sqrt().dataSync()[0]!;
    const single = norm(tf.grad((t: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, t))(z));
    const double = norm(tf.grad((t: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, tf.softmax(t)))(z));
    assert.ok(double * 10 < single, `double ${double} vs single ${single}`);
  });
});

describe('no-logits-with-probability-loss: fromLogits', () => {
  it('compile() ignores a top-level fromLogits: the loss on logits is unchanged', () => {
    const m = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] })] });
    m.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy', fromLogits: true } as tf.ModelCompileArgs);
    const withFlag = (m.evaluate(tf.tensor2d([[-2, 1, 0.5]]), tf.tensor2d([[1, 0, 0]])) as tf.Scalar).dataSync()[0]!;
    assert.ok(close(withFlag, compiledLoss('categoricalCrossentropy', [[1, 0, 0]], [[-2, 1, 0.5]])));
    assert.ok(withFlag < 1e-5, 'still no softmax');
  });

  it('fromLogits inside a loss object throws "Unknown entry in loss dictionary"', () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4] })] });
    assert.throws(() => m.compile({ optimizer: 'sgd', loss: { fromLogits: true } as never }), /Unknown entry in loss dictionary: "fromLogits"/);
  });

  it('there is no logits variant of the sparse loss in tf.losses', () => {
    const names = Object.keys(tf.losses);
    assert.ok(names.includes('softmaxCrossEntropy') && names.includes('sigmoidCrossEntropy'));
    assert.ok(!names.some((n) => /sparse/i.test(n)), names.join(','));
  });
});
