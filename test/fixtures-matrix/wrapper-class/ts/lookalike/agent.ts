import * as tf from '@tensorflow/tfjs';
import brain from 'brain.js';

// the user's own critic: its predict/eval/train are not tfjs
class Critic {
  constructor() {
    this.model = { predict: (x) => x, eval: () => undefined, layers: [{ trainable: true }] };
  }
}

class BrainCritic {
  constructor() {
    this.model = new brain.NeuralNetwork();
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
    this.brain = new BrainCritic();
    this.features = new FeatureNet();
    this.optimizer = tf.train.adam(1e-3);
  }

  update(states, targets) {
    this.optimizer.minimize(() => tf.losses.meanSquaredError(targets, this.critic.model.predict(states)));
  }

  fineTune(xs, ys) {
    // the frozen base stays frozen: the var list names only the trainable weights
    this.optimizer.minimize(
      () => tf.losses.meanSquaredError(ys, this.features.model.apply(xs)),
      false,
      this.features.model.trainableWeights.map((w) => w.read()),
    );
  }

  act(state) {
    this.critic.model.eval();
    this.brain.model.train([{ input: state, output: [1] }]);
    return this.critic.model.predict(state);
  }
}

export async function freezeCritic(xs, ys) {
  const agent = new Agent();
  agent.critic.model.layers[0].trainable = false;
  await agent.critic.model.fit(xs, ys);
  // a real tfjs model frozen and compiled again before training
  agent.features.model.layers[1].trainable = false;
  agent.features.model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
  await agent.features.model.fit(xs, ys);
  return agent;
}
