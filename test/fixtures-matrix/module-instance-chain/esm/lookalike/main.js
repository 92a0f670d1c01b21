import * as tf from '@tensorflow/tfjs';
import { Agent } from './agent.js';

const agent = new Agent();
const target = agent.critic.buildTarget();

export function step(xs, ys) {
  agent.optimizer.minimize(() => tf.losses.meanSquaredError(ys, agent.critic.model.predict(xs)), [0]);
}

export function evaluate() {
  agent.critic.model.eval();
  target.eval();
}
