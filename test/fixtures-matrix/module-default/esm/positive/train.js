import * as tf from '@tensorflow/tfjs';
import buildModel from './model.js';

const model = buildModel();
const optimizer = tf.train.adam(1e-3);

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
  model.train(); // expect: no-torch-mode-switch
}
