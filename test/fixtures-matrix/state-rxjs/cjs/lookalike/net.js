const tf = require('@tensorflow/tfjs');

function createNet() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })],
  });
}
module.exports = { createNet };
