const tf = require('@tensorflow/tfjs');
const { createModel, offset } = require('./lib');

const model = createModel();
const optimizer = tf.train.sgd(0.1);

function step(xs, ys) {
  offset.add(1); // expect: no-discarded-tensor
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.predict(xs))); // expect: require-training-flag
}
exports.step = step;
