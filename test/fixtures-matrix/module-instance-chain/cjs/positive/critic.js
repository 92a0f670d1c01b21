const tf = require('@tensorflow/tfjs');

class Critic {
  constructor() {
    this.model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 }), tf.layers.dense({ units: 1 })] });
  }

  buildTarget() {
    return tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });
  }
}
module.exports = { Critic };
