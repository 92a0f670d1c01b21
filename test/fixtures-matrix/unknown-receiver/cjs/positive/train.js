const tf = require('@tensorflow/tfjs');

// `policy` comes from the caller (another module): unknown origin, used as a model in a training step
function makeStep(policy) {
  const optimizer = tf.train.adam(1e-3);
  return (xs, ys) => optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, policy.predict(xs))); // expect: require-training-flag
}

function makeGradStep(net) {
  return (xs) => tf.variableGrads(() => net.apply(xs).mean()); // expect: require-training-flag
}
module.exports = { makeStep, makeGradStep };
