const tf = require('@tensorflow/tfjs');
const { minimize } = require('numeric-optim');
const brain = require('brain.js');

class Scaler {
  apply(x) {
    return x;
  }
}

function makeStep(policy, forward, args) {
  const optimizer = tf.train.adam(1e-3);
  const scaler = new Scaler();
  const net = new brain.NeuralNetwork();
  return (xs, ys) => {
    optimizer.minimize(() => tf.losses.softmaxCrossEntropy(ys, policy.apply(xs, { training: true })));
    optimizer.minimize(() => forward.apply(null, args));
    optimizer.minimize(() => scaler.apply(xs).mean());
    optimizer.minimize(() => tf.tensor(net.run(xs)).mean());
    return minimize((x) => policy.predict(x), [0, 0]);
  };
}

function sum(f) {
  return (...args) => f.apply(undefined, args);
}
module.exports = { makeStep, sum };
