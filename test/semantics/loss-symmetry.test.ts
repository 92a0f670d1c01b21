// Facts behind no-swapped-loss-arguments: which tfjs loss/metric functions change their value when
// (labels, predictions) are swapped. Every entry of src/facts/loss-symmetry.ts is measured here, and
// the table must cover every (labels, predictions) function of tf.losses and tf.metrics.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LOSS_SYMMETRY } from '../../src/facts/loss-symmetry.js';
import { tf } from './tf.js';

type Fn = (a: tf.Tensor, b: tf.Tensor) => tf.Tensor;
const fnAt = (path: string): Fn => {
  const [ns, name] = path.split('.') as [string, string];
  return (tf as unknown as Record<string, Record<string, Fn>>)[ns]![name]!;
};

// valid inputs for BOTH orders (same shape, values in [0, 1])
const ONE_HOT = [[0, 1, 0], [1, 0, 0]];
const PROBS = [[0.2, 0.7, 0.1], [0.3, 0.3, 0.4]];
/** labels / predictions per function where the generic one-hot / probability pair says nothing. */
const INPUTS: Record<string, [number[][], number[][]]> = {
  'metrics.precision': [[[1, 0, 1, 0]], [[1, 1, 1, 0]]],
  'metrics.recall': [[[1, 0, 1, 0]], [[1, 1, 1, 0]]],
  // hinge on raw scores: labels in {0, 1}, predictions unbounded
  'losses.hingeLoss': [[[1, 0, 1, 0]], [[0.9, 0.2, 0.8, 0.6]]],
  'metrics.binaryAccuracy': [[[1, 0, 1, 0]], [[0.8, 0.4, 0.6, 0.3]]],
  // class indices vs class probabilities: swapping also swaps the shapes ([2,1] vs [2,3])
  'metrics.sparseCategoricalAccuracy': [[[1], [2]], PROBS],
};
const inputsOf = (path: string): [tf.Tensor, tf.Tensor] => {
  const [y, p] = INPUTS[path] ?? [ONE_HOT, PROBS];
  return [tf.tensor2d(y), tf.tensor2d(p)];
};
const value = (t: tf.Tensor): number[] => Array.from(t.dataSync());
const close = (a: number[], b: number[], eps = 1e-6): boolean => a.length === b.length && a.every((v, i) => Math.abs(v - b[i]!) <= eps);

describe('no-swapped-loss-arguments: (labels, predictions) symmetry of every tfjs loss and metric', () => {
  it('the table covers every function of tf.losses and tf.metrics except computeWeightedLoss', () => {
    const exported = [
      ...Object.keys(tf.losses).map((k) => `losses.${k}`),
      ...Object.keys(tf.metrics).map((k) => `metrics.${k}`),
    ].filter((k) => k !== 'losses.computeWeightedLoss');
    assert.deepEqual([...LOSS_SYMMETRY.keys()].sort(), exported.sort());
  });

  it('there is no KL-divergence function in tf.losses / tf.metrics (only the compile string loss)', () => {
    const names = [...Object.keys(tf.losses), ...Object.keys(tf.metrics)].join(' ');
    assert.doesNotMatch(names, /kullback|kld|divergence/i);
  });

  for (const [path, symmetry] of LOSS_SYMMETRY) {
    if (symmetry === 'asymmetric') {
      it(`${path}: swapped arguments give a different value, nothing thrown`, () => {
        const [y, p] = inputsOf(path);
        const right = value(fnAt(path)(y, p));
        const swapped = value(fnAt(path)(p, y));
        assert.ok(right.every(Number.isFinite), `right ${right}`);
        assert.ok(!close(right, swapped, 1e-3), `${path}: ${right} vs swapped ${swapped}`);
      });
    } else if (symmetry === 'loud') {
      it(`${path}: swapped arguments throw (the shapes differ): loud, not silent`, () => {
        const [y, p] = inputsOf(path);
        assert.ok(value(fnAt(path)(y, p)).every(Number.isFinite));
        assert.throws(() => fnAt(path)(p, y));
      });
    } else {
      it(`${path}: swapped arguments give the same value and the same gradient`, () => {
        const [y, p] = inputsOf(path);
        const f = fnAt(path);
        assert.ok(close(value(f(y, p)), value(f(p, y))));
        if (path === 'metrics.categoricalAccuracy') return; // argmax: no gradient to compare
        const gRight = tf.grad((q: tf.Tensor) => f(y, q).sum())(p);
        const gSwapped = tf.grad((q: tf.Tensor) => f(q, y).sum())(p);
        assert.ok(close(value(gRight), value(gSwapped)), `${value(gRight)} vs ${value(gSwapped)}`);
        assert.ok(value(gRight).some((v) => v !== 0), 'the gradient is not trivially zero');
      });
    }
  }

  it('asymmetric losses keep the same result shape when swapped (same-shape inputs): only the value is wrong', () => {
    for (const [path, s] of LOSS_SYMMETRY) {
      if (s !== 'asymmetric') continue;
      const [y, p] = inputsOf(path);
      assert.deepEqual(fnAt(path)(p, y).shape, fnAt(path)(y, p).shape, path);
    }
  });

  it('softmaxCrossEntropy(logits, labels) trains toward the wrong target: the gradient w.r.t. the logits differs', () => {
    const y = tf.tensor2d(ONE_HOT);
    const logits = tf.tensor2d([[0.5, -1, 2], [1, 0.2, -0.3]]);
    const right = value(tf.grad((q: tf.Tensor) => tf.losses.softmaxCrossEntropy(y, q))(logits));
    const swapped = value(tf.grad((q: tf.Tensor) => tf.losses.softmaxCrossEntropy(q, y))(logits));
    assert.ok(!close(right, swapped, 1e-3));
  });

  it('compile({loss}) calls a custom loss as loss(yTrue, yPred): a (pred, target) function that hands `pred` to the predictions slot computes the swapped loss', () => {
    const yTrue = [[0, 1, 0], [1, 0, 0]];
    const logits = [[-2, 4, 0], [3, -1, 0.5]]; // right answers: small loss
    const evaluate = (loss: (a: tf.Tensor, b: tf.Tensor) => tf.Tensor): number => {
      const m = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: [3] })] });
      m.compile({ optimizer: 'sgd', loss });
      return (m.evaluate(tf.tensor2d(logits), tf.tensor2d(yTrue)) as tf.Scalar).dataSync()[0]!;
    };
    const seen: number[][][] = [];
    evaluate((a, b) => {
      seen.push(a.arraySync() as number[][], b.arraySync() as number[][]);
      return tf.losses.softmaxCrossEntropy(a, b);
    });
    assert.deepEqual(seen[0], yTrue, 'first argument is yTrue');
    const correct = tf.losses.softmaxCrossEntropy(tf.tensor2d(yTrue), tf.tensor2d(logits)).dataSync()[0]!;
    const pytorchNamed = evaluate((pred, target) => tf.losses.softmaxCrossEntropy(target, pred));
    const namesOnly = evaluate((pred, target) => tf.losses.softmaxCrossEntropy(pred, target));
    const swappedParams = evaluate((target, pred) => tf.losses.softmaxCrossEntropy(target, pred));
    assert.ok(correct > 0 && pytorchNamed < 0, `a negative "cross-entropy": ${pytorchNamed} vs ${correct}`);
    assert.ok(Math.abs(namesOnly - correct) < 1e-5, 'misleading names, right computation');
    assert.ok(Math.abs(swappedParams - correct) < 1e-5, 'swapping the parameters fixes it');
  });
});
