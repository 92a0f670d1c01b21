const tf = require('@tensorflow/tfjs');
const { Agent } = require('./agent.js');

const agent = new Agent();
const target = agent.critic.buildTarget();

function step(xs, ys) {
  agent.optimizer.minimize(() => tf.losses.meanSquaredError(ys, agent.critic.model.predict(xs)), [0]);
}

function evaluate() {
  agent.critic.model.eval();
  target.eval();
}
module.exports = { step, evaluate };
