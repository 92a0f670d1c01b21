import * as tf from '@tensorflow/tfjs';

function buildNet() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 }), tf.layers.dense({ units: 1 })],
  });
}

const nets = [buildNet(), buildNet(), buildNet()];
const optimizer = tf.train.adam(1e-3);

export function trainAll(xs, ys) {
  for (const net of nets) {
    optimizer.minimize(() => tf.losses.meanSquaredError(ys, net.predict(xs))); // expect: require-training-flag
  }
}

export function trainFirst(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, nets[0].predict(xs))); // expect: require-training-flag
}

export function evalMode() {
  nets.forEach((net) => net.eval()); // expect: no-torch-mode-switch
}

// a named function handed to forEach: its parameter takes each net
function freezeOne(net) {
  net.eval(); // expect: no-torch-mode-switch
}
nets.forEach(freezeOne);
