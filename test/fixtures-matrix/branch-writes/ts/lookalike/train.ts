import * as tf from '@tensorflow/tfjs';

class TinyNet {
  predict(x) {
    return x;
  }
  eval() {
    return this;
  }
}

function buildLarge() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [4] }), tf.layers.dropout({ rate: 0.3 }), tf.layers.dense({ units: 1 })],
  });
}

// one write is the user's own class: not every origin is a tfjs model
export function train(config, xs, ys) {
  let model;
  if (config.small) model = new TinyNet();
  else model = buildLarge();
  const optimizer = tf.train.adam(1e-3);
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs)));
  return model;
}

// explicit {training: false} is a choice
export function resume(saved, xs) {
  const model = saved instanceof tf.LayersModel ? saved : buildLarge();
  return tf.train.sgd(0.1).minimize(() => model.apply(xs, { training: false }).mean(), true);
}

export function pick(big) {
  if (big) {
    var net = new TinyNet();
  } else {
    var net = buildLarge();
  }
  net.eval();
  return net;
}
