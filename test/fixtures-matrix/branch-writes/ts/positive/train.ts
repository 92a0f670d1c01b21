import * as tf from '@tensorflow/tfjs';

function buildSmall() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
}

function buildLarge() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [4] }), tf.layers.dropout({ rate: 0.3 }), tf.layers.dense({ units: 1 })],
  });
}

// every write of `model` is a tfjs model, one of them has Dropout
export function train(config, xs, ys) {
  let model;
  if (config.small) model = buildSmall();
  else model = buildLarge();
  const optimizer = tf.train.adam(1e-3);
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
  return model;
}

// an instanceof guard proves the first branch, the builder the second
export function resume(saved, xs) {
  const model = saved instanceof tf.LayersModel ? saved : buildLarge();
  return tf.train.sgd(0.1).minimize(() => model.apply(xs).mean(), true); // expect: require-training-flag
}

// `var` declared in two branches
export function pick(big) {
  if (big) {
    var net = buildLarge();
  } else {
    var net = buildSmall();
  }
  net.eval(); // expect: no-torch-mode-switch
  return net;
}
