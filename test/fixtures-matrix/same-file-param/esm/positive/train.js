import * as tf from '@tensorflow/tfjs';

function trainStep(model, optimizer, xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}

function normalize(t, mean) {
  t.sub(mean); // expect: no-discarded-tensor
  return t.view(-1); // expect: no-torch-tensor-api
}

async function freezeAndFit(net, xs, ys) {
  net.layers[0].trainable = false; // expect: no-trainable-after-compile
  await net.fit(xs, ys);
}

export async function run(xs, ys) {
  const net = tf.sequential({
    layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })],
  });
  net.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  trainStep(net, tf.train.adam(1e-3), xs, ys);
  await freezeAndFit(net, xs, ys);
  return normalize(tf.tensor1d([1, 2, 3]), 2);
}

export class Trainer {
  constructor() {
    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [2] }), tf.layers.batchNormalization()] });
    this.opt = tf.train.sgd(0.1);
  }

  fit(model, xs) {
    this.opt.minimize(() => model.apply(xs).mean()); // expect: require-training-flag
  }

  epoch(xs) {
    this.fit(this.model, xs);
  }
}
