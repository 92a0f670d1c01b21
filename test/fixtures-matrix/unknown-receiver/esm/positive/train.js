import * as tf from '@tensorflow/tfjs';

// `policy` comes from the caller (another module): unknown origin, used as a model in a training step
export function makeStep(policy) {
  const optimizer = tf.train.adam(1e-3);
  return (xs, ys) => optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, policy.predict(xs))); // expect: require-training-flag
}

export function makeGradStep(net) {
  return (xs) => tf.variableGrads(() => net.apply(xs).mean()); // expect: require-training-flag
}
