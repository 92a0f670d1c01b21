import * as tf from '@tensorflow/tfjs';

function buildGan() {
  const generator = tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 8 })],
  });
  const discriminator = tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [8] }), tf.layers.dropout({ rate: 0.3 }), tf.layers.dense({ units: 1 })],
  });
  return { generator, discriminator, optimizer: tf.train.adam(2e-4) };
}

const { generator, discriminator, optimizer } = buildGan();

export function discriminatorStep(real) {
  optimizer.minimize(() => discriminator.predict(real).mean(), discriminator.trainableWeights); // expect: require-training-flag, no-misplaced-var-list
}

export function generatorMode() {
  generator.train(); // expect: no-torch-mode-switch
}

// a factory whose returned object has the loss as a method
function makeClassifier() {
  const dense = tf.layers.dense({ units: 8, inputShape: [4] });
  const drop = tf.layers.dropout({ rate: 0.5 });
  return {
    loss(xs, ys) {
      return tf.losses.meanSquaredError(ys, drop.apply(dense.apply(xs))); // expect: require-training-flag
    },
    weights: () => dense.trainableWeights,
  };
}

const classifier = makeClassifier();
const opt = tf.train.sgd(0.1);

export function classifierStep(xs, ys) {
  opt.minimize(() => classifier.loss(xs, ys));
}

export function built() {
  const parts = buildGan();
  return parts.generator.predict(tf.ones([1, 4])).view(-1); // expect: no-torch-tensor-api
}
