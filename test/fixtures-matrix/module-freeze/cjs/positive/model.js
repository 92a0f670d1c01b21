const tf = require('@tensorflow/tfjs');

function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dense({ units: 1 })] });
}

function createFrozenModel() {
  // a frozen feature layer, marked in its constructor
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4], trainable: false }), tf.layers.dense({ units: 1 })] });
}
exports.createModel = createModel;
exports.createFrozenModel = createFrozenModel;
