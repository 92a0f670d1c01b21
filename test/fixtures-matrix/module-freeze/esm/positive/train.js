import * as tf from '@tensorflow/tfjs';
import { createModel, createFrozenModel } from './model.js';

export async function fineTune(xs, ys) {
  const model = createModel();
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  model.layers[1].trainable = false; // expect: no-trainable-after-compile
  await model.fit(xs, ys);
}

export function customStep(xs, ys) {
  const model = createFrozenModel();
  const optimizer = tf.train.adam(1e-3);
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true }))); // expect: require-var-list-when-frozen
}
