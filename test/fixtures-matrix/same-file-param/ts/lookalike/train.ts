import * as tf from '@tensorflow/tfjs';
import { minimize } from 'numeric-optim';

class Rules {
  predict(x) {
    return x;
  }
}

function trainStep(model, optimizer, xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs)));
}

function normalize(t, mean) {
  t.sub(mean);
  return t.view(-1);
}

const net = tf.sequential({
  layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })],
});

export function run(xs, ys) {
  // one call site passes the user's own class: not every origin is a tfjs model
  trainStep(net, tf.train.adam(1e-3), xs, ys);
  trainStep(new Rules(), tf.train.adam(1e-3), xs, ys);
  // a numeric library's minimize(f, x0)
  minimize((x) => net.predict(x), [0, 0]);
  return normalize({ sub: () => 0, view: () => [] }, 2);
}

export function forward(fn, args) {
  // Function.prototype.apply inside a training step
  return tf.train.sgd(0.1).minimize(() => fn.apply(null, args), true);
}

export function step(x) {
  return forward((a) => a.square().mean(), [x]);
}
