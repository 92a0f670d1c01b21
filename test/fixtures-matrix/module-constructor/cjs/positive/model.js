const tf = require('@tensorflow/tfjs');

function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
}
module.exports = { createModel };
