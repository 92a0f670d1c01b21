import * as tf from '@tensorflow/tfjs';
import * as models from './models.js';
import * as trainer from './train.js';

const model = models.createModel();

export function step(xs, ys) {
  models.optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs)), [0]);
}

export function evaluate() {
  new models.Agent().model.eval();
}

export function fit(xs, ys) {
  trainer.train(model, models.optimizer, xs, ys, tf.losses.meanSquaredError);
}
