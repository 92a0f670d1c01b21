import * as tf from '@tensorflow/tfjs';
import { minimize } from 'numeric-optim';
import brain from 'brain.js';

class Scaler {
  apply(x) {
    return x;
  }
}

export function makeStep(policy, forward, args) {
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

export function sum(f) {
  return (...args) => f.apply(undefined, args);
}
