const tf = require('@tensorflow/tfjs');
const { Agent } = require('./agent.js');

// the model sits two instances deep, each class in its own module
const agent = new Agent();
const target = agent.critic.buildTarget();

function step(xs, ys) {
  agent.optimizer.minimize(() => tf.losses.meanSquaredError(ys, agent.critic.model.predict(xs))); // expect: require-training-flag
}

function evaluate() {
  agent.critic.model.eval(); // expect: no-torch-mode-switch
  target.eval(); // expect: no-torch-mode-switch
}
module.exports = { step, evaluate };
