import * as tf from '@tensorflow/tfjs';
import brain from 'brain.js';

function buildNet() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [4] }), tf.layers.dropout({ rate: 0.3 }), tf.layers.dense({ units: 1 })],
  });
}

// the same holders, filled from outside with values that are not tfjs models
class Agent {
  constructor() {
    this.model = null;
    this.optimizer = tf.train.adam(1e-3);
  }

  step(xs, ys) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs)));
  }
}

const state = {};

export function setup() {
  const agent = new Agent();
  agent.model = { predict: (x) => x }; // the user's own predictor
  state.model = new brain.NeuralNetwork();
  state.embedding = { view: (n) => [n] };
  state.net = buildNet();
  state.net.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  return agent;
}

export async function train(xs, ys) {
  state.model.train([{ input: [0, 1], output: [1] }]);
  // a real tfjs model: frozen, then compiled again before training
  state.net.layers[0].trainable = false;
  state.net.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  await state.net.fit(xs, ys);
  const opt = tf.train.sgd(0.1);
  // the frozen layer stays frozen: the var list names only the trainable weights
  opt.minimize(
    () => tf.losses.meanSquaredError(ys, state.net.apply(xs, { training: true })),
    false,
    state.net.trainableWeights.map((w) => w.read()),
  );
  return state.embedding.view(-1);
}
