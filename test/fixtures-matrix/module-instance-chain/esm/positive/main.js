import * as tf from '@tensorflow/tfjs';
import { Agent } from './agent.js';

// the model sits two instances deep, each class in its own module
const agent = new Agent();
const target = agent.critic.buildTarget();

export function step(xs, ys) {
  agent.optimizer.minimize(() => tf.losses.meanSquaredError(ys, agent.critic.model.predict(xs))); // expect: require-training-flag
}

export function evaluate() {
  agent.critic.model.eval(); // expect: no-torch-mode-switch
  target.eval(); // expect: no-torch-mode-switch
}
