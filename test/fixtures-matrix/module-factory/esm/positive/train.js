import * as tf from '@tensorflow/tfjs';
import { createModel } from './model.js';

const model = createModel();
const optimizer = tf.train.adam(1e-3);

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}

export function warmup() {
  model.eval(); // expect: no-torch-mode-switch
}
