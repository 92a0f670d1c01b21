import * as tf from '@tensorflow/tfjs';

function buildNet() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [4] }), tf.layers.dropout({ rate: 0.3 }), tf.layers.dense({ units: 1 })],
  });
}

// the model is set from outside the class, after construction
class Agent {
  constructor() {
    this.model = null;
    this.optimizer = tf.train.adam(1e-3);
  }

  step(xs, ys) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.model.predict(xs))); // expect: require-training-flag
  }
}

// a plain state object filled in after creation
const state = {};

export function setup() {
  const agent = new Agent();
  agent.model = buildNet();
  state.model = buildNet();
  state.embedding = tf.randomNormal([4, 4]);
  return agent;
}

export async function train(xs, ys) {
  state.model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  state.model.eval(); // expect: no-torch-mode-switch
  state.model.layers[0].trainable = false; // expect: no-trainable-after-compile
  await state.model.fit(xs, ys);
  return state.embedding.view(-1); // expect: no-torch-tensor-api
}
