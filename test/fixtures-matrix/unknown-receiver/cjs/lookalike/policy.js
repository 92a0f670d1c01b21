const tf = require('@tensorflow/tfjs');

function buildPolicy() {
  return tf.sequential({
    layers: [tf.layers.dense({ units: 16, inputShape: [4] }), tf.layers.dropout({ rate: 0.2 }), tf.layers.dense({ units: 2 })],
  });
}
module.exports = { buildPolicy };
