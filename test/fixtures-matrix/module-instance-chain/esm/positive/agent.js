import * as tf from '@tensorflow/tfjs';
import { Critic } from './critic.js';

export class Agent {
  constructor() {
    this.critic = new Critic();
    this.optimizer = tf.train.adam(1e-3);
  }
}
