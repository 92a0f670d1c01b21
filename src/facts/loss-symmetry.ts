/**
 * Which tfjs 4.22 loss and metric functions change their value when `(labels, predictions)` are
 * swapped. Each entry is measured by `test/semantics/loss-symmetry.test.ts` on the real tfjs CPU
 * backend: asymmetric ones give a different value for the same, valid inputs with nothing thrown;
 * symmetric ones give the same value (and, when differentiable, the same gradient) either way.
 * `tf.losses.computeWeightedLoss(losses, weights)` is not a (labels, predictions) pair and is absent.
 */
/** `loud`: swapping the arguments throws (the shapes differ), so there is nothing silent to report. */
export type Symmetry = 'asymmetric' | 'symmetric' | 'loud';

export const LOSS_SYMMETRY: ReadonlyMap<string, Symmetry> = new Map<string, Symmetry>([
  ['losses.absoluteDifference', 'symmetric'],
  ['losses.cosineDistance', 'symmetric'],
  ['losses.hingeLoss', 'asymmetric'],
  ['losses.huberLoss', 'symmetric'],
  ['losses.logLoss', 'asymmetric'],
  ['losses.meanSquaredError', 'symmetric'],
  ['losses.sigmoidCrossEntropy', 'asymmetric'],
  ['losses.softmaxCrossEntropy', 'asymmetric'],
  ['metrics.MAPE', 'asymmetric'],
  ['metrics.mape', 'asymmetric'],
  ['metrics.meanAbsolutePercentageError', 'asymmetric'],
  ['metrics.MSE', 'symmetric'],
  ['metrics.mse', 'symmetric'],
  ['metrics.meanSquaredError', 'symmetric'],
  ['metrics.meanAbsoluteError', 'symmetric'],
  ['metrics.cosineProximity', 'symmetric'],
  ['metrics.binaryAccuracy', 'asymmetric'],
  ['metrics.binaryCrossentropy', 'asymmetric'],
  // argmax(labels) == argmax(predictions): the same comparison either way
  ['metrics.categoricalAccuracy', 'symmetric'],
  ['metrics.categoricalCrossentropy', 'asymmetric'],
  ['metrics.precision', 'asymmetric'],
  ['metrics.recall', 'asymmetric'],
  ['metrics.r2Score', 'asymmetric'],
  // (class indices, probabilities): swapped, the shapes differ and tfjs throws
  ['metrics.sparseCategoricalAccuracy', 'loud'],
]);
