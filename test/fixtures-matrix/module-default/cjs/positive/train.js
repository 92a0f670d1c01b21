const tf = require('@tensorflow/tfjs');
const buildModel = require('./model');

const model = buildModel();
const optimizer = tf.train.adam(1e-3);

function step(xs, ys) {
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
  model.train(); // expect: no-torch-mode-switch
}
exports.step = step;
