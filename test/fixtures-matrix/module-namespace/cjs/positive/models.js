const tf = require('@tensorflow/tfjs');

function createModel() {
  return tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });
}

const optimizer = tf.train.adam(1e-3);

class Agent {
  constructor() {
    this.model = createModel();
  }
}
module.exports = { createModel, optimizer, Agent };
