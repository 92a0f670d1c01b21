const tf = require('@tensorflow/tfjs');
const { createModel } = require('./model');

const model = createModel();
const optimizer = tf.train.adam(1e-3);

function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}

function warmup() {
  model.eval(); // expect: no-torch-mode-switch
}
exports.step = step;
exports.warmup = warmup;
