const tf = require('@tensorflow/tfjs');
const { createModel } = require('./model');

async function fineTune(xs, ys) {
  const model = createModel();
  model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });
  model.layers[0].trainable = false;
  await model.fit(xs, ys);
}

function customStep(xs, ys) {
  const model = createModel();
  const optimizer = tf.train.adam(1e-3);
  model.layers[0].trainable = false;
  optimizer.minimize(() => tf.losses.meanSquaredError(ys, model.apply(xs, { training: true })));
}
exports.fineTune = fineTune;
exports.customStep = customStep;
