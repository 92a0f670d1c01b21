const tf = require('@tensorflow/tfjs');

class Agent {
  constructor() {
    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
  }
}
exports.Agent = Agent;
