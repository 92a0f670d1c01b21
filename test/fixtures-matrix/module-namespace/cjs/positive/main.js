const tf = require('@tensorflow/tfjs');
const models = require('./models.js');
const trainer = require('./train.js');

// every value arrives as a member of a module namespace
const model = models.createModel();

function step(xs, ys) {
  models.optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}

function evaluate() {
  new models.Agent().model.eval(); // expect: no-torch-mode-switch
}

function fit(xs, ys) {
  trainer.train(model, models.optimizer, xs, ys, tf.losses.meanSquaredError);
}
module.exports = { step, evaluate, fit };
