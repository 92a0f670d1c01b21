import * as tf from '@tensorflow/tfjs';
import { forward } from './forward';

const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });
const optimizer = tf.train.adam(1e-3);

export function evaluate(xs) {
  // inference outside any training step: predict() is right here
  return forward(model, xs);
}

export function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true })));
}
