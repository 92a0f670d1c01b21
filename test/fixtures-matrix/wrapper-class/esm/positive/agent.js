import * as tf from '@tensorflow/tfjs';

class Critic {
  constructor() {
    this.model = tf.sequential({
      layers: [tf.layers.dense({ units: 32, inputShape: [8] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })],
    });
    this.model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  }
}

class FeatureNet {
  constructor() {
    this.base = tf.layers.dense({ units: 8, inputShape: [4], trainable: false });
    this.model = tf.sequential({ layers: [this.base, tf.layers.dense({ units: 1 })] });
  }
}

export class Agent {
  constructor() {
    this.critic = new Critic();
    this.features = new FeatureNet();
    this.optimizer = tf.train.adam(1e-3);
  }

  update(states, targets) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.critic.model.predict(states))); // expect: require-training-flag
  }

  fineTune(xs, ys) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(ys, this.features.model.apply(xs))); // expect: require-var-list-when-frozen
  }

  act(state) {
    this.critic.model.eval(); // expect: no-torch-mode-switch
    return this.critic.model.predict(state);
  }
}

export async function freezeCritic(xs, ys) {
  const agent = new Agent();
  agent.critic.model.layers[0].trainable = false; // expect: no-trainable-after-compile
  await agent.critic.model.fit(xs, ys);
  return agent;
}
