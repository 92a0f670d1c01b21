import * as tf from '@tensorflow/tfjs';
import * as models from './models.js';
import * as trainer from './train.js';

// every value arrives as a member of a module namespace
const model = models.createModel();

export function step(xs, ys) {
  models.optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}

export function evaluate() {
  new models.Agent().model.eval(); // expect: no-torch-mode-switch
}

export function fit(xs, ys) {
  trainer.train(model, models.optimizer, xs, ys, tf.losses.meanSquaredError);
}
