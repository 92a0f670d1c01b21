import * as tf from '@tensorflow/tfjs';
import { createModel, offset } from './lib/index.js';

const model = createModel();
const optimizer = tf.train.sgd(0.1);

export function step(xs, ys) {
  offset.add(1); // expect: no-discarded-tensor
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}
