const tf = require('@tensorflow/tfjs');
const { Critic } = require('./critic.js');

class Agent {
  constructor() {
    this.critic = new Critic();
    this.optimizer = tf.train.adam(1e-3);
  }
}
module.exports = { Agent };
