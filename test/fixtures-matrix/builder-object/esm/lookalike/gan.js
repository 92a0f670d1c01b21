import * as tf from '@tensorflow/tfjs';
import ml5 from 'ml5';

// ml5-style and plain objects with the same method names
function buildGan() {
  const generator = ml5.neuralNetwork({ task: 'regression' });
  const discriminator = { predict: (x) => x, trainableWeights: [] };
  return { generator, discriminator, optimizer: { minimize: (f, w) => f(w) } };
}

const { generator, discriminator, optimizer } = buildGan();

export function discriminatorStep(real) {
  optimizer.minimize(() => discriminator.predict(real).mean(), discriminator.trainableWeights);
}

export function generatorMode() {
  generator.train();
}

function makeClassifier() {
  const dense = tf.layers.dense({ units: 8, inputShape: [4] });
  const drop = tf.layers.dropout({ rate: 0.5 });
  return {
    loss(xs, ys) {
      return tf.losses.meanSquaredError(ys, drop.apply(dense.apply(xs), { training: true }));
    },
  };
}

const classifier = makeClassifier();
const opt = tf.train.sgd(0.1);

export function classifierStep(xs, ys) {
  opt.minimize(() => classifier.loss(xs, ys));
}

export function built() {
  const parts = buildGan();
  return parts.generator.predict([1, 2, 3]).view(-1);
}
